using System;
using System.Linq;
using CrmCx.Dataverse.InMemory.Diagnostics;
using CrmCx.Domain.Choices;
using CrmCx.Journeys;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Xunit;
using static CrmCx.Plugins.Tests.Journeys.JourneyOrg;

namespace CrmCx.Plugins.Tests.Journeys;

public class JourneyRiskPipelineTests
{
    private readonly JourneyOrg o = new JourneyOrg();
    private readonly Guid account;
    private readonly Guid journey;

    public JourneyRiskPipelineTests()
    {
        account = o.Account("Fabrikam");
        journey = o.Journey(account);
    }

    private void Touch(int stage = Welcome, string table = TouchpointSchema.PhoneCall) => o.Touchpoint(table, account, journey, stage);

    private void Answer(int stage, int score, int? csat = null, int? effort = null) => o.Response(account, journey, stage, score, csat, effort);

    private string OnlyReason()
    {
        o.Settle();
        var reasons = o.Reasons(journey).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return Assert.Single(reasons);
    }

    [Fact]
    public void A_decline_of_twenty_points_alone_gives_Medium_and_its_reason()
    {
        Answer(Welcome, 9);
        o.Days(10);
        Answer(Installation, 7);
        Assert.Equal("Satisfaction fell from 90 at Welcome to 70 at Installation (\u221222 %)", OnlyReason());
        Assert.Equal(35, o.JourneyRow(journey).GetAttributeValue<int>(JourneySchema.RiskScore));
        Assert.Equal(RiskLevel.Medium, o.Level(journey));
    }

    [Fact]
    public void One_detractor_response_alone_adds_fifteen()
    {
        Answer(Welcome, 6);
        o.Days(1);
        Answer(Welcome, 10);
        Assert.Equal("1 detractor response", OnlyReason());
        Assert.Equal(RiskLevel.Low, o.Level(journey));
    }

    [Fact]
    public void A_latest_detractor_fires_with_the_detractor_count()
    {
        Answer(Welcome, 10);
        o.Days(1);
        Answer(Activation, 3);
        o.Settle();
        Assert.Equal(new[] { "1 detractor response", "Latest response 3/10 at Activation" },
            o.Reasons(journey).Split('\n').Where(r => !r.StartsWith("Satisfaction", StringComparison.Ordinal)));
    }

    [Fact]
    public void Low_journey_satisfaction_alone_needs_three_responses()
    {
        Answer(Welcome, 7, 1, 1);
        Answer(Welcome, 7, 1, 1);
        o.Settle();
        Assert.Equal(string.Empty, o.Reasons(journey));
        Answer(Welcome, 7, 1, 1);
        Assert.Equal("Journey satisfaction 23/100", OnlyReason());
    }

    [Fact]
    public void More_contacts_than_expected_alone_names_the_count_and_the_expectation()
    {
        for (var i = 0; i < 6; i++)
        {
            o.At(Start.AddDays(15 * i));
            Touch();
        }
        o.At(Start.AddDays(76));
        Touch();
        Assert.Equal("7 contacts, more than the 6 expected for an onboarding", OnlyReason());
        Assert.Equal(1, o.JourneyRow(journey).GetAttributeValue<int>(JourneySchema.RepeatContacts));
    }

    [Fact]
    public void Repeat_contacts_alone_fire_from_two()
    {
        Touch();
        o.Days(3);
        Touch(table: TouchpointSchema.Email);
        o.Settle();
        Assert.Equal(string.Empty, o.Reasons(journey));
        o.Days(3);
        Touch(table: TouchpointSchema.Incident);
        Assert.Equal("2 contacts within 14 days of each other", OnlyReason());
    }

    [Fact]
    public void A_journey_open_longer_than_expected_alone_fires_the_duration_rule()
    {
        o.Days(100);
        Touch();
        Assert.Equal("Open 100 days, longer than the 90 expected", OnlyReason());
    }

    [Fact]
    public void Every_rule_together_caps_the_score_at_one_hundred()
    {
        Answer(Welcome, 9);
        for (var i = 0; i < 8; i++)
        {
            Touch(Installation);
            o.Days(1);
        }
        Answer(Installation, 3);
        Answer(Installation, 2);
        o.Days(100);
        Answer(Activation, 1);
        o.Settle();
        var row = o.JourneyRow(journey);
        Assert.Equal(100, row.GetAttributeValue<int>(JourneySchema.RiskScore));
        Assert.Equal(7, o.Reasons(journey).Split('\n').Length);
    }

    [Fact]
    public void Thresholds_and_expectations_come_from_the_steps_configuration()
    {
        var c = new JourneyOrg("{\"expectedTouchpoints\": {\"onboarding\": 2}, \"repeatWindowDays\": 1}");
        var a = c.Account("Configured");
        var j = c.Journey(a);
        for (var i = 0; i < 3; i++)
        {
            c.Touchpoint(TouchpointSchema.PhoneCall, a, j, Welcome);
            c.Days(2);
        }
        c.Settle();
        Assert.Equal("3 contacts, more than the 2 expected for an onboarding", c.Reasons(j));
    }

    [Fact]
    public void A_bad_settings_value_fails_the_journey_rollup_naming_the_key_and_keeps_the_touchpoint()
    {
        var c = new JourneyOrg("{\"expectedTouchpoint\": {\"onboarding\": 2}}");
        var a = c.Account("Contoso");
        var j = c.Journey(a, Onboarding);
        var call = c.Touchpoint(TouchpointSchema.PhoneCall, a, j, Welcome);
        c.Org.DrainAsyncQueue();

        var failed = Assert.Single(c.Org.SystemJobs, s => s.Status == SystemJobStatus.Failed);
        Assert.Contains("Environment variable cx_Settings: Unknown key \"expectedTouchpoint\"", failed.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("known keys: ", failed.ErrorMessage, StringComparison.Ordinal);
        Assert.NotNull(c.Org.Peek(TouchpointSchema.PhoneCall, call));
    }
}
