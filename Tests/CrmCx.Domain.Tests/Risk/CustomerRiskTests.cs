using System;
using System.Linq;
using CrmCx.Domain.Choices;
using CrmCx.Domain.Configuration;
using CrmCx.Domain.Risk;
using CrmCx.Domain.Text;
using Xunit;

namespace CrmCx.Domain.Tests.Risk;

public class CustomerRiskTests
{
    private static readonly DateTime Now = new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    private static CustomerRiskAssessment Assess(decimal? nps = 30m, decimal? margin = 10m, decimal? previous = 30m, decimal? previousMargin = 10m,
        int responses = 40, int detractors = 4, int lastResponseDaysAgo = 5, int open = 1, RiskLevel highest = RiskLevel.None, int atRisk = 0, CustomerRiskOptions? options = null) =>
        CustomerRisk.Assess(new CustomerRiskInput(nps, margin, previous, previousMargin, responses, detractors, Now.AddDays(-lastResponseDaysAgo), open, highest, atRisk), Now, options);

    [Fact]
    public void A_healthy_customer_has_no_risk_and_no_reasons()
    {
        var a = Assess();
        Assert.Equal(RiskLevel.None, a.Level);
        Assert.Empty(a.Reasons);
    }

    [Fact]
    public void An_nps_fall_beyond_noise_is_a_reason_and_a_fall_within_noise_is_not()
    {
        var fell = Assess(nps: -10m, margin: 15m, previous: 40m, previousMargin: 16m);
        var reason = Assert.Single(fell.Reasons);
        Assert.Equal(ReasonCodes.NpsFell, reason.Code);
        Assert.Equal("NPS fell from +40 to \u221210, beyond the margin of ±21.9", TextCatalog.English.Reason(reason));
        Assert.Equal(RiskLevel.Medium, fell.Level);

        Assert.Empty(Assess(nps: 20m, margin: 15m, previous: 40m, previousMargin: 16m).Reasons);
        Assert.Empty(Assess(nps: 90m, margin: 15m, previous: 40m, previousMargin: 16m).Reasons);
    }

    [Fact]
    public void A_detractor_share_above_the_threshold_counts_only_from_the_minimum_responses()
    {
        var share = Assess(responses: 20, detractors: 9);
        Assert.Equal("45 % detractors among 20 responses (threshold 40 %)", TextCatalog.English.Reason(Assert.Single(share.Reasons)));
        Assert.Empty(Assess(responses: 20, detractors: 8).Reasons);
        Assert.Empty(Assess(responses: 9, detractors: 9).Reasons);
        Assert.Single(Assess(responses: 10, detractors: 9, options: new CustomerRiskOptions(detractorSharePercent: 80)).Reasons);
    }

    [Fact]
    public void Silence_while_journeys_are_open_is_low_risk_and_counts_again_every_day()
    {
        var silent = Assess(lastResponseDaysAgo: 120, open: 2);
        Assert.Equal(RiskLevel.Low, silent.Level);
        Assert.Equal("No survey response for 120 days while 2 journeys are open", TextCatalog.English.Reason(Assert.Single(silent.Reasons)));
        Assert.Equal(Now.AddDays(-120).AddDays(121), silent.NextChange);

        Assert.Empty(Assess(lastResponseDaysAgo: 120, open: 0).Reasons);
        var quiet = Assess(lastResponseDaysAgo: 30, open: 1);
        Assert.Empty(quiet.Reasons);
        Assert.Equal(Now.AddDays(60), quiet.NextChange);
        Assert.Equal(RiskLevel.Low, CustomerRisk.Assess(new CustomerRiskInput(30m, 10m, 30m, 10m, 40, 4, Now.AddDays(-30), 1, RiskLevel.None, 0), quiet.NextChange!.Value).Level);
    }

    [Fact]
    public void The_customer_level_is_the_highest_of_its_journeys_and_its_own()
    {
        var journeys = Assess(open: 3, highest: RiskLevel.High, atRisk: 2);
        Assert.Equal(RiskLevel.High, journeys.Level);
        Assert.Equal(RiskLevel.None, journeys.OwnLevel);
        Assert.Equal("2 open journeys at risk (highest: High)", TextCatalog.English.Reason(Assert.Single(journeys.Reasons)));

        var both = Assess(nps: -10m, margin: 15m, previous: 40m, previousMargin: 16m, responses: 20, detractors: 12, open: 1, highest: RiskLevel.Low);
        Assert.Equal(RiskLevel.High, both.Level);
        Assert.Equal(new[] { ReasonCodes.NpsFell, ReasonCodes.DetractorShare }, both.Reasons.Select(r => r.Code));
    }

    [Fact]
    public void The_thresholds_come_from_the_settings_and_a_bad_one_names_its_key()
    {
        var settings = CrmCxSettings.Parse("{\"detractorSharePercent\": 30, \"silentDays\": 60}");
        Assert.Equal(30, settings.CustomerRisk.DetractorSharePercent);
        Assert.Equal(10, settings.CustomerRisk.DetractorShareMinimumResponses);
        Assert.Equal(60, settings.CustomerRisk.SilentDays);
        var e = Assert.Throws<ConfigurationException>(() => CrmCxSettings.Parse("{\"silentDays\": 0}"));
        Assert.Contains("silentDays", e.Message);
        Assert.Contains(CrmCxSettings.EnvironmentVariable, e.Message);
    }
}
