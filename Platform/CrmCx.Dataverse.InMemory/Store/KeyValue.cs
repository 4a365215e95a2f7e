using System;
using System.Collections.Generic;
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
        // Most keys have one column: its text needs no builder (every stored row's keys are built on each write).
        if (values.Length == 1) return values[0] is { } single ? new KeyValue(string.Concat(Normalize(single), Separator)) : null;
        // Two columns (a source and its id, the usual integration key): one concatenation.
        if (values.Length == 2)
            return values[0] is { } a && values[1] is { } b ? new KeyValue(string.Concat(Normalize(a), Separator, Normalize(b), Separator)) : null;
        var builder = new StringBuilder();
        foreach (var value in values)
        {
            if (value is null) return null;
            builder.Append(Normalize(value)).Append(Separator);
        }
        return new KeyValue(builder.ToString());
    }

    /// <summary>The key value of a row's key columns; null when one is missing.</summary>
    public static KeyValue? Of(Entity row, IReadOnlyList<string> columns)
    {
        if (columns.Count == 1)
            return row.Attributes.TryGetValue(columns[0], out var single) && single is not null ? new KeyValue(string.Concat(Normalize(single), Separator)) : null;
        if (columns.Count == 2)
            return row.Attributes.TryGetValue(columns[0], out var a) && a is not null && row.Attributes.TryGetValue(columns[1], out var b) && b is not null
                ? new KeyValue(string.Concat(Normalize(a), Separator, Normalize(b), Separator))
                : null;
        var values = new object?[columns.Count];
        for (var i = 0; i < values.Length; i++) values[i] = row.Attributes.TryGetValue(columns[i], out var v) ? v : null;
        return From(values);
    }

    private const string Separator = "\u001f";

    // Latin1_General_CI_AI, the databases' collation: case- and accent-insensitive (as the query engine compares text).
    private static string Fold(string text)
    {
        // ASCII has no accents and FormD leaves it as it is: upper-casing is the whole fold (keys are mostly ASCII).
        if (System.Text.Ascii.IsValid(text)) return text.ToUpperInvariant();
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
