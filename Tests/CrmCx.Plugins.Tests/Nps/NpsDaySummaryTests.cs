using System;
using System.Linq;
using CrmCx.Domain.Nps;
using CrmCx.Nps;
using CrmCx.Plugins.Tests.Fixtures;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCx.Plugins.Tests.Nps;

/// <summary>The day summaries (cx_npsday) the rollup keeps so that no aggregate has to count a whole window.</summary>
public class NpsDaySummaryTests
{
    private readonly CrmCxOrg org = CrmCxOrg.Create(o => o.WithSettings("{\"followUpEnabled\": false, \"summarizeDaysAbove\": 0}"));

    /// <summary>Options that send every customer to its day summaries (the path of customers with many responses).</summary>
    private static readonly NpsOptions DayPath = NpsOptions.Parse("{\"summarizeDaysAbove\": 0}");

    private IOrganizationService System => org.Org.ServiceFactory.CreateOrganizationService(null);

    private Entity? Day(string table, Guid customer, DateTime on)
    {
        var column = table == CustomerSchema.Account ? NpsDaySchema.Account : NpsDaySchema.Contact;
        return org.All(NpsDaySchema.EntityName).SingleOrDefault(d =>
            d.GetAttributeValue<EntityReference>(column)?.Id == customer && d.GetAttributeValue<int>(NpsDaySchema.Day) == UtcDay.Of(on).Number);
    }

    private static (int Promoters, int Passives, int Detractors) Counts(Entity? day) => day == null
        ? (0, 0, 0)
        : (day.GetAttributeValue<int>(NpsDaySchema.Promoters), day.GetAttributeValue<int>(NpsDaySchema.Passives), day.GetAttributeValue<int>(NpsDaySchema.Detractors));

    /// <summary>An account with a live history: responses through the pipeline over the last weeks.</summary>
    private Guid AccountWithHistory()
    {
        var account = org.Account("Contoso");
        for (var i = 0; i < 6; i++) org.Respond(i % 2 == 0 ? 10 : 7, account: account, respondedOn: org.Now.AddDays(-7 * i - 1));
        org.Settle();
        return account;
    }

    [Fact]
    public void Every_past_day_with_responses_has_one_summary_per_customer_with_its_counts()
    {
        var account = org.Account("Contoso");
        var contact = org.Contact("Jane Doe", account);
        var day = org.Now.AddDays(-3);
        org.Respond(10, contact: contact, respondedOn: day);
        org.Respond(3, account: account, respondedOn: day.AddHours(-1));
        org.Settle();

        Assert.Equal((1, 0, 1), Counts(Day(CustomerSchema.Account, account, day)));
        Assert.Equal((1, 0, 0), Counts(Day(CustomerSchema.Contact, contact, day)));
        Assert.Equal(UtcDay.Of(org.Now).AddDays(-1).Number, org.AccountRow(account).GetAttributeValue<int?>(CustomerSchema.NpsDaysThrough));
        Assert.Equal("account:" + account.ToString("D") + ":" + UtcDay.Of(day).Number, Day(CustomerSchema.Account, account, day)!.GetAttributeValue<string>(NpsDaySchema.Key));
    }

    [Fact]
    public void Todays_responses_are_read_from_the_responses_and_not_summarized_until_the_day_is_over()
    {
        var account = AccountWithHistory();
        org.Respond(0, account: account);
        org.Settle();
        Assert.Null(Day(CustomerSchema.Account, account, org.Now));
        NpsAssert.IsFresh(org, CustomerSchema.Account, account, org.Now);

        org.Advance(TimeSpan.FromDays(1));
        org.Respond(9, account: account);
        org.Settle();
        Assert.Equal((0, 0, 1), Counts(Day(CustomerSchema.Account, account, org.Now.AddDays(-1))));
        NpsAssert.IsFresh(org, CustomerSchema.Account, account, org.Now);
    }

    [Fact]
    public void A_backdated_response_updates_the_summary_of_its_day()
    {
        var account = AccountWithHistory();
        var day = org.Now.AddDays(-8);
        var before = Counts(Day(CustomerSchema.Account, account, day));
        org.Respond(2, account: account, respondedOn: day);
        org.Settle();

        Assert.Equal((before.Promoters, before.Passives, before.Detractors + 1), Counts(Day(CustomerSchema.Account, account, day)));
        NpsAssert.IsFresh(org, CustomerSchema.Account, account, org.Now);
    }

    [Fact]
    public void Moving_a_response_to_another_day_corrects_the_summaries_of_both_days()
    {
        var account = AccountWithHistory();
        var from = org.Now.AddDays(-20);
        var to = org.Now.AddDays(-100);
        var response = org.Respond(0, account: account, respondedOn: from);
        org.Settle();
        Assert.Equal(1, Counts(Day(CustomerSchema.Account, account, from)).Detractors);

        org.Service.Update(new Entity(SurveyResponseSchema.EntityName, response) { [SurveyResponseSchema.RespondedOn] = to });
        org.Settle();

        Assert.Equal(0, Counts(Day(CustomerSchema.Account, account, from)).Detractors);
        Assert.Equal(1, Counts(Day(CustomerSchema.Account, account, to)).Detractors);
        NpsAssert.IsFresh(org, CustomerSchema.Account, account, org.Now);
    }

    [Fact]
    public void Deleting_a_response_of_a_past_day_takes_it_out_of_its_days_summary()
    {
        var account = AccountWithHistory();
        var day = org.Now.AddDays(-50);
        var response = org.Respond(1, account: account, respondedOn: day);
        org.Settle();
        org.Service.Delete(SurveyResponseSchema.EntityName, response);
        org.Settle();

        Assert.Equal((0, 0, 0), Counts(Day(CustomerSchema.Account, account, day)));
        NpsAssert.IsFresh(org, CustomerSchema.Account, account, org.Now);
    }

    [Fact]
    public void Responses_imported_with_plugins_off_count_once_the_customers_summaries_are_cleared()
    {
        var account = AccountWithHistory();
        // A migration writes past responses with plugins off: the summaries of their days do not know them.
        for (var i = 0; i < 5; i++) org.SeedResponse(0, org.Now.AddDays(-30 - i), account);
        // Later than a request can run: the live response's rollup cannot take the import for rows of its own request.
        org.Advance(TimeSpan.FromMinutes(3));
        org.Respond(10, account: account);
        org.Settle();
        Assert.NotEqual(NpsAssert.Fresh(org, CustomerSchema.Account, account, org.Now).Detractors, org.AccountRow(account).GetAttributeValue<int?>(CustomerSchema.Detractors));

        // The admin guide's remedy: clear the day the summaries are complete through; the next rollup rebuilds them.
        org.Service.Update(new Entity(CustomerSchema.Account, account) { [CustomerSchema.NpsDaysThrough] = null });
        org.Respond(9, account: account);
        org.Settle();
        NpsAssert.IsFresh(org, CustomerSchema.Account, account, org.Now);
    }

    [Fact]
    public void A_customer_without_summaries_gets_them_built_and_counts_every_response()
    {
        var account = org.Account("Contoso");
        for (var i = 0; i < 200; i++) org.SeedResponse(i % 11, org.Now.AddHours(-i * 61 - 1), account);
        org.Respond(10, account: account);
        org.Settle();

        NpsAssert.IsFresh(org, CustomerSchema.Account, account, org.Now);
        var summarized = org.All(NpsDaySchema.EntityName).Sum(d => Counts(d).Promoters + Counts(d).Passives + Counts(d).Detractors);
        var pastResponses = org.All(SurveyResponseSchema.EntityName).Count(r => UtcDay.Of(r.GetAttributeValue<DateTime>(SurveyResponseSchema.RespondedOn)) < UtcDay.Of(org.Now));
        Assert.Equal(pastResponses, summarized);
    }

    [Fact]
    public void A_day_summary_another_rollup_created_meanwhile_is_read_again_and_the_figures_end_fresh()
    {
        var account = org.Account("Contoso");
        for (var i = 0; i < 4; i++) org.SeedResponse(i * 3, org.Now.AddDays(-i - 1), account);
        var customer = new EntityReference(CustomerSchema.Account, account);
        var system = System;
        NpsRecomputeResult? other = null;

        // Both rollups find no summaries and build them; the other one stores its rows first.
        var first = new NpsRecomputeService(UpdateInterceptingService.BeforeFirst(system, r => r is CreateRequest c && c.Target.LogicalName == NpsDaySchema.EntityName, () =>
        {
            other = new NpsRecomputeService(system, DayPath).Recompute(new[] { customer }, org.Now);
        }), DayPath).Recompute(new[] { customer }, org.Now);

        Assert.Equal(0, other!.Retries);
        Assert.Equal(1, first.Retries);
        Assert.Equal(4, org.All(NpsDaySchema.EntityName).Count);
        NpsAssert.IsFresh(org, CustomerSchema.Account, account, org.Now);
    }

    [Fact]
    public void A_day_summarized_before_a_concurrent_change_is_summarized_again_when_the_rollup_retries()
    {
        var account = AccountWithHistory();
        var day = org.Now.AddDays(-8);
        var customer = new EntityReference(CustomerSchema.Account, account);
        var system = System;
        // An admin asked for a rebuild after importing a response with plugins off.
        org.SeedResponse(0, day, account);
        system.Update(new Entity(CustomerSchema.Account, account) { [CustomerSchema.NpsDaysThrough] = null });

        // R1 rebuilds and reads the day (one import). Before it stores the day, another response for that day arrives
        // and its own rollup R2 runs to the end. R1 then stores its stale day, finds the account written meanwhile, and
        // must summarize that day again on its retry, although the account now says its days are complete.
        var r1 = new NpsRecomputeService(UpdateInterceptingService.BeforeFirst(system, r => r is UpdateRequest u && u.Target.LogicalName == NpsDaySchema.EntityName, () =>
        {
            org.SeedResponse(0, day.AddHours(1), account);
            new NpsRecomputeService(system, DayPath).Recompute(new[] { customer }, org.Now, null, new[] { new NpsTouch(customer, day) });
        }), DayPath).Recompute(new[] { customer }, org.Now);

        Assert.Equal(1, r1.Retries);
        Assert.Equal(2, Counts(Day(CustomerSchema.Account, account, day)).Detractors);
        NpsAssert.IsFresh(org, CustomerSchema.Account, account, org.Now);
    }

    [Fact]
    public void A_rollup_that_rewrote_a_day_checks_the_customers_version_even_when_its_figures_did_not_change()
    {
        var account = AccountWithHistory();
        var day = org.Now.AddDays(-8);
        var customer = new EntityReference(CustomerSchema.Account, account);
        var system = System;
        // A day row someone zeroed by hand; R1 is a replayed delivery of a response of that day: it rewrites the day,
        // and its figures are those already stored.
        var row = Day(CustomerSchema.Account, account, day)!;
        var before = Counts(row);
        system.Update(new Entity(NpsDaySchema.EntityName, row.Id) { [NpsDaySchema.Promoters] = 0, [NpsDaySchema.Passives] = 0, [NpsDaySchema.Detractors] = 0 });

        // Before R1 stores the day, a response for it arrives and its rollup R2 runs to the end; R1's day is now stale.
        var r1 = new NpsRecomputeService(UpdateInterceptingService.BeforeFirst(system, r => r is UpdateRequest u && u.Target.LogicalName == NpsDaySchema.EntityName, () =>
        {
            org.SeedResponse(0, day.AddHours(1), account);
            new NpsRecomputeService(system, DayPath).Recompute(new[] { customer }, org.Now, null, new[] { new NpsTouch(customer, day) });
        }), DayPath).Recompute(new[] { customer }, org.Now, null, new[] { new NpsTouch(customer, day) });

        Assert.Equal(1, r1.Retries);
        Assert.Equal((before.Promoters, before.Passives, before.Detractors + 1), Counts(Day(CustomerSchema.Account, account, day)));
        NpsAssert.IsFresh(org, CustomerSchema.Account, account, org.Now);
    }
}
