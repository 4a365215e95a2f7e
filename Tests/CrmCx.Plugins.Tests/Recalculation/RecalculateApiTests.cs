using System;
using System.ServiceModel;
using CrmCx.Domain.Configuration;
using CrmCx.Domain.Nps;
using CrmCx.Domain.Recalculation;
using CrmCx.Nps;
using CrmCx.Plugins.Tests.Fixtures;
using CrmCx.Plugins.Tests.Nps;
using CrmCx.Recalculation;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCx.Plugins.Tests.Recalculation;

/// <summary>cx_Recalculate as the solution ships it (customapis/cx_Recalculate, imported by the in-memory org).</summary>
public class RecalculateApiTests
{
    private readonly CrmCxOrg org = CrmCxOrg.Create(o => o.WithSettings("{\"followUpEnabled\": false}"));

    private static OrganizationRequest Request(string? scope = null, string? continuation = null, EntityReference? target = null)
    {
        var request = new OrganizationRequest(RecalculatePlugin.MessageName);
        if (scope != null) request[RecalculatePlugin.Scope] = scope;
        if (continuation != null) request[RecalculatePlugin.Continuation] = continuation;
        if (target != null) request[RecalculatePlugin.Target] = target;
        return request;
    }

    [Fact]
    public void A_cx_manager_runs_it_and_gets_processed_changed_and_an_empty_continuation_at_the_end()
    {
        var account = org.Account("Contoso");
        org.Respond(0, account: account, respondedOn: org.Now.AddDays(-364.5));
        org.Settle();
        org.Advance(TimeSpan.FromDays(1));
        var manager = org.User("Camille Manager");
        org.Org.Security.AssignRole(manager, "CX Manager");

        var response = org.Org.GetService(manager).Execute(Request("due"));

        Assert.Equal(1, response.Results[RecalculatePlugin.Processed]);
        Assert.Equal(1, response.Results[RecalculatePlugin.Changed]);
        Assert.Equal(string.Empty, response.Results[RecalculatePlugin.Continuation]);
        NpsAssert.IsFresh(org, CustomerSchema.Account, account, org.Now);
    }

    [Fact]
    public void A_cx_agent_is_refused_for_lack_of_the_execute_privilege()
    {
        var agent = org.User("Alex Agent");
        org.Org.Security.AssignRole(agent, "CX Agent");

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => org.Org.GetService(agent).Execute(Request("due")));

        Assert.Contains("missing prvWritecx_npsday privilege", fault.Detail.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("everything", null, "Scope must be \"due\" or \"all\"; got \"everything\".")]
    [InlineData("due", "not-a-continuation", "Continuation is not one cx_Recalculate returned")]
    public void Bad_parameters_are_refused_naming_the_parameter(string scope, string? continuation, string message)
    {
        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => org.Service.Execute(Request(scope, continuation)));
        Assert.Contains(message, fault.Detail.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_of_another_table_is_refused_naming_it()
    {
        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => org.Service.Execute(Request(target: new EntityReference("incident", Guid.NewGuid()))));
        Assert.Contains("Target must be an account, a contact or a cx_customerjourney; got a incident.", fault.Detail.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_target_is_recomputed_at_once_whether_due_or_not()
    {
        var account = org.Account("Contoso");
        // Imported with plug-ins off: no figures at all yet.
        org.SeedResponse(9, org.Now.AddDays(-3), account);

        var response = org.Service.Execute(Request(target: new EntityReference(CustomerSchema.Account, account)));

        Assert.Equal(1, response.Results[RecalculatePlugin.Changed]);
        NpsAssert.IsFresh(org, CustomerSchema.Account, account, org.Now);
    }

    [Fact]
    public void A_run_racing_a_live_response_ends_with_figures_that_count_it()
    {
        var account = org.Account("Contoso");
        org.Respond(0, account: account, respondedOn: org.Now.AddDays(-364.5));
        org.Settle();
        org.Advance(TimeSpan.FromDays(1));
        var system = org.Org.GetService();
        // A live response lands between the run's read of the responses and its write of the account.
        var racing = UpdateInterceptingService.BeforeFirst(system, r => r is UpdateRequest u && u.Target.LogicalName == CustomerSchema.Account,
            () => org.Service.Create(CrmCxOrg.NewResponse(10, account: account)));

        new RecalculationService(racing, CrmCxSettings.Parse("{\"followUpEnabled\": false}")).Page(RecalculationRun.Start(RecalculationScope.Due), org.Now);
        org.Settle();

        NpsAssert.IsFresh(org, CustomerSchema.Account, account, org.Now);
        Assert.Equal(100.0m, org.AccountRow(account).GetAttributeValue<decimal?>(CustomerSchema.Nps));
    }
}
