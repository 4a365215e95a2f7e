using System;
using System.Linq;
using CrmCx.Dataverse.InMemory.Pipeline;
using CrmCx.Dataverse.InMemory.Tests.Fixtures;
using CrmCx.Dataverse.InMemory.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Transactions;

public sealed class TransactionTests
{
    private readonly InMemoryOrganization org = new();
    private IOrganizationService Service => org.GetService();

    // The whole org, not a few tables: every table, row, column, row version and alternate key index entry,
    // the row-version counter, whether a transaction is open and the async queue (InMemoryOrganization.StoreImage).
    private string Image() => org.StoreImage();

    [Fact]
    public void A_failing_PostOperation_plugin_rolls_back_the_write_and_the_plugins_own_writes()
    {
        Service.Create(new Entity("contact") { ["lastname"] = "Existing" });
        var before = Image();
        FixtureSteps.Add<CreateTaskThenFailPlugin>(org);

        var fault = FaultAssert.Throws(ErrorCodes.IsvAborted, () => Service.Create(new Entity("contact") { ["lastname"] = "New" }));

        Assert.Equal("The contact cannot be created today.", fault.Message);
        Assert.Equal(before, Image());
    }

    [Fact]
    public void A_failed_update_leaves_the_row_exactly_as_it_was()
    {
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso", ["numberofemployees"] = 5 });
        org.Pipeline.Register(new PluginStep(typeof(FailingPlugin), "Update", "account", PipelineStage.PostOperation));
        var before = Image();

        FaultAssert.Throws(ErrorCodes.IsvAborted, () => Service.Update(new Entity("account", id) { ["name"] = "Renamed", ["numberofemployees"] = 6 }));

        Assert.Equal(before, Image());
    }

    [Fact]
    public void A_failed_delete_puts_the_row_back()
    {
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        org.Pipeline.Register(new PluginStep(typeof(FailingPlugin), "Delete", "account", PipelineStage.PostOperation));
        var before = Image();

        FaultAssert.Throws(ErrorCodes.IsvAborted, () => Service.Delete("account", id));

        Assert.Equal(before, Image());
    }

    [Fact]
    public void Row_versions_after_a_rollback_continue_from_the_last_committed_write()
    {
        var a = Service.Create(new Entity("account") { ["name"] = "A" });
        var versionA = org.Peek("account", a)!.GetAttributeValue<long>("versionnumber");
        org.Pipeline.Register(new PluginStep(typeof(FailingPlugin), "Create", "account", PipelineStage.PostOperation));
        FaultAssert.Throws(ErrorCodes.IsvAborted, () => Service.Create(new Entity("account") { ["name"] = "B" }));
        org.Pipeline.Clear();

        var c = Service.Create(new Entity("account") { ["name"] = "C" });

        Assert.Equal(versionA + 1, org.Peek("account", c)!.GetAttributeValue<long>("versionnumber"));
    }

    [Fact]
    public void A_plugin_that_ignores_a_failed_nested_request_fails_the_whole_operation()
    {
        // The failed request aborts the SQL transaction; Dataverse then reports "There is no active transaction".
        org.Pipeline.Register(new PluginStep(typeof(HandlesNestedFailurePlugin), "Create", "account", PipelineStage.PostOperation));
        var before = Image();

        var fault = FaultAssert.Throws(ErrorCodes.TransactionNotStarted, () => Service.Create(new Entity("account") { ["name"] = "Parent" }));

        Assert.StartsWith("There is no active transaction.", fault.Message);
        Assert.Empty(org.Snapshot("account"));
        Assert.Empty(org.Snapshot("contact"));
        Assert.Equal(before, Image());
    }

    [Fact]
    public void A_top_level_PreValidation_plugin_may_handle_a_failed_request_because_it_runs_outside_the_transaction()
    {
        org.Pipeline.Register(new PluginStep(typeof(HandlesNestedFailurePlugin), "Create", "account", PipelineStage.PreValidation));

        var id = Service.Create(new Entity("account") { ["name"] = "Parent" });

        Assert.NotNull(org.Peek("account", id));
        Assert.Equal(new[] { "Kept" }, org.Snapshot("contact").Select(c => (string)c["lastname"]));
    }

    public sealed class FailingPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider) => throw new InvalidPluginExecutionException("No.");
    }

    public sealed class HandlesNestedFailurePlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var service = serviceProvider.Service(null);
            service.Create(new Entity("contact") { ["lastname"] = "Kept" });
            try
            {
                service.Create(new Entity("contact") { ["lastname"] = new string('x', 60) });
            }
            catch (System.ServiceModel.FaultException<OrganizationServiceFault>)
            {
                // Handled: the plugin goes on.
            }
        }
    }
}
