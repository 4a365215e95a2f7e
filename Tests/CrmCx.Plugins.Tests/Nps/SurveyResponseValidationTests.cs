using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using CrmCx.Domain.Choices;
using CrmCx.Plugins.Tests.Fixtures;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCx.Plugins.Tests.Nps;

public class SurveyResponseValidationTests
{
    private readonly CrmCxOrg org = CrmCxOrg.Create();

    [Fact]
    public void A_response_from_a_contact_is_filed_under_the_contacts_account_with_its_derived_columns()
    {
        var account = org.Account("Contoso Ltd");
        var contact = org.Contact("Jane Doe", account);
        var response = CrmCxOrg.NewResponse(7, contact: contact);
        response[SurveyResponseSchema.Csat] = 4;
        response[SurveyResponseSchema.Effort] = 2;
        var id = org.Service.Create(response);

        var row = org.ResponseRow(id);
        Assert.Equal(account, row.GetAttributeValue<EntityReference>(SurveyResponseSchema.Account).Id);
        Assert.Equal(org.Now, row.GetAttributeValue<DateTime>(SurveyResponseSchema.RespondedOn));
        Assert.Equal("Jane Doe – 2026-11-22", row.GetAttributeValue<string>(SurveyResponseSchema.Name));
        Assert.Equal((int)NpsCategory.Passive, row.GetAttributeValue<OptionSetValue>(SurveyResponseSchema.NpsCategory).Value);
        // (70 + 75 + 16.67) / 3 = 53.89
        Assert.Equal(53.89m, row.GetAttributeValue<decimal>(SurveyResponseSchema.SatisfactionIndex));
    }

    [Fact]
    public void A_response_naming_only_the_account_takes_its_name_and_keeps_a_given_name_and_date()
    {
        var account = org.Account("Fabrikam");
        var id = org.Respond(10, account: account);
        Assert.Equal("Fabrikam – 2026-11-22", org.ResponseRow(id).GetAttributeValue<string>(SurveyResponseSchema.Name));

        var given = CrmCxOrg.NewResponse(9, account: account, respondedOn: org.Now.AddDays(-3));
        given[SurveyResponseSchema.Name] = "Quarterly survey";
        var row = org.ResponseRow(org.Service.Create(given));
        Assert.Equal("Quarterly survey", row.GetAttributeValue<string>(SurveyResponseSchema.Name));
        Assert.Equal(org.Now.AddDays(-3), row.GetAttributeValue<DateTime>(SurveyResponseSchema.RespondedOn));
        Assert.Equal((int)NpsCategory.Promoter, row.GetAttributeValue<OptionSetValue>(SurveyResponseSchema.NpsCategory).Value);
    }

    [Fact]
    public void A_response_dated_within_the_clock_skew_is_stored_at_the_servers_time()
    {
        var account = org.Account("Contoso");
        var id = org.Respond(8, account: account, respondedOn: org.Now.AddMinutes(4));
        Assert.Equal(org.Now, org.ResponseRow(id).GetAttributeValue<DateTime>(SurveyResponseSchema.RespondedOn));
    }

    public static IEnumerable<object[]> BadInputs()
    {
        yield return new object[] { "score 11", (Action<Entity, Ids>)((e, _) => e[SurveyResponseSchema.Score] = 11), "cx_score must be a whole number from 0 to 10; got 11" };
        yield return new object[] { "score -1", (Action<Entity, Ids>)((e, _) => e[SurveyResponseSchema.Score] = -1), "cx_score must be a whole number from 0 to 10; got -1" };
        yield return new object[] { "no score", (Action<Entity, Ids>)((e, _) => e.Attributes.Remove(SurveyResponseSchema.Score)), "cx_score is required and must be a whole number from 0 to 10; got nothing" };
        yield return new object[] { "csat 0", (Action<Entity, Ids>)((e, _) => e[SurveyResponseSchema.Csat] = 0), "cx_csat must be a whole number from 1 to 5; got 0" };
        yield return new object[] { "csat 6", (Action<Entity, Ids>)((e, _) => e[SurveyResponseSchema.Csat] = 6), "cx_csat must be a whole number from 1 to 5; got 6" };
        yield return new object[] { "effort 0", (Action<Entity, Ids>)((e, _) => e[SurveyResponseSchema.Effort] = 0), "cx_effort must be a whole number from 1 to 7; got 0" };
        yield return new object[] { "effort 8", (Action<Entity, Ids>)((e, _) => e[SurveyResponseSchema.Effort] = 8), "cx_effort must be a whole number from 1 to 7; got 8" };
        yield return new object[] { "future", (Action<Entity, Ids>)((e, _) => e[SurveyResponseSchema.RespondedOn] = CrmCxOrg.DefaultStart.AddMinutes(6)),
            "cx_respondedon must not be in the future (at most 5 minutes after 2026-11-22T15:00:00Z); got 2026-11-22T15:06:00Z" };
        yield return new object[] { "no customer", (Action<Entity, Ids>)((e, _) => e.Attributes.Remove(SurveyResponseSchema.Account)),
            "cx_accountid or cx_contactid is required: a response must name its customer; got neither" };
        yield return new object[] { "contact of another account", (Action<Entity, Ids>)((e, ids) => e[SurveyResponseSchema.Contact] = new EntityReference(CustomerSchema.Contact, ids.OtherContact)),
            "cx_contactid must be a contact of the account in cx_accountid" };
        yield return new object[] { "stage of another journey type", (Action<Entity, Ids>)((e, ids) =>
            {
                e[SurveyResponseSchema.Journey] = new EntityReference(JourneySchema.EntityName, ids.Renewal);
                e[SurveyResponseSchema.JourneyStage] = new OptionSetValue(964000103);
            }),
            "cx_journeystage must be a stage of the linked journey's type, Renewal (Renewal notice 964000301, Options review 964000302, Decision 964000303, Renewed 964000304); got 964000103 (Installation, a stage of Onboarding)" };
    }

    public sealed record Ids(Guid Account, Guid OtherContact, Guid Renewal);

    [Theory]
    [MemberData(nameof(BadInputs))]
    public void Bad_input_is_refused_naming_column_value_and_rule_and_nothing_is_written(string rule, Action<Entity, Ids> spoil, string message)
    {
        var account = org.Account("Contoso");
        var other = org.Account("Other");
        var ids = new Ids(account, org.Contact("Someone Else", other), org.Journey((int)JourneyType.Renewal, account));
        var response = CrmCxOrg.NewResponse(9, account: account);
        spoil(response, ids);

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => org.Service.Create(response));

        // The rule's name leads the failure message: the cases of a MemberData theory with delegates share one test name.
        Assert.True(fault.Detail.Message.StartsWith(message, StringComparison.Ordinal),
            "\"" + rule + "\" should be refused with \"" + message + "…\"; got \"" + fault.Detail.Message + "\"");
        Assert.Empty(org.All(SurveyResponseSchema.EntityName));
        Assert.Equal(0, org.Org.PendingAsyncJobs);
        Assert.Null(org.AccountRow(account).GetAttributeValue<int?>(CustomerSchema.NpsResponses));
    }

    [Fact]
    public void A_score_of_the_wrong_type_is_refused_with_its_value()
    {
        var account = org.Account("Contoso");
        var response = CrmCxOrg.NewResponse(9, account: account);
        response[SurveyResponseSchema.Score] = "9";
        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => org.Service.Create(response));
        Assert.Equal("cx_score must be a whole number from 0 to 10; got \"9\"", fault.Detail.Message);
    }

    [Fact]
    public void An_update_is_validated_on_the_row_it_leaves_behind()
    {
        var account = org.Account("Contoso");
        var journey = org.Journey((int)JourneyType.Onboarding, account);
        var response = CrmCxOrg.NewResponse(9, account: account);
        response[SurveyResponseSchema.Journey] = new EntityReference(JourneySchema.EntityName, journey);
        response[SurveyResponseSchema.JourneyStage] = new OptionSetValue(964000102);
        var id = org.Service.Create(response);
        var before = org.ResponseRow(id);

        // The stage alone is checked against the stored journey (Onboarding): a Relocation stage is refused.
        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() =>
            org.Service.Update(new Entity(SurveyResponseSchema.EntityName, id) { [SurveyResponseSchema.JourneyStage] = new OptionSetValue(964000201) }));
        Assert.StartsWith("cx_journeystage must be a stage of the linked journey's type, Onboarding", fault.Detail.Message);
        Assert.Equal(before.GetAttributeValue<OptionSetValue>(SurveyResponseSchema.JourneyStage).Value, org.ResponseRow(id).GetAttributeValue<OptionSetValue>(SurveyResponseSchema.JourneyStage).Value);

        // A new score re-derives the category and the index.
        org.Service.Update(new Entity(SurveyResponseSchema.EntityName, id) { [SurveyResponseSchema.Score] = 4, [SurveyResponseSchema.Csat] = 1 });
        var row = org.ResponseRow(id);
        Assert.Equal((int)NpsCategory.Detractor, row.GetAttributeValue<OptionSetValue>(SurveyResponseSchema.NpsCategory).Value);
        Assert.Equal(20m, row.GetAttributeValue<decimal>(SurveyResponseSchema.SatisfactionIndex));
    }

    [Fact]
    public void The_derived_columns_cannot_be_set_by_hand()
    {
        var account = org.Account("Contoso");
        var id = org.Respond(10, account: account);
        org.Service.Update(new Entity(SurveyResponseSchema.EntityName, id)
        {
            [SurveyResponseSchema.NpsCategory] = new OptionSetValue((int)NpsCategory.Detractor),
            [SurveyResponseSchema.SatisfactionIndex] = 1m,
        });
        var row = org.ResponseRow(id);
        Assert.Equal((int)NpsCategory.Promoter, row.GetAttributeValue<OptionSetValue>(SurveyResponseSchema.NpsCategory).Value);
        Assert.Equal(100m, row.GetAttributeValue<decimal>(SurveyResponseSchema.SatisfactionIndex));
    }

    [Fact]
    public void Moving_a_response_to_a_contact_of_another_account_moves_its_account_too()
    {
        var contoso = org.Account("Contoso");
        var fabrikam = org.Account("Fabrikam");
        var jane = org.Contact("Jane Doe", contoso);
        var john = org.Contact("John Roe", fabrikam);
        var id = org.Respond(6, contact: jane);
        org.Service.Update(new Entity(SurveyResponseSchema.EntityName, id) { [SurveyResponseSchema.Contact] = new EntityReference(CustomerSchema.Contact, john) });
        Assert.Equal(fabrikam, org.ResponseRow(id).GetAttributeValue<EntityReference>(SurveyResponseSchema.Account).Id);
    }

    [Fact]
    public void An_update_of_an_imported_row_is_not_refused_for_a_column_it_does_not_touch()
    {
        var account = org.Account("Contoso");
        var id = org.SeedResponse(9, org.Now.AddDays(2), account); // imported with a date in the future
        org.Service.Update(new Entity(SurveyResponseSchema.EntityName, id) { [SurveyResponseSchema.Comment] = "called back" });
        Assert.Equal("called back", org.ResponseRow(id).GetAttributeValue<string>(SurveyResponseSchema.Comment));
    }

    [Fact]
    public void A_batch_with_one_bad_row_is_refused_whole_naming_the_rule()
    {
        var account = org.Account("Contoso");
        var targets = new EntityCollection { EntityName = SurveyResponseSchema.EntityName };
        for (var i = 0; i < 5; i++) targets.Entities.Add(CrmCxOrg.NewResponse(i == 3 ? 12 : 9, account: account));

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => org.Service.Execute(new CreateMultipleRequest { Targets = targets }));

        // The merged pipeline validates row by row (the Create step), and the request is one transaction.
        Assert.StartsWith("cx_score must be a whole number from 0 to 10; got 12", fault.Detail.Message);
        Assert.Empty(org.All(SurveyResponseSchema.EntityName));
        Assert.Equal(0, org.Org.PendingAsyncJobs);
    }

    [Fact]
    public void An_update_batch_with_one_bad_row_changes_nothing()
    {
        var account = org.Account("Contoso");
        var ids = Enumerable.Range(0, 3).Select(_ => org.Respond(9, account: account)).ToList();
        org.Settle();
        var targets = new EntityCollection { EntityName = SurveyResponseSchema.EntityName };
        targets.Entities.Add(new Entity(SurveyResponseSchema.EntityName, ids[0]) { [SurveyResponseSchema.Score] = 1 });
        targets.Entities.Add(new Entity(SurveyResponseSchema.EntityName, ids[1]) { [SurveyResponseSchema.Effort] = 9 });
        targets.Entities.Add(new Entity(SurveyResponseSchema.EntityName, ids[2]) { [SurveyResponseSchema.Score] = 2 });

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => org.Service.Execute(new UpdateMultipleRequest { Targets = targets }));

        Assert.StartsWith("cx_effort must be a whole number from 1 to 7; got 9", fault.Detail.Message);
        Assert.All(ids, id => Assert.Equal(9, org.ResponseRow(id).GetAttributeValue<int>(SurveyResponseSchema.Score)));
        Assert.Equal(0, org.Org.PendingAsyncJobs);
    }

    [Theory]
    [InlineData(false, 10)]
    [InlineData(true, 100)]
    public void A_bulk_request_files_every_row_under_its_contacts_account_reading_each_contact_once_per_cached_instance(bool newInstancePerRow, int contactReads)
    {
        // Without a cached instance (another sandbox worker per row) every row reads its contact, as before the memo.
        org.Org.Pipeline.NewInstancePerExecution = newInstancePerRow;
        var accounts = Enumerable.Range(0, 10).Select(i => org.Account("Account " + i)).ToList();
        var contacts = accounts.Select((a, i) => org.Contact("Contact " + i, a)).ToList();
        var targets = new EntityCollection { EntityName = SurveyResponseSchema.EntityName };
        for (var i = 0; i < 100; i++) targets.Entities.Add(CrmCxOrg.NewResponse(9, contact: contacts[i % 10]));
        org.Org.ResetDiagnostics();

        var ids = (Guid[])org.Service.Execute(new CreateMultipleRequest { Targets = targets }).Results["Ids"];

        var reads = org.Org.Calls.Records.Count(r => r.Caller == typeof(CrmCx.Nps.SurveyResponseValidation).FullName && r.MessageName == "RetrieveMultiple");
        Assert.Equal(contactReads, reads);
        for (var i = 0; i < ids.Length; i++)
        {
            var row = org.ResponseRow(ids[i]);
            Assert.Equal(accounts[i % 10], row.GetAttributeValue<EntityReference>(SurveyResponseSchema.Account).Id);
            Assert.StartsWith("Contact " + (i % 10) + " – ", row.GetAttributeValue<string>(SurveyResponseSchema.Name));
        }
    }

    [Fact]
    public void A_later_request_reads_the_contact_again_and_files_its_response_under_the_contacts_new_account()
    {
        var before = org.Account("Contoso");
        var after = org.Account("Fabrikam");
        var contact = org.Contact("Jane Doe", before);
        var first = org.Service.Create(CrmCxOrg.NewResponse(9, contact: contact));
        org.Service.Update(new Entity(CustomerSchema.Contact, contact) { [CustomerSchema.ParentCustomer] = new EntityReference(CustomerSchema.Account, after) });
        org.Service.Update(new Entity(CustomerSchema.Contact, contact) { ["firstname"] = "Jane", ["lastname"] = "Smith" });

        // Same plug-in instance, another request (another correlation id): what the first request read is not used.
        var second = org.Service.Create(CrmCxOrg.NewResponse(9, contact: contact));

        Assert.Equal(before, org.ResponseRow(first).GetAttributeValue<EntityReference>(SurveyResponseSchema.Account).Id);
        Assert.Equal(after, org.ResponseRow(second).GetAttributeValue<EntityReference>(SurveyResponseSchema.Account).Id);
        Assert.StartsWith("Jane Smith – ", org.ResponseRow(second).GetAttributeValue<string>(SurveyResponseSchema.Name));
    }
}
