using System;
using System.Linq;
using CrmCx.Domain.Choices;
using CrmCx.Domain.Risk;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Xunit;
using static CrmCx.Plugins.Tests.Journeys.JourneyOrg;

namespace CrmCx.Plugins.Tests.Journeys;

/// <summary>The journey recompute writes the customer's risk as the highest of its journeys' risk and its own health rules.</summary>
public class CustomerHealthPipelineTests
{
    private readonly JourneyOrg o = new JourneyOrg();

    // Figures as the NPS rollup stores them (written as SYSTEM, as the rollup does).
    private void StoreNps(Guid account, decimal nps, decimal margin, decimal previous, decimal previousMargin, int responses, int detractors) =>
        o.Org.GetService(o.Org.SystemUserId).Update(new Entity(CustomerSchema.Account, account)
        {
            [CustomerSchema.Nps] = nps, [CustomerSchema.NpsMargin] = margin, [CustomerSchema.NpsPrevious] = previous,
            [CustomerSchema.NpsPreviousMargin] = previousMargin, [CustomerSchema.NpsResponses] = responses, [CustomerSchema.Detractors] = detractors,
            [CustomerSchema.LastResponseOn] = o.Org.Clock.UtcNow.AddDays(-3),
        });

    // Seven contacts on one day: more than the 6 expected (20) and 6 repeat contacts (15) = 35, Medium.
    private Guid MediumJourney(Guid account)
    {
        var journey = o.Journey(account);
        for (var i = 0; i < 7; i++) o.Touchpoint(TouchpointSchema.PhoneCall, account, journey, Order);
        o.Settle();
        Assert.Equal(RiskLevel.Medium, o.Level(journey));
        return journey;
    }

    [Fact]
    public void A_customer_whose_nps_fell_and_whose_detractors_pile_up_is_High_even_with_a_Medium_journey()
    {
        var account = o.Account("Litware");
        StoreNps(account, nps: -10m, margin: 15m, previous: 40m, previousMargin: 16m, responses: 20, detractors: 12);
        MediumJourney(account);

        var row = o.Row(CustomerSchema.Account, account);
        Assert.Equal((int)RiskLevel.High, row.GetAttributeValue<OptionSetValue>(CustomerSchema.RiskLevel).Value);
        Assert.Equal(1, row.GetAttributeValue<int>(CustomerSchema.AtRiskJourneys));
        Assert.Equal(new[]
        {
            "NPS fell from +40 to \u221210, beyond the margin of ±21.9",
            "60 % detractors among 20 responses (threshold 40 %)",
            "1 open journey at risk (highest: Medium)",
        }, row.GetAttributeValue<string>(CustomerSchema.RiskReasons).Split('\n'));
        Assert.StartsWith("[{\"code\":\"" + ReasonCodes.NpsFell + "\"", row.GetAttributeValue<string>(CustomerSchema.RiskReasonsJson));
    }

    [Fact]
    public void A_healthy_customer_takes_its_journeys_level()
    {
        var account = o.Account("Contoso");
        StoreNps(account, nps: 50m, margin: 15m, previous: 45m, previousMargin: 16m, responses: 20, detractors: 2);
        MediumJourney(account);
        var row = o.Row(CustomerSchema.Account, account);
        Assert.Equal((int)RiskLevel.Medium, row.GetAttributeValue<OptionSetValue>(CustomerSchema.RiskLevel).Value);
        Assert.Equal("1 open journey at risk (highest: Medium)", row.GetAttributeValue<string>(CustomerSchema.RiskReasons));
    }

    [Fact]
    public void The_detractor_share_threshold_comes_from_the_settings()
    {
        var strict = new JourneyOrg("{\"detractorSharePercent\": 5}");
        var account = strict.Account("Fabrikam");
        strict.Org.GetService(strict.Org.SystemUserId).Update(new Entity(CustomerSchema.Account, account)
        {
            [CustomerSchema.NpsResponses] = 20, [CustomerSchema.Detractors] = 2,
        });
        var journey = strict.Journey(account);
        for (var i = 0; i < 7; i++) strict.Touchpoint(TouchpointSchema.PhoneCall, account, journey, Order);
        strict.Settle();
        Assert.Contains("10 % detractors among 20 responses (threshold 5 %)", strict.Row(CustomerSchema.Account, account).GetAttributeValue<string>(CustomerSchema.RiskReasons));
    }
}
