using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CrmCx.Domain.Nps;
using Xunit;

namespace CrmCx.Domain.Tests.Nps;

public class NpsNextChangeTests
{
    // History: December 2025 to November 2026. Windows of 365 days: (2025-11-22 15:00, now], (2024-11-22 15:00, 2025-11-22 15:00].
    private static readonly DateTime Now = new DateTime(2026, 11, 22, 15, 0, 0, DateTimeKind.Utc);

    private static DateTime Utc(int year, int month, int day, int hour = 0, int minute = 0) => new DateTime(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static DateTime? Next(DateTime now, int windowDays, params (int score, DateTime on)[] responses) =>
        NpsNextChange.FromResponses(NpsPeriods.For(now, windowDays), responses.Select(r => new ScoredResponse(r.score, r.on)));

    [Fact]
    public void A_customer_without_responses_never_changes()
    {
        Assert.Null(Next(Now, 365));
    }

    [Fact]
    public void Responses_older_than_both_windows_and_the_history_never_change_anything()
    {
        Assert.Null(Next(Now, 365, (10, Utc(2024, 11, 22, 15)), (0, Utc(2020, 1, 1))));
    }

    [Fact]
    public void A_response_in_the_window_but_before_the_history_leaves_the_window_one_window_after_it_was_given()
    {
        // 2025-11-30 12:00 is after now − 365 days but before December 2025, the history's first month.
        Assert.Equal(Utc(2026, 11, 30, 12), Next(Now, 365, (9, Utc(2025, 11, 30, 12))));
    }

    [Fact]
    public void A_response_in_the_previous_window_leaves_it_two_windows_after_it_was_given()
    {
        // 2025-01-10 08:00 + 730 days (2025 and 2026 are 365 days each) = 2027-01-10 08:00.
        Assert.Equal(Utc(2027, 1, 10, 8), Next(Now, 365, (3, Utc(2025, 1, 10, 8))));
    }

    [Fact]
    public void A_response_leaves_the_window_exactly_at_its_instant_plus_the_window_and_not_a_tick_earlier()
    {
        var t = Utc(2025, 11, 30, 12);
        var leaves = t.AddDays(365);
        Assert.Equal(leaves, Next(leaves.AddTicks(-1), 365, (9, t)));
        // At t + w it is in the previous window (now − w = t is its inclusive end), which it leaves at t + 2w.
        var at = NpsCalculator.FromResponses(NpsPeriods.For(leaves, 365), new[] { new ScoredResponse(9, t) });
        Assert.Equal(0, at.Responses);
        Assert.Equal(1, at.Previous.Responses);
        Assert.Equal(t.AddDays(730), Next(leaves, 365, (9, t)));
    }

    [Fact]
    public void The_oldest_response_of_the_window_decides_and_not_the_first_in_the_list()
    {
        Assert.Equal(Utc(2026, 11, 28, 6), Next(Now, 365, (9, Utc(2025, 11, 29, 6)), (0, Utc(2025, 11, 28, 6)), (7, Utc(2025, 11, 30, 6))));
    }

    [Fact]
    public void A_response_in_the_history_makes_the_next_month_start_the_next_change()
    {
        // A 30-day window: March 2026 is in neither window, only in the history, which shifts on 1 December.
        Assert.Equal(Utc(2026, 12, 1), Next(Now, 30, (10, Utc(2026, 3, 10))));
    }

    [Fact]
    public void A_response_at_the_first_instant_of_the_history_counts_for_it_and_one_a_tick_earlier_does_not()
    {
        // With a 30-day window neither response is in a window; the history starts on 2025-12-01 00:00, inclusive.
        var historyStart = Utc(2025, 12, 1);
        Assert.Equal(Utc(2026, 12, 1), Next(Now, 30, (10, historyStart)));
        Assert.Null(Next(Now, 30, (10, historyStart.AddTicks(-1))));
    }

    [Fact]
    public void The_month_start_is_earlier_than_the_window_edge_when_both_apply()
    {
        // Yesterday's response leaves the window in 2027, but the history shifts first.
        Assert.Equal(Utc(2026, 12, 1), Next(Now, 365, (10, Utc(2026, 11, 21))));
    }

    [Fact]
    public void The_history_rolls_into_the_next_year_on_the_first_of_january()
    {
        Assert.Equal(Utc(2027, 1, 1), Next(Utc(2026, 12, 15), 365, (8, Utc(2026, 12, 14))));
    }

    [Fact]
    public void At_a_month_start_the_next_change_is_the_following_month_start()
    {
        // At 1 December 00:00 the history already holds December.
        Assert.Equal(Utc(2027, 1, 1), Next(Utc(2026, 12, 1), 365, (8, Utc(2026, 11, 14))));
    }

    [Fact]
    public void A_response_dated_after_now_changes_the_figures_at_its_own_instant()
    {
        Assert.Equal(Now.AddMinutes(3), Next(Now, 365, (10, Now.AddMinutes(3)), (10, Utc(2026, 11, 21))));
    }

    [Fact]
    public void A_score_outside_0_to_10_moves_nothing_but_still_becomes_the_last_response_date_when_its_time_comes()
    {
        Assert.Null(Next(Now, 365, (11, Utc(2026, 11, 21))));
        Assert.Equal(Now.AddHours(1), Next(Now, 365, (11, Now.AddHours(1))));
    }

    [Fact]
    public void The_facts_form_takes_the_earliest_of_the_edges_and_refuses_an_instant_outside_its_span()
    {
        var periods = NpsPeriods.For(Now, 365);
        // 2025-12-05 + 365 = 2026-12-05; 2025-01-02 + 730 = 2027-01-02; the history shifts on 2026-12-01.
        Assert.Equal(Utc(2026, 12, 5), NpsNextChange.FromOldest(periods, Utc(2025, 12, 5), Utc(2025, 1, 2), false));
        Assert.Equal(Utc(2026, 12, 1), NpsNextChange.FromOldest(periods, Utc(2025, 12, 5), Utc(2025, 1, 2), true));
        Assert.Equal(Utc(2027, 1, 2), NpsNextChange.FromOldest(periods, null, Utc(2025, 1, 2), false));
        Assert.Null(NpsNextChange.FromOldest(periods, null, null, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => NpsNextChange.FromOldest(periods, periods.CurrentStart, null, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => NpsNextChange.FromOldest(periods, null, periods.PreviousStart, false));
        Assert.Throws<ArgumentOutOfRangeException>(() => NpsNextChange.FromOldest(periods, null, null, false, Now));
    }

    [Fact]
    public void The_day_form_is_exact_when_the_oldest_response_is_on_the_window_s_first_day()
    {
        // now − 365 days = 2025-11-22 15:00; a response at 18:00 that day is in the window's first-day part.
        var t = Utc(2025, 11, 22, 18);
        var plan = NpsDayPlan.For(NpsPeriods.For(Now, 365));
        var edge = NpsCounts.None.Plus(9, 1, t);
        var days = new Dictionary<UtcDay, NpsCounts> { [UtcDay.Of(t)] = edge };
        Assert.Equal(Utc(2026, 11, 22, 18), NpsNextChange.FromDays(plan, days, NpsCounts.None, edge, t, NpsCounts.None, null));
    }

    [Fact]
    public void The_day_form_bounds_a_whole_day_by_its_start_one_window_later()
    {
        // A response at 18:00 on 2025-11-25 leaves at 2026-11-25 18:00; its day summary only says "not before 00:00".
        var t = Utc(2025, 11, 25, 18);
        var plan = NpsDayPlan.For(NpsPeriods.For(Now, 365));
        var days = new Dictionary<UtcDay, NpsCounts> { [UtcDay.Of(t)] = NpsCounts.None.Plus(9, 1, t) };
        Assert.Equal(Utc(2026, 11, 25), NpsNextChange.FromDays(plan, days, NpsCounts.None, NpsCounts.None, null, NpsCounts.None, null));
        // Recomputed then, that day is the window's first day and the answer is exact.
        var later = NpsDayPlan.For(NpsPeriods.For(Utc(2026, 11, 25), 365));
        var part = NpsCounts.None.Plus(9, 1, t);
        Assert.Equal(Utc(2026, 11, 25, 18), NpsNextChange.FromDays(later, days, NpsCounts.None, part, t, NpsCounts.None, null));
    }

    [Fact]
    public void The_day_form_refuses_an_edge_part_with_responses_but_no_oldest_instant()
    {
        var t = Utc(2025, 11, 22, 18);
        var plan = NpsDayPlan.For(NpsPeriods.For(Now, 365));
        var edge = NpsCounts.None.Plus(9, 1, t);
        var days = new Dictionary<UtcDay, NpsCounts> { [UtcDay.Of(t)] = edge };
        Assert.Throws<ArgumentException>(() => NpsNextChange.FromDays(plan, days, NpsCounts.None, edge, null, NpsCounts.None, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => NpsNextChange.FromDays(plan, days, NpsCounts.None, edge, Utc(2025, 11, 22, 10), NpsCounts.None, null));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void The_figures_stay_the_same_until_the_next_change_and_a_response_crosses_an_edge_at_it(int seed)
    {
        var random = new Random(seed);
        for (var c = 0; c < 150; c++)
        {
            var (now, windowDays, responses) = RandomCase(random, future: true);
            var next = NpsNextChange.FromResponses(NpsPeriods.For(now, windowDays), responses);
            var figures = Signature(now, windowDays, responses);
            var spans = Membership(now, windowDays, responses);
            var context = Describe(now, windowDays, responses, next);
            if (next.HasValue) Assert.True(next.Value > now, context);
            foreach (var x in Samples(random, now, next))
            {
                Assert.True(figures == Signature(x, windowDays, responses), context + " sample " + Ticks(x));
                Assert.True(spans.SequenceEqual(Membership(x, windowDays, responses)), context + " sample " + Ticks(x));
            }
            if (!next.HasValue) continue;
            // At next some response crosses an edge (a window's, a month's, or now itself); the figures then differ,
            // unless two crossings at that very instant cancel out.
            var crossed = spans.Zip(Membership(next.Value, windowDays, responses), (a, b) => a != b).Count(changed => changed);
            Assert.True(crossed > 0, context);
            Assert.True(crossed > 1 || figures != Signature(next.Value, windowDays, responses), context);
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    public void The_day_form_never_passes_the_real_change_and_reaches_it_within_three_rollups(int seed)
    {
        var random = new Random(seed);
        for (var c = 0; c < 150; c++)
        {
            var (now, windowDays, responses) = RandomCase(random, future: false);
            var exact = NpsNextChange.FromResponses(NpsPeriods.For(now, windowDays), responses);
            var context = Describe(now, windowDays, responses, exact);
            var at = now;
            var rollups = 0;
            while (true)
            {
                var bound = ThroughDays(at, windowDays, responses);
                rollups++;
                if (!exact.HasValue)
                {
                    Assert.True(bound == null, context);
                    break;
                }
                Assert.True(bound.HasValue && bound.Value > at && bound.Value <= exact.Value, context + " bound " + (bound.HasValue ? Ticks(bound.Value) : "null"));
                if (bound.Value == exact.Value) break;
                Assert.True(rollups < 3, context);
                at = bound.Value;
            }
        }
    }

    /// <summary>What the rollup reads at an instant (as NpsDayPlanTests does), with the oldest instant of each edge part.</summary>
    private static DateTime? ThroughDays(DateTime now, int windowDays, IReadOnlyList<ScoredResponse> responses)
    {
        var periods = NpsPeriods.For(now, windowDays);
        var plan = NpsDayPlan.For(periods);
        var days = new Dictionary<UtcDay, NpsCounts>();
        NpsCounts today = NpsCounts.None, currentEdge = NpsCounts.None, previousEdge = NpsCounts.None;
        DateTime? currentOldest = null, previousOldest = null;
        foreach (var r in responses)
        {
            var t = r.RespondedOn;
            var day = UtcDay.Of(t);
            if (day >= plan.FirstDay && day <= plan.LastWholeDay) days[day] = (days.TryGetValue(day, out var c) ? c : NpsCounts.None).Plus(r.Score, 1, t);
            if (day == plan.Today && t <= periods.Now) today = today.Plus(r.Score, 1, t);
            var valid = NpsCategories.IsValidScore(r.Score);
            if (day == plan.CurrentEdgeDay && t > periods.CurrentStart)
            {
                currentEdge = currentEdge.Plus(r.Score, 1, t);
                if (valid && (!currentOldest.HasValue || t < currentOldest.Value)) currentOldest = t;
            }
            if (day == plan.PreviousEdgeDay && t > periods.PreviousStart)
            {
                previousEdge = previousEdge.Plus(r.Score, 1, t);
                if (valid && (!previousOldest.HasValue || t < previousOldest.Value)) previousOldest = t;
            }
        }
        return NpsNextChange.FromDays(plan, days, today, currentEdge, currentOldest, previousEdge, previousOldest);
    }

    private static (DateTime now, int windowDays, List<ScoredResponse> responses) RandomCase(Random random, bool future)
    {
        var windows = new[] { 1, 2, 7, 30, 90, 182, 183, 200, 365, 400 };
        var windowDays = windows[random.Next(windows.Length)];
        var now = Utc(2025, 1, 1).AddTicks((long)(random.NextDouble() * TimeSpan.TicksPerDay * 365 * 4));
        // Now on a day or month start is where off-by-one errors hide.
        if (random.Next(4) == 0) now = now.Date;
        if (random.Next(6) == 0) now = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        now = DateTime.SpecifyKind(now, DateTimeKind.Utc);
        var periods = NpsPeriods.For(now, windowDays);
        var edges = new[]
        {
            periods.Now, periods.CurrentStart, periods.PreviousStart, periods.HistoryStart,
            periods.HistoryMonths[periods.HistoryMonths.Count - 1].Start, UtcDay.Of(periods.CurrentStart).Start, UtcDay.Of(periods.PreviousStart).Start,
        };
        var oldest = (periods.HistoryStart < periods.PreviousStart ? periods.HistoryStart : periods.PreviousStart).AddDays(-60);
        var span = (now.AddDays(future ? 2 : 0) - oldest).Ticks;
        var responses = new List<ScoredResponse>();
        var count = random.Next(0, 9);
        for (var i = 0; i < count; i++)
        {
            var score = random.Next(12) == 0 ? 11 : random.Next(0, 11);
            DateTime t;
            if (random.Next(3) == 0)
            {
                var offsets = new[] { -1L, 0L, 1L, TimeSpan.TicksPerHour };
                t = edges[random.Next(edges.Length)].AddTicks(offsets[random.Next(offsets.Length)]);
            }
            else
            {
                t = oldest.AddTicks((long)(random.NextDouble() * span));
            }
            if (!future && t > now) t = now;
            responses.Add(new ScoredResponse(score, t));
        }
        return (now, windowDays, responses);
    }

    // now, now + 1 tick, next − 1 tick and random instants in between; without a next, instants far beyond every edge.
    private static IEnumerable<DateTime> Samples(Random random, DateTime now, DateTime? next)
    {
        var end = next ?? now.AddDays(2 * 400 + 800);
        yield return now;
        if (now.AddTicks(1) < end) yield return now.AddTicks(1);
        if (next.HasValue) yield return next.Value.AddTicks(-1);
        else yield return end;
        var span = (end - now).Ticks;
        for (var i = 0; i < 12; i++) yield return now.AddTicks((long)(random.NextDouble() * span));
    }

    /// <summary>Every figure the rollup writes except the computed-on instant; an all-empty history is one value whatever its month labels.</summary>
    private static string Signature(DateTime now, int windowDays, IReadOnlyList<ScoredResponse> responses)
    {
        var f = NpsCalculator.FromResponses(NpsPeriods.For(now, windowDays), responses);
        var sb = new StringBuilder();
        sb.Append(f.Current.Promoters).Append('/').Append(f.Current.Passives).Append('/').Append(f.Current.Detractors).Append(' ');
        sb.Append(f.Previous.Promoters).Append('/').Append(f.Previous.Passives).Append('/').Append(f.Previous.Detractors).Append(' ');
        sb.Append(f.Nps).Append(' ').Append(f.Margin).Append(' ').Append(f.PreviousNps).Append(' ').Append(f.PreviousMargin).Append(' ');
        sb.Append(f.LastResponseOn.HasValue ? Ticks(f.LastResponseOn.Value) : "none").Append(' ');
        sb.Append(f.History.Any(m => m.Responses > 0) ? f.HistoryJson : "no months with responses");
        return sb.ToString();
    }

    /// <summary>For each response, the spans it counts in at that instant (counted at all, current, previous, history month).</summary>
    private static List<string> Membership(DateTime now, int windowDays, IReadOnlyList<ScoredResponse> responses)
    {
        var p = NpsPeriods.For(now, windowDays);
        return responses.Select(r =>
        {
            var t = r.RespondedOn;
            var counted = t <= p.Now;
            var valid = counted && NpsCategories.IsValidScore(r.Score);
            // The month's place in the history, not its name: at a month start every counted month moves one place.
            var first = p.HistoryMonths[0];
            var month = valid && t >= p.HistoryStart ? ((t.Year - first.Year) * 12 + t.Month - first.Month).ToString(CultureInfo.InvariantCulture) : "-";
            return (counted ? "counted" : "future") + (valid && p.InCurrent(t) ? " current" : "") + (valid && p.InPrevious(t) ? " previous" : "") + " " + month;
        }).ToList();
    }

    private static string Ticks(DateTime t) => t.ToString("o", CultureInfo.InvariantCulture);

    private static string Describe(DateTime now, int windowDays, IEnumerable<ScoredResponse> responses, DateTime? next) =>
        "now " + Ticks(now) + ", w " + windowDays + ", next " + (next.HasValue ? Ticks(next.Value) : "null") + ", responses "
        + string.Join("; ", responses.Select(r => r.Score + "@" + Ticks(r.RespondedOn)));
}
