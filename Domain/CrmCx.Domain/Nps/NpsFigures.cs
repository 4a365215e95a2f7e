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
            sb.Append("{\"month\":\"").Append(m.Month.ToString()).Append("\",\"nps\":");
            sb.Append(m.Nps.HasValue ? m.Nps.Value.ToString("0.0", CultureInfo.InvariantCulture) : "null");
            sb.Append(",\"n\":").Append(m.Responses.ToString(CultureInfo.InvariantCulture)).Append('}');
        }
        sb.Append(']');
        return sb.ToString();
    }
}
