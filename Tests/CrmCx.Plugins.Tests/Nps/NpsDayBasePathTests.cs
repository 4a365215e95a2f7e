using System;
using System.Linq;
using CrmCx.Domain.Nps;
using CrmCx.Nps;
using CrmCx.Plugins.Tests.Fixtures;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCx.Plugins.Tests.Nps;

/// <summary>
/// The base path: a large customer with a day base (cx_npsdaybase) gets its figures from the base plus the rows of the
/// days it lacks, all in the one window read; held to the figures recomputed from every stored response.
/// </summary>
public class NpsDayBasePathTests
{
    // 50 rows a page: the 700 seeded responses make the customers large, the few rows a base needs fit.
    private readonly CrmCxOrg org = CrmCxOrg.Create(o =>
    {
        o.StepFilter = s => s.PluginType.Namespace == typeof(NpsRollup).Namespace;
        o.WithSettings("{\"followUpEnabled\": false, \"summarizeDaysAbove\": 50}");
    });

    private readonly Guid account;
    private readonly Guid contact;

    public NpsDayBasePathTests()
    {
        account = org.Account("Contoso");
        contact = org.Contact("Jane Doe", account);
        var random = new Random(16);
        for (var i = 0; i < 700; i++)
            org.SeedResponse(random.Next(11), org.Now.AddHours(-random.Next(1, 2 * 760 * 24)).AddMinutes(-random.Next(60)), account, i % 3 == 0 ? null : contact);
        // Responses on the days the edges cross in the next hours (a year and two years back).
        for (var h = 1; h <= 12; h++)
        {
            org.SeedResponse(h % 11, org.Now.AddDays(-365).AddHours(h).AddMinutes(-30), account, contact);
            org.SeedResponse((h * 7) % 11, org.Now.AddDays(-730).AddHours(h).AddMinutes(-20), account, contact);
        }
        // The first rollup: the read does not fit in a page, the day path runs and writes each customer's base.
        org.Respond(9, contact: contact);
        org.Settle();
        org.Advance(TimeSpan.FromMinutes(3));
    }

    private DateTime? BaseEnd(string table, Guid id) => org.Row(table, id).GetAttributeValue<DateTime?>(CustomerSchema.NpsDayBaseEnd);

    private int? DaysThrough(string table, Guid id) => org.Row(table, id).GetAttributeValue<int?>(CustomerSchema.NpsDaysThrough);

    private void BothFresh()
    {
        NpsAssert.IsFresh(org, CustomerSchema.Account, account, org.Now);
        NpsAssert.IsFresh(org, CustomerSchema.Contact, contact, org.Now);
    }

    /// <summary>
    /// Plugin calls of one response through the pipeline, after which both customers are checked. (The first response
    /// after more than five minutes also reads the step settings again, and the first with a risk reason the base language.)
    /// </summary>
    private int Respond(int score, DateTime? on = null)
    {
        org.Org.ResetDiagnostics();
        org.Respond(score, contact: contact, respondedOn: on);
        org.Settle();
        BothFresh();
        return org.Org.Calls.Records.Count(r => r.Caller != "client");
    }

    [Fact]
    public void The_day_path_writes_a_base_that_ends_at_the_start_of_today()
    {
        Assert.Equal(UtcDay.Of(org.Now).Start, BaseEnd(CustomerSchema.Account, account));
        Assert.Equal(UtcDay.Of(org.Now).Start, BaseEnd(CustomerSchema.Contact, contact));
        Assert.StartsWith("1;365;", org.AccountRow(account).GetAttributeValue<string>(CustomerSchema.NpsDayBase), StringComparison.Ordinal);
        BothFresh();
    }

    [Fact]
    public void A_response_on_a_customer_with_a_valid_base_costs_the_validation_query_one_read_and_two_updates()
    {
        org.Org.ResetDiagnostics();
        org.Respond(8, contact: contact);
        org.Settle();
        BothFresh();
        var plugin = org.Org.Calls.Records.Where(r => r.Caller != "client").ToList();
        Assert.Equal(4, plugin.Count);
        Assert.Equal(2, plugin.Count(r => r.MessageName == "RetrieveMultiple"));
        Assert.Equal(2, plugin.Count(r => r.MessageName == "Update"));
    }

    [Fact]
    public void Figures_through_the_base_path_equal_the_figures_from_scratch_after_responses_on_several_later_days()
    {
        var through = DaysThrough(CustomerSchema.Account, account);
        for (var day = 1; day <= 6; day++)
        {
            org.Advance(TimeSpan.FromHours(23 + day));
            Respond(day % 2 == 0 ? 10 : 2);
            org.Advance(TimeSpan.FromMinutes(3));
            Assert.Equal(4, Respond(7, org.Now.AddHours(-2)));
            // The base rolled forward to today; the day summaries were left alone (no day path).
            Assert.Equal(UtcDay.Of(org.Now).Start, BaseEnd(CustomerSchema.Account, account));
            Assert.Equal(through, DaysThrough(CustomerSchema.Account, account));
        }
    }

    [Fact]
    public void Figures_stay_true_while_the_window_edges_move_through_their_days_hour_by_hour()
    {
        for (var step = 0; step < 14; step++)
        {
            org.Advance(TimeSpan.FromHours(1));
            Respond(step % 11);
        }
        Assert.Equal(UtcDay.Of(org.Now).Start, BaseEnd(CustomerSchema.Account, account));
    }

    [Fact]
    public void A_contact_without_a_base_and_its_account_with_one_are_both_right_from_one_read()
    {
        var small = org.Contact("John Small", account);
        org.Advance(TimeSpan.FromHours(5));
        org.Respond(3, contact: small);
        org.Settle();
        org.Advance(TimeSpan.FromMinutes(3));
        org.Org.ResetDiagnostics();
        org.Respond(10, contact: small, respondedOn: org.Now.AddHours(-1));
        org.Settle();
        NpsAssert.IsFresh(org, CustomerSchema.Account, account, org.Now);
        NpsAssert.IsFresh(org, CustomerSchema.Contact, small, org.Now);
        Assert.Null(BaseEnd(CustomerSchema.Contact, small));
        Assert.Equal(4, org.Org.Calls.Records.Count(r => r.Caller != "client"));
    }

    [Fact]
    public void An_update_or_a_delete_of_an_old_response_falls_back_to_the_day_path_and_stays_true()
    {
        org.Advance(TimeSpan.FromDays(2));
        Respond(9);
        var old = org.All(SurveyResponseSchema.EntityName)
            .Where(r => r.GetAttributeValue<EntityReference>(SurveyResponseSchema.Contact)?.Id == contact)
            .OrderBy(r => Math.Abs((r.GetAttributeValue<DateTime>(SurveyResponseSchema.RespondedOn) - org.Now.AddDays(-200)).Ticks)).First();
        org.Service.Update(new Entity(SurveyResponseSchema.EntityName, old.Id) { [SurveyResponseSchema.Score] = old.GetAttributeValue<int>(SurveyResponseSchema.Score) >= 9 ? 0 : 10 });
        org.Settle();
        BothFresh();
        // The day path ran (its summaries are complete through yesterday again) and wrote a fresh base.
        Assert.Equal(UtcDay.Of(org.Now).AddDays(-1).Number, DaysThrough(CustomerSchema.Account, account));
        Assert.Equal(UtcDay.Of(org.Now).Start, BaseEnd(CustomerSchema.Account, account));

        org.Advance(TimeSpan.FromHours(3));
        var older = org.All(SurveyResponseSchema.EntityName)
            .Where(r => r.GetAttributeValue<EntityReference>(SurveyResponseSchema.Contact)?.Id == contact)
            .OrderBy(r => Math.Abs((r.GetAttributeValue<DateTime>(SurveyResponseSchema.RespondedOn) - org.Now.AddDays(-500)).Ticks)).First();
        org.Service.Delete(SurveyResponseSchema.EntityName, older.Id);
        org.Settle();
        BothFresh();
        Respond(6);
        org.Advance(TimeSpan.FromMinutes(3));
        // From the fresh base again: the usual calls.
        Assert.Equal(4, Respond(7));
    }

    [Fact]
    public void An_exhausted_base_falls_back_to_the_day_path_which_writes_a_fresh_one()
    {
        org.Advance(TimeSpan.FromDays(NpsDayBase.DetailDays + 2));
        Respond(10);
        Assert.Equal(UtcDay.Of(org.Now).AddDays(-1).Number, DaysThrough(CustomerSchema.Account, account));
        Assert.Equal(UtcDay.Of(org.Now).Start, BaseEnd(CustomerSchema.Account, account));
        org.Advance(TimeSpan.FromDays(1));
        Respond(8);
        org.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(4, Respond(8));
    }

    [Fact]
    public void A_base_text_that_cannot_be_read_falls_back_and_is_written_again()
    {
        var system = org.Org.ServiceFactory.CreateOrganizationService(null);
        system.Update(new Entity(CustomerSchema.Account, account) { [CustomerSchema.NpsDayBase] = "9;garbage" });
        org.Advance(TimeSpan.FromDays(1));
        Respond(5);
        Assert.StartsWith("1;", org.AccountRow(account).GetAttributeValue<string>(CustomerSchema.NpsDayBase), StringComparison.Ordinal);
    }

    [Fact]
    public void A_bulk_request_whose_first_row_is_recent_still_counts_its_rows_on_days_the_base_holds()
    {
        // The first row's job could serve from the base (today's row); its siblings, on older days merged into the base,
        // stop early on the figures it writes (same request): so that job must count them, through the day path.
        var targets = new EntityCollection { EntityName = SurveyResponseSchema.EntityName };
        targets.Entities.Add(CrmCxOrg.NewResponse(10, contact: contact, respondedOn: org.Now.AddMinutes(-5)));
        foreach (var daysAgo in new[] { 40, 100, 200, 300, 500 })
            targets.Entities.Add(CrmCxOrg.NewResponse(0, contact: contact, respondedOn: org.Now.AddDays(-daysAgo)));

        org.Service.Execute(new Microsoft.Xrm.Sdk.Messages.CreateMultipleRequest { Targets = targets });
        org.Settle();

        BothFresh();
    }
}
