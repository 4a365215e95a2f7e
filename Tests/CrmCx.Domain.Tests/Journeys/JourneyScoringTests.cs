using System;
using System.Linq;
using CrmCx.Domain.Journeys;
using Xunit;

namespace CrmCx.Domain.Tests.Journeys;

public class JourneyScoringTests
{
    private const int Welcome = 964000102, Installation = 964000103, Activation = 964000104, Order = 964000101;
    private static readonly DateTime T0 = new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc);

    private static ResponseGroup R(int? stage, int score, int count, decimal index, DateTime? on = null) =>
        new ResponseGroup(stage, score, count, index * count, count, on ?? T0);

    [Fact]
    public void A_stage_score_is_the_mean_satisfaction_index_of_its_responses()
    {
        var f = JourneyScoring.Compute(new[] { R(Welcome, 9, 1, 90m), R(Welcome, 7, 2, 60m) }, Array.Empty<TouchpointGroup>(), 14);
        Assert.Equal(70m, f.Stages.Single().Score);
        Assert.Equal(3, f.Stages.Single().ResponseCount);
    }

    [Fact]
    public void The_journey_score_weighs_every_scored_stage_the_same()
    {
        var f = JourneyScoring.Compute(new[] { R(Welcome, 9, 10, 90m), R(Installation, 5, 1, 50m) }, Array.Empty<TouchpointGroup>(), 14);
        Assert.Equal(70m, f.Score);
    }

    [Fact]
    public void Start_score_and_trend_follow_stage_order_not_input_order()
    {
        var f = JourneyScoring.Compute(new[] { R(Activation, 5, 1, 51m), R(Welcome, 9, 1, 85m), R(Installation, 7, 1, 70m) }, Array.Empty<TouchpointGroup>(), 14);
        Assert.Equal(85m, f.StartScore);
        Assert.Equal(Welcome, f.StartStage);
        Assert.Equal(Activation, f.LatestStage);
        Assert.Equal(-34m, f.Trend);
        Assert.Equal(51m, f.LatestScore);
    }

    [Fact]
    public void A_single_scored_stage_has_no_trend()
    {
        var f = JourneyScoring.Compute(new[] { R(Welcome, 9, 1, 85m) }, Array.Empty<TouchpointGroup>(), 14);
        Assert.Null(f.Trend);
        Assert.Equal(85m, f.StartScore);
    }

    [Fact]
    public void NPS_counts_from_the_score_and_includes_responses_without_a_stage()
    {
        var f = JourneyScoring.Compute(new[] { R(null, 10, 2, 100m), R(Welcome, 3, 1, 30m), R(Welcome, 8, 1, 80m) }, Array.Empty<TouchpointGroup>(), 14);
        Assert.Equal(25m, f.Nps);
        Assert.Equal(4, f.ResponseCount);
        Assert.Equal(1, f.Detractors);
        Assert.Equal(-50m, f.Stages.Single().Nps);
    }

    [Fact]
    public void No_responses_means_no_score_and_no_NPS_rather_than_zero()
    {
        var f = JourneyScoring.Compute(Array.Empty<ResponseGroup>(), new[] { new TouchpointGroup(Order, 1, T0, T0) }, 14);
        Assert.Null(f.Score);
        Assert.Null(f.Nps);
        Assert.Equal(1, f.TouchpointCount);
        Assert.Null(f.Stages.Single().Score);
    }

    [Fact]
    public void Responses_without_a_stored_satisfaction_index_count_in_NPS_but_not_in_the_stage_score()
    {
        var f = JourneyScoring.Compute(new[] { new ResponseGroup(Welcome, 9, 2, 0m, 0, T0), R(Welcome, 3, 1, 30m) }, Array.Empty<TouchpointGroup>(), 14);
        Assert.Equal(30m, f.Score);
        Assert.Equal(3, f.ResponseCount);
    }

    [Fact]
    public void The_latest_response_is_the_newest_group()
    {
        var f = JourneyScoring.Compute(new[] { R(Welcome, 9, 1, 90m, T0.AddDays(3)), R(Installation, 3, 1, 30m, T0.AddDays(1)) }, Array.Empty<TouchpointGroup>(), 14);
        Assert.Equal(9, f.LatestResponse!.Score);
        Assert.Equal(Welcome, f.LatestResponse.Stage);
    }

    [Fact]
    public void Repeat_contacts_count_every_touchpoint_within_the_window_of_the_previous_one()
    {
        var points = new[] { T0, T0.AddDays(10), T0.AddDays(30), T0.AddDays(44), T0.AddDays(58).AddHours(1) }
            .Select(d => new TouchpointGroup(null, 1, d, d));
        Assert.Equal(2, JourneyScoring.RepeatContacts(points, 14));
    }

    [Fact]
    public void Repeat_contacts_from_day_groups_equal_those_from_single_rows()
    {
        var times = new[] { T0, T0.AddHours(2), T0.AddDays(14).AddHours(1), T0.AddDays(14).AddHours(3), T0.AddDays(40) };
        var rows = times.Select(d => new TouchpointGroup(Welcome, 1, d, d)).ToList();
        var days = new[]
        {
            new TouchpointGroup(Welcome, 2, T0, T0.AddHours(2)),
            new TouchpointGroup(Welcome, 1, T0.AddDays(14).AddHours(1), T0.AddDays(14).AddHours(1)),
            new TouchpointGroup(Installation, 1, T0.AddDays(14).AddHours(3), T0.AddDays(14).AddHours(3)),
            new TouchpointGroup(Installation, 1, T0.AddDays(40), T0.AddDays(40)),
        };
        Assert.Equal(3, JourneyScoring.RepeatContacts(rows, 14));
        Assert.Equal(3, JourneyScoring.RepeatContacts(days, 14));
    }

    [Fact]
    public void Stage_dates_span_touchpoints_and_responses()
    {
        var f = JourneyScoring.Compute(
            new[] { new ResponseGroup(Welcome, 9, 2, 180m, 2, T0.AddDays(5), T0.AddDays(2)) },
            new[] { new TouchpointGroup(Welcome, 1, T0.AddDays(1), T0.AddDays(1)) }, 14);
        Assert.Equal(T0.AddDays(1), f.Stages.Single().FirstActivityOn);
        Assert.Equal(T0.AddDays(5), f.Stages.Single().LastActivityOn);
    }

    [Fact]
    public void Journey_nps_counts_its_responses_by_score_and_is_rounded_to_one_decimal()
    {
        // One promoter (10) and two passives (7): 100 × (1 − 0) / 3 = 33.33…
        var f = JourneyScoring.Compute(
            new[] { new ResponseGroup(Welcome, 10, 1, 100m, 1, T0), new ResponseGroup(Welcome, 7, 2, 140m, 2, T0) },
            Array.Empty<TouchpointGroup>(), 14);
        Assert.Equal(33.3m, f.Nps);
    }

    [Fact]
    public void Journey_without_responses_has_no_nps_rather_than_zero()
    {
        var f = JourneyScoring.Compute(Array.Empty<ResponseGroup>(), new[] { new TouchpointGroup(Welcome, 1, T0, T0) }, 14);
        Assert.Null(f.Nps);
    }
}
