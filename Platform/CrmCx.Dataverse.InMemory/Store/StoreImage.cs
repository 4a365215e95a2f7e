using System;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Store;

/// <summary>
/// A complete, deterministic text image of the store, for tests that prove a rollback left it exactly as it was: the
/// row-version counter, every non-empty table, every row with its id, RowVersion, state, every column (typed, full
/// precision) and key attributes, and every entry of every alternate key index. Two stores with equal images behave alike.
/// </summary>
internal static class StoreImage
{
    public static string Of(RowStore store)
    {
        var text = new StringBuilder();
        text.Append("next row version after ").Append(store.LastVersion.ToString(CultureInfo.InvariantCulture)).Append('\n');
        // A table whose rows all went away is the same as one that never had any.
        foreach (var (name, rows) in store.Tables.Where(t => t.Rows.Count > 0).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            text.Append("table ").Append(name).Append(" (").Append(rows.Count.ToString(CultureInfo.InvariantCulture)).Append(" rows)\n");
            foreach (var row in rows.Rows.OrderBy(r => r.Id))
            {
                text.Append("  row ").Append(row.LogicalName).Append(' ').Append(row.Id.ToString("D"))
                    .Append(" rowversion=").Append(row.RowVersion ?? "null")
                    .Append(" state=").Append(row.EntityState?.ToString() ?? "null").Append('\n');
                foreach (var pair in row.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
                    text.Append("    ").Append(pair.Key).Append(" = ").Append(Describe(pair.Value)).Append('\n');
                foreach (var pair in row.KeyAttributes.OrderBy(a => a.Key, StringComparer.Ordinal))
                    text.Append("    key ").Append(pair.Key).Append(" = ").Append(Describe(pair.Value)).Append('\n');
                foreach (var pair in row.FormattedValues.OrderBy(a => a.Key, StringComparer.Ordinal))
                    text.Append("    formatted ").Append(pair.Key).Append(" = ").Append(pair.Value).Append('\n');
            }
            foreach (var (key, value, id) in rows.IndexEntries.OrderBy(e => e.Key, StringComparer.Ordinal).ThenBy(e => e.Value, StringComparer.Ordinal))
                text.Append("  index ").Append(key).Append(' ').Append(value.Replace('\u001f', '|')).Append(" -> ").Append(id.ToString("D")).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>A value with its type, in full precision (DateTime with its kind, decimals with their scale).</summary>
    public static string Describe(object? value) => value switch
    {
        null => "null",
        string s => "string \"" + s + "\"",
        DateTime d => "DateTime " + d.ToString("O", CultureInfo.InvariantCulture) + " " + d.Kind,
        EntityReference r => $"EntityReference {r.LogicalName}:{r.Id:D} name={r.Name ?? "null"}"
            + string.Concat(r.KeyAttributes.OrderBy(k => k.Key, StringComparer.Ordinal).Select(k => $" key {k.Key}={Describe(k.Value)}")),
        OptionSetValue o => "OptionSetValue " + o.Value.ToString(CultureInfo.InvariantCulture),
        Money m => "Money " + m.Value.ToString(CultureInfo.InvariantCulture),
        OptionSetValueCollection c => "OptionSetValueCollection [" + string.Join(", ", c.Select(o => o.Value.ToString(CultureInfo.InvariantCulture))) + "]",
        EntityReferenceCollection c => "EntityReferenceCollection [" + string.Join(", ", c.Select(Describe)) + "]",
        EntityCollection c => "EntityCollection " + c.EntityName + " [" + string.Join(", ", c.Entities.Select(DescribeEntity)) + "]",
        Entity e => DescribeEntity(e),
        AliasedValue a => $"AliasedValue {a.EntityLogicalName}.{a.AttributeLogicalName}={Describe(a.Value)}",
        byte[] b => "byte[] " + Convert.ToBase64String(b),
        double x => "Double " + x.ToString("R", CultureInfo.InvariantCulture),
        float x => "Single " + x.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => value.GetType().Name + " " + f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.GetType().FullName + " " + value,
    };

    private static string DescribeEntity(Entity e) =>
        $"Entity {e.LogicalName}:{e.Id:D} rowversion={e.RowVersion ?? "null"} {{"
        + string.Join("; ", e.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={Describe(a.Value)}")) + "}";
}
