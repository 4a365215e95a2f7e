using System;
using System.Linq;
using CrmCx.Domain.Choices;
using CrmCx.Domain.Risk;
using CrmCx.Journeys;
using CrmCx.Recalculation;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Xunit;
using static CrmCx.Plugins.Tests.Journeys.JourneyOrg;

namespace CrmCx.Plugins.Tests.Journeys;

/// <summary>
/// Issue 15, item 4: an account's risk also comes from its own NPS (a fall beyond noise, a detractor share, silence
/// while journeys are open), written by the NPS rollup as by the journey rollup, and kept true as days pass.
/// </summary>
public class CustomerOwnRiskTests
{
    private const string NoFollowUp = "{\"followUpEnabled\": false}";

    private static RiskLevel Level(Entity row) => (RiskLevel)row.GetAttributeValue<OptionSetValue>(CustomerSchema.RiskLevel).Value;

    private static string[] Reasons(Entity row) => (row.GetAttributeValue<string>(CustomerSchema.RiskReasons) ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string[] Codes(Entity row) => (row.GetAttributeValue<string>(CustomerSchema.RiskReasonsJson) ?? "[]")
        .Split("{\"code\":\"").Skip(1).Select(s => s.Substring(0, s.IndexOf('"'))).ToArray();

    // Ten promoters in the previous window, four detractors in the current one, then a fifth detractor through the
    // service: +100 to −100 over 5 responses (fewer than the detractor-share rule's 10): the fall alone.
    private static Guid FallenAccount(JourneyOrg o, string name = "Litware")
    {
        var account = o.Account(name);
        for (var i = 0; i < 10; i++) o.Cx.SeedResponse(10, o.Org.Clock.UtcNow.AddDays(-400 - i), account);
        for (var i = 0; i < 4; i++) o.Cx.SeedResponse(0, o.Org.Clock.UtcNow.AddDays(-10 - i), account);
        o.Response(account, null, null, 0);
        o.Settle();
        return account;
    }

    private static Guid MediumJourney(JourneyOrg o, Guid account)
    {
        var journey = o.Journey(account);
        for (var i = 0; i < 7; i++) o.Touchpoint(TouchpointSchema.PhoneCall, account, journey, Order);
        o.Settle();
        Assert.Equal(RiskLevel.Medium, o.Level(journey));
        return journey;
    }

    private static void RunDaily(JourneyOrg o)
    {
        var request = new OrganizationRequest(RecalculatePlugin.MessageName) { [RecalculatePlugin.Scope] = "due" };
        o.Service.Execute(request);
        o.Settle();
    }

    [Fact]
    public void An_account_whose_nps_falls_beyond_noise_is_at_risk_without_any_journey()
    {
        var o = new JourneyOrg(NoFollowUp);
        var account = FallenAccount(o);

        var row = o.Row(CustomerSchema.Account, account);
        Assert.Equal(-100m, row.GetAttributeValue<decimal?>(CustomerSchema.Nps));
        Assert.Equal(RiskLevel.Medium, Level(row));
        var reason = Assert.Single(Reasons(row));
        Assert.StartsWith("NPS fell from +100 to \u2212100, beyond the margin of ±", reason);
        Assert.Equal(new[] { ReasonCodes.NpsFell }, Codes(row));
        Assert.Equal(0, row.GetAttributeValue<int?>(CustomerSchema.AtRiskJourneys) ?? 0);
    }

    [Fact]
    public void A_contact_whose_nps_falls_is_at_risk_and_so_is_its_account()
    {
        var org = CrmCx.Plugins.Tests.Fixtures.CrmCxOrg.Create(c => c.WithSettings(NoFollowUp));
        var account = org.Account("Litware");
        var contact = org.Contact("Ana Lima", account);
        for (var i = 0; i < 10; i++) org.SeedResponse(10, org.Now.AddDays(-400 - i), account, contact);
        for (var i = 0; i < 4; i++) org.SeedResponse(0, org.Now.AddDays(-10 - i), account, contact);
        org.Respond(0, contact: contact);
        org.Settle();

        foreach (var row in new[] { org.ContactRow(contact), org.AccountRow(account) })
        {
            Assert.Equal(RiskLevel.Medium, Level(row));
            Assert.Equal(new[] { ReasonCodes.NpsFell }, Codes(row));
        }
    }

    [Fact]
    public void The_own_reasons_are_written_in_the_organizations_base_language()
    {
        var o = new JourneyOrg(NoFollowUp);
        o.Org.SetBaseLanguage(1036);
        var account = FallenAccount(o);

        var row = o.Row(CustomerSchema.Account, account);
        Assert.StartsWith("Le NPS est passé de +100 à \u2212100, au-delà de la marge de ±", Assert.Single(Reasons(row)));
        Assert.Equal(new[] { ReasonCodes.NpsFell }, Codes(row));
    }

    [Fact]
    public void A_silent_customer_with_an_open_journey_becomes_at_risk_at_the_daily_run_after_silent_days()
    {
        var o = new JourneyOrg("{\"followUpEnabled\": false, \"silentDays\": 10}");
        var account = o.Account("Contoso");
        var answeredOn = o.Org.Clock.UtcNow;
        o.Response(account, null, null, 9);
        o.Settle();
        var journey = o.Journey(account);
        o.Touchpoint(TouchpointSchema.PhoneCall, account, journey, Order);
        o.Settle();

        // The journey rollup moved the customer's recalculation to the moment silence is reached (before the month rolls).
        var row = o.Row(CustomerSchema.Account, account);
        Assert.Equal(RiskLevel.None, Level(row));
        Assert.Equal(1, row.GetAttributeValue<int?>(CustomerSchema.OpenJourneys));
        Assert.Equal(answeredOn.AddDays(10), row.GetAttributeValue<DateTime?>(CustomerSchema.RecalculateOn));

        // The day before: nothing yet.
        o.At(answeredOn.AddDays(9).AddHours(2));
        RunDaily(o);
        Assert.Empty(Reasons(o.Row(CustomerSchema.Account, account)));

        // The daily run after ten days: silent, Low, and due again tomorrow (the day count in the reason moves).
        o.At(answeredOn.AddDays(10).AddHours(2));
        RunDaily(o);
        row = o.Row(CustomerSchema.Account, account);
        Assert.Equal(RiskLevel.Low, Level(row));
        Assert.Equal(new[] { "No survey response for 10 days while 1 journey is open" }, Reasons(row));
        Assert.Equal(new[] { ReasonCodes.Silent }, Codes(row));
        Assert.Equal(answeredOn.AddDays(11), row.GetAttributeValue<DateTime?>(CustomerSchema.RecalculateOn));

        o.At(answeredOn.AddDays(11).AddHours(2));
        RunDaily(o);
        Assert.Equal(new[] { "No survey response for 11 days while 1 journey is open" }, Reasons(o.Row(CustomerSchema.Account, account)));

        // A response ends the silence at once.
        o.Response(account, null, null, 9);
        o.Settle();
        row = o.Row(CustomerSchema.Account, account);
        Assert.Equal(RiskLevel.None, Level(row));
        Assert.Empty(Reasons(row));
    }

    [Fact]
    public void A_journey_change_keeps_the_customers_own_nps_reasons()
    {
        var o = new JourneyOrg(NoFollowUp);
        var account = FallenAccount(o);
        MediumJourney(o, account);

        var row = o.Row(CustomerSchema.Account, account);
        Assert.Equal(RiskLevel.Medium, Level(row));
        Assert.Equal(1, row.GetAttributeValue<int?>(CustomerSchema.AtRiskJourneys));
        Assert.Equal(new[] { ReasonCodes.NpsFell, ReasonCodes.JourneysAtRisk }, Codes(row));
        Assert.StartsWith("NPS fell from +100 to \u2212100", Reasons(row)[0]);
        Assert.Equal("1 open journey at risk (highest: Medium)", Reasons(row)[1]);
    }

    [Fact]
    public void A_new_response_keeps_the_customers_journeys_at_risk()
    {
        var o = new JourneyOrg(NoFollowUp);
        var account = FallenAccount(o);
        MediumJourney(o, account);

        o.Response(account, null, null, 10);
        o.Settle();

        var row = o.Row(CustomerSchema.Account, account);
        Assert.Equal(6, row.GetAttributeValue<int?>(CustomerSchema.NpsResponses));
        Assert.Equal(RiskLevel.Medium, Level(row));
        Assert.Equal(1, row.GetAttributeValue<int?>(CustomerSchema.AtRiskJourneys));
        Assert.Equal(new[] { ReasonCodes.NpsFell, ReasonCodes.JourneysAtRisk }, Codes(row));
        Assert.StartsWith("NPS fell from +100 to \u221266.7", Reasons(row)[0]);
        Assert.Equal("1 open journey at risk (highest: Medium)", Reasons(row)[1]);
    }

    [Fact]
    public void Own_and_journey_risk_combine_to_the_higher_level()
    {
        // Own High (a fall and 100 % detractors among 10 responses) over a Medium journey.
        var o = new JourneyOrg(NoFollowUp);
        var account = o.Account("Fabrikam");
        for (var i = 0; i < 10; i++) o.Cx.SeedResponse(10, o.Org.Clock.UtcNow.AddDays(-400 - i), account);
        for (var i = 0; i < 9; i++) o.Cx.SeedResponse(0, o.Org.Clock.UtcNow.AddDays(-10 - i), account);
        o.Response(account, null, null, 0);
        o.Settle();
        var journey = MediumJourney(o, account);

        var row = o.Row(CustomerSchema.Account, account);
        Assert.Equal(RiskLevel.High, Level(row));
        Assert.Equal(RiskLevel.Medium, (RiskLevel)row.GetAttributeValue<OptionSetValue>(CustomerSchema.JourneyRiskLevel).Value);
        Assert.Equal(new[] { ReasonCodes.NpsFell, ReasonCodes.DetractorShare, ReasonCodes.JourneysAtRisk }, Codes(row));
        Assert.Equal("100 % detractors among 10 responses (threshold 40 %)", Reasons(row)[1]);

        // The journey closes: its risk no longer counts, the customer's own stays.
        o.Close(journey);
        o.Settle();
        row = o.Row(CustomerSchema.Account, account);
        Assert.Equal(RiskLevel.High, Level(row));
        Assert.Equal(0, row.GetAttributeValue<int?>(CustomerSchema.AtRiskJourneys));
        Assert.Equal(new[] { ReasonCodes.NpsFell, ReasonCodes.DetractorShare }, Codes(row));
    }

    [Fact]
    public void Both_writers_put_the_same_risk_columns_from_the_same_rows()
    {
        var o = new JourneyOrg(NoFollowUp);
        var account = FallenAccount(o);
        MediumJourney(o, account);
        o.Response(account, null, null, 10);
        o.Settle();
        string[] columns = { CustomerSchema.RiskLevel, CustomerSchema.RiskReasons, CustomerSchema.RiskReasonsJson, CustomerSchema.AtRiskJourneys, CustomerSchema.RecalculateOn };
        object?[] Values() => columns.Select(c => o.Row(CustomerSchema.Account, account).Attributes.TryGetValue(c, out var v) ? (v is OptionSetValue x ? x.Value : v) : null).ToArray();
        var fromNps = Values();

        // The journey side alone (what a journey state change runs) writes the same.
        new JourneyRecomputeService(o.Org.GetService(o.Org.SystemUserId)).RollUpCustomers(new[] { new EntityReference(CustomerSchema.Account, account) }, o.Org.Clock.UtcNow);
        Assert.Equal(fromNps, Values());
    }
}
