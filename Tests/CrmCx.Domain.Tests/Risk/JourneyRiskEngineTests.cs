using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Domain.Choices;
using CrmCx.Domain.Configuration;
using CrmCx.Domain.Journeys;
using CrmCx.Domain.Risk;
using Xunit;

namespace CrmCx.Domain.Tests.Risk;

public class JourneyRiskEngineTests
{
    private const int Welcome = 964000102, Installation = 964000103, Activation = 964000104;
    private static readonly DateTime Now = new DateTime(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    private static JourneyFigures Figures(
        IEnumerable<ResponseGroup>? responses = null, IEnumerable<TouchpointGroup>? touchpoints = null) =>
        JourneyScoring.Compute(responses ?? Array.Empty<ResponseGroup>(), touchpoints ?? Array.Empty<TouchpointGroup>(), 14);

    private static ResponseGroup R(int? stage, int score, decimal index, int daysAgo, int count = 1) =>
        new ResponseGroup(stage, score, count, index * count, count, Now.AddDays(-daysAgo));

    private static IEnumerable<TouchpointGroup> Spread(int count, int everyDays) =>
        Enumerable.Range(0, count).Select(i => Now.AddDays(-i * everyDays)).Select(d => new TouchpointGroup(Welcome, 1, d, d));

    private static RiskAssessment Assess(JourneyFigures f, JourneyType type = JourneyType.Onboarding, int startedDaysAgo = 10, JourneyRiskOptions? options = null) =>
        new JourneyRiskEngine(options).Assess(new JourneyRiskInput(type, f, Now.AddDays(-startedDaysAgo), true, null), Now);

    [Fact]
    public void A_quiet_journey_has_no_risk()
    {
        var a = Assess(Figures(new[] { R(Welcome, 9, 90m, 5) }));
        Assert.Equal(0, a.Score);
        Assert.Equal(RiskLevel.None, a.Level);
        Assert.Empty(a.Reasons);
        Assert.Equal(string.Empty, a.ReasonText);
    }

    [Fact]
    public void A_decline_of_twenty_points_fires_alone_with_the_documented_reason()
    {
        var a = Assess(Figures(new[] { R(Welcome, 9, 85m, 9), R(Installation, 7, 51m, 2) }));
        var reason = Assert.Single(a.Reasons);
        Assert.Equal(RiskRule.Decline, reason.Rule);
        Assert.Equal("Satisfaction fell from 85 at Welcome to 51 at Installation (\u221240 %)", reason.Text);
        Assert.Equal(35, a.Score);
        Assert.Equal(RiskLevel.Medium, a.Level);
    }

    [Fact]
    public void A_decline_smaller_than_the_threshold_does_not_fire()
    {
        var a = Assess(Figures(new[] { R(Welcome, 9, 85m, 9), R(Installation, 8, 65.01m, 2) }));
        Assert.Empty(a.Reasons);
    }

    [Fact]
    public void Detractor_responses_add_fifteen_each_up_to_thirty()
    {
        var one = Assess(Figures(new[] { R(Welcome, 5, 90m, 9), R(Welcome, 10, 100m, 1) }));
        Assert.Equal("1 detractor response", Assert.Single(one.Reasons).Text);
        Assert.Equal(15, one.Score);
        var three = Assess(Figures(new[] { R(Welcome, 6, 80m, 9, count: 3), R(Welcome, 10, 100m, 1) }));
        Assert.Equal("3 detractor responses", Assert.Single(three.Reasons).Text);
        Assert.Equal(30, three.Score);
    }

    [Fact]
    public void A_latest_detractor_names_its_score_and_stage()
    {
        var a = Assess(Figures(new[] { R(Welcome, 9, 70m, 9), R(Activation, 3, 70m, 1) }));
        Assert.Equal(new[] { RiskRule.Detractors, RiskRule.LatestDetractor }, a.Reasons.Select(r => r.Rule));
        Assert.Equal("Latest response 3/10 at Activation", a.Reasons[1].Text);
        Assert.Equal(25, a.Score);
    }

    [Fact]
    public void Low_journey_satisfaction_needs_three_responses()
    {
        var two = Assess(Figures(new[] { R(Welcome, 7, 44m, 3, count: 2) }));
        Assert.Empty(two.Reasons);
        var three = Assess(Figures(new[] { R(Welcome, 7, 44m, 3, count: 3) }));
        Assert.Equal("Journey satisfaction 44/100", Assert.Single(three.Reasons).Text);
        Assert.Equal(20, three.Score);
    }

    [Fact]
    public void More_touchpoints_than_expected_fires_with_the_type_named()
    {
        var six = Assess(Figures(touchpoints: Spread(6, 20)));
        Assert.Empty(six.Reasons);
        var nine = Assess(Figures(touchpoints: Spread(9, 20)));
        Assert.Equal("9 contacts, more than the 6 expected for an onboarding", Assert.Single(nine.Reasons).Text);
        var renewal = Assess(Figures(touchpoints: Spread(4, 20)), JourneyType.Renewal);
        Assert.Equal("4 contacts, more than the 3 expected for a renewal", Assert.Single(renewal.Reasons).Text);
    }

    [Fact]
    public void Two_repeat_contacts_fire_the_repeat_rule()
    {
        var one = Assess(Figures(touchpoints: Spread(2, 3)));
        Assert.Empty(one.Reasons);
        var three = Assess(Figures(touchpoints: Spread(4, 3)));
        Assert.Equal("3 contacts within 14 days of each other", Assert.Single(three.Reasons).Text);
        Assert.Equal(15, three.Score);
    }

    [Fact]
    public void An_open_journey_older_than_expected_fires_the_duration_rule()
    {
        Assert.Empty(Assess(Figures(), startedDaysAgo: 90).Reasons);
        var a = Assess(Figures(), startedDaysAgo: 104);
        Assert.Equal("Open 104 days, longer than the 90 expected", Assert.Single(a.Reasons).Text);
        Assert.Equal(RiskLevel.Low, a.Level);
    }

    [Fact]
    public void A_closed_journey_stops_ageing_at_its_completion()
    {
        var input = new JourneyRiskInput(JourneyType.TechnicalIssue, Figures(), Now.AddDays(-100), false, Now.AddDays(-95));
        Assert.Equal(5, JourneyRiskEngine.OpenDays(input, Now));
        Assert.Empty(new JourneyRiskEngine().Assess(input, Now).Reasons);
    }

    [Fact]
    public void Every_rule_together_is_capped_at_one_hundred_with_every_reason()
    {
        var f = Figures(
            new[] { R(Welcome, 6, 40m, 60, count: 2), R(Installation, 2, 10m, 1, count: 2) },
            Spread(10, 2));
        var a = Assess(f, startedDaysAgo: 120);
        Assert.Equal(Enum.GetValues(typeof(RiskRule)).Cast<RiskRule>(), a.Reasons.Select(r => r.Rule));
        Assert.Equal(145, a.Reasons.Sum(r => r.Points));
        Assert.Equal(100, a.Score);
        Assert.Equal(RiskLevel.High, a.Level);
        Assert.Equal(7, a.ReasonText.Split('\n').Length);
    }

    [Theory]
    [InlineData(0, RiskLevel.None)]
    [InlineData(1, RiskLevel.Low)]
    [InlineData(29, RiskLevel.Low)]
    [InlineData(30, RiskLevel.Medium)]
    [InlineData(59, RiskLevel.Medium)]
    [InlineData(60, RiskLevel.High)]
    [InlineData(100, RiskLevel.High)]
    public void Level_boundaries_are_those_of_the_scoring_definition(int score, RiskLevel level) =>
        Assert.Equal(level, RiskAssessment.LevelOf(score));

    [Fact]
    public void Thresholds_and_expectations_come_from_the_options()
    {
        var options = new JourneyRiskOptions(
            trendDropPoints: 10, lowJourneyScore: 80, repeatWindowDays: 2, repeatContactsMinimum: 1,
            expectedTouchpoints: new Dictionary<JourneyType, int> { [JourneyType.Onboarding] = 2 },
            expectedDays: new Dictionary<JourneyType, int> { [JourneyType.Onboarding] = 5 });
        var f = JourneyScoring.Compute(
            new[] { R(Welcome, 8, 85m, 9), R(Installation, 8, 72m, 2, count: 2) },
            Spread(3, 1), options.RepeatWindowDays);
        var a = Assess(f, startedDaysAgo: 6, options: options);
        Assert.Equal(new[] { RiskRule.Decline, RiskRule.LowSatisfaction, RiskRule.TooManyContacts, RiskRule.RepeatContacts, RiskRule.Overdue }, a.Reasons.Select(r => r.Rule));
        Assert.Contains("within 2 days", a.Reasons[3].Text);
        Assert.Equal("Open 6 days, longer than the 5 expected", a.Reasons[4].Text);
        Assert.Equal(6, new JourneyRiskOptions().ExpectedTouchpointsFor(JourneyType.Onboarding));
    }

    [Fact]
    public void Invalid_options_are_refused_with_the_key_the_value_and_the_rule()
    {
        var ex = Assert.Throws<ConfigurationException>(() => new JourneyRiskOptions(repeatWindowDays: 0));
        Assert.Contains("\"repeatWindowDays\" is 0", ex.Message);
        var days = Assert.Throws<ConfigurationException>(() => new JourneyRiskOptions(expectedDays: new Dictionary<JourneyType, int> { [JourneyType.Renewal] = -1 }));
        Assert.Contains("expectedDays.renewal", days.Message);
    }

    [Fact]
    public void Options_are_read_from_the_step_configuration_over_the_defaults()
    {
        var o = JourneyRiskOptions.Parse("{\"trendDropPoints\": 25, \"expectedTouchpoints\": {\"onboarding\": 8}, \"expectedDays\": {\"technicalIssue\": 7}}");
        Assert.Equal(25, o.TrendDropPoints);
        Assert.Equal(50, o.LowJourneyScore);
        Assert.Equal(8, o.ExpectedTouchpointsFor(JourneyType.Onboarding));
        Assert.Equal(4, o.ExpectedTouchpointsFor(JourneyType.Relocation));
        Assert.Equal(7, o.ExpectedDaysFor(JourneyType.TechnicalIssue));
        Assert.Equal(14, JourneyRiskOptions.Parse(null).RepeatWindowDays);
    }

    [Theory]
    [InlineData("{\"trendDrop\": 25}", "trendDrop")]
    [InlineData("{\"repeatWindowDays\": 0}", "repeatWindowDays")]
    [InlineData("{\"expectedDays\": {\"moving\": 3}}", "moving")]
    [InlineData("{\"lowJourneyScore\": \"fifty\"}", "lowJourneyScore")]
    public void A_bad_step_configuration_is_refused_naming_the_key(string json, string named) =>
        Assert.Contains(named, Assert.Throws<ConfigurationException>(() => JourneyRiskOptions.Parse(json)).Message);
}
