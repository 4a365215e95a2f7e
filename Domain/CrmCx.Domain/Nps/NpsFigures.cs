using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CrmCx.Domain.Nps;

/// <summary>NPS and response count of one history month; Nps is null for a month without responses.</summary>
public sealed class NpsMonth
{
    /// <summary>Creates the month's figures.</summary>
    public NpsMonth(YearMonth month, decimal? nps, int responses)
    {
        Month = month;
        Nps = nps;
        Responses = responses;
    }

    /// <summary>The month.</summary>
    public YearMonth Month { get; }
    /// <summary>The month's NPS, one decimal; null without responses.</summary>
    public decimal? Nps { get; }
    /// <summary>Responses in the month.</summary>
    public int Responses { get; }
}

/// <summary>Counts of one window.</summary>
public sealed class NpsTally
{
    /// <summary>Creates the counts.</summary>
    public NpsTally(int promoters, int passives, int detractors)
    {
        Promoters = promoters;
        Passives = passives;
        Detractors = detractors;
    }

    /// <summary>Promoters (9–10).</summary>
    public int Promoters { get; }
    /// <summary>Passives (7–8).</summary>
    public int Passives { get; }
    /// <summary>Detractors (0–6).</summary>
    public int Detractors { get; }
    /// <summary>All responses.</summary>
    public int Responses => Promoters + Passives + Detractors;
    /// <summary>NPS of the counts, null when empty.</summary>
    public decimal? Nps => NpsMath.Score(Promoters, Detractors, Responses);
    /// <summary>Adjusted-Wald margin of the counts, null when empty.</summary>
    public decimal? Margin => NpsMath.Margin(Promoters, Detractors, Responses);
}

/// <summary>Every figure the account and contact carry (data-model.md), computed at one instant.</summary>
public sealed class NpsFigures
{
    /// <summary>Creates the figures.</summary>
    public NpsFigures(DateTime computedOn, NpsTally current, NpsTally previous, IReadOnlyList<NpsMonth> history, DateTime? lastResponseOn)
    {
        ComputedOn = computedOn;
        Current = current ?? throw new ArgumentNullException(nameof(current));
        Previous = previous ?? throw new ArgumentNullException(nameof(previous));
        History = history ?? throw new ArgumentNullException(nameof(history));
        LastResponseOn = lastResponseOn;
        Nps = current.Nps;
        Margin = current.Margin;
        PreviousNps = previous.Nps;
        PreviousMargin = previous.Margin;
        HistoryJson = FormatHistory(history);
    }

    /// <summary>The instant the figures are for (cx_npsupdatedon).</summary>
    public DateTime ComputedOn { get; }
    /// <summary>Counts of the rolling window.</summary>
    public NpsTally Current { get; }
    /// <summary>Counts of the previous window.</summary>
    public NpsTally Previous { get; }
    /// <summary>cx_nps: null when the window is empty.</summary>
    public decimal? Nps { get; }
    /// <summary>cx_npsmargin.</summary>
    public decimal? Margin { get; }
    /// <summary>cx_npsprevious.</summary>
    public decimal? PreviousNps { get; }
    /// <summary>cx_npsprevmargin.</summary>
    public decimal? PreviousMargin { get; }
    /// <summary>cx_npsresponses.</summary>
    public int Responses => Current.Responses;
    /// <summary>cx_promoters.</summary>
    public int Promoters => Current.Promoters;
    /// <summary>cx_passives.</summary>
    public int Passives => Current.Passives;
    /// <summary>cx_detractors.</summary>
    public int Detractors => Current.Detractors;
    /// <summary>The 12 months, oldest first.</summary>
    public IReadOnlyList<NpsMonth> History { get; }
    /// <summary>cx_npshistory: [{"month":"2026-11","nps":42.0,"n":12}, ...], oldest first.</summary>
    public string HistoryJson { get; }
    /// <summary>cx_lastresponseon: the newest response at rest, null when there is none.</summary>
    public DateTime? LastResponseOn { get; }

    /// <summary>Whether the change from the previous window is beyond noise; null when a window is empty.</summary>
    public bool? ChangeIsSignificant => NpsMath.IsSignificantChange(Nps, Margin, PreviousNps, PreviousMargin);

    /// <summary>Whether the panel calls these figures low confidence (fewer than 10 responses or a margin above 20).</summary>
    public bool IsLowConfidence => NpsMath.IsLowConfidence(Responses, Margin);

    /// <summary>Writes the history JSON: no spaces, NPS with exactly one decimal, null for months without responses.</summary>
    public static string FormatHistory(IReadOnlyList<NpsMonth> history)
    {
        if (history == null) throw new ArgumentNullException(nameof(history));
        var sb = new StringBuilder(history.Count * 36 + 2);
        sb.Append('[');
        for (var i = 0; i < history.Count; i++)
        {
            var m = history[i];
            if (i > 0) sb.Append(',');
            // Digits appended one by one: this runs at every write of a customer's figures, and the strings of
            // ToString would be garbage at once (the output is what "0000-00", "0.0" and the plain integer give).
            sb.Append("{\"month\":\"");
            AppendDigits(sb, m.Month.Year, 4);
            sb.Append('-');
            AppendDigits(sb, m.Month.Month, 2);
            sb.Append("\",\"nps\":");
            if (m.Nps.HasValue) AppendTenths(sb, m.Nps.Value);
            else sb.Append("null");
            sb.Append(",\"n\":");
            AppendDigits(sb, m.Responses, 1);
            sb.Append('}');
        }
        sb.Append(']');
        return sb.ToString();
    }

    /// <summary>A value as "0.0" formats it (one decimal, rounded half away from zero, a minus sign only when not zero).</summary>
    private static void AppendTenths(StringBuilder sb, decimal value)
    {
        var tenths = decimal.ToInt64(Math.Round(value * 10m, MidpointRounding.AwayFromZero));
        if (tenths < 0)
        {
            sb.Append('-');
            tenths = -tenths;
        }
        AppendDigits(sb, tenths / 10, 1);
        sb.Append('.');
        sb.Append((char)('0' + (int)(tenths % 10)));
    }

    /// <summary>A whole number in decimal digits, padded with zeros to at least <paramref name="width"/> digits.</summary>
    private static void AppendDigits(StringBuilder sb, long value, int width)
    {
        if (value < 0)
        {
            sb.Append('-');
            value = -value;
        }
        var digits = 1;
        for (var rest = value / 10; rest > 0; rest /= 10) digits++;
        for (var pad = digits; pad < width; pad++) sb.Append('0');
        var scale = 1L;
        for (var i = 1; i < digits; i++) scale *= 10;
        for (; scale > 0; scale /= 10) sb.Append((char)('0' + (int)(value / scale % 10)));
    }
}
