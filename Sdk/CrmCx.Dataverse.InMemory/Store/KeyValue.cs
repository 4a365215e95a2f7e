using System;
using System.Globalization;
using System.Text;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Store;

/// <summary>The values of an alternate key as one comparable value; text compares case-insensitively as SQL Server's default collation does.</summary>
internal readonly record struct KeyValue(string Value)
{
    /// <summary>Builds the key value from column values in key order; null when a value is missing (rows with an empty key column are not indexed).</summary>
    public static KeyValue? From(ReadOnlySpan<object?> values)
    {
        var builder = new StringBuilder();
        foreach (var value in values)
        {
            if (value is null) return null;
            builder.Append(Normalize(value)).Append('\u001f');
        }
        return new KeyValue(builder.ToString());
    }

    private static string Normalize(object value) => value switch
    {
        string s => "s:" + s.ToUpperInvariant(),
        EntityReference r => "g:" + r.Id.ToString("N"),
        Guid g => "g:" + g.ToString("N"),
        OptionSetValue o => "i:" + o.Value.ToString(CultureInfo.InvariantCulture),
        Money m => "d:" + m.Value.ToString(CultureInfo.InvariantCulture),
        DateTime d => "t:" + d.ToUniversalTime().Ticks.ToString(CultureInfo.InvariantCulture),
        int or long or short => "i:" + Convert.ToInt64(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture),
        decimal m => "d:" + m.ToString(CultureInfo.InvariantCulture),
        IFormattable f => "f:" + f.ToString(null, CultureInfo.InvariantCulture),
        _ => "o:" + value,
    };
}
