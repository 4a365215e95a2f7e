using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Domain.Nps;
using Xunit;

namespace CrmCx.Domain.Tests.Nps;

public class NpsDayPlanTests
{
    private static readonly DateTime Now = new DateTime(2026, 11, 22, 15, 30, 0, DateTimeKind.Utc);

    /// <summary>What the rollup does: whole past days summed per day, and the three partial days read apart.</summary>
    private static NpsFigures ThroughDays(NpsPeriods periods, IReadOnlyList<ScoredResponse> responses)
    {
        var plan = NpsDayPlan.For(periods);
        var days = new Dictionary<UtcDay, NpsCounts>();
        NpsCounts today = NpsCounts.None, currentEdge = NpsCounts.None, previousEdge = NpsCounts.None;
        foreach (var r in responses)
        {
            var day = UtcDay.Of(r.RespondedOn);
            if (day >= plan.FirstDay && day <= plan.LastWholeDay)
                days[day] = (days.TryGetValue(day, out var c) ? c : NpsCounts.None).Plus(r.Score, 1, r.RespondedOn);
            if (day == plan.Today && r.RespondedOn <= periods.Now) today = today.Plus(r.Score, 1, r.RespondedOn);
            if (day == plan.CurrentEdgeDay && r.RespondedOn > periods.CurrentStart) currentEdge = currentEdge.Plus(r.Score, 1, r.RespondedOn);
            if (day == plan.PreviousEdgeDay && r.RespondedOn > periods.PreviousStart) previousEdge = previousEdge.Plus(r.Score, 1, r.RespondedOn);
        }
        var older = responses.Where(r => UtcDay.Of(r.RespondedOn) < plan.FirstDay).Select(r => (DateTime?)r.RespondedOn).DefaultIfEmpty(null).Max();
        return NpsCalculator.FromDays(plan, days, today, currentEdge, previousEdge, older);
    }

    private static void AssertSame(NpsFigures expected, NpsFigures actual)
    {
        Assert.Equal(expected.Current.Promoters, actual.Current.Promoters);
        Assert.Equal(expected.Current.Passives, actual.Current.Passives);
        Assert.Equal(expected.Current.Detractors, actual.Current.Detractors);
        Assert.Equal(expected.Previous.Promoters, actual.Previous.Promoters);
        Assert.Equal(expected.Previous.Passives, actual.Previous.Passives);
        Assert.Equal(expected.Previous.Detractors, actual.Previous.Detractors);
        Assert.Equal(expected.HistoryJson, actual.HistoryJson);
        Assert.Equal(expected.LastResponseOn, actual.LastResponseOn);
    }

    [Theory]
    [InlineData(365, 0)]
    [InlineData(365, 1)]
    [InlineData(200, 5)]  // the current window's edge cuts a history month: its two parts must add up
    [InlineData(90, 2)]   // windows shorter than the history: older days count for the history only
    [InlineData(30, 3)]
    [InlineData(1, 4)]
    public void Day_summaries_give_the_same_figures_as_the_responses_themselves(int windowDays, int seed)
    {
        var random = new Random(seed);
        foreach (var now in new[] { Now, Now.Date, Now.Date.AddTicks(-1), new DateTime(2028, 12, 31, 23, 0, 0, DateTimeKind.Utc), new DateTime(2027, 3, 1, 0, 0, 1, DateTimeKind.Utc) })
        {
            var periods = NpsPeriods.For(DateTime.SpecifyKind(now, DateTimeKind.Utc), windowDays);
            var responses = new List<ScoredResponse>();
            // Responses on the exact edges and just around them, where a day summary alone would be wrong.
            foreach (var edge in new[] { periods.Now, periods.CurrentStart, periods.PreviousStart, periods.HistoryStart, UtcDay.Of(periods.Now).Start, UtcDay.Of(periods.CurrentStart).Start })
                foreach (var offset in new[] { -1L, 0L, 1L, TimeSpan.TicksPerHour })
                    responses.Add(new ScoredResponse(random.Next(0, 11), edge.AddTicks(offset)));
            var span = (periods.Now - periods.PreviousStart.AddDays(-40)).Ticks;
            for (var i = 0; i < 3000; i++)
                responses.Add(new ScoredResponse(random.Next(0, 11), periods.PreviousStart.AddDays(-40).AddTicks((long)(random.NextDouble() * span * 1.01))));
            AssertSame(NpsCalculator.FromResponses(periods, responses), ThroughDays(periods, responses));
        }
    }

    [Fact]
    public void A_customer_without_day_summaries_has_every_day_of_both_windows_summarized()
    {
        var plan = NpsDayPlan.For(NpsPeriods.For(Now, 365));
        var days = plan.DaysToSummarize(null, Array.Empty<DateTime>());
        Assert.Equal(UtcDay.Of(Now.AddDays(-730)), days.First());
        Assert.Equal(UtcDay.Of(Now).AddDays(-1), days.Last());
        Assert.Equal(730, days.Count);
    }

    [Fact]
    public void Summaries_through_yesterday_leave_only_the_days_a_change_touched()
    {
        var plan = NpsDayPlan.For(NpsPeriods.For(Now, 365));
        var touched = new[] { Now, Now.AddDays(-3), Now.AddDays(-3).AddHours(-1), Now.AddDays(-800), Now.AddMinutes(3) };
        var days = plan.DaysToSummarize(plan.LastWholeDay, touched);
        // Today is read from the responses; a day older than both windows is not needed.
        Assert.Equal(new[] { UtcDay.Of(Now.AddDays(-3)) }, days);
    }

    [Fact]
    public void Days_since_the_last_summary_are_summarized_at_the_next_rollup()
    {
        var plan = NpsDayPlan.For(NpsPeriods.For(Now, 365));
        var days = plan.DaysToSummarize(plan.Today.AddDays(-4), Array.Empty<DateTime>());
        Assert.Equal(new[] { plan.Today.AddDays(-3), plan.Today.AddDays(-2), plan.Today.AddDays(-1) }, days);
    }

    [Fact]
    public void Summaries_older_than_the_windows_are_rebuilt_whole()
    {
        var plan = NpsDayPlan.For(NpsPeriods.For(Now, 365));
        Assert.Equal(730, plan.DaysToSummarize(plan.FirstDay.AddDays(-10), Array.Empty<DateTime>()).Count);
    }

    [Fact]
    public void The_edge_days_are_the_days_of_now_minus_one_and_two_windows()
    {
        var plan = NpsDayPlan.For(NpsPeriods.For(Now, 365));
        Assert.Equal(UtcDay.From(2025, 11, 22), plan.CurrentEdgeDay);
        Assert.Equal(UtcDay.From(2024, 11, 22), plan.PreviousEdgeDay);
        Assert.True(plan.IsEdgeDay(plan.CurrentEdgeDay));
        Assert.False(plan.IsEdgeDay(plan.Today));
    }

    [Fact]
    public void A_day_is_written_as_yyyymmdd_and_read_back()
    {
        var day = UtcDay.Of(Now);
        Assert.Equal(20261122, day.Number);
        Assert.Equal(day, UtcDay.FromNumber(20261122));
        Assert.Equal("2026-11-22", day.ToString());
        Assert.Equal(UtcDay.From(2024, 3, 1), UtcDay.FromNumber(20240229).AddDays(1));
    }

    [Fact]
    public void A_day_number_that_is_no_date_is_refused_naming_it()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => UtcDay.FromNumber(20261131));
        Assert.Contains("20261131", e.Message);
    }

    [Fact]
    public void A_part_larger_than_its_day_counts_as_nothing_left()
    {
        var day = new NpsCounts(1, 0, 2, null);
        var part = new NpsCounts(3, 0, 1, null);
        var rest = day.Minus(part);
        Assert.Equal(0, rest.Promoters);
        Assert.Equal(1, rest.Detractors);
    }

    [Fact]
    public void Counts_by_score_follow_the_categories_and_skip_scores_outside_0_to_10()
    {
        var c = NpsCounts.None.Plus(9, 2, null).Plus(8, 1, null).Plus(6, 3, null).Plus(11, 5, null).Plus(-1, 5, null);
        Assert.Equal(2, c.Promoters);
        Assert.Equal(1, c.Passives);
        Assert.Equal(3, c.Detractors);
    }
}
