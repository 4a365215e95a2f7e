using System;
using System.Linq;
using System.ServiceModel;
using CrmCx.Dataverse.InMemory;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCx.Model.Tests.InMemory;

/// <summary>The model applied to a real in-memory org behaves as the contract says on write.</summary>
public sealed class InMemoryOrganizationTests
{
    private static (InMemoryOrganization Org, IOrganizationService Service) Org()
    {
        var org = new InMemoryOrganization();
        CrmCxModel.ApplyTo(org.Metadata);
        return (org, org.GetService());
    }

    private static Entity Response(string externalId, int score)
    {
        var keys = new KeyAttributeCollection { { "cx_source", "SurveyTool" }, { "cx_externalid", externalId } };
        var row = new Entity("cx_surveyresponse", keys);
        row["cx_score"] = score;
        return row;
    }

    [Fact]
    public void A_retried_survey_delivery_upserts_the_same_response_through_the_alternate_key()
    {
        var (org, service) = Org();
        var first = (UpsertResponse)service.Execute(new UpsertRequest { Target = Response("R_1", 9) });
        var second = (UpsertResponse)service.Execute(new UpsertRequest { Target = Response("R_1", 3) });
        Assert.True(first.RecordCreated);
        Assert.False(second.RecordCreated);
        var row = Assert.Single(org.Snapshot("cx_surveyresponse"));
        Assert.Equal(3, row.GetAttributeValue<int>("cx_score"));
    }

    [Fact]
    public void A_follow_up_task_can_be_regarding_a_survey_response()
    {
        var (org, service) = Org();
        var response = service.Create(new Entity("cx_surveyresponse") { ["cx_score"] = 3 });

        var task = service.Create(new Entity("task") { ["subject"] = "Call back", ["regardingobjectid"] = new EntityReference("cx_surveyresponse", response) });

        Assert.Equal(response, org.Peek("task", task)!.GetAttributeValue<EntityReference>("regardingobjectid").Id);
    }

    [Fact]
    public void A_score_outside_zero_to_ten_is_refused()
    {
        var (_, service) = Org();
        var row = new Entity("cx_surveyresponse") { ["cx_score"] = 11 };
        Assert.ThrowsAny<FaultException<OrganizationServiceFault>>(() => service.Create(row));
    }

    [Fact]
    public void A_choice_value_outside_its_global_choice_is_refused()
    {
        var (_, service) = Org();
        var row = new Entity("cx_surveyresponse") { ["cx_score"] = 5, ["cx_channel"] = new OptionSetValue(5) };
        Assert.ThrowsAny<FaultException<OrganizationServiceFault>>(() => service.Create(row));
    }

    [Fact]
    public void A_case_can_be_linked_to_a_journey_and_stage()
    {
        var (org, service) = Org();
        var journey = service.Create(new Entity("cx_customerjourney") { ["cx_journeytype"] = new OptionSetValue(964000004) });
        var incident = service.Create(new Entity("incident")
        {
            ["cx_customerjourneyid"] = new EntityReference("cx_customerjourney", journey),
            ["cx_journeystage"] = new OptionSetValue(964000401),
        });
        Assert.Equal(journey, org.Peek("incident", incident)!.GetAttributeValue<EntityReference>("cx_customerjourneyid").Id);
    }

    private static Entity NpsDay(Guid account, int day, int promoters)
    {
        var key = $"account:{account:D}:{day}";
        var row = new Entity("cx_npsday", new KeyAttributeCollection { { "cx_key", key } });
        row["cx_name"] = "account " + day;
        row["cx_accountid"] = new EntityReference("account", account);
        row["cx_day"] = day;
        row["cx_promoters"] = promoters;
        row["cx_passives"] = 0;
        row["cx_detractors"] = 1;
        row["cx_lastresponseon"] = new DateTime(2026, 11, 22, 18, 30, 0, DateTimeKind.Utc);
        return row;
    }

    [Fact]
    public void An_NPS_day_is_upserted_through_its_key_so_a_customer_has_one_row_per_day()
    {
        var (org, service) = Org();
        var account = service.Create(new Entity("account") { ["name"] = "Contoso" });
        var first = (UpsertResponse)service.Execute(new UpsertRequest { Target = NpsDay(account, 20261122, 2) });
        var second = (UpsertResponse)service.Execute(new UpsertRequest { Target = NpsDay(account, 20261122, 3) });
        service.Execute(new UpsertRequest { Target = NpsDay(account, 20261123, 1) });

        Assert.True(first.RecordCreated);
        Assert.False(second.RecordCreated);
        var rows = org.Snapshot("cx_npsday").OrderBy(r => r.GetAttributeValue<int>("cx_day")).ToList();
        Assert.Equal(new[] { (20261122, 3), (20261123, 1) }, rows.Select(r => (r.GetAttributeValue<int>("cx_day"), r.GetAttributeValue<int>("cx_promoters"))));
        Assert.All(rows, r => Assert.Equal(account, r.GetAttributeValue<EntityReference>("cx_accountid").Id));
    }

    [Theory]
    [InlineData("cx_day", 1900010)]
    [InlineData("cx_day", 100000101)]
    [InlineData("cx_promoters", -1)]
    public void An_NPS_day_with_a_day_or_count_out_of_range_is_refused(string column, int value)
    {
        var (_, service) = Org();
        var account = service.Create(new Entity("account") { ["name"] = "Contoso" });
        var row = NpsDay(account, 20261122, 1);
        row[column] = value;
        Assert.ThrowsAny<FaultException<OrganizationServiceFault>>(() => service.Execute(new UpsertRequest { Target = row }));
    }

    [Fact]
    public void A_customers_NPS_days_summarized_through_can_be_set_and_cleared()
    {
        var (org, service) = Org();
        var contact = service.Create(new Entity("contact") { ["lastname"] = "Martin", ["cx_npsdaysthrough"] = 20261121 });
        Assert.Equal(20261121, org.Peek("contact", contact)!.GetAttributeValue<int?>("cx_npsdaysthrough"));
        service.Update(new Entity("contact", contact) { ["cx_npsdaysthrough"] = null });
        Assert.Null(org.Peek("contact", contact)!.GetAttributeValue<int?>("cx_npsdaysthrough"));
        Assert.ThrowsAny<FaultException<OrganizationServiceFault>>(() => service.Update(new Entity("contact", contact) { ["cx_npsdaysthrough"] = 99991232 }));
    }

    [Fact]
    public void Applying_the_model_to_an_org_defines_every_cx_table()
    {
        var (org, _) = Org();
        Assert.All(CrmCxModel.Tables, t => Assert.NotNull(org.Metadata.Find(t.LogicalName)));
        Assert.Contains(org.Metadata.Relationships, r => r.SchemaName == "cx_customerjourney_cx_journeystagescore");
        Assert.Contains(org.Metadata.Relationships, r => r.SchemaName == "cx_account_cx_npsday");
        Assert.Contains(org.Metadata.Relationships, r => r.SchemaName == "cx_contact_cx_npsday");
        Assert.Equal(CrmCxModel.Relationships.Count, org.Metadata.Relationships.Count(r => r.SchemaName.StartsWith("cx_", StringComparison.Ordinal)));
    }
}
