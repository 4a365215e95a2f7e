using System;

namespace CrmCx.Domain.Journeys;

/// <summary>
/// The survey responses of one journey that share a stage and a score, as one aggregate row gives them:
/// grouping by score lets NPS count from cx_score (the source of truth) and the group with the newest
/// date names the latest response, so one query gives every response figure.
/// </summary>
public sealed class ResponseGroup
{
    /// <summary>Creates a group.</summary>
    /// <param name="stage">cx_journeystage value, or null for responses linked without a stage.</param>
    /// <param name="score">cx_score (0–10) shared by the group.</param>
    /// <param name="count">Responses in the group.</param>
    /// <param name="satisfactionIndexSum">Sum of the stored satisfaction indexes of the group.</param>
    /// <param name="satisfactionIndexCount">How many responses of the group carry a satisfaction index.</param>
    /// <param name="latestRespondedOn">Newest cx_respondedon of the group.</param>
    /// <param name="earliestRespondedOn">Oldest cx_respondedon of the group (the newest when not given).</param>
    public ResponseGroup(int? stage, int score, int count, decimal satisfactionIndexSum, int satisfactionIndexCount, DateTime? latestRespondedOn, DateTime? earliestRespondedOn = null)
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "A response count cannot be negative.");
        if (satisfactionIndexCount < 0 || satisfactionIndexCount > count)
            throw new ArgumentOutOfRangeException(nameof(satisfactionIndexCount), satisfactionIndexCount, "Between 0 and the group's count.");
        Stage = stage;
        Score = score;
        Count = count;
        SatisfactionIndexSum = satisfactionIndexSum;
        SatisfactionIndexCount = satisfactionIndexCount;
        LatestRespondedOn = latestRespondedOn;
        EarliestRespondedOn = earliestRespondedOn ?? latestRespondedOn;
    }

    /// <summary>The stage, or null.</summary>
    public int? Stage { get; }
    /// <summary>The score 0–10.</summary>
    public int Score { get; }
    /// <summary>Responses in the group.</summary>
    public int Count { get; }
    /// <summary>Sum of the satisfaction indexes present.</summary>
    public decimal SatisfactionIndexSum { get; }
    /// <summary>Responses carrying a satisfaction index.</summary>
    public int SatisfactionIndexCount { get; }
    /// <summary>Newest response date of the group.</summary>
    public DateTime? LatestRespondedOn { get; }
    /// <summary>Oldest response date of the group.</summary>
    public DateTime? EarliestRespondedOn { get; }
}

/// <summary>
/// Touchpoints (cases and activities) of one journey that share a stage and a calendar day (UTC), or a single
/// touchpoint: the earliest and latest times let repeat contacts be counted exactly from day-grouped aggregates.
/// </summary>
public sealed class TouchpointGroup
{
    /// <summary>Creates a group.</summary>
    /// <param name="stage">cx_journeystage value, or null for touchpoints linked without a stage.</param>
    /// <param name="count">Touchpoints in the group (at least 1).</param>
    /// <param name="first">Earliest touchpoint time.</param>
    /// <param name="last">Latest touchpoint time, on the same UTC day as <paramref name="first"/>.</param>
    public TouchpointGroup(int? stage, int count, DateTime first, DateTime last)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "A touchpoint group holds at least one touchpoint.");
        if (last < first) throw new ArgumentException("The latest touchpoint cannot precede the earliest.", nameof(last));
        if (first.Date != last.Date) throw new ArgumentException("A touchpoint group spans one calendar day at most.", nameof(last));
        if (count == 1 && first != last) throw new ArgumentException("A single touchpoint has one time.", nameof(last));
        Stage = stage;
        Count = count;
        First = first;
        Last = last;
    }

    /// <summary>The stage, or null.</summary>
    public int? Stage { get; }
    /// <summary>Touchpoints in the group.</summary>
    public int Count { get; }
    /// <summary>Earliest time.</summary>
    public DateTime First { get; }
    /// <summary>Latest time.</summary>
    public DateTime Last { get; }
}
