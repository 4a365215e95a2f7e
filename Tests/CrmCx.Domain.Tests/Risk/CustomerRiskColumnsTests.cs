using System;
using CrmCx.Domain.Choices;
using CrmCx.Domain.Risk;
using CrmCx.Domain.Text;
using Xunit;

namespace CrmCx.Domain.Tests.Risk;

/// <summary>The one function both writers of a customer's risk columns use (the NPS rollup and the journey rollup).</summary>
public class CustomerRiskColumnsTests
{
    private static readonly DateTime Now = new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    private static CustomerRiskInput Input(decimal? nps, decimal? previous, int responses, int detractors, int lastResponseDaysAgo, JourneyFacts journeys) =>
        new CustomerRiskInput(nps, 15m, previous, 16m, responses, detractors, Now.AddDays(-lastResponseDaysAgo), journeys.Open, journeys.Highest, journeys.AtRisk);

    private static CustomerRiskColumns Of(CustomerRiskInput input, TextCatalog? text = null) =>
        CustomerRiskColumns.Of(input, Now, CustomerRiskOptions.Default, () => text ?? TextCatalog.English);

    [Fact]
    public void Own_and_journey_risk_combine_to_the_higher_level()
    {
        // Own Medium (the NPS fell), journeys High: High, and both kinds of reasons listed, own first.
        var journeyHigher = Of(Input(-10m, 40m, 5, 2, 3, new JourneyFacts(2, RiskLevel.High, 1)));
        Assert.Equal(RiskLevel.High, journeyHigher.Level);
        Assert.Equal(RiskLevel.Medium, journeyHigher.OwnLevel);
        Assert.Equal("NPS fell from +40 to \u221210, beyond the margin of ±21.9\n1 open journey at risk (highest: High)", journeyHigher.Reasons);

        // Own High (fall and detractor share), journeys Low: High; a Low journey lists no reason but keeps its level apart.
        var ownHigher = Of(Input(-10m, 40m, 20, 12, 3, new JourneyFacts(1, RiskLevel.Low, 0)));
        Assert.Equal(RiskLevel.High, ownHigher.Level);
        Assert.Equal(RiskLevel.Low, ownHigher.JourneyLevel);
        Assert.Equal(1, ownHigher.OpenJourneys);
        Assert.Equal(0, ownHigher.AtRiskJourneys);

        // Nothing of its own: the journeys' level.
        var journeysOnly = Of(Input(40m, 40m, 20, 2, 3, new JourneyFacts(1, RiskLevel.Low, 0)));
        Assert.Equal(RiskLevel.Low, journeysOnly.Level);
        Assert.Equal(string.Empty, journeysOnly.Reasons);
        Assert.Equal("[]", journeysOnly.ReasonsJson);
    }

    [Fact]
    public void The_base_language_is_read_only_when_a_reason_fired()
    {
        var asked = 0;
        var none = CustomerRiskColumns.Of(Input(40m, 40m, 20, 2, 3, JourneyFacts.None), Now, null, () => { asked++; return TextCatalog.English; });
        Assert.Equal(RiskLevel.None, none.Level);
        Assert.Equal(0, asked);

        CustomerRiskColumns.Of(Input(-10m, 40m, 5, 2, 3, JourneyFacts.None), Now, null, () => { asked++; return TextCatalog.English; });
        Assert.Equal(1, asked);
    }

    [Fact]
    public void The_reasons_are_written_in_the_base_language_French_or_English()
    {
        var input = Input(-10m, 40m, 5, 2, 120, new JourneyFacts(2, RiskLevel.None, 0));
        Assert.Equal("NPS fell from +40 to \u221210, beyond the margin of ±21.9\nNo survey response for 120 days while 2 journeys are open", Of(input, TextCatalog.English).Reasons);
        Assert.Equal("Le NPS est passé de +40 à \u221210, au-delà de la marge de ±21,9\nAucune réponse à une enquête depuis 120 jours alors que 2 parcours sont ouverts",
            Of(input, TextCatalog.For(1036)).Reasons);
        // The data is the same whatever the language.
        Assert.Equal(Of(input, TextCatalog.English).ReasonsJson, Of(input, TextCatalog.For(1036)).ReasonsJson);
    }

    [Fact]
    public void A_silent_customer_changes_by_time_alone_when_silence_is_reached_and_then_every_day()
    {
        var quiet = Of(Input(40m, 40m, 20, 2, 30, new JourneyFacts(1, RiskLevel.None, 0)));
        Assert.Equal(RiskLevel.None, quiet.Level);
        Assert.Equal(Now.AddDays(-30).AddDays(CustomerRiskOptions.Default.SilentDays), quiet.NextChange);

        var silent = Of(Input(40m, 40m, 20, 2, 95, new JourneyFacts(1, RiskLevel.None, 0)));
        Assert.Equal(RiskLevel.Low, silent.Level);
        Assert.Equal(Now.AddDays(1), silent.NextChange);

        // Without an open journey silence is no rule: nothing changes by time alone.
        Assert.Null(Of(Input(40m, 40m, 20, 2, 95, JourneyFacts.None)).NextChange);
    }

    [Fact]
    public void Stored_journey_facts_read_back_as_the_journey_rollup_wrote_them()
    {
        var facts = CustomerRiskColumns.StoredJourneys(3, (int)RiskLevel.High, 2);
        Assert.Equal((3, RiskLevel.High, 2), (facts.Open, facts.Highest, facts.AtRisk));
    }

    [Fact]
    public void A_row_the_journey_rollup_never_wrote_counts_its_at_risk_journeys_as_open_and_at_least_Medium()
    {
        var never = CustomerRiskColumns.StoredJourneys(null, null, null);
        Assert.Equal((0, RiskLevel.None, 0), (never.Open, never.Highest, never.AtRisk));
        var older = CustomerRiskColumns.StoredJourneys(null, null, 2);
        Assert.Equal((2, RiskLevel.Medium, 2), (older.Open, older.Highest, older.AtRisk));
    }

    [Fact]
    public void The_earliest_of_two_moments_ignores_a_missing_one()
    {
        var a = Now;
        var b = Now.AddDays(1);
        Assert.Equal(a, CustomerRiskColumns.Earliest(a, b));
        Assert.Equal(a, CustomerRiskColumns.Earliest(b, a));
        Assert.Equal(b, CustomerRiskColumns.Earliest(null, b));
        Assert.Equal(a, CustomerRiskColumns.Earliest(a, null));
        Assert.Null(CustomerRiskColumns.Earliest(null, null));
    }
}
