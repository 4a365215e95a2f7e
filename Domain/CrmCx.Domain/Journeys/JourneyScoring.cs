using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Domain.Choices;
using CrmCx.Domain.Nps;

namespace CrmCx.Domain.Journeys;

/// <summary>Computes a journey's figures from its responses and touchpoints at rest (cx-scoring.md "Journey scores").</summary>
public static class JourneyScoring
{
    /// <summary>Computes the figures; <paramref name="repeatWindowDays"/> is the repeat-contact window.</summary>
    public static JourneyFigures Compute(IEnumerable<ResponseGroup> responses, IEnumerable<TouchpointGroup> touchpoints, int repeatWindowDays)
    {
        if (responses == null) throw new ArgumentNullException(nameof(responses));
        if (touchpoints == null) throw new ArgumentNullException(nameof(touchpoints));
        var touchpointList = touchpoints.ToList();
        return Compute(responses, touchpointList.Select(t => new StageActivity(t.Stage, t.Count, t.First, t.Last)).ToList(),
            touchpointList.Sum(t => t.Count), RepeatContacts(touchpointList, repeatWindowDays));
    }

    /// <summary>
    /// Computes the figures from the responses at rest and the touchpoint figures a full computation stored: per stage
    /// the touchpoint count and the first and last activity, and the journey's touchpoint and repeat-contact counts.
    /// Right when no response left or moved since those were stored (a response was added): the stored dates may
    /// include responses, which are all still there.
    /// </summary>
    public static JourneyFigures Compute(IEnumerable<ResponseGroup> responses, IReadOnlyList<StageActivity> storedTouchpoints, int touchpointCount, int repeatContacts)
    {
        if (responses == null) throw new ArgumentNullException(nameof(responses));
        if (storedTouchpoints == null) throw new ArgumentNullException(nameof(storedTouchpoints));
        var responseList = responses.Where(r => r.Count > 0).ToList();

        var stageValues = responseList.Where(r => r.Stage.HasValue).Select(r => r.Stage!.Value)
            .Concat(storedTouchpoints.Where(t => t.Stage.HasValue && t.Count > 0).Select(t => t.Stage!.Value))
            .Distinct()
            .OrderBy(StageOrder)
            .ThenBy(v => v)
            .ToList();

        var stages = stageValues.Select(stage => StageOf(stage,
            responseList.Where(r => r.Stage == stage).ToList(),
            storedTouchpoints.Where(t => t.Stage == stage).ToList())).ToList();

        var scored = stages.Where(s => s.Score.HasValue).ToList();
        decimal? journeyScore = scored.Count == 0 ? (decimal?)null : Round2(scored.Average(s => s.Score!.Value));
        var start = scored.FirstOrDefault();
        var latest = scored.LastOrDefault();
        decimal? trend = scored.Count < 2 ? (decimal?)null : latest!.Score!.Value - start!.Score!.Value;

        return new JourneyFigures(
            stages,
            journeyScore,
            start?.Score,
            trend,
            start?.Stage,
            scored.Count < 2 ? start?.Stage : latest?.Stage,
            Nps(responseList),
            responseList.Sum(r => r.Count),
            touchpointCount,
            repeatContacts,
            responseList.Where(r => NpsCategories.IsDetractor(r.Score)).Sum(r => r.Count),
            Latest(responseList));
    }

    /// <summary>
    /// Touchpoints that came within the window of the previous touchpoint (every contact beyond the first of a run).
    /// Groups are merged by UTC day: inside a day every touchpoint but the first follows another by less than a day, and
    /// the first of a day is compared exactly with the latest touchpoint of the previous day that has one.
    /// </summary>
    public static int RepeatContacts(IEnumerable<TouchpointGroup> touchpoints, int windowDays)
    {
        if (touchpoints == null) throw new ArgumentNullException(nameof(touchpoints));
        if (windowDays < 1) throw new ArgumentOutOfRangeException(nameof(windowDays), windowDays, "The repeat window is at least one day.");
        var window = TimeSpan.FromDays(windowDays);
        var days = touchpoints
            .GroupBy(t => t.First.Date)
            .OrderBy(g => g.Key)
            .Select(g => new { Count = g.Sum(t => t.Count), First = g.Min(t => t.First), Last = g.Max(t => t.Last) });
        var repeats = 0;
        DateTime? previous = null;
        foreach (var day in days)
        {
            repeats += day.Count - 1;
            if (previous.HasValue && day.First - previous.Value <= window) repeats++;
            previous = day.Last;
        }
        return repeats;
    }

    // The customer NPS formula, over the journey's responses; counted from cx_score like every rollup.
    private static decimal? Nps(IReadOnlyCollection<ResponseGroup> groups) => NpsMath.Score(
        groups.Where(g => NpsCategories.IsPromoter(g.Score)).Sum(g => g.Count),
        groups.Where(g => NpsCategories.IsDetractor(g.Score)).Sum(g => g.Count),
        groups.Sum(g => g.Count));

    private static StageFigures StageOf(int stage, IReadOnlyCollection<ResponseGroup> responses, IReadOnlyCollection<StageActivity> touchpoints)
    {
        var indexCount = responses.Sum(r => r.SatisfactionIndexCount);
        decimal? score = indexCount == 0 ? (decimal?)null : Round2(responses.Sum(r => r.SatisfactionIndexSum) / indexCount);
        var dates = touchpoints.Select(t => t.First)
            .Concat(touchpoints.Select(t => t.Last))
            .Concat(responses.Select(r => r.LatestRespondedOn))
            .Concat(responses.Select(r => r.EarliestRespondedOn))
            .Where(d => d.HasValue)
            .Select(d => d!.Value)
            .ToList();
        return new StageFigures(
            stage,
            score,
            Nps(responses),
            responses.Sum(r => r.Count),
            touchpoints.Sum(t => t.Count),
            dates.Count == 0 ? (DateTime?)null : dates.Min(),
            dates.Count == 0 ? (DateTime?)null : dates.Max());
    }

    // The newest group names the latest response; on a tie the lowest score wins so the alert errs on the side of the customer.
    private static LatestResponse? Latest(IEnumerable<ResponseGroup> groups)
    {
        var latest = groups.Where(g => g.LatestRespondedOn.HasValue)
            .OrderByDescending(g => g.LatestRespondedOn!.Value)
            .ThenBy(g => g.Score)
            .ThenBy(g => g.Stage ?? int.MaxValue)
            .FirstOrDefault();
        return latest == null ? null : new LatestResponse(latest.Score, latest.Stage, latest.LatestRespondedOn);
    }

    private static int StageOrder(int stage) => JourneyStages.Find(stage)?.Order ?? int.MaxValue;

    private static decimal Round2(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);
}

/// <summary>Touchpoints of a stage (or of no stage) as a count with the earliest and latest activity.</summary>
public sealed class StageActivity
{
    /// <summary>Creates the figures of a stage.</summary>
    public StageActivity(int? stage, int count, DateTime? first, DateTime? last)
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "A touchpoint count cannot be negative.");
        Stage = stage;
        Count = count;
        First = first;
        Last = last;
    }

    /// <summary>The stage, or null.</summary>
    public int? Stage { get; }
    /// <summary>Touchpoints.</summary>
    public int Count { get; }
    /// <summary>Earliest activity.</summary>
    public DateTime? First { get; }
    /// <summary>Latest activity.</summary>
    public DateTime? Last { get; }
}
