using System;
using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Journeys;

/// <summary>Reads the loosely typed values of query results (aggregates come back as AliasedValue, choices as OptionSetValue).</summary>
internal static class SdkValues
{
    public static object? Raw(Entity row, string alias)
    {
        if (!row.Attributes.TryGetValue(alias, out var value)) return null;
        return value is AliasedValue aliased ? aliased.Value : value;
    }

    public static int? Int(Entity row, string alias) => Int(Raw(row, alias));

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

    public static DateTime? Date(Entity row, string alias) =>
        Raw(row, alias) is DateTime d ? DateTime.SpecifyKind(d.Kind == DateTimeKind.Local ? d.ToUniversalTime() : d, DateTimeKind.Utc) : (DateTime?)null;

    public static Guid? Id(Entity row, string alias) => Raw(row, alias) switch
    {
        EntityReference r => r.Id,
        Guid g => g,
        _ => (Guid?)null,
    };

    public static string Fetch(Guid id) => id.ToString("D");

    public static string Fetch(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Escapes text for an XML attribute of FetchXML.</summary>
    public static string Xml(string text) => System.Security.SecurityElement.Escape(text) ?? string.Empty;
}
