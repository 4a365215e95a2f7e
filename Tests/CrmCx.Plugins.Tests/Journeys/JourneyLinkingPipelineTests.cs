using System;
using System.Linq;
using CrmCx.Journeys;
using CrmCx.Schema;
using CrmCx.Workflow;
using Microsoft.Xrm.Sdk;
using Xunit;
using static CrmCx.Plugins.Tests.Journeys.JourneyOrg;

namespace CrmCx.Plugins.Tests.Journeys;

public class JourneyLinkingPipelineTests
{
    private readonly JourneyOrg o = new JourneyOrg();
    private readonly Guid account;

    public JourneyLinkingPipelineTests()
    {
        account = o.Account("Northwind");
    }

    private JourneyLinkResult Link(string table, Guid id, int type = Onboarding, int? stage = null, bool create = true) =>
        new JourneyLinkService(o.Service).Link(new EntityReference(table, id), type, stage, create, o.Org.Clock.UtcNow);

    private Guid Call() => o.Touchpoint(TouchpointSchema.PhoneCall, account);

    private int Journeys() => o.Org.Snapshot(JourneySchema.EntityName).Count;

    [Fact]
    public void The_customers_open_journey_of_the_type_is_reused()
    {
        var first = Link(TouchpointSchema.PhoneCall, Call(), stage: Welcome);
        var second = Link(TouchpointSchema.Email, o.Touchpoint(TouchpointSchema.Email, account));
        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Journey.Id, second.Journey.Id);
        Assert.Equal(Welcome, second.Stage);
        Assert.Equal(1, Journeys());
    }

    [Fact]
    public void A_record_without_stage_gets_the_journeys_current_stage_and_a_new_journey_its_first()
    {
        var call = Call();
        var result = Link(TouchpointSchema.PhoneCall, call);
        var row = o.Row(TouchpointSchema.PhoneCall, call);
        Assert.Equal(Order, row.GetAttributeValue<OptionSetValue>(TouchpointSchema.JourneyStage).Value);
        Assert.Equal(result.Journey.Id, row.GetAttributeValue<EntityReference>(TouchpointSchema.Journey).Id);
        var journey = o.JourneyRow(result.Journey.Id);
        Assert.Equal(Onboarding, journey.GetAttributeValue<OptionSetValue>(JourneySchema.JourneyType).Value);
        Assert.Equal(account, journey.GetAttributeValue<EntityReference>(JourneySchema.Account).Id);
        Assert.Equal("Onboarding – Northwind", journey.GetAttributeValue<string>(JourneySchema.Name));
        Assert.Equal(o.Org.Clock.UtcNow, journey.GetAttributeValue<DateTime>(JourneySchema.StartedOn));
    }

    [Fact]
    public void A_completed_journey_is_not_reopened_and_a_new_one_starts()
    {
        var first = Link(TouchpointSchema.PhoneCall, Call());
        o.Close(first.Journey.Id);
        o.Settle();
        var second = Link(TouchpointSchema.PhoneCall, Call());
        Assert.True(second.Created);
        Assert.NotEqual(first.Journey.Id, second.Journey.Id);
        Assert.Equal(1, o.JourneyRow(first.Journey.Id).GetAttributeValue<OptionSetValue>(JourneySchema.StateCode).Value);
    }

    [Fact]
    public void Another_customers_journey_is_never_used()
    {
        var other = o.Account("Other customer");
        var theirs = o.Journey(other);
        var call = o.Touchpoint(TouchpointSchema.PhoneCall, account, theirs, Welcome);
        var result = Link(TouchpointSchema.PhoneCall, call);
        Assert.NotEqual(theirs, result.Journey.Id);
        Assert.True(result.Created);
        Assert.Equal(result.Journey.Id, o.Row(TouchpointSchema.PhoneCall, call).GetAttributeValue<EntityReference>(TouchpointSchema.Journey).Id);
        o.Settle();
        Assert.Equal(0, o.JourneyRow(theirs).GetAttributeValue<int>(JourneySchema.TouchpointCount));
    }

    [Fact]
    public void A_stage_of_another_journey_type_is_refused_and_nothing_is_written()
    {
        var call = Call();
        var ex = Assert.Throws<InvalidPluginExecutionException>(() => Link(TouchpointSchema.PhoneCall, call, stage: MoveRequest));
        Assert.Contains("phonecall " + call.ToString("D"), ex.Message);
        Assert.Contains("Move request", ex.Message);
        Assert.Equal(0, Journeys());
        Assert.Null(o.Row(TouchpointSchema.PhoneCall, call).GetAttributeValue<EntityReference>(TouchpointSchema.Journey));
    }

    [Fact]
    public void A_record_without_customer_is_refused_naming_the_record()
    {
        var task = o.Service.Create(new Entity(TouchpointSchema.Task) { ["subject"] = "orphan" });
        var ex = Assert.Throws<InvalidPluginExecutionException>(() => Link(TouchpointSchema.Task, task));
        Assert.Contains("task " + task.ToString("D"), ex.Message);
        Assert.Contains("no customer", ex.Message);
        Assert.Equal(0, Journeys());
    }

    [Fact]
    public void Without_create_if_missing_a_missing_journey_is_refused()
    {
        var call = Call();
        var ex = Assert.Throws<InvalidPluginExecutionException>(() => Link(TouchpointSchema.PhoneCall, call, create: false));
        Assert.Contains("create-if-missing", ex.Message);
        Assert.Equal(0, Journeys());
    }

    [Fact]
    public void The_journeys_current_stage_moves_forward_never_back()
    {
        var first = Link(TouchpointSchema.PhoneCall, Call(), stage: Activation);
        Link(TouchpointSchema.PhoneCall, Call(), stage: Welcome);
        Assert.Equal(Activation, o.JourneyRow(first.Journey.Id).GetAttributeValue<OptionSetValue>(JourneySchema.CurrentStage).Value);
        Link(TouchpointSchema.PhoneCall, Call(), stage: Adoption);
        Assert.Equal(Adoption, o.JourneyRow(first.Journey.Id).GetAttributeValue<OptionSetValue>(JourneySchema.CurrentStage).Value);
    }

    [Fact]
    public void A_case_and_an_activity_regarding_a_case_or_a_contact_join_the_accounts_journey()
    {
        var contact = o.Contact("Diaz", account);
        var first = Link(TouchpointSchema.Incident, o.Touchpoint(TouchpointSchema.Incident, account));
        var onCase = o.Service.Create(new Entity(TouchpointSchema.Task) { ["subject"] = "case follow-up", ["regardingobjectid"] = new EntityReference(TouchpointSchema.Incident, o.Org.Snapshot(TouchpointSchema.Incident).Single().Id) });
        var onContact = o.Service.Create(new Entity(TouchpointSchema.Email) { ["subject"] = "hello", ["regardingobjectid"] = new EntityReference(CustomerSchema.Contact, contact) });
        Assert.Equal(first.Journey.Id, Link(TouchpointSchema.Task, onCase).Journey.Id);
        Assert.Equal(first.Journey.Id, Link(TouchpointSchema.Email, onContact).Journey.Id);
    }

    [Fact]
    public void The_workflow_step_outputs_the_journey_whether_it_was_created_and_its_risk_level()
    {
        var call = Call();
        var created = LinkToCustomerJourneyStep.Run(o.Service, TouchpointSchema.PhoneCall, call, new OptionSetValue(Onboarding), null, true, o.Org.Clock.UtcNow);
        Assert.True(created.Created);
        Assert.Equal(JourneySchema.EntityName, created.Journey.LogicalName);
        Assert.Equal(964000000, created.RiskLevel.Value);
        var again = LinkToCustomerJourneyStep.Run(o.Service, TouchpointSchema.PhoneCall, Call(), new OptionSetValue(Onboarding), new OptionSetValue(Installation), true, o.Org.Clock.UtcNow);
        Assert.False(again.Created);
        Assert.Equal(created.Journey.Id, again.Journey.Id);
        Assert.Throws<InvalidPluginExecutionException>(() => LinkToCustomerJourneyStep.Run(o.Service, TouchpointSchema.PhoneCall, call, null, null, true, o.Org.Clock.UtcNow));
    }

    [Fact]
    public void Linking_is_recomputed_asynchronously_and_a_relink_updates_both_journeys()
    {
        var call = Call();
        var first = Link(TouchpointSchema.PhoneCall, call);
        o.Settle();
        Assert.Equal(1, o.JourneyRow(first.Journey.Id).GetAttributeValue<int>(JourneySchema.TouchpointCount));
        o.Close(first.Journey.Id);
        o.Settle();
        var second = Link(TouchpointSchema.PhoneCall, call);
        o.Settle();
        Assert.Equal(0, o.JourneyRow(first.Journey.Id).GetAttributeValue<int>(JourneySchema.TouchpointCount));
        Assert.Empty(o.StageRows(first.Journey.Id));
        Assert.Equal(1, o.JourneyRow(second.Journey.Id).GetAttributeValue<int>(JourneySchema.TouchpointCount));
    }
}
