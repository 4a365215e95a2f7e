using System;
using System.Collections.Generic;

namespace CrmCx.Domain.Nps;

/// <summary>
/// When a customer's NPS figures next change with no new data: the earliest instant strictly after now at which
/// time alone moves a response across a span edge of <see cref="NpsPeriods"/>, or null when time alone never will.
/// </summary>
/// <remarks>
/// <para>Why: the rollup runs when a response changes, but the windows and the history slide with time, so a quiet
/// customer's figures go stale. A scheduler that recomputes each customer at this instant keeps them true without
/// recomputing everyone every day.</para>
/// <para>The edges are those of <see cref="NpsPeriods"/>, to the tick: the window is (now − w, now], so a response at
/// t is in it while now &lt; t + w and moves to the previous window AT t + w; the previous window is
/// (now − 2w, now − w], so it leaves that one AT t + 2w; the history is the 12 calendar months ending with now's, so
/// it shifts AT the first instant of the next UTC month; and a response dated after now (imported, the write clamps
/// the others) is counted, and becomes the last response date, AT its own instant. w is a whole number of days
/// (<see cref="NpsPeriods.WindowDays"/>), so t + w is exact in ticks.</para>
/// <para>Only the oldest response of each window matters: it is the first to cross that window's far edge, and
/// nothing else in the windows moves before it. The history matters only when it counts a response: an all-empty
/// history (12 × null, n 0) stays all empty at a month start, and the panel draws no chart for it, so its month
/// labels alone are no change.</para>
/// </remarks>
public static class NpsNextChange
{
    /// <summary>
    /// The next change from the facts that decide it: the oldest (valid-score) response in the rolling window and in the
    /// previous window, whether the history counts any response, and the earliest response dated after now.
    /// </summary>
    public static DateTime? FromOldest(
        NpsPeriods periods, DateTime? oldestInCurrent, DateTime? oldestInPrevious, bool historyHasResponses, DateTime? earliestAfterNow = null)
    {
        if (periods == null) throw new ArgumentNullException(nameof(periods));
        if (oldestInCurrent.HasValue && !periods.InCurrent(oldestInCurrent.Value))
            throw new ArgumentOutOfRangeException(nameof(oldestInCurrent), oldestInCurrent.Value, "The oldest response of the rolling window must be in (now − w, now].");
        if (oldestInPrevious.HasValue && !periods.InPrevious(oldestInPrevious.Value))
            throw new ArgumentOutOfRangeException(nameof(oldestInPrevious), oldestInPrevious.Value, "The oldest response of the previous window must be in (now − 2w, now − w].");
        if (earliestAfterNow.HasValue && earliestAfterNow.Value <= periods.Now)
            throw new ArgumentOutOfRangeException(nameof(earliestAfterNow), earliestAfterNow.Value, "The earliest response after now must be later than now.");

        var window = periods.WindowDays * TimeSpan.TicksPerDay;
        long? next = null;
        if (oldestInCurrent.HasValue) next = Earlier(next, Plus(oldestInCurrent.Value.Ticks, window));
        if (oldestInPrevious.HasValue) next = Earlier(next, Plus(oldestInPrevious.Value.Ticks, 2 * window));
        if (earliestAfterNow.HasValue) next = Earlier(next, earliestAfterNow.Value.Ticks);
        if (historyHasResponses) next = Earlier(next, NextMonthStart(periods));
        return next.HasValue ? new DateTime(next.Value, DateTimeKind.Utc) : (DateTime?)null;
    }

    /// <summary>
    /// The next change from raw responses, exact, counting them as <see cref="NpsCalculator.FromResponses"/> does (a
    /// score outside 0–10 only ever counts for the last response date).
    /// </summary>
    public static DateTime? FromResponses(NpsPeriods periods, IEnumerable<ScoredResponse> responses)
    {
        if (periods == null) throw new ArgumentNullException(nameof(periods));
        if (responses == null) throw new ArgumentNullException(nameof(responses));
        DateTime? current = null, previous = null, future = null;
        var history = false;
        foreach (var response in responses)
        {
            var t = response.RespondedOn;
            if (t > periods.Now)
            {
                // Whatever its score: the calculator takes it for the last response date once it is not in the future.
                future = EarlierDate(future, t);
                continue;
            }
            if (!NpsCategories.IsValidScore(response.Score)) continue;
            if (periods.InCurrent(t)) current = EarlierDate(current, t);
            else if (periods.InPrevious(t)) previous = EarlierDate(previous, t);
            if (t >= periods.HistoryStart) history = true;
        }
        return FromOldest(periods, current, previous, history, future);
    }

    /// <summary>
    /// The next change from what the rollup reads (<see cref="NpsDayPlan"/>, the inputs of <see cref="NpsCalculator.FromDays"/>)
    /// plus the oldest instant of each edge part: never later than the real change, and equal to it when each window's
    /// oldest response lies on that window's first day; otherwise the start of a day, at which the next rollup is exact.
    /// </summary>
    /// <param name="plan">The plan the figures were computed with.</param>
    /// <param name="wholeDays">The customer's whole days from <see cref="NpsDayPlan.FirstDay"/> to yesterday, as for the calculator.</param>
    /// <param name="today">Counts of [start of today, now].</param>
    /// <param name="currentEdge">Counts of the part of <see cref="NpsDayPlan.CurrentEdgeDay"/> after now − w.</param>
    /// <param name="currentEdgeOldest">The oldest response of that part (required when it counts any).</param>
    /// <param name="previousEdge">Counts of the part of <see cref="NpsDayPlan.PreviousEdgeDay"/> after now − 2w.</param>
    /// <param name="previousEdgeOldest">The oldest response of that part (required when it counts any).</param>
    /// <remarks>
    /// A day summary says how many responses a day holds but not when in the day the first came, so a whole day d
    /// of the rolling window can only say "not before d + w" (d + 2w for the previous window). That bound is safe: a
    /// recompute at it finds no change, and its plan makes d the window's first day, whose part is read from the
    /// responses with its oldest instant, so the rollup after it is exact. The edge parts are where the first change
    /// usually is, and there a bound would be "right after now", hence their oldest instants are required. Responses
    /// dated after now are not read by the rollup (the write clamps them to now), so they are not considered here.
    /// </remarks>
    public static DateTime? FromDays(
        NpsDayPlan plan,
        IEnumerable<KeyValuePair<UtcDay, NpsCounts>> wholeDays,
        NpsCounts today,
        NpsCounts currentEdge,
        DateTime? currentEdgeOldest,
        NpsCounts previousEdge,
        DateTime? previousEdgeOldest)
    {
        if (plan == null) throw new ArgumentNullException(nameof(plan));
        if (wholeDays == null) throw new ArgumentNullException(nameof(wholeDays));
        if (today == null) throw new ArgumentNullException(nameof(today));
        if (currentEdge == null) throw new ArgumentNullException(nameof(currentEdge));
        if (previousEdge == null) throw new ArgumentNullException(nameof(previousEdge));
        var periods = plan.Periods;
        DateTime? current = null, previous = null;
        if (!currentEdge.IsEmpty)
        {
            current = EdgeOldest(periods.InCurrent, plan.CurrentEdgeDay, currentEdgeOldest, nameof(currentEdgeOldest), "now − w");
        }
        if (!previousEdge.IsEmpty)
        {
            previous = EdgeOldest(periods.InPrevious, plan.PreviousEdgeDay, previousEdgeOldest, nameof(previousEdgeOldest), "now − 2w");
        }

        // Today is in now's month, the last of the history.
        var history = !today.IsEmpty;
        if (!today.IsEmpty) current = EarlierDate(current, plan.Today.Start);
        var historyFirstDay = UtcDay.Of(periods.HistoryStart);
        foreach (var pair in wholeDays)
        {
            var day = pair.Key;
            var counts = pair.Value;
            // The days the calculator ignores change nothing either.
            if (counts == null || counts.IsEmpty || day < plan.FirstDay || day > plan.LastWholeDay) continue;
            if (day >= historyFirstDay) history = true;
            // Each day's start is a lower bound of its oldest response; it lies in the same window as the day's responses.
            if (day > plan.CurrentEdgeDay) current = EarlierDate(current, day.Start);
            else if (day == plan.CurrentEdgeDay && !counts.Minus(currentEdge).IsEmpty) previous = EarlierDate(previous, day.Start);
            else if (day < plan.CurrentEdgeDay && day > plan.PreviousEdgeDay) previous = EarlierDate(previous, day.Start);
        }
        return FromOldest(periods, current, previous, history);
    }

    /// <summary>The first instant of the month after now's, when the history next shifts; null past year 9999.</summary>
    public static DateTime? NextMonthStart(NpsPeriods periods)
    {
        if (periods == null) throw new ArgumentNullException(nameof(periods));
        var last = periods.HistoryMonths[periods.HistoryMonths.Count - 1];
        if (last.Year == 9999 && last.Month == 12) return null;
        return last.AddMonths(1).Start;
    }

    /// <summary>
    /// When the stored figures next go stale by time alone: the earlier of <paramref name="change"/> (a response crossing
    /// a window edge) and the next month start (the stored history names its 12 months even when they are empty).
    /// </summary>
    public static DateTime? OrMonthStart(NpsPeriods periods, DateTime? change)
    {
        var monthStart = NextMonthStart(periods);
        return change.HasValue && (!monthStart.HasValue || change.Value < monthStart.Value) ? change : monthStart;
    }

    private static long? Earlier(long? next, DateTime? candidate) => Earlier(next, candidate.HasValue ? candidate.Value.Ticks : (long?)null);

    private static long? Earlier(long? next, long? candidate)
    {
        if (!candidate.HasValue) return next;
        return !next.HasValue || candidate.Value < next.Value ? candidate : next;
    }

    private static DateTime? EarlierDate(DateTime? a, DateTime b) => !a.HasValue || b < a.Value ? b : a;

    // An instant past the last representable one is never reached: no change.
    private static long? Plus(long ticks, long add) => ticks > DateTime.MaxValue.Ticks - add ? (long?)null : ticks + add;

    private static DateTime EdgeOldest(Func<DateTime, bool> inWindow, UtcDay edgeDay, DateTime? oldest, string name, string edge)
    {
        if (!oldest.HasValue)
            throw new ArgumentException("The oldest response of the part of " + edgeDay + " after " + edge + " is required when that part counts responses: a day count cannot say when the first of them leaves.", name);
        if (!inWindow(oldest.Value) || UtcDay.Of(oldest.Value) != edgeDay)
            throw new ArgumentOutOfRangeException(name, oldest.Value, "The oldest response of the edge part must be on " + edgeDay + " after " + edge + ".");
        return oldest.Value;
    }
}
