using System;
using System.Linq;
using CrmCx.Dataverse.InMemory.Diagnostics;
using CrmCx.Nps;
using CrmCx.Plugins.Tests.Fixtures;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCx.Plugins.Tests.Nps;

public class NpsRollupTests
{
    private const string Account = CustomerSchema.Account;
    private const string Contact = CustomerSchema.Contact;
    private readonly CrmCxOrg org = CrmCxOrg.Create(o => o.WithSettings("{\"followUpEnabled\": false}"));

    [Fact]
    public void A_new_response_gives_its_account_and_contact_their_nps_once_the_rollup_has_run()
    {
        var account = org.Account("Contoso");
        var contact = org.Contact("Jane Doe", account);
        org.Respond(10, contact: contact);
        org.Respond(9, account: account);
        org.Respond(3, account: account, respondedOn: org.Now.AddDays(-40));

        // Asynchronous: nothing changes before the system jobs run.
        Assert.Null(NpsAssert.Nps(org, Account, account));
        org.Settle();

        var row = org.AccountRow(account);
        // 2 promoters, 1 detractor of 3: 100 × (2 − 1) / 3 = 33.3
        Assert.Equal(33.3m, row.GetAttributeValue<decimal?>(CustomerSchema.Nps));
        Assert.Equal(3, row.GetAttributeValue<int?>(CustomerSchema.NpsResponses));
        Assert.Equal(2, row.GetAttributeValue<int?>(CustomerSchema.Promoters));
        Assert.Equal(0, row.GetAttributeValue<int?>(CustomerSchema.Passives));
        Assert.Equal(1, row.GetAttributeValue<int?>(CustomerSchema.Detractors));
        Assert.Null(row.GetAttributeValue<decimal?>(CustomerSchema.NpsPrevious));
        Assert.Equal(org.Now, row.GetAttributeValue<DateTime?>(CustomerSchema.LastResponseOn));
        Assert.Equal(org.Now, row.GetAttributeValue<DateTime?>(CustomerSchema.NpsUpdatedOn));
        Assert.EndsWith("{\"month\":\"2026-10\",\"nps\":-100.0,\"n\":1},{\"month\":\"2026-11\",\"nps\":100.0,\"n\":2}]", row.GetAttributeValue<string>(CustomerSchema.NpsHistory));
        NpsAssert.IsFresh(org, Account, account, org.Now);

        // The contact counts only its own response.
        Assert.Equal(100.0m, NpsAssert.Nps(org, Contact, contact));
        Assert.Equal(1, NpsAssert.Responses(org, Contact, contact));
        NpsAssert.IsFresh(org, Contact, contact, org.Now);
    }

    [Fact]
    public void Responses_imported_without_category_still_count_from_their_score()
    {
        var account = org.Account("Contoso");
        for (var i = 0; i < 4; i++) org.SeedResponse(2, org.Now.AddDays(-10 - i), account);
        org.Respond(10, account: account);
        org.Settle();
        // 1 promoter, 4 detractors: −60
        Assert.Equal(-60.0m, NpsAssert.Nps(org, Account, account));
        NpsAssert.IsFresh(org, Account, account, org.Now);
    }

    [Fact]
    public void The_previous_window_and_its_margin_are_filled_from_older_responses()
    {
        var account = org.Account("Contoso");
        org.SeedResponse(10, org.Now.AddDays(-400), account);
        org.SeedResponse(0, org.Now.AddDays(-500), account);
        org.SeedResponse(0, org.Now.AddDays(-800), account); // older than both windows: only the last-response date could see it
        org.Respond(8, account: account);
        org.Settle();
        var row = org.AccountRow(account);
        Assert.Equal(0.0m, row.GetAttributeValue<decimal?>(CustomerSchema.Nps));
        Assert.Equal(0.0m, row.GetAttributeValue<decimal?>(CustomerSchema.NpsPrevious));
        // 1 promoter, 1 detractor: n' = 5, p' = d' = 0.35, MOE = 1.96 × √(0.7 / 5) × 100 = 73.3
        Assert.Equal(73.3m, row.GetAttributeValue<decimal?>(CustomerSchema.NpsPreviousMargin));
        NpsAssert.IsFresh(org, Account, account, org.Now);
    }

    [Fact]
    public void Changing_a_score_recomputes_the_figures()
    {
        var account = org.Account("Contoso");
        var id = org.Respond(10, account: account);
        org.Respond(9, account: account);
        org.Settle();
        Assert.Equal(100.0m, NpsAssert.Nps(org, Account, account));

        org.Service.Update(new Entity(SurveyResponseSchema.EntityName, id) { [SurveyResponseSchema.Score] = 0 });
        org.Settle();
        Assert.Equal(0.0m, NpsAssert.Nps(org, Account, account));
        NpsAssert.IsFresh(org, Account, account, org.Now);
    }

    [Fact]
    public void Moving_a_response_to_another_customer_recomputes_both_old_and_new()
    {
        var contoso = org.Account("Contoso");
        var fabrikam = org.Account("Fabrikam");
        var jane = org.Contact("Jane Doe", contoso);
        var john = org.Contact("John Roe", fabrikam);
        var moved = org.Respond(10, contact: jane);
        org.Respond(0, contact: jane);
        org.Settle();
        Assert.Equal(0.0m, NpsAssert.Nps(org, Account, contoso));

        org.Service.Update(new Entity(SurveyResponseSchema.EntityName, moved) { [SurveyResponseSchema.Contact] = new EntityReference(Contact, john) });
        org.Settle();

        Assert.Equal(-100.0m, NpsAssert.Nps(org, Account, contoso));
        Assert.Equal(-100.0m, NpsAssert.Nps(org, Contact, jane));
        Assert.Equal(100.0m, NpsAssert.Nps(org, Account, fabrikam));
        Assert.Equal(100.0m, NpsAssert.Nps(org, Contact, john));
        foreach (var (table, id) in new[] { (Account, contoso), (Account, fabrikam), (Contact, jane), (Contact, john) }) NpsAssert.IsFresh(org, table, id, org.Now);
    }

    [Fact]
    public void Moving_a_response_out_of_the_window_by_its_date_moves_it_to_the_previous_window()
    {
        var account = org.Account("Contoso");
        var id = org.Respond(0, account: account);
        org.Respond(10, account: account);
        org.Settle();
        Assert.Equal(0.0m, NpsAssert.Nps(org, Account, account));

        org.Service.Update(new Entity(SurveyResponseSchema.EntityName, id) { [SurveyResponseSchema.RespondedOn] = org.Now.AddDays(-366) });
        org.Settle();
        var row = org.AccountRow(account);
        Assert.Equal(100.0m, row.GetAttributeValue<decimal?>(CustomerSchema.Nps));
        Assert.Equal(-100.0m, row.GetAttributeValue<decimal?>(CustomerSchema.NpsPrevious));
        NpsAssert.IsFresh(org, Account, account, org.Now);
    }

    [Fact]
    public void Deleting_the_last_response_empties_the_figures_instead_of_zeroing_them()
    {
        var account = org.Account("Contoso");
        var contact = org.Contact("Jane Doe", account);
        var id = org.Respond(9, contact: contact);
        org.Settle();
        Assert.Equal(100.0m, NpsAssert.Nps(org, Contact, contact));

        org.Service.Delete(SurveyResponseSchema.EntityName, id);
        org.Settle();

        foreach (var (table, customer) in new[] { (Account, account), (Contact, contact) })
        {
            var row = org.Row(table, customer);
            Assert.Null(row.GetAttributeValue<decimal?>(CustomerSchema.Nps));
            Assert.Null(row.GetAttributeValue<decimal?>(CustomerSchema.NpsMargin));
            Assert.Equal(0, row.GetAttributeValue<int?>(CustomerSchema.NpsResponses));
            Assert.Null(row.GetAttributeValue<DateTime?>(CustomerSchema.LastResponseOn));
        }
    }

    [Fact]
    public void Deleting_a_response_keeps_the_date_of_an_older_response_outside_the_windows()
    {
        var account = org.Account("Contoso");
        var old = org.Now.AddDays(-1000);
        org.SeedResponse(9, old, account);
        var id = org.Respond(9, account: account);
        org.Settle();
        org.Service.Delete(SurveyResponseSchema.EntityName, id);
        org.Settle();
        Assert.Equal(old, org.AccountRow(account).GetAttributeValue<DateTime?>(CustomerSchema.LastResponseOn));
        Assert.Null(NpsAssert.Nps(org, Account, account));
    }

    [Fact]
    public void A_create_multiple_recomputes_each_affected_customer_once()
    {
        var accounts = Enumerable.Range(0, 3).Select(i => org.Account("Account " + i)).ToList();
        var targets = new EntityCollection { EntityName = SurveyResponseSchema.EntityName };
        for (var i = 0; i < 30; i++) targets.Entities.Add(CrmCxOrg.NewResponse(i % 11, account: accounts[i % 3]));
        org.Service.Execute(new CreateMultipleRequest { Targets = targets });
        org.Org.ResetDiagnostics();
        org.Settle();

        // One job per row (the merged pipeline runs the Create step for each); the first job of the request for an
        // account recomputes it, the others find it computed for this request and stop after reading it.
        Assert.Equal(30, org.Org.SystemJobs.Count(j => j.PluginTypeName == typeof(NpsRollup).FullName));
        Assert.Equal(3, org.Org.Calls.Count("Update", typeof(NpsRollup).FullName!));
        foreach (var a in accounts)
        {
            Assert.Equal(10, NpsAssert.Responses(org, Account, a));
            NpsAssert.IsFresh(org, Account, a, org.Now);
        }
    }

    [Fact]
    public void An_update_multiple_recomputes_each_affected_customer_once()
    {
        var accounts = Enumerable.Range(0, 2).Select(i => org.Account("Account " + i)).ToList();
        var ids = Enumerable.Range(0, 10).Select(i => org.Respond(10, account: accounts[i % 2])).ToList();
        org.Settle();
        var targets = new EntityCollection { EntityName = SurveyResponseSchema.EntityName };
        foreach (var id in ids) targets.Entities.Add(new Entity(SurveyResponseSchema.EntityName, id) { [SurveyResponseSchema.Score] = 0 });
        org.Service.Execute(new UpdateMultipleRequest { Targets = targets });
        org.Org.ResetDiagnostics();
        org.Settle();

        Assert.Equal(10, org.Org.SystemJobs.Count(j => j.PluginTypeName == typeof(NpsRollup).FullName));
        Assert.Equal(2, org.Org.Calls.Count("Update", typeof(NpsRollup).FullName!));
        foreach (var a in accounts) Assert.Equal(-100.0m, NpsAssert.Nps(org, Account, a));
    }

    [Fact]
    public void An_update_of_a_column_that_does_not_count_runs_no_rollup()
    {
        var account = org.Account("Contoso");
        var id = org.Respond(10, account: account);
        org.Settle();
        org.Service.Update(new Entity(SurveyResponseSchema.EntityName, id) { [SurveyResponseSchema.Comment] = "thanks" });
        Assert.Equal(0, org.Org.PendingAsyncJobs);
    }

    [Fact]
    public void An_upsert_by_source_and_external_id_creates_once_and_a_retried_delivery_changes_nothing()
    {
        var account = org.Account("Contoso");
        Entity Delivery()
        {
            var e = new Entity(SurveyResponseSchema.EntityName, new KeyAttributeCollection
            {
                [SurveyResponseSchema.Source] = "SurveyTool",
                [SurveyResponseSchema.ExternalId] = "R-1001",
            });
            e[SurveyResponseSchema.Score] = 9;
            e[SurveyResponseSchema.Account] = new EntityReference(Account, account);
            e[SurveyResponseSchema.RespondedOn] = CrmCxOrg.DefaultStart.AddHours(-2);
            e[SurveyResponseSchema.Comment] = "Great onboarding";
            return e;
        }

        var first = (UpsertResponse)org.Service.Execute(new UpsertRequest { Target = Delivery() });
        org.Settle();
        Assert.True(first.RecordCreated);
        var response = org.ResponseRow(first.Target.Id);
        var accountRow = org.AccountRow(account);
        Assert.Equal(100.0m, accountRow.GetAttributeValue<decimal?>(CustomerSchema.Nps));

        org.Advance(TimeSpan.FromMinutes(10));
        var retry = (UpsertResponse)org.Service.Execute(new UpsertRequest { Target = Delivery() });
        org.Settle();

        Assert.False(retry.RecordCreated);
        Assert.Equal(first.Target.Id, retry.Target.Id);
        Assert.Single(org.All(SurveyResponseSchema.EntityName));
        var after = org.ResponseRow(first.Target.Id);
        foreach (var column in new[] { SurveyResponseSchema.Score, SurveyResponseSchema.Name, SurveyResponseSchema.RespondedOn, SurveyResponseSchema.SatisfactionIndex, SurveyResponseSchema.Account })
            Assert.Equal(response[column], after[column]);
        // The customer row is not even rewritten: same figures, same version, same computed-on date.
        var accountAfter = org.AccountRow(account);
        Assert.Equal(accountRow.RowVersion, accountAfter.RowVersion);
        Assert.Equal(accountRow.GetAttributeValue<DateTime?>(CustomerSchema.NpsUpdatedOn), accountAfter.GetAttributeValue<DateTime?>(CustomerSchema.NpsUpdatedOn));
    }

    [Fact]
    public void A_rollup_failure_never_loses_the_response()
    {
        var account = org.Account("Contoso");
        var id = org.Respond(9, account: account);
        org.Org.Metadata.Get(Account).Add(new CrmCx.Dataverse.InMemory.Metadata.ColumnDefinition(CustomerSchema.NpsResponses, CrmCx.Dataverse.InMemory.Metadata.ColumnType.Integer) { MaxValue = 0 });
        org.Org.DrainAsyncQueue();
        Assert.Contains(org.Org.SystemJobs, j => j.Status == SystemJobStatus.Failed);
        Assert.NotNull(org.Org.Peek(SurveyResponseSchema.EntityName, id));
    }

    [Theory]
    [InlineData("{\"windowDay\": 90}", "Environment variable cx_Settings: Unknown key \"windowDay\"")]
    [InlineData("{\"followUpDueDays\": \"two\"}", "Environment variable cx_Settings: Setting \"followUpDueDays\" must be a whole number from 0 to 365; got \"two\".")]
    [InlineData("windowDays=90", "Environment variable cx_Settings: The CrmCx settings are not valid JSON")]
    public void A_bad_settings_value_fails_the_rollup_naming_the_key_and_keeps_the_response(string json, string message)
    {
        var bad = CrmCxOrg.Create(o => o.WithSettings(json));
        var account = bad.Account("Contoso");
        var id = bad.Respond(9, account: account);
        bad.Org.DrainAsyncQueue();

        var failed = Assert.Single(bad.Org.SystemJobs, j => j.Status == SystemJobStatus.Failed && j.PluginTypeName == typeof(NpsRollup).FullName);
        Assert.Contains(message, failed.ErrorMessage, StringComparison.Ordinal);
        Assert.NotNull(bad.Org.Peek(SurveyResponseSchema.EntityName, id));
        Assert.Null(bad.AccountRow(account).GetAttributeValue<decimal?>(CustomerSchema.Nps));
    }

    [Fact]
    public void A_shorter_window_from_the_settings_is_used()
    {
        var configured = CrmCxOrg.Create(o => o.WithSettings("{\"windowDays\": 30, \"followUpEnabled\": false}"));
        var account = configured.Account("Contoso");
        configured.SeedResponse(0, configured.Now.AddDays(-40), account);
        configured.SeedResponse(0, configured.Now.AddDays(-100), account); // only in the history
        configured.Respond(10, account: account);
        configured.Settle();
        var row = configured.AccountRow(account);
        Assert.Equal(100.0m, row.GetAttributeValue<decimal?>(CustomerSchema.Nps));
        Assert.Equal(-100.0m, row.GetAttributeValue<decimal?>(CustomerSchema.NpsPrevious));
        NpsAssert.IsFresh(configured, Account, account, configured.Now, 30);
    }
}
