using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Domain.Nps;
using Xunit;

namespace CrmCx.Domain.Tests.Nps;

/// <summary>The day base (cx_npsdaybase) held to the figures from scratch: NpsCalculator.FromResponses over the same responses.</summary>
public class NpsDayBaseTests
{
    private static readonly DateTime Made = new DateTime(2026, 11, 22, 15, 0, 0, DateTimeKind.Utc);

    /// <summary>A response or none on most days since <paramref name="from"/>, up to 4 a day, at random instants (fixed seed).</summary>
    private static List<ScoredResponse> History(int seed, DateTime from, DateTime to)
    {
        var random = new Random(seed);
        var list = new List<ScoredResponse>();
        for (var day = from.Date; day < to; day = day.AddDays(1))
            for (var i = random.Next(5); i > 0; i--)
            {
                var t = DateTime.SpecifyKind(day.AddTicks((long)(random.NextDouble() * TimeSpan.TicksPerDay)), DateTimeKind.Utc);
                if (t <= to) list.Add(new ScoredResponse(random.Next(11), t));
            }
        return list;
    }

    /// <summary>More responses in (from, to], a few a day, some exactly at window edges of <paramref name="to"/>.</summary>
    private static void AddSince(List<ScoredResponse> list, int seed, DateTime from, DateTime to, int windowDays)
    {
        var random = new Random(seed);
        for (var i = 0; i < 3 + (to - from).TotalDays * 3; i++)
            list.Add(new ScoredResponse(random.Next(11), from.AddTicks(1 + (long)(random.NextDouble() * (to - from).Ticks))));
        list.Add(new ScoredResponse(random.Next(11), to.AddDays(-windowDays).AddMinutes(3)));
        list.Add(new ScoredResponse(random.Next(11), to.AddDays(-2 * windowDays).AddMinutes(5)));
    }

    private static Dictionary<UtcDay, NpsCounts> WholeDays(NpsDayPlan plan, IEnumerable<ScoredResponse> responses)
    {
        var days = new Dictionary<UtcDay, NpsCounts>();
        foreach (var r in responses)
        {
            var day = UtcDay.Of(r.RespondedOn);
            if (day < plan.FirstDay || day > plan.LastWholeDay) continue;
            NpsCounts? c;
            days[day] = (days.TryGetValue(day, out c) ? c : NpsCounts.None).Plus(r.Score, 1, r.RespondedOn);
        }
        return days;
    }

    private static NpsDayPlan Plan(DateTime now, int w) => NpsDayPlan.For(NpsPeriods.For(now, w));

    private static NpsDayBase Base(DateTime at, int w, List<ScoredResponse> responses)
    {
        var plan = Plan(at, w);
        return NpsDayBase.Create(plan, WholeDays(plan, responses));
    }

    private static void AssertSame(NpsFigures expected, NpsFigures actual)
    {
        Assert.Equal(expected.ComputedOn, actual.ComputedOn);
        Assert.Equal((expected.Current.Promoters, expected.Current.Passives, expected.Current.Detractors), (actual.Current.Promoters, actual.Current.Passives, actual.Current.Detractors));
        Assert.Equal((expected.Previous.Promoters, expected.Previous.Passives, expected.Previous.Detractors), (actual.Previous.Promoters, actual.Previous.Passives, actual.Previous.Detractors));
        Assert.Equal(expected.HistoryJson, actual.HistoryJson);
        Assert.Equal(expected.LastResponseOn, actual.LastResponseOn);
    }

    /// <summary>Rolls the base to <paramref name="at"/>, through its text, and checks figures and next change against the truth.</summary>
    private static NpsDayBase RollAndCheck(NpsDayBase dayBase, DateTime at, int w, List<ScoredResponse> responses, IEnumerable<DateTime>? touched = null)
    {
        var parsed = NpsDayBase.Parse(dayBase.Encode());
        Assert.NotNull(parsed);
        Assert.Equal(dayBase.Encode(), parsed!.Encode());
        var roll = parsed.Roll(Plan(at, w), responses, touched);
        Assert.NotNull(roll);
        var periods = NpsPeriods.For(at, w);
        AssertSame(NpsCalculator.FromResponses(periods, responses), roll!.Figures);
        var truth = NpsNextChange.FromResponses(periods, responses.Where(r => r.RespondedOn <= at));
        if (truth.HasValue)
        {
            Assert.True(roll.NextChange.HasValue, "a next change is due");
            Assert.True(roll.NextChange!.Value <= truth.Value, $"next change {roll.NextChange:o} is later than the true one {truth:o}");
            Assert.True(roll.NextChange.Value > at);
        }
        Assert.Equal(UtcDay.Of(at).AddDays(-1), roll.Next.Through);
        return roll.Next;
    }

    public static IEnumerable<object[]> Cases()
    {
        foreach (var w in new[] { 365, 30 })
            foreach (var days in new[] { 0, 1, 5, 31 })
                yield return new object[] { w, days };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_base_rolled_forward_gives_the_figures_from_scratch(int w, int days)
    {
        var responses = History(w * 100 + days, Made.AddDays(-2 * w - 400), Made);
        var dayBase = Base(Made, w, responses);
        var at = Made.AddDays(days).AddHours(days == 0 ? 3 : -2);
        AddSince(responses, days, Made, at, w);
        RollAndCheck(dayBase, at, w, responses);
    }

    [Theory]
    [InlineData(365)]
    [InlineData(30)]
    public void A_base_rolled_day_after_day_for_a_month_stays_true_across_a_year_end(int w)
    {
        var start = new DateTime(2026, 12, 20, 9, 30, 0, DateTimeKind.Utc);
        var responses = History(w, start.AddDays(-2 * w - 400), start);
        var dayBase = Base(start, w, responses);
        var at = start;
        foreach (var step in new[] { 1, 1, 5, 3, 7, 1, 13 })
        {
            var next = at.AddDays(step).AddMinutes(17 * step);
            AddSince(responses, step * 7 + w, at, next, w);
            dayBase = RollAndCheck(dayBase, next, w, responses);
            at = next;
        }
    }

    [Fact]
    public void A_base_made_at_a_month_end_rolls_into_the_next_month_with_the_edges_crossing_month_starts()
    {
        var start = new DateTime(2027, 2, 27, 23, 0, 0, DateTimeKind.Utc);
        var responses = History(11, start.AddDays(-900), start);
        var dayBase = Base(start, 365, responses);
        var at = start.AddDays(4);
        AddSince(responses, 12, start, at, 365);
        RollAndCheck(RollAndCheck(dayBase, at, 365, responses), at.AddDays(2), 365, responses);
    }

    [Theory]
    [InlineData(365)]
    [InlineData(30)]
    public void A_base_is_exhausted_after_its_detail_days_and_says_so(int w)
    {
        var responses = History(3, Made.AddDays(-2 * w - 400), Made);
        var dayBase = Base(Made, w, responses);
        Assert.NotNull(dayBase.Roll(Plan(Made.AddDays(NpsDayBase.DetailDays), w), responses));
        Assert.Null(dayBase.Roll(Plan(Made.AddDays(NpsDayBase.DetailDays + 1), w), responses));
    }

    [Fact]
    public void A_base_serves_neither_another_window_length_nor_an_earlier_day()
    {
        var responses = History(4, Made.AddDays(-900), Made);
        var dayBase = Base(Made, 365, responses);
        Assert.Null(dayBase.Roll(Plan(Made.AddDays(2), 364), responses));
        Assert.Null(dayBase.Roll(Plan(Made.AddDays(-1), 365), responses));
    }

    [Fact]
    public void A_change_on_a_single_day_of_the_base_is_read_again_and_the_figures_stay_true()
    {
        var responses = History(5, Made.AddDays(-900), Made);
        var dayBase = Base(Made, 365, responses);
        var at = Made.AddDays(3);
        var edge = Plan(at, 365).CurrentEdgeDay;
        var day = dayBase.Entries.First(e => !e.IsBucket && e.First > edge.AddDays(2) && e.First < edge.AddDays(NpsDayBase.DetailDays - 5)).First;
        var removed = responses.First(r => UtcDay.Of(r.RespondedOn) == day);
        responses.Remove(removed);
        var added = day.Start.AddHours(5);
        responses.Add(new ScoredResponse(0, added));
        RollAndCheck(dayBase, at, 365, responses, new[] { removed.RespondedOn, added });
    }

    [Fact]
    public void A_change_on_a_day_merged_into_a_bucket_or_on_the_newest_day_makes_the_base_unusable()
    {
        var responses = History(6, Made.AddDays(-900), Made);
        var dayBase = Base(Made, 365, responses);
        var plan = Plan(Made.AddDays(1), 365);
        var bucket = dayBase.Entries.First(e => e.IsBucket && e.First > plan.CurrentEdgeDay.AddDays(NpsDayBase.DetailDays));
        Assert.Null(dayBase.Roll(plan, responses, new[] { bucket.First.Start.AddHours(1) }));
        Assert.Null(dayBase.Roll(plan, responses, new[] { dayBase.Newest!.Value }));
        Assert.NotNull(dayBase.Roll(plan, responses, new[] { Made.AddMinutes(30) }));
    }

    [Fact]
    public void Rows_the_read_brought_for_another_customer_on_other_days_are_not_counted_twice()
    {
        var responses = History(7, Made.AddDays(-900), Made);
        var dayBase = Base(Made, 365, responses);
        var at = Made.AddDays(2);
        AddSince(responses, 8, Made, at, 365);
        // Every response is given (a superset of what the read brings): the base's own days are counted once.
        RollAndCheck(dayBase, at, 365, responses);
    }

    [Fact]
    public void A_base_of_100000_responses_is_a_short_text_of_single_days_and_months()
    {
        var random = new Random(1);
        var responses = Enumerable.Range(0, 100000).Select(i => new ScoredResponse(random.Next(11), Made.AddDays(-720.0 * (i + 1) / 100001))).ToList();
        var dayBase = Base(Made, 365, responses);
        var text = dayBase.Encode();
        Assert.StartsWith("1;365;20261121;", text, StringComparison.Ordinal);
        Assert.InRange(text.Length, 500, 4000);
        Assert.InRange(dayBase.Entries.Count(e => !e.IsBucket), NpsDayBase.DetailDays, 2 * (NpsDayBase.DetailDays + 1));
        AssertSame(NpsCalculator.FromResponses(NpsPeriods.For(Made.AddHours(1), 365), responses), dayBase.Roll(Plan(Made.AddHours(1), 365), responses)!.Figures);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("2;365;20261121;0;0;0;")]
    [InlineData("1;365;20261121")]
    [InlineData("1;365;20261199;0;0;0;")]
    [InlineData("1;365;20261121;700;-30;-30;;5:1,2")]
    [InlineData("1;365;20261121;700;-30;-30;;5:1,2,-3")]
    [InlineData("1;365;20261121;700;-30;-30;;5:1,2,3;5:1,1,1")]
    [InlineData("1;x;20261121;700;-30;-30;;")]
    public void A_malformed_or_unknown_base_text_is_no_base_and_never_throws(string? text)
    {
        Assert.Null(NpsDayBase.Parse(text));
    }
}
