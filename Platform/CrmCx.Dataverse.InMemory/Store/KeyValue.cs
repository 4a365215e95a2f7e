using System;
using System.Globalization;
using System.Text;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Store;

/// <summary>The values of an alternate key as one comparable value; text compares case- and accent-insensitively, as the database's collation does.</summary>
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

    // Latin1_General_CI_AI, the databases' collation: case- and accent-insensitive (as the query engine compares text).
    private static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) builder.Append(char.ToUpperInvariant(c));
        }
        return builder.ToString();
    }

    private static string Normalize(object value) => value switch
    {
        string s => "s:" + Fold(s),
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
