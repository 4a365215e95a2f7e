using System;
using CrmCx.Dataverse.InMemory;
using CrmCx.Dataverse.InMemory.Metadata;

namespace CrmCx.Cli.Serving;

/// <summary>
/// Columns of the issue-14 contract (docs/risk-reasons.md, data-model.md "added in the second round") that the panel
/// reads but that the data model may not carry yet while the plug-in side lands them. The server adds only what the
/// org's metadata lacks, so once the model has the columns this does nothing; rows without values read as "no coded
/// reasons" and the panel shows the plain-text lines, exactly as for an older row.
/// </summary>
internal static class ContractColumns
{
    private static readonly (string Table, string Column)[] Columns =
    {
        ("cx_customerjourney", "cx_riskreasonsjson"),
        ("account", "cx_riskreasons"),
        ("account", "cx_riskreasonsjson"),
        ("contact", "cx_riskreasons"),
        ("contact", "cx_riskreasonsjson"),
    };

    /// <summary>Adds the missing contract columns (multiple lines of text) to the org's tables; returns how many.</summary>
    public static int EnsureOn(InMemoryOrganization org)
    {
        ArgumentNullException.ThrowIfNull(org);
        var added = 0;
        foreach (var (table, column) in Columns)
        {
            var definition = org.Metadata.Find(table);
            if (definition is null || definition.FindColumn(column) is not null) continue;
            definition.Add(new ColumnDefinition(column, ColumnType.Memo) { MaxLength = 1_048_576 });
            added++;
        }
        return added;
    }
}
