using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Domain.Nps;
using Xunit;

namespace CrmCx.Domain.Tests.Nps;

public class NpsCalculatorTests
{
    private static readonly DateTime Now = new DateTime(2026, 11, 22, 15, 0, 0, DateTimeKind.Utc);

    private static NpsFigures FromScores(params (int score, DateTime on)[] responses) =>
        NpsCalculator.FromResponses(NpsPeriods.For(Now, 365), responses.Select(r => new ScoredResponse(r.score, r.on)));

    [Fact]
    public void A_customer_without_responses_has_empty_figures_not_zero()
    {
        var f = FromScores();
        Assert.Null(f.Nps);
        Assert.Null(f.Margin);
        Assert.Null(f.PreviousNps);
        Assert.Null(f.PreviousMargin);
        Assert.Equal(0, f.Responses);
        Assert.Null(f.LastResponseOn);
        Assert.Null(f.ChangeIsSignificant);
        Assert.Equal(12, f.History.Count);
        Assert.All(f.History, m => Assert.Null(m.Nps));
    }

    [Fact]
    public void The_window_counts_promoters_passives_and_detractors()
    {
        // 3 promoters, 1 passive, 2 detractors: NPS = 100 × (3 − 2) / 6 = 16.666… → 16.7
        var f = FromScores((10, Now.AddDays(-1)), (9, Now.AddDays(-2)), (9, Now.AddDays(-3)), (8, Now.AddDays(-4)), (6, Now.AddDays(-5)), (0, Now.AddDays(-6)));
        Assert.Equal(6, f.Responses);
        Assert.Equal(3, f.Promoters);
        Assert.Equal(1, f.Passives);
        Assert.Equal(2, f.Detractors);
        Assert.Equal(16.7m, f.Nps);
        Assert.Equal(Now.AddDays(-1), f.LastResponseOn);
        Assert.Equal(Now, f.ComputedOn);
    }

    [Fact]
    public void The_window_excludes_its_start_and_includes_now()
    {
        var start = Now.AddDays(-365);
        var f = FromScores(
            (10, Now),                         // now: in
            (10, start.AddTicks(1)),           // just after the start: in
            (0, start),                        // exactly now − 365 days: previous window
            (0, start.AddDays(-365).AddTicks(1)), // just after now − 730 days: previous window
            (0, start.AddDays(-365)));         // exactly now − 730 days: outside both
        Assert.Equal(2, f.Responses);
        Assert.Equal(100.0m, f.Nps);
        Assert.Equal(2, f.Previous.Responses);
        Assert.Equal(-100.0m, f.PreviousNps);
    }

    [Fact]
    public void A_response_later_than_now_is_not_counted()
    {
        var f = FromScores((0, Now.AddSeconds(1)), (10, Now.AddDays(-1)));
        Assert.Equal(1, f.Responses);
        Assert.Equal(Now.AddDays(-1), f.LastResponseOn);
    }

    [Fact]
    public void The_previous_window_gives_the_trend_and_its_significance()
    {
        var responses = new List<(int, DateTime)>();
        // this year: 8 promoters, 2 detractors → NPS 60
        for (var i = 0; i < 8; i++) responses.Add((10, Now.AddDays(-10 - i)));
        for (var i = 0; i < 2; i++) responses.Add((2, Now.AddDays(-30 - i)));
        // last year: 2 promoters, 8 detractors → NPS −60
        for (var i = 0; i < 2; i++) responses.Add((9, Now.AddDays(-400 - i)));
        for (var i = 0; i < 8; i++) responses.Add((3, Now.AddDays(-420 - i)));
        var f = FromScores(responses.ToArray());
        Assert.Equal(60.0m, f.Nps);
        Assert.Equal(-60.0m, f.PreviousNps);
        Assert.Equal(f.Margin, f.PreviousMargin);
        Assert.Equal(NpsMath.Margin(8, 2, 10), f.Margin);
        // |60 − (−60)| = 120 > √2 × margin
        Assert.True(f.ChangeIsSignificant);
    }

    [Fact]
    public void The_history_holds_the_last_twelve_calendar_months_oldest_first_with_empty_months()
    {
        var f = FromScores(
            (10, new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc)),   // first instant of the current month
            (0, new DateTime(2026, 11, 20, 0, 0, 0, DateTimeKind.Utc)),
            (9, new DateTime(2026, 10, 31, 23, 59, 59, DateTimeKind.Utc)), // last second of October
            (7, new DateTime(2025, 12, 1, 0, 0, 0, DateTimeKind.Utc)),    // first history month
            (0, new DateTime(2025, 11, 30, 23, 59, 59, DateTimeKind.Utc))); // before the history (but in the window)
        Assert.Equal(
            "[{\"month\":\"2025-12\",\"nps\":0.0,\"n\":1}," +
            "{\"month\":\"2026-01\",\"nps\":null,\"n\":0},{\"month\":\"2026-02\",\"nps\":null,\"n\":0},{\"month\":\"2026-03\",\"nps\":null,\"n\":0}," +
            "{\"month\":\"2026-04\",\"nps\":null,\"n\":0},{\"month\":\"2026-05\",\"nps\":null,\"n\":0},{\"month\":\"2026-06\",\"nps\":null,\"n\":0}," +
            "{\"month\":\"2026-07\",\"nps\":null,\"n\":0},{\"month\":\"2026-08\",\"nps\":null,\"n\":0},{\"month\":\"2026-09\",\"nps\":null,\"n\":0}," +
            "{\"month\":\"2026-10\",\"nps\":100.0,\"n\":1},{\"month\":\"2026-11\",\"nps\":0.0,\"n\":2}]",
            f.HistoryJson);
        Assert.Equal(5, f.Responses);
    }

    [Fact]
    public void History_nps_is_written_with_one_decimal_and_a_sign()
    {
        // 1 promoter and 2 detractors in November: 100 × (1 − 2) / 3 = −33.3
        var f = FromScores((10, Now.AddDays(-1)), (1, Now.AddDays(-2)), (2, Now.AddDays(-3)));
        Assert.EndsWith("{\"month\":\"2026-11\",\"nps\":-33.3,\"n\":3}]", f.HistoryJson);
    }

    [Fact]
    public void The_history_crosses_the_year_boundary()
    {
        var periods = NpsPeriods.For(new DateTime(2027, 2, 3, 0, 0, 0, DateTimeKind.Utc), 365);
        Assert.Equal(new YearMonth(2026, 3), periods.HistoryMonths[0]);
        Assert.Equal(new YearMonth(2026, 12), periods.HistoryMonths[9]);
        Assert.Equal(new YearMonth(2027, 2), periods.HistoryMonths[11]);
    }

    [Fact]
    public void Scores_outside_0_to_10_imported_without_the_plugins_are_not_counted()
    {
        var f = FromScores((11, Now.AddDays(-1)), (11, Now.AddDays(-2)), (-1, Now.AddDays(-3)), (10, Now.AddDays(-4)));
        Assert.Equal(1, f.Responses);
        Assert.Equal(100.0m, f.Nps);
    }

    [Fact]
    public void A_short_window_needs_the_history_tail_and_counts_it_only_in_the_history()
    {
        var periods = NpsPeriods.For(Now, 30);
        Assert.True(periods.NeedsHistoryTail);
        Assert.False(NpsPeriods.For(Now, 365).NeedsHistoryTail);
        Assert.False(NpsPeriods.For(Now, 183).NeedsHistoryTail);
        var march = new YearMonth(2026, 3);
        var f = NpsCalculator.FromResponses(periods, new[] { new ScoredResponse(9, new DateTime(2026, 3, 10, 0, 0, 0, DateTimeKind.Utc)), new ScoredResponse(10, new DateTime(2026, 3, 11, 0, 0, 0, DateTimeKind.Utc)) });
        Assert.Equal(0, f.Responses);
        Assert.Null(f.Nps);
        Assert.Equal(2, f.History.Single(m => m.Month == march).Responses);
    }

    [Fact]
    public void The_newest_response_found_outside_the_windows_is_the_last_response_date()
    {
        var old = new DateTime(2020, 1, 5, 0, 0, 0, DateTimeKind.Utc);
        var plan = NpsDayPlan.For(NpsPeriods.For(Now, 365));
        var f = NpsCalculator.FromDays(plan, Array.Empty<KeyValuePair<UtcDay, NpsCounts>>(), NpsCounts.None, NpsCounts.None, NpsCounts.None, old);
        Assert.Equal(old, f.LastResponseOn);
        Assert.Null(f.Nps);
    }

    [Fact]
    public void A_local_time_is_refused_because_the_rollups_are_defined_in_utc()
    {
        Assert.Throws<ArgumentException>(() => NpsPeriods.For(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Local), 365));
    }

    [Fact]
    public void A_million_responses_are_all_counted()
    {
        // Its speed (target: under a second) is measured by `crmcx bench`, not asserted here.
        var periods = NpsPeriods.For(Now, 365);
        var responses = new ScoredResponse[1_000_000];
        for (var i = 0; i < responses.Length; i++) responses[i] = new ScoredResponse(i % 11, Now.AddMinutes(-(i % 1_000_000)));
        var f = NpsCalculator.FromResponses(periods, responses);
        Assert.Equal(1_000_000, f.Responses + f.Previous.Responses);
    }
}
