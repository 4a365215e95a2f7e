using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Domain.Configuration;
using CrmCx.Domain.Recalculation;
using CrmCx.Plugins.Tests.Fixtures;
using CrmCx.Plugins.Tests.Journeys;
using CrmCx.Plugins.Tests.Nps;
using CrmCx.Recalculation;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCx.Plugins.Tests.Recalculation;

/// <summary>cx_Recalculate's work: figures that time alone changes, and rows imported with plug-ins off.</summary>
public class RecalculationServiceTests
{
    private static readonly CrmCxSettings NoFollowUp = CrmCxSettings.Parse("{\"followUpEnabled\": false}");

    private static (int Processed, int Changed, int Calls) RunToTheEnd(CrmCxOrg org, RecalculationScope scope, CrmCxSettings? settings = null)
    {
        var service = new RecalculationService(org.Org.GetService(), settings ?? NoFollowUp);
        org.Org.ResetDiagnostics();
        RecalculationRun? run = RecalculationRun.Start(scope);
        int processed = 0, changed = 0;
        for (var calls = 0; run != null; calls++)
        {
            Assert.True(calls < 1000, "the run never ended");
            var outcome = service.Page(run, org.Now);
            processed += outcome.Processed;
            changed += outcome.Changed;
            run = outcome.Next;
        }
        org.Settle();
        return (processed, changed, org.Org.Calls.Records.Count);
    }

    [Fact]
    public void Figures_go_stale_as_the_window_slides_and_the_due_run_makes_them_true_again()
    {
        var org = CrmCxOrg.Create(o => o.WithSettings("{\"followUpEnabled\": false}"));
        var account = org.Account("Contoso");
        org.Respond(0, account: account, respondedOn: org.Now.AddDays(-364));
        org.Respond(10, account: account, respondedOn: org.Now.AddDays(-10));
        org.Settle();
        Assert.Equal(0.0m, org.AccountRow(account).GetAttributeValue<decimal?>(CustomerSchema.Nps));

        // Two days later the detractor has left the window, with no new data.
        org.Advance(TimeSpan.FromDays(2));
        Assert.NotEqual(NpsAssert.Fresh(org, CustomerSchema.Account, account, org.Now).Nps, org.AccountRow(account).GetAttributeValue<decimal?>(CustomerSchema.Nps));
        RunToTheEnd(org, RecalculationScope.Due);

        NpsAssert.IsFresh(org, CustomerSchema.Account, account, org.Now);
        Assert.Equal(100.0m, org.AccountRow(account).GetAttributeValue<decimal?>(CustomerSchema.Nps));
        Assert.True(org.AccountRow(account).GetAttributeValue<DateTime?>(CustomerSchema.RecalculateOn) > org.Now);
    }

    [Fact]
    public void A_due_run_reads_only_the_due_customers_and_a_second_run_changes_nothing()
    {
        var org = CrmCxOrg.Create(o => o.WithSettings("{\"followUpEnabled\": false}"));
        var accounts = Enumerable.Range(0, 20).Select(i => org.Account("Account " + i)).ToList();
        // Two accounts have a response about to leave the window; the others answered last week.
        for (var i = 0; i < accounts.Count; i++) org.Respond(i < 2 ? 0 : 9, account: accounts[i], respondedOn: org.Now.AddDays(i < 2 ? -364.5 : -7));
        org.Settle();
        org.Advance(TimeSpan.FromDays(1));

        var first = RunToTheEnd(org, RecalculationScope.Due);
        var second = RunToTheEnd(org, RecalculationScope.Due);

        Assert.Equal(2, first.Processed);
        Assert.Equal(2, first.Changed);
        Assert.Equal(0, second.Processed);
        Assert.Equal(0, second.Changed);
        // Nothing due: one query per table walked (responses, accounts, contacts, journeys).
        Assert.Equal(4, second.Calls);
        foreach (var a in accounts) NpsAssert.IsFresh(org, CustomerSchema.Account, a, org.Now);
    }

    [Fact]
    public void Responses_imported_with_plugins_off_are_classified_and_counted_as_if_the_plugins_had_been_on()
    {
        var on = CrmCxOrg.Create(o => o.WithSettings("{\"followUpEnabled\": false}"));
        var off = CrmCxOrg.Create(o => { o.WithSettings("{\"followUpEnabled\": false}"); o.StepFilter = _ => false; });
        var onAccount = on.Account("Contoso");
        var offAccount = off.Account("Contoso");
        var scores = new[] { 0, 3, 7, 8, 9, 10, 10, 6 };
        for (var i = 0; i < scores.Length; i++)
        {
            on.Respond(scores[i], account: onAccount, respondedOn: on.Now.AddDays(-30 * i - 1));
            off.Respond(scores[i], account: offAccount, respondedOn: off.Now.AddDays(-30 * i - 1));
        }
        on.Settle();
        // The migration is done; the plug-ins are switched on again and the due run picks the rows up.
        var steps = CrmCxOrg.Create().Org.Pipeline.Steps;
        foreach (var step in steps) off.Org.Pipeline.Register(step);
        off.Advance(TimeSpan.FromMinutes(5));
        var run = RunToTheEnd(off, RecalculationScope.Due);

        Assert.Equal(scores.Length, run.Changed);
        var onRow = on.AccountRow(onAccount);
        var offRow = off.AccountRow(offAccount);
        foreach (var column in new[] { CustomerSchema.Nps, CustomerSchema.NpsPrevious, CustomerSchema.NpsMargin, CustomerSchema.NpsResponses, CustomerSchema.Detractors, CustomerSchema.NpsHistory })
            Assert.Equal(onRow[column], offRow[column]);
        Assert.All(off.All(SurveyResponseSchema.EntityName), r => Assert.NotNull(r.GetAttributeValue<OptionSetValue>(SurveyResponseSchema.NpsCategory)));
        NpsAssert.IsFresh(off, CustomerSchema.Account, offAccount, off.Now);
    }

    [Fact]
    public void An_imported_row_that_breaks_a_rule_is_kept_marked_with_the_message_and_left_out_of_the_figures()
    {
        var org = CrmCxOrg.Create(o => { o.WithSettings("{\"followUpEnabled\": false}"); o.StepFilter = _ => false; });
        var account = org.Account("Contoso");
        var good = org.Respond(9, account: account, respondedOn: org.Now.AddDays(-3));
        var stranger = org.Contact("Sam Other", org.Account("Fabrikam"));
        var bad = org.Respond(0, account: account, contact: stranger, respondedOn: org.Now.AddDays(-2));
        foreach (var step in CrmCxOrg.Create().Org.Pipeline.Steps) org.Org.Pipeline.Register(step);
        org.Advance(TimeSpan.FromMinutes(5));

        RunToTheEnd(org, RecalculationScope.Due);

        Assert.StartsWith("cx_contactid must be a contact of the account in cx_accountid", org.ResponseRow(bad).GetAttributeValue<string>(SurveyResponseSchema.ValidationError));
        Assert.Null(org.ResponseRow(bad).GetAttributeValue<OptionSetValue>(SurveyResponseSchema.NpsCategory));
        Assert.NotNull(org.ResponseRow(good).GetAttributeValue<OptionSetValue>(SurveyResponseSchema.NpsCategory));
        Assert.Equal(1, org.AccountRow(account).GetAttributeValue<int?>(CustomerSchema.NpsResponses));
        Assert.Equal(100.0m, org.AccountRow(account).GetAttributeValue<decimal?>(CustomerSchema.Nps));
    }

    [Fact]
    public void An_all_run_after_a_migration_also_classifies_the_imported_responses()
    {
        var org = CrmCxOrg.Create(o => { o.WithSettings("{\"followUpEnabled\": false}"); o.StepFilter = _ => false; });
        var account = org.Account("Contoso");
        var imported = org.Respond(3, account: account, respondedOn: org.Now.AddDays(-3));
        foreach (var step in CrmCxOrg.Create().Org.Pipeline.Steps) org.Org.Pipeline.Register(step);
        org.Advance(TimeSpan.FromMinutes(5));

        RunToTheEnd(org, RecalculationScope.All);

        Assert.NotNull(org.ResponseRow(imported).GetAttributeValue<OptionSetValue>(SurveyResponseSchema.NpsCategory));
        Assert.Equal(-100.0m, org.AccountRow(account).GetAttributeValue<decimal?>(CustomerSchema.Nps));
    }

    [Fact]
    public void A_run_split_across_continuations_ends_with_the_same_figures_as_fresh_ones()
    {
        var org = CrmCxOrg.Create(o => o.WithSettings("{\"followUpEnabled\": false}"));
        var accounts = Enumerable.Range(0, RecalculationService.RowsPerCall + 12).Select(i => org.Account("Account " + i)).ToList();
        foreach (var a in accounts) org.Respond(0, account: a, respondedOn: org.Now.AddDays(-364.5));
        org.Settle();
        org.Advance(TimeSpan.FromDays(1));

        var service = new RecalculationService(org.Org.GetService(), NoFollowUp);
        var first = service.Page(RecalculationRun.Start(RecalculationScope.Due), org.Now);
        Assert.Equal(RecalculationService.RowsPerCall, first.Processed);
        Assert.NotNull(first.Next);
        // The caller sends the continuation back as text, as the flow does.
        var second = service.Page(RecalculationRun.Resume(RecalculationScope.Due, first.Next!.Format()), org.Now);
        Assert.Equal(12, second.Processed);
        Assert.Null(second.Next);
        foreach (var a in accounts) NpsAssert.IsFresh(org, CustomerSchema.Account, a, org.Now);
    }

    [Fact]
    public void An_all_run_rebuilds_the_day_summaries_a_migration_left_stale_and_leaves_every_customer_true()
    {
        var org = CrmCxOrg.Create(o => o.WithSettings("{\"followUpEnabled\": false}"));
        var account = org.Account("Contoso");
        org.Respond(9, account: account, respondedOn: org.Now.AddDays(-40));
        org.Settle();
        // A migration with plug-ins off adds past responses the day summaries do not know.
        for (var i = 0; i < 5; i++) org.SeedResponse(0, org.Now.AddDays(-30 - i), account);
        org.Advance(TimeSpan.FromMinutes(5));

        RunToTheEnd(org, RecalculationScope.All);

        NpsAssert.IsFresh(org, CustomerSchema.Account, account, org.Now);
        Assert.Equal(5, org.AccountRow(account).GetAttributeValue<int?>(CustomerSchema.Detractors));
    }

    [Fact]
    public void An_open_journey_past_its_expected_duration_is_flagged_by_the_due_run_with_its_reason()
    {
        var c = new JourneyOrg();
        var a = c.Account("Contoso");
        var j = c.Journey(a, JourneyOrg.Onboarding);
        c.Touchpoint(TouchpointSchema.PhoneCall, a, j, JourneyOrg.Welcome);
        c.Settle();
        Assert.DoesNotContain("Open", c.Reasons(j), StringComparison.Ordinal);

        c.Days(92);
        RunToTheEnd(c.Cx, RecalculationScope.Due);

        Assert.Contains("Open 92 days, longer than the 90 expected", c.Reasons(j), StringComparison.Ordinal);
        Assert.True(c.JourneyRow(j).GetAttributeValue<DateTime?>(JourneySchema.RecalculateOn) > c.Cx.Now);
    }
}
