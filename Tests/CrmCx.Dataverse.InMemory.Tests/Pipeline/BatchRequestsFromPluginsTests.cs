using System;
using System.Linq;
using CrmCx.Dataverse.InMemory.Diagnostics;
using CrmCx.Dataverse.InMemory.Pipeline;
using CrmCx.Dataverse.InMemory.Tests.Fixtures;
using CrmCx.Dataverse.InMemory.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Pipeline;

/// <summary>
/// Bulk and batch requests sent from plug-in code are refused (bulk-operations.md "Not supported for use in plug-ins";
/// avoid-batch-requests-plugin.md); the same requests from a client are served.
/// </summary>
public sealed class BatchRequestsFromPluginsTests
{
    private readonly InMemoryOrganization org = new();
    private IOrganizationService Service => org.GetService();

    /// <summary>A plugin on account creation that sends the request; the client's Create must fail and leave nothing behind.</summary>
    private void AssertRefusedFromPlugin(string message)
    {
        org.Pipeline.Register(new PluginStep(typeof(BatchRequestPlugin), "Create", "account", PipelineStage.PostOperation) { UnsecureConfiguration = message });

        var fault = FaultAssert.Throws(ErrorCodes.NotSupported, () => Service.Create(new Entity("account") { ["name"] = "Parent" }));

        Assert.StartsWith("This action is not supported.", fault.Message);
        Assert.Contains($"refuses {message} from plug-in code ({typeof(BatchRequestPlugin).FullName})", fault.Message);
        Assert.Empty(org.Snapshot("account"));
        Assert.Empty(org.Snapshot("contact"));
        // The request was made (and counted) by the plugin, and refused before any of it ran.
        Assert.Equal(1, org.Calls.Count(message, typeof(BatchRequestPlugin).FullName!));
        Assert.Equal(0, org.Calls.Count("Create", typeof(BatchRequestPlugin).FullName!));
    }

    private Guid SeedAccount() => org.Seed(new Entity("account") { ["name"] = "Parent" });

    private string[] ContactsOf(Guid account) =>
        org.Snapshot("contact").Where(c => c.GetAttributeValue<EntityReference>("parentcustomerid")?.Id == account)
            .Select(c => c.GetAttributeValue<string>("lastname")).OrderBy(n => n, StringComparer.Ordinal).ToArray();

    [Fact]
    public void A_plugin_that_sends_CreateMultiple_is_refused_and_nothing_is_written() => AssertRefusedFromPlugin("CreateMultiple");

    [Fact]
    public void A_plugin_that_sends_UpdateMultiple_is_refused_and_nothing_is_written() => AssertRefusedFromPlugin("UpdateMultiple");

    [Fact]
    public void A_plugin_that_sends_UpsertMultiple_is_refused_and_nothing_is_written() => AssertRefusedFromPlugin("UpsertMultiple");

    [Fact]
    public void A_plugin_that_sends_ExecuteMultiple_is_refused_and_nothing_is_written() => AssertRefusedFromPlugin("ExecuteMultiple");

    [Fact]
    public void A_plugin_that_sends_ExecuteTransaction_is_refused_and_nothing_is_written() => AssertRefusedFromPlugin("ExecuteTransaction");

    [Fact]
    public void A_client_that_sends_CreateMultiple_is_served()
    {
        var account = SeedAccount();

        var response = (CreateMultipleResponse)Service.Execute(BatchRequests.Build("CreateMultiple", account));

        Assert.Equal(2, response.Ids.Length);
        Assert.Equal(new[] { "One", "Two" }, ContactsOf(account));
    }

    [Fact]
    public void A_client_that_sends_UpdateMultiple_is_served()
    {
        var account = SeedAccount();

        Service.Execute(BatchRequests.Build("UpdateMultiple", account));

        Assert.Equal("batched", org.Peek("account", account)!["description"]);
    }

    [Fact]
    public void A_client_that_sends_ExecuteMultiple_is_served()
    {
        var account = SeedAccount();

        var response = (ExecuteMultipleResponse)Service.Execute(BatchRequests.Build("ExecuteMultiple", account));

        Assert.False(response.IsFaulted);
        Assert.Equal(new[] { "One", "Two" }, ContactsOf(account));
    }

    [Fact]
    public void A_client_that_sends_ExecuteTransaction_is_served()
    {
        var account = SeedAccount();

        var response = (ExecuteTransactionResponse)Service.Execute(BatchRequests.Build("ExecuteTransaction", account));

        Assert.Equal(2, response.Responses.Count);
        Assert.Equal(new[] { "One", "Two" }, ContactsOf(account));
    }

    [Fact]
    public void A_client_that_sends_UpsertMultiple_is_not_refused_as_plug_in_code_but_the_org_does_not_implement_the_message()
    {
        // UpsertMultiple's pipeline behaviour is not documented in the sources checked, so the org does not implement it.
        var fault = FaultAssert.Throws(ErrorCodes.NotImplemented, () => Service.Execute(BatchRequests.Build("UpsertMultiple", SeedAccount())));

        Assert.Contains("'UpsertMultiple'", fault.Message);
    }

    [Fact]
    public void An_asynchronous_plugin_that_sends_a_bulk_request_is_refused_too()
    {
        org.Pipeline.Register(new PluginStep(typeof(BatchRequestPlugin), "Create", "account", PipelineStage.PostOperation, StepMode.Asynchronous)
        {
            UnsecureConfiguration = "CreateMultiple",
        });
        var account = Service.Create(new Entity("account") { ["name"] = "Parent" });

        org.DrainAsyncQueue();

        var job = Assert.Single(org.SystemJobs);
        Assert.Equal(SystemJobStatus.Failed, job.Status);
        Assert.Equal(ErrorCodes.NotSupported, job.ErrorCode);
        Assert.Empty(ContactsOf(account));
    }

    [Fact]
    public void A_single_Create_from_a_plugin_still_works()
    {
        FixtureSteps.Add<CreatePrimaryContactPlugin>(org);

        var account = Service.Create(new Entity("account") { ["name"] = "Parent" });

        Assert.Equal(new[] { "Primary" }, ContactsOf(account));
    }
}
