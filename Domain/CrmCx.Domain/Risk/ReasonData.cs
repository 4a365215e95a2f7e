using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CrmCx.Domain.Configuration;

namespace CrmCx.Domain.Risk;

/// <summary>The stable codes of docs/risk-reasons.md: the contract between the plug-ins and the form code.</summary>
public static class ReasonCodes
{
    /// <summary>Journey: satisfaction fell across stages (from, to, fromStage, toStage, percent).</summary>
    public const string SatisfactionFell = "satisfaction-fell";
    /// <summary>Journey: detractor responses (count).</summary>
    public const string Detractors = "detractors";
    /// <summary>Journey: the latest response is a detractor (score, stage optional).</summary>
    public const string LatestDetractor = "latest-detractor";
    /// <summary>Journey: low journey satisfaction (score).</summary>
    public const string LowSatisfaction = "low-satisfaction";
    /// <summary>Journey: more touchpoints than expected (count, expected, journeyType).</summary>
    public const string TooManyContacts = "too-many-contacts";
    /// <summary>Journey: repeat contacts (count, days).</summary>
    public const string RepeatContacts = "repeat-contacts";
    /// <summary>Journey: open longer than expected (days, expected).</summary>
    public const string Overdue = "overdue";
    /// <summary>Customer: NPS fell beyond noise (from, to, margin).</summary>
    public const string NpsFell = "nps-fell";
    /// <summary>Customer: share of detractors above the threshold (percent, threshold, responses).</summary>
    public const string DetractorShare = "detractor-share";
    /// <summary>Customer: no response for long while journeys are open (days, openJourneys).</summary>
    public const string Silent = "silent";
    /// <summary>Customer: open journeys at risk (count, level).</summary>
    public const string JourneysAtRisk = "journeys-at-risk";
}

/// <summary>
/// One risk reason as data: its <see cref="Code"/> and the values its sentence needs, in contract order. Values are
/// whole numbers (counts, choice values), decimals (scores, NPS) or strings (ISO 8601 UTC dates); the reader's
/// language turns them into a sentence (<see cref="Text.TextCatalog"/>).
/// </summary>
public sealed class ReasonData
{
    private readonly KeyValuePair<string, object>[] values;

    /// <summary>Creates a reason; values are int, decimal or string, and a null value is left out (an optional value).</summary>
    public ReasonData(string code, params KeyValuePair<string, object?>[] values)
    {
        if (string.IsNullOrWhiteSpace(code)) throw new ArgumentException("A risk reason needs a code.", nameof(code));
        Code = code;
        this.values = (values ?? Array.Empty<KeyValuePair<string, object?>>())
            .Where(v => v.Value != null)
            .Select(v => v.Value is int || v.Value is decimal || v.Value is string
                ? new KeyValuePair<string, object>(v.Key, v.Value!)
                : throw new ArgumentException("Reason value " + v.Key + " must be an int, a decimal or a string; got " + v.Value!.GetType().Name + ".", nameof(values)))
            .ToArray();
    }

    /// <summary>A value for the constructor.</summary>
    public static KeyValuePair<string, object?> Value(string key, object? value) => new KeyValuePair<string, object?>(key, value);

    /// <summary>The stable code.</summary>
    public string Code { get; }

    /// <summary>The values, in contract order.</summary>
    public IReadOnlyList<KeyValuePair<string, object>> Values => values;

    /// <summary>A whole-number value; 0 when absent.</summary>
    public int Int(string key) => Find(key) is int i ? i : Find(key) is decimal d ? (int)d : 0;

    /// <summary>A whole-number value, or null when absent.</summary>
    public int? OptionalInt(string key) => Find(key) is int i ? i : (int?)null;

    /// <summary>A numeric value; 0 when absent.</summary>
    public decimal Decimal(string key) => Find(key) is decimal d ? d : Find(key) is int i ? i : 0m;

    private object? Find(string key)
    {
        foreach (var v in values) if (v.Key == key) return v.Value;
        return null;
    }

    /// <summary>The JSON object of docs/risk-reasons.md: {"code": ..., values...}.</summary>
    public string ToJson()
    {
        var json = new StringBuilder("{\"code\":").Append(JsonText.Quote(Code));
        foreach (var v in values)
        {
            json.Append(',').Append(JsonText.Quote(v.Key)).Append(':');
            json.Append(v.Value is string s ? JsonText.Quote(s)
                : v.Value is int i ? i.ToString(CultureInfo.InvariantCulture)
                : ((decimal)v.Value).ToString("0.##########", CultureInfo.InvariantCulture));
        }
        return json.Append('}').ToString();
    }

    /// <summary>The JSON array cx_riskreasonsjson holds: one object per reason, in rule order; "[]" when none.</summary>
    public static string ToJson(IEnumerable<ReasonData> reasons)
    {
        if (reasons == null) throw new ArgumentNullException(nameof(reasons));
        return "[" + string.Join(",", reasons.Select(r => r.ToJson())) + "]";
    }

    /// <summary>An ISO 8601 UTC date value ("2026-11-20T09:00:00Z").</summary>
    public static string IsoDate(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public override string ToString() => ToJson();
}
