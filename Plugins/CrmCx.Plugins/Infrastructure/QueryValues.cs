using System;
using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Infrastructure;

/// <summary>
/// The one reader of query results' loosely typed values (linked and aggregate columns come back as AliasedValue,
/// choices as OptionSetValue, lookups as EntityReference), and the one formatter of values written into FetchXML.
/// </summary>
internal static class QueryValues
{
    /// <summary>The value under a column or alias, unwrapped from its AliasedValue; null when absent.</summary>
    public static object? Raw(Entity row, string alias)
    {
        if (!row.Attributes.TryGetValue(alias, out var value)) return null;
        return value is AliasedValue aliased ? aliased.Value : value;
    }

    /// <summary>A whole number (choices give their value, aggregates may come back as long or decimal).</summary>
    public static int? Int(Entity row, string alias) => Int(Raw(row, alias));

    /// <summary>A whole number from a raw value.</summary>
    public static int? Int(object? value)
    {
        switch (value)
        {
            case null: return null;
            case OptionSetValue o: return o.Value;
            case int i: return i;
            case long l: return checked((int)l);
            case decimal d: return (int)d;
            case double f: return (int)f;
            default: return Convert.ToInt32(value, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>A decimal (money gives its value).</summary>
    public static decimal? Decimal(Entity row, string alias)
    {
        switch (Raw(row, alias))
        {
            case null: return null;
            case decimal d: return d;
            case Money m: return m.Value;
            case double f: return (decimal)f;
            case object o: return Convert.ToDecimal(o, CultureInfo.InvariantCulture);
        }
    }

    /// <summary>A date and time as UTC (Dataverse returns UTC; a local value is converted).</summary>
    public static DateTime? Date(Entity row, string alias) =>
        Raw(row, alias) is DateTime d ? DateTime.SpecifyKind(d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : d, DateTimeKind.Utc) : (DateTime?)null;

    /// <summary>The id of a lookup (or of a grouped lookup, which may come back as a Guid); null otherwise.</summary>
    public static Guid? Id(Entity row, string alias) => Id(Raw(row, alias));

    /// <summary>The id in a raw lookup value (an EntityReference or a Guid), or null.</summary>
    public static Guid? Id(object? value) => value switch
    {
        EntityReference r => r.Id,
        Guid g => g,
        _ => (Guid?)null,
    };

    /// <summary>A Guid as FetchXML writes it.</summary>
    public static string Fetch(Guid id) => id.ToString("D");

    /// <summary>A whole number as FetchXML writes it.</summary>
    public static string Fetch(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A UTC time as FetchXML writes it: ISO 8601 with milliseconds, the precision Dataverse keeps.</summary>
    public static string Fetch(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
