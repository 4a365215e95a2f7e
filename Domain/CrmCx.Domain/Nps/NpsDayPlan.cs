using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmCx.Domain.Nps;

/// <summary>
/// Which UTC days and which partial days a rollup at <see cref="NpsPeriods.Now"/> reads, when whole past days come
/// from per-customer day summaries (cx_npsday) and only the rest from the responses.
/// </summary>
/// <remarks>
/// <para>Why: Dataverse refuses an aggregate over more than 50,000 rows, so a window of 100,000 responses cannot be
/// one query. Summaries of whole days are few (at most one per day with responses) and exact; what a day summary
/// cannot say is where inside a day an edge falls. So three partial days are read from the responses each time:
/// today up to now, the part of the current window's first day after now − w, and the part of the previous
/// window's first day after now − 2w. Each is at most one day of responses, whatever the history.</para>
/// <para>A customer's summaries are complete through a day it stores (cx_npsdaysthrough). Days after it, up to
/// yesterday, are summarized at the next rollup; so is any earlier day a changed response belongs to. A customer
/// without that day, or with one older than the spans, gets all its days summarized again (a rebuild).</para>
/// </remarks>
public sealed class NpsDayPlan
{
    private NpsDayPlan(NpsPeriods periods)
    {
        Periods = periods;
        Today = UtcDay.Of(periods.Now);
        CurrentEdgeDay = UtcDay.Of(periods.CurrentStart);
        PreviousEdgeDay = UtcDay.Of(periods.PreviousStart);
        var historyDay = UtcDay.Of(periods.HistoryStart);
        FirstDay = historyDay < PreviousEdgeDay ? historyDay : PreviousEdgeDay;
    }

    /// <summary>The plan for these periods.</summary>
    public static NpsDayPlan For(NpsPeriods periods) => new NpsDayPlan(periods ?? throw new ArgumentNullException(nameof(periods)));

    /// <summary>The periods planned for.</summary>
    public NpsPeriods Periods { get; }

    /// <summary>Now's day: read from the responses, [start of today, now].</summary>
    public UtcDay Today { get; }

    /// <summary>The day of now − w: its part after now − w belongs to the current window, the rest to the previous one.</summary>
    public UtcDay CurrentEdgeDay { get; }

    /// <summary>The day of now − 2w: its part after now − 2w belongs to the previous window.</summary>
    public UtcDay PreviousEdgeDay { get; }

    /// <summary>The oldest day any figure needs (the previous window's first day, or the history's when that is older).</summary>
    public UtcDay FirstDay { get; }

    /// <summary>Yesterday: the newest day that can be summarized whole.</summary>
    public UtcDay LastWholeDay => Today.AddDays(-1);

    /// <summary>
    /// The days to summarize from the responses for a customer whose summaries are complete through
    /// <paramref name="summarizedThrough"/> (null: none are), given the response dates a change touched: every day
    /// after that day up to yesterday, and the touched days before it that the figures still need. Oldest first.
    /// </summary>
    public IReadOnlyList<UtcDay> DaysToSummarize(UtcDay? summarizedThrough, IEnumerable<DateTime> touched)
    {
        if (touched == null) throw new ArgumentNullException(nameof(touched));
        var from = !summarizedThrough.HasValue || summarizedThrough.Value < FirstDay ? FirstDay : summarizedThrough.Value.AddDays(1);
        var days = new SortedSet<UtcDay>();
        for (var day = from; day <= LastWholeDay; day = day.AddDays(1)) days.Add(day);
        foreach (var t in touched)
        {
            var day = UtcDay.Of(t);
            if (day >= FirstDay && day <= LastWholeDay) days.Add(day);
        }
        return days.ToList();
    }

    /// <summary>Whether a day is one whose summary must be split at an edge (the current or previous window's first day).</summary>
    public bool IsEdgeDay(UtcDay day) => day == CurrentEdgeDay || day == PreviousEdgeDay;
}
