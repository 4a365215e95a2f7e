using System;
using System.Collections.Generic;

namespace CrmCx.Domain.Nps;

/// <summary>
/// The time spans of one NPS computation at "now" (UTC): the rolling window (now − w, now], the previous window
/// (now − 2w, now − w], and the 12 calendar months of the history, oldest first, the last one being now's month.
/// </summary>
/// <remarks>
/// The two windows cover the 12 history months whenever 2w reaches back past the first history month (w ≥ 183 days,
/// so with the default 365); with shorter windows the older history months count in the history only
/// (<see cref="NeedsHistoryTail"/>). How the rollup reads these spans is <see cref="NpsDayPlan"/>.
/// </remarks>
public sealed class NpsPeriods
{
    /// <summary>How many calendar months the history holds.</summary>
    public const int HistoryMonthCount = 12;

    private readonly YearMonth[] months;

    private NpsPeriods(DateTime now, int windowDays)
    {
        Now = now;
        WindowDays = windowDays;
        CurrentStart = now.AddDays(-windowDays);
        PreviousStart = now.AddDays(-2.0 * windowDays);
        months = new YearMonth[HistoryMonthCount];
        var last = YearMonth.Of(now);
        for (var i = 0; i < HistoryMonthCount; i++) months[i] = last.AddMonths(i - (HistoryMonthCount - 1));
    }

    /// <summary>The spans at now (UTC; a local time is refused, the rollups are defined in UTC) for a window of w days.</summary>
    public static NpsPeriods For(DateTime now, int windowDays)
    {
        if (now.Kind == DateTimeKind.Local) throw new ArgumentException("NPS periods are computed in UTC; got a local time.", nameof(now));
        if (windowDays < 1) throw new ArgumentOutOfRangeException(nameof(windowDays), windowDays, "The window is at least one day.");
        return new NpsPeriods(DateTime.SpecifyKind(now, DateTimeKind.Utc), windowDays);
    }

    /// <summary>The instant the figures are computed for (UTC).</summary>
    public DateTime Now { get; }

    /// <summary>Length of each window in days.</summary>
    public int WindowDays { get; }

    /// <summary>Exclusive start of the rolling window: now − w.</summary>
    public DateTime CurrentStart { get; }

    /// <summary>Exclusive start of the previous window: now − 2w (its end, inclusive, is <see cref="CurrentStart"/>).</summary>
    public DateTime PreviousStart { get; }

    /// <summary>The history months, oldest first; the last is now's month.</summary>
    public IReadOnlyList<YearMonth> HistoryMonths => months;

    /// <summary>Inclusive start of the history: the first instant of its oldest month.</summary>
    public DateTime HistoryStart => months[0].Start;

    /// <summary>Whether the history reaches back past both windows, so that a third span, [history start, now − 2w], must be read.</summary>
    public bool NeedsHistoryTail => HistoryStart <= PreviousStart;

    /// <summary>Whether an instant is in the rolling window (now − w, now].</summary>
    public bool InCurrent(DateTime respondedOn) => respondedOn > CurrentStart && respondedOn <= Now;

    /// <summary>Whether an instant is in the previous window (now − 2w, now − w].</summary>
    public bool InPrevious(DateTime respondedOn) => respondedOn > PreviousStart && respondedOn <= CurrentStart;

    /// <summary>Whether an instant is in the history tail [history start, now − 2w] (never, when no tail is needed).</summary>
    public bool InHistoryTail(DateTime respondedOn) => NeedsHistoryTail && respondedOn >= HistoryStart && respondedOn <= PreviousStart;
}
