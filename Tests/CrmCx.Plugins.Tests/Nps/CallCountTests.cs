using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Nps;
using CrmCx.Plugins.Tests.Fixtures;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCx.Plugins.Tests.Nps;

public class CallCountTests
{
    /// <summary>
    /// Calls the NPS plugins make for one new response on a customer with that many earlier responses. The history is
    /// seeded with plugins off (like a data migration), so the first rollup builds the customers' day summaries;
    /// <paramref name="warm"/> lets one response do that first and counts the next one, as in a live org.
    /// </summary>
    private static (int Calls, IReadOnlyDictionary<string, int> ByMessage) CallsForOneResponse(int earlier, int score, bool warm = true, string? settings = null)
    {
        // Only the NPS steps, so the count is theirs alone.
        var org = CrmCxOrg.Create(o =>
        {
            o.StepFilter = s => s.PluginType.Namespace == typeof(NpsRollup).Namespace;
            if (settings != null) o.WithSettings(settings);
        });
        var account = org.Account("Contoso");
        var contact = org.Contact("Jane Doe", account);
        for (var i = 0; i < earlier; i++)
        {
            // Spread over three years: both windows, the history and older rows.
            org.SeedResponse(i % 11, org.Now.AddHours(-(i * 37 % (3 * 365 * 24)) - 1), account, i % 2 == 0 ? contact : null);
        }
        if (warm)
        {
            org.Respond(9, contact: contact);
            org.Settle();
            // Past the two minutes a request can take (so the next rollup finds no other row of its request), within
            // the five minutes the plugins keep the settings they read.
            org.Advance(TimeSpan.FromMinutes(3));
        }
        org.Org.ResetDiagnostics();
        org.Respond(score, contact: contact);
        org.Settle();
        NpsAssert.IsFresh(org, CustomerSchema.Account, account, org.Now);
        NpsAssert.IsFresh(org, CustomerSchema.Contact, contact, org.Now);
        var plugin = org.Org.Calls.Records.Where(r => r.Caller != "client").ToList();
        return (plugin.Count, plugin.GroupBy(r => r.MessageName).ToDictionary(g => g.Key, g => g.Count()));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(3)]
    public void A_response_costs_the_same_calls_on_a_customer_with_10_or_5000_earlier_responses(int score)
    {
        var small = CallsForOneResponse(10, score);
        var large = CallsForOneResponse(5000, score);
        Assert.Equal(small.ByMessage, large.ByMessage);
        Assert.Equal(small.Calls, large.Calls);
    }

    [Fact]
    public void A_response_from_a_contact_costs_four_calls_and_a_detractor_one_more_for_its_task()
    {
        // Before the write: 1 query for the contact (its account and name). After: 1 query of both customers' responses
        // of the two windows with their rows (version, computed-on date, and for a detractor whether a follow-up task is
        // open) through links; 1 update per customer = 4. A detractor: 1 create of its task.
        var passive = CallsForOneResponse(10, 8);
        var detractor = CallsForOneResponse(10, 3);
        Assert.Equal(4, passive.Calls);
        Assert.Equal(5, detractor.Calls);
        Assert.Equal(new Dictionary<string, int> { ["RetrieveMultiple"] = 2, ["Update"] = 2 }, passive.ByMessage);
        Assert.Equal(new Dictionary<string, int> { ["RetrieveMultiple"] = 2, ["Update"] = 2, ["Create"] = 1 }, detractor.ByMessage);
    }

    [Fact]
    public void A_response_of_a_customer_on_day_summaries_costs_seven_calls_whatever_its_history()
    {
        // Above summarizeDaysAbove the window query is wasted (1) and the day path reads: the days its request wrote, the
        // day summaries, today and the edge days (3), then 2 updates: 7 with the validation query.
        // (8 when the window query's page met only one of the two customers: the other's row is read on its own.)
        var small = CallsForOneResponse(10, 8, settings: "{\"summarizeDaysAbove\": 1}");
        var large = CallsForOneResponse(3000, 8, settings: "{\"summarizeDaysAbove\": 1}");
        Assert.InRange(small.Calls, 7, 8);
        Assert.InRange(large.Calls, 7, 8);
        Assert.Equal(2, large.ByMessage["Update"]);
    }

    [Fact]
    public void The_first_response_of_a_day_also_stores_yesterdays_summaries_one_create_per_customer()
    {
        var org = CrmCxOrg.Create(o =>
        {
            o.StepFilter = s => s.PluginType.Namespace == typeof(NpsRollup).Namespace;
            o.WithSettings("{\"summarizeDaysAbove\": 0}");
        });
        var account = org.Account("Contoso");
        var contact = org.Contact("Jane Doe", account);
        org.Respond(9, contact: contact);
        org.Settle();
        org.Advance(TimeSpan.FromDays(1));
        org.Org.ResetDiagnostics();
        org.Respond(8, contact: contact);
        org.Settle();

        var plugin = org.Org.Calls.Records.Where(r => r.Caller != "client").ToList();
        // No bulk message from a plug-in: one Create per customer's new day.
        Assert.Equal(0, plugin.Count(r => r.MessageName is "CreateMultiple" or "UpdateMultiple"));
        Assert.Equal(2, plugin.Count(r => r.MessageName == "Create"));
        // Yesterday's response now counts from its day summary, for the account and for the contact.
        Assert.Equal(2, org.All(NpsDaySchema.EntityName).Count);
        NpsAssert.IsFresh(org, CustomerSchema.Account, account, org.Now);
        NpsAssert.IsFresh(org, CustomerSchema.Contact, contact, org.Now);
    }

    [Fact]
    public void After_a_migration_the_first_rollup_builds_the_day_summaries_once_one_create_per_day_with_responses()
    {
        var cold = CallsForOneResponse(5000, 8, warm: false, settings: "{\"summarizeDaysAbove\": 0}");
        var warm = CallsForOneResponse(5000, 8, settings: "{\"summarizeDaysAbove\": 0}");
        // Bulk messages are not supported from plug-ins, so each customer's day with responses in the two windows is one
        // Create (at most 2 × 730 here), on top of the reads; the next response costs the usual calls again.
        Assert.InRange(cold.ByMessage["Create"], 700, 2 * 730);
        // Warm: the validation query, both customers' rows (1 per table), the days its request wrote, the day summaries,
        // today and the edge days, 2 updates.
        Assert.InRange(cold.Calls - cold.ByMessage["Create"], 8, 14);
        Assert.Equal(8, warm.Calls);
    }

    [Fact]
    public void A_batch_of_a_thousand_responses_over_fifty_customers_recomputes_each_customer_once()
    {
        var org = CrmCxOrg.Create(o =>
        {
            o.StepFilter = s => s.PluginType.Namespace == typeof(NpsRollup).Namespace;
            o.WithSettings("{\"followUpEnabled\": false}");
        });
        var accounts = Enumerable.Range(0, 50).Select(i => org.Account("Account " + i)).ToList();
        var targets = new EntityCollection { EntityName = SurveyResponseSchema.EntityName };
        for (var i = 0; i < 1000; i++) targets.Entities.Add(CrmCxOrg.NewResponse(i % 11, account: accounts[i % 50], respondedOn: org.Now.AddDays(-(i % 700))));
        org.Org.ResetDiagnostics();
        org.Service.Execute(new CreateMultipleRequest { Targets = targets });
        org.Settle();

        var plugin = org.Org.Calls.Records.Where(r => r.Caller != "client").ToList();
        // Per row: 1 query for its account's name before the write. Per account, once: 1 query of its responses and row,
        // 1 update; the request's other jobs on the same plug-in instance know the account counted and read nothing.
        Assert.Equal(50, plugin.Count(r => r.MessageName == "Update"));
        Assert.Equal(0, plugin.Count(r => r.MessageName == "Create"));
        // And once each, the rollup's read of the settings variable and of the base language (the accounts' detractor
        // shares are risk reasons, written in it), both kept five minutes per plug-in instance.
        Assert.Equal(1000 + 50 + 50 + 2, plugin.Count);
        foreach (var a in accounts) NpsAssert.IsFresh(org, CustomerSchema.Account, a, org.Now);
    }

    [Fact]
    public void Without_a_cached_plug_in_instance_a_bulk_request_still_recomputes_each_customer_once_after_one_read_per_row()
    {
        // Each job on another sandbox worker (or the instance dropped from the cache): no memo, the stored correlation id decides.
        var org = CrmCxOrg.Create(o =>
        {
            o.StepFilter = s => s.PluginType.Namespace == typeof(NpsRollup).Namespace;
            o.WithSettings("{\"followUpEnabled\": false}");
        });
        org.Org.Pipeline.NewInstancePerExecution = true;
        var accounts = Enumerable.Range(0, 20).Select(i => org.Account("Account " + i)).ToList();
        var targets = new EntityCollection { EntityName = SurveyResponseSchema.EntityName };
        for (var i = 0; i < 200; i++) targets.Entities.Add(CrmCxOrg.NewResponse(i % 11, account: accounts[i % 20], respondedOn: org.Now.AddDays(-(i % 300))));
        org.Org.ResetDiagnostics();
        org.Service.Execute(new CreateMultipleRequest { Targets = targets });
        org.Settle();

        var rollup = org.Org.Calls.Records.Where(r => r.Caller == typeof(NpsRollup).FullName).ToList();
        Assert.Equal(20, rollup.Count(r => r.MessageName == "Update"));
        // Every job reads its account's responses and row once (a new instance knows nothing of the request).
        Assert.InRange(rollup.Count(r => r.MessageName == "RetrieveMultiple"), 200, 200 + 2 * 200);
        foreach (var a in accounts)
        {
            Assert.Equal(10, NpsAssert.Responses(org, CustomerSchema.Account, a));
            NpsAssert.IsFresh(org, CustomerSchema.Account, a, org.Now);
        }
    }

    [Fact]
    public void A_bulk_request_of_detractors_reads_each_account_once_and_opens_one_task_per_account()
    {
        var org = CrmCxOrg.Create(o => o.StepFilter = s => s.PluginType.Namespace == typeof(NpsRollup).Namespace);
        var accounts = Enumerable.Range(0, 10).Select(i => org.Account("Account " + i)).ToList();
        var targets = new EntityCollection { EntityName = SurveyResponseSchema.EntityName };
        // A promoter first for each account: its job reads without asking about open tasks, so the first detractor's
        // job reads again (with the follow-up link) and the others know from the memo that a task is open.
        for (var i = 0; i < 10; i++) targets.Entities.Add(CrmCxOrg.NewResponse(10, account: accounts[i]));
        for (var i = 0; i < 100; i++) targets.Entities.Add(CrmCxOrg.NewResponse(i % 7, account: accounts[i % 10]));
        org.Org.ResetDiagnostics();
        org.Service.Execute(new CreateMultipleRequest { Targets = targets });
        org.Settle();

        var rollup = org.Org.Calls.Records.Where(r => r.Caller == typeof(NpsRollup).FullName).ToList();
        Assert.Equal(10, org.All("task").Count);
        Assert.Equal(10, rollup.Count(r => r.MessageName == "Create" && r.Table == "task"));
        Assert.Equal(10, rollup.Count(r => r.MessageName == "Update"));
        // Two reads per account at most (and the settings and base language once), never one per row.
        Assert.InRange(rollup.Count(r => r.MessageName == "RetrieveMultiple"), 10, 2 * 10 + 2);
        foreach (var a in accounts) Assert.Equal(11, NpsAssert.Responses(org, CustomerSchema.Account, a));
    }

    [Fact]
    public void A_memo_of_one_request_does_not_stop_the_jobs_of_the_next_request()
    {
        var org = CrmCxOrg.Create(o =>
        {
            o.StepFilter = s => s.PluginType.Namespace == typeof(NpsRollup).Namespace;
            o.WithSettings("{\"followUpEnabled\": false}");
        });
        var account = org.Account("Contoso");
        var first = new EntityCollection { EntityName = SurveyResponseSchema.EntityName };
        for (var i = 0; i < 5; i++) first.Entities.Add(CrmCxOrg.NewResponse(10, account: account));
        org.Service.Execute(new CreateMultipleRequest { Targets = first });
        org.Settle();
        Assert.Equal(5, NpsAssert.Responses(org, CustomerSchema.Account, account));

        var second = new EntityCollection { EntityName = SurveyResponseSchema.EntityName };
        for (var i = 0; i < 5; i++) second.Entities.Add(CrmCxOrg.NewResponse(0, account: account));
        org.Org.ResetDiagnostics();
        org.Service.Execute(new CreateMultipleRequest { Targets = second });
        org.Settle();

        // Same plug-in instance, another correlation id: the account is recomputed once more, with the detractors.
        Assert.Equal(1, org.Org.Calls.Count("Update", typeof(NpsRollup).FullName!));
        Assert.Equal(10, NpsAssert.Responses(org, CustomerSchema.Account, account));
        Assert.Equal(0m, NpsAssert.Nps(org, CustomerSchema.Account, account));
        NpsAssert.IsFresh(org, CustomerSchema.Account, account, org.Now);
    }

    [Fact]
    public void A_created_response_runs_one_asynchronous_job_with_or_without_a_journey()
    {
        var org = CrmCxOrg.Create();
        var account = org.Account("Contoso");
        org.Org.ResetDiagnostics();
        var before = org.Org.SystemJobs.Count;
        org.Respond(8, account: account);
        org.Settle();

        // The NPS rollup's job, which also rolls up a journey when the response names one: no job that does nothing.
        var jobs = org.Org.SystemJobs.Skip(before).ToList();
        Assert.Equal(new[] { typeof(NpsRollup).FullName }, jobs.Select(j => j.PluginTypeName));
    }
}
