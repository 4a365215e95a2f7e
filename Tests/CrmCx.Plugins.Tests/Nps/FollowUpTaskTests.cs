using System;
using System.Linq;
using CrmCx.Nps;
using CrmCx.Plugins.Tests.Fixtures;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCx.Plugins.Tests.Nps;

public class FollowUpTaskTests
{
    private readonly CrmCxOrg org = CrmCxOrg.Create();

    private Entity[] Tasks() => org.All("task").ToArray();

    [Fact]
    public void A_detractor_opens_one_task_for_the_account_owner_due_in_two_days_regarding_the_response()
    {
        var owner = org.User("Alex Account-Manager");
        var account = org.Account("Contoso Ltd", owner);
        var contact = org.Contact("Jane Doe", account);
        var response = CrmCxOrg.NewResponse(3, contact: contact);
        response[SurveyResponseSchema.Comment] = "The installer never came.";
        var id = org.Service.Create(response);
        org.Settle();

        var task = Assert.Single(Tasks());
        Assert.Equal("NPS follow-up: Jane Doe (Contoso Ltd) answered 3/10", task.GetAttributeValue<string>("subject"));
        Assert.Equal(owner, task.GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.Equal(id, task.GetAttributeValue<EntityReference>("regardingobjectid").Id);
        Assert.Equal(SurveyResponseSchema.EntityName, task.GetAttributeValue<EntityReference>("regardingobjectid").LogicalName);
        Assert.Equal(org.Now.AddDays(2), task.GetAttributeValue<DateTime>("scheduledend"));
        Assert.EndsWith("The installer never came.", task.GetAttributeValue<string>("description"));
    }

    [Fact]
    public void Promoters_and_passives_open_no_task()
    {
        var account = org.Account("Contoso");
        org.Respond(7, account: account);
        org.Respond(10, account: account);
        org.Settle();
        Assert.Empty(Tasks());
    }

    [Fact]
    public void A_second_detractor_while_a_task_is_open_opens_no_other_and_a_closed_task_does_not_count()
    {
        var account = org.Account("Contoso");
        var contact = org.Contact("Jane Doe", account);
        org.Respond(2, account: account);
        org.Settle();
        org.Respond(1, contact: contact); // same account through the contact
        org.Settle();
        var task = Assert.Single(Tasks());

        org.Service.Update(new Entity("task", task.Id) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5) });
        org.Respond(0, account: account);
        org.Settle();
        Assert.Equal(2, Tasks().Length);
        Assert.Single(Tasks(), t => t.GetAttributeValue<OptionSetValue>("statecode").Value == 0);
    }

    [Fact]
    public void A_customer_whose_responses_carry_several_open_tasks_counts_each_response_once()
    {
        var account = org.Account("Contoso");
        var contact = org.Contact("Jane Doe", account);
        // Two recent responses with two open tasks each: the read that asks about open tasks brings each of the
        // customer's responses back once per open-task response of the account and of the contact.
        var first = org.SeedResponse(9, org.Now.AddDays(-3), account, contact);
        var second = org.SeedResponse(5, org.Now.AddDays(-2), account, contact);
        foreach (var regarding in new[] { first, first, second, second })
            org.Service.Create(new Entity("task") { ["subject"] = "Call back", ["regardingobjectid"] = new EntityReference(SurveyResponseSchema.EntityName, regarding) });

        org.Respond(2, contact: contact);
        org.Settle();

        Assert.Equal(4, Tasks().Length); // already followed up: no new task
        Assert.Equal(3, NpsAssert.Responses(org, CustomerSchema.Account, account));
        Assert.Equal(3, NpsAssert.Responses(org, CustomerSchema.Contact, contact));
        NpsAssert.IsFresh(org, CustomerSchema.Account, account, org.Now);
        NpsAssert.IsFresh(org, CustomerSchema.Contact, contact, org.Now);
    }

    [Fact]
    public void A_task_an_agent_opened_by_hand_on_a_years_old_response_counts_as_the_open_follow_up()
    {
        var account = org.Account("Contoso");
        // Older than both windows: the figures no longer count it, but someone is still following it up.
        var old = org.SeedResponse(4, org.Now.AddYears(-3), account);
        var byHand = org.Service.Create(new Entity("task") { ["subject"] = "Call back", ["regardingobjectid"] = new EntityReference(SurveyResponseSchema.EntityName, old) });

        org.Respond(2, account: account);
        org.Settle();

        Assert.Equal(byHand, Assert.Single(Tasks()).Id);
        Assert.Equal(-100.0m, NpsAssert.Nps(org, CustomerSchema.Account, account));
        NpsAssert.IsFresh(org, CustomerSchema.Account, account, org.Now);
    }

    [Fact]
    public void A_customer_with_several_open_tasks_gets_no_new_one_and_still_gets_its_figures()
    {
        var owner = org.User("Alex Account-Manager");
        var account = org.Account("Contoso", owner);
        for (var i = 0; i < 3; i++)
        {
            var response = org.SeedResponse(3, org.Now.AddDays(-i - 1), account);
            org.Service.Create(new Entity("task") { ["subject"] = "Call back " + i, ["regardingobjectid"] = new EntityReference(SurveyResponseSchema.EntityName, response) });
        }

        org.Respond(1, account: account);
        org.Settle();

        Assert.Equal(3, Tasks().Length);
        Assert.Equal(4, NpsAssert.Responses(org, CustomerSchema.Account, account));
        NpsAssert.IsFresh(org, CustomerSchema.Account, account, org.Now);
    }

    [Fact]
    public void A_contact_without_an_account_gets_no_second_task_while_one_is_open()
    {
        var contact = org.Contact("Sam Solo");
        org.Respond(0, contact: contact);
        org.Settle();
        org.Respond(5, contact: contact);
        org.Settle();

        var task = Assert.Single(Tasks());
        Assert.Equal("NPS follow-up: Sam Solo answered 0/10", task.GetAttributeValue<string>("subject"));
    }

    [Fact]
    public void A_batch_of_detractors_opens_one_task_per_customer()
    {
        var accounts = Enumerable.Range(0, 3).Select(i => org.Account("Account " + i)).ToList();
        var targets = new EntityCollection { EntityName = SurveyResponseSchema.EntityName };
        for (var i = 0; i < 12; i++) targets.Entities.Add(CrmCxOrg.NewResponse(i % 4, account: accounts[i % 3]));
        org.Service.Execute(new CreateMultipleRequest { Targets = targets });
        org.Settle();
        Assert.Equal(3, Tasks().Length);
        Assert.Equal(accounts.OrderBy(a => a), Tasks().Select(t => org.ResponseRow(t.GetAttributeValue<EntityReference>("regardingobjectid").Id)
            .GetAttributeValue<EntityReference>(SurveyResponseSchema.Account).Id).OrderBy(a => a));
    }

    [Fact]
    public void An_update_that_turns_a_promoter_into_a_detractor_opens_a_task_and_a_retried_detractor_does_not()
    {
        var account = org.Account("Contoso");
        var id = org.Respond(9, account: account);
        org.Settle();
        Assert.Empty(Tasks());

        org.Service.Update(new Entity(SurveyResponseSchema.EntityName, id) { [SurveyResponseSchema.Score] = 4 });
        org.Settle();
        var task = Assert.Single(Tasks());
        org.Service.Update(new Entity("task", task.Id) { ["statecode"] = new OptionSetValue(1), ["statuscode"] = new OptionSetValue(5) });

        // Still a detractor (4 → 5): nothing new to follow up.
        org.Service.Update(new Entity(SurveyResponseSchema.EntityName, id) { [SurveyResponseSchema.Score] = 5 });
        org.Settle();
        Assert.Single(Tasks());
    }

    [Fact]
    public void A_customer_known_only_by_a_contact_gets_a_task_for_the_contacts_owner()
    {
        var owner = org.User("Casey Contact-Owner");
        var contact = org.Contact("Sam Solo", owner: owner);
        org.Respond(0, contact: contact);
        org.Settle();
        var task = Assert.Single(Tasks());
        Assert.Equal(owner, task.GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.Equal("NPS follow-up: Sam Solo answered 0/10", task.GetAttributeValue<string>("subject"));
    }

    [Fact]
    public void The_follow_up_can_be_switched_off_and_given_other_due_days()
    {
        var off = CrmCxOrg.Create(o => o.WithSettings("{\"followUpEnabled\": false}"));
        off.Respond(0, account: off.Account("Contoso"));
        off.Settle();
        Assert.Empty(off.All("task"));

        var week = CrmCxOrg.Create(o => o.WithSettings("{\"followUpDueDays\": 7}"));
        week.Respond(0, account: week.Account("Contoso"));
        week.Settle();
        Assert.Equal(week.Now.AddDays(7), Assert.Single(week.All("task")).GetAttributeValue<DateTime>("scheduledend"));
    }

    [Fact]
    public void A_French_speaking_owner_gets_the_follow_up_task_in_French_and_an_English_one_in_English()
    {
        var camille = org.User("Camille Durand");
        org.Org.SetUserLanguage(camille, 1036);
        var pat = org.User("Pat Smith");
        org.Org.SetUserLanguage(pat, 1033);
        var hotels = org.Account("Hôtels Rousseau", camille);
        var contoso = org.Account("Contoso Ltd", pat);
        org.Respond(3, account: hotels);
        org.Respond(2, account: contoso);
        org.Settle();

        var french = Assert.Single(Tasks(), t => t.GetAttributeValue<EntityReference>("ownerid").Id == camille);
        Assert.Equal("Suivi NPS\u00A0: Hôtels Rousseau a répondu 3/10", french.GetAttributeValue<string>("subject"));
        Assert.StartsWith("Une réponse de détracteur (3/10)", french.GetAttributeValue<string>("description"));
        var english = Assert.Single(Tasks(), t => t.GetAttributeValue<EntityReference>("ownerid").Id == pat);
        Assert.Equal("NPS follow-up: Contoso Ltd answered 2/10", english.GetAttributeValue<string>("subject"));
    }

    [Fact]
    public void An_owner_whose_language_CrmCx_does_not_speak_gets_the_task_in_the_organizations_base_language()
    {
        org.Org.SetBaseLanguage(1036);
        var hans = org.User("Hans Weber");
        org.Org.SetUserLanguage(hans, 1031);
        var account = org.Account("Brauerei Weber", hans);
        org.Respond(4, account: account);
        org.Settle();

        Assert.Equal("Suivi NPS\u00A0: Brauerei Weber a répondu 4/10", Assert.Single(Tasks()).GetAttributeValue<string>("subject"));
    }

    [Fact]
    public void Detractors_of_one_bulk_request_open_one_task_per_account_and_each_other_rows_job_says_why_it_opened_none()
    {
        var account = org.Account("Contoso Ltd");
        var contact = org.Contact("Jane Doe", account);
        var targets = new EntityCollection { EntityName = SurveyResponseSchema.EntityName };
        for (var i = 0; i < 20; i++) targets.Entities.Add(CrmCxOrg.NewResponse(i % 4, contact: contact));
        org.Org.ResetDiagnostics();
        var ids = (Guid[])org.Service.Execute(new CreateMultipleRequest { Targets = targets }).Results["Ids"];
        org.Settle();

        var task = Assert.Single(Tasks());
        Assert.Equal(ids[0], task.GetAttributeValue<EntityReference>("regardingobjectid").Id);
        // The other rows' jobs end early (the instance's memo knows the customers counted and the task open) and each says so.
        foreach (var id in ids.Skip(1))
            Assert.Contains(org.Org.Traces, t => t.Text.Contains("no new one for response " + id, StringComparison.Ordinal));
        Assert.Equal(20, NpsAssert.Responses(org, CustomerSchema.Account, account));
        NpsAssert.IsFresh(org, CustomerSchema.Contact, contact, org.Now);
    }
}
