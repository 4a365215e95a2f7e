using System;
using CrmCx.Plugins.Tests.Fixtures;
using CrmCx.Plugins.Tests.Journeys;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCx.Plugins.Tests.Recalculation;

/// <summary>The moment each row's figures change with no new data, which the scheduled recalculation reads.</summary>
public class RecalculateOnTests
{
    [Fact]
    public void A_customer_is_due_when_the_monthly_history_rolls_even_with_nothing_leaving_a_window()
    {
        var org = CrmCxOrg.Create(o => o.WithSettings("{\"followUpEnabled\": false}"));
        var account = org.Account("Contoso");
        org.Respond(9, account: account, respondedOn: org.Now.AddDays(-3));
        org.Settle();

        // 2026-11-22 now: the history (12 calendar months) rolls on 1 December before any response leaves the window.
        Assert.Equal(new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc), org.AccountRow(account).GetAttributeValue<DateTime?>(CustomerSchema.RecalculateOn));
    }

    [Fact]
    public void A_customer_whose_response_leaves_a_short_window_before_the_month_rolls_is_due_the_instant_it_leaves()
    {
        var org = CrmCxOrg.Create(o => o.WithSettings("{\"followUpEnabled\": false, \"windowDays\": 25}"));
        var account = org.Account("Contoso");
        var respondedOn = org.Now.AddDays(-20);
        org.SeedResponse(9, respondedOn, account);
        org.Org.Clock.Advance(TimeSpan.FromMinutes(5));
        new CrmCx.Nps.NpsRecomputeService(org.Org.GetService(), CrmCx.Domain.Nps.NpsOptions.Parse("{\"windowDays\": 25}"))
            .Recompute(new[] { new EntityReference(CustomerSchema.Account, account) }, org.Now);

        // The 25-day window's edge passes the response (27 November) before the history rolls (1 December). A customer
        // read from its responses knows each instant: due exactly when the response leaves the window.
        Assert.Equal(respondedOn.AddDays(25), org.AccountRow(account).GetAttributeValue<DateTime?>(CustomerSchema.RecalculateOn));
    }

    [Fact]
    public void A_customer_on_day_summaries_whose_response_leaves_a_short_window_is_due_when_its_day_leaves_it()
    {
        var org = CrmCxOrg.Create(o => o.WithSettings("{\"followUpEnabled\": false, \"windowDays\": 25}"));
        var account = org.Account("Contoso");
        var respondedOn = org.Now.AddDays(-20);
        org.SeedResponse(9, respondedOn, account);
        org.Org.Clock.Advance(TimeSpan.FromMinutes(5));
        new CrmCx.Nps.NpsRecomputeService(org.Org.GetService(), CrmCx.Domain.Nps.NpsOptions.Parse("{\"windowDays\": 25, \"summarizeDaysAbove\": 0}"))
            .Recompute(new[] { new EntityReference(CustomerSchema.Account, account) }, org.Now);

        // Whole past days come from day summaries, which know the day and not the instant: the rollup is due when the
        // day's start leaves the window (never later than the true change), and that recompute is exact.
        var stored = org.AccountRow(account).GetAttributeValue<DateTime?>(CustomerSchema.RecalculateOn);
        Assert.Equal(respondedOn.Date.AddDays(25), stored);
        Assert.True(stored > org.Now);
    }

    [Fact]
    public void A_response_that_failed_validation_is_kept_but_counts_nowhere()
    {
        var org = CrmCxOrg.Create(o => o.WithSettings("{\"followUpEnabled\": false}"));
        var account = org.Account("Contoso");
        org.SeedResponse(0, org.Now.AddDays(-1), account);
        var bad = org.SeedResponse(0, org.Now.AddDays(-2), account);
        org.Org.GetService().Update(new Entity(SurveyResponseSchema.EntityName, bad) { [SurveyResponseSchema.ValidationError] = "cx_contactid must be a contact of the account" });
        org.Org.Clock.Advance(TimeSpan.FromMinutes(5));
        org.Respond(10, account: account);
        org.Settle();

        var row = org.AccountRow(account);
        Assert.Equal(2, row.GetAttributeValue<int?>(CustomerSchema.NpsResponses));
        Assert.Equal(1, row.GetAttributeValue<int?>(CustomerSchema.Detractors));
        Assert.NotNull(org.ResponseRow(bad));
    }

    [Fact]
    public void An_open_onboarding_is_due_the_instant_its_duration_rule_starts_to_fire()
    {
        var c = new JourneyOrg();
        var a = c.Account("Contoso");
        var j = c.Journey(a, JourneyOrg.Onboarding);
        c.Touchpoint(TouchpointSchema.PhoneCall, a, j, JourneyOrg.Welcome);
        c.Settle();

        var startedOn = c.JourneyRow(j).GetAttributeValue<DateTime?>(JourneySchema.StartedOn) ?? JourneyOrg.Start;
        // Open more than 90 whole days (cx-scoring.md, the engine counts whole 24-hour days): from day 91 on.
        Assert.Equal(startedOn.AddDays(91), c.JourneyRow(j).GetAttributeValue<DateTime?>(JourneySchema.RecalculateOn));
    }
}
