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

    [Fact]
    public void Applying_the_model_to_an_org_defines_every_cx_table()
    {
        var (org, _) = Org();
        Assert.All(CrmCxModel.Tables, t => Assert.NotNull(org.Metadata.Find(t.LogicalName)));
        Assert.Contains(org.Metadata.Relationships, r => r.SchemaName == "cx_customerjourney_cx_journeystagescore");
        Assert.Equal(CrmCxModel.Relationships.Count, org.Metadata.Relationships.Count(r => r.SchemaName.StartsWith("cx_", StringComparison.Ordinal)));
    }
}
