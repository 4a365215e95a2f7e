using System;
using System.Linq;
using CrmCx.Dataverse.InMemory.Diagnostics;
using CrmCx.Dataverse.InMemory.Pipeline;
using CrmCx.Dataverse.InMemory.Tests.Fixtures;
using CrmCx.Dataverse.InMemory.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.AsyncQueue;

public sealed class AsyncQueueTests
{
    private readonly InMemoryOrganization org = new();
    private IOrganizationService Service => org.GetService();

    [Fact]
    public void An_asynchronous_step_runs_only_when_the_queue_is_drained_after_the_commit()
    {
        FixtureSteps.Add<FollowUpTaskAsyncPlugin>(org);

        var id = Service.Create(new Entity("account") { ["name"] = "Contoso" });

        Assert.Equal(1, org.PendingAsyncJobs);
        Assert.Empty(org.Snapshot("task"));
        Assert.Equal(1, org.DrainAsyncQueue());
        var task = Assert.Single(org.Snapshot("task"));
        Assert.Equal(id, task.GetAttributeValue<EntityReference>("regardingobjectid").Id);
        Assert.Equal("Mode=1 InTransaction=False Depth=1", Assert.Single(org.Traces).Text);
        var job = Assert.Single(org.SystemJobs);
        Assert.Equal(SystemJobStatus.Succeeded, job.Status);
        Assert.Equal("Follow up new account", job.StepName);
        Assert.Equal(id, job.PrimaryEntityId);
        Assert.Equal(0, org.PendingAsyncJobs);
    }

    [Fact]
    public void A_failing_asynchronous_step_is_recorded_as_a_failed_system_job_and_the_write_stays()
    {
        FixtureSteps.Add<FailingAsyncPlugin>(org);
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso" });

        Assert.Equal(1, org.DrainAsyncQueue());

        var job = Assert.Single(org.SystemJobs);
        Assert.Equal(SystemJobStatus.Failed, job.Status);
        Assert.Equal("The CRM of the partner is down.", job.ErrorMessage);
        Assert.Equal(ErrorCodes.IsvAborted, job.ErrorCode);
        Assert.Equal("account", job.PrimaryEntityName);
        Assert.NotNull(org.Peek("account", id));
    }

    [Fact]
    public void Asynchronous_steps_of_a_rolled_back_request_are_never_queued()
    {
        FixtureSteps.Add<FollowUpTaskAsyncPlugin>(org);
        org.Pipeline.Register(new PluginStep(typeof(Transactions.TransactionTests.FailingPlugin), "Create", "account", PipelineStage.PostOperation) { ExecutionOrder = 2 });

        FaultAssert.Throws(ErrorCodes.IsvAborted, () => Service.Create(new Entity("account") { ["name"] = "Contoso" }));

        Assert.Equal(0, org.PendingAsyncJobs);
        Assert.Equal(0, org.DrainAsyncQueue());
    }

    [Fact]
    public void Draining_also_runs_the_asynchronous_steps_that_drained_steps_queue_in_fifo_order()
    {
        var key = ContextCapture.NewKey();
        FixtureSteps.Add<FollowUpTaskAsyncPlugin>(org);
        org.Pipeline.Register(new PluginStep(typeof(CapturingPlugin), "Create", "task", PipelineStage.PostOperation, StepMode.Asynchronous) { UnsecureConfiguration = key, Name = "Task created" });
        Service.Create(new Entity("account") { ["name"] = "A" });
        Service.Create(new Entity("account") { ["name"] = "B" });

        Assert.Equal(4, org.DrainAsyncQueue());

        Assert.Equal(new[] { "Follow up new account", "Follow up new account", "Task created", "Task created" }, org.SystemJobs.Select(j => j.StepName));
        Assert.All(ContextCapture.Of(key), c => Assert.Equal(2, c.Depth));
    }

    [Fact]
    public void An_asynchronous_step_gets_a_copy_of_the_context_taken_at_the_time_of_the_operation()
    {
        var key = ContextCapture.NewKey();
        org.Pipeline.Register(new PluginStep(typeof(CapturingPlugin), "Update", "account", PipelineStage.PostOperation, StepMode.Asynchronous)
        {
            UnsecureConfiguration = key,
            Images = new[] { new StepImage("Pre", ImageKind.PreImage, new[] { "name" }), new StepImage("Post", ImageKind.PostImage, new[] { "name" }) },
        });
        var id = Service.Create(new Entity("account") { ["name"] = "One" });
        Service.Update(new Entity("account", id) { ["name"] = "Two" });
        Service.Update(new Entity("account", id) { ["name"] = "Three" });

        org.DrainAsyncQueue();

        var contexts = ContextCapture.Of(key);
        Assert.Equal(new[] { "One", "Two" }, contexts.Select(c => (string)c.PreEntityImages["Pre"]["name"]));
        Assert.Equal(new[] { "Two", "Three" }, contexts.Select(c => (string)c.PostEntityImages["Post"]["name"]));
        Assert.All(contexts, c => Assert.False(c.IsInTransaction));
    }
    [Fact]
    public void An_async_job_changing_its_target_changes_neither_the_stored_row_nor_the_callers_entity()
    {
        // The last PostOperation job takes the request's server-side target rather than a copy: it must be the request's own.
        org.Pipeline.Register(new PluginStep(typeof(RenameTargetPlugin), "Create", "account", PipelineStage.PostOperation, StepMode.Asynchronous));
        var sent = new Entity("account") { ["name"] = "Contoso", ["description"] = "sent" };

        var id = Service.Create(sent);
        org.DrainAsyncQueue();

        Assert.Equal(SystemJobStatus.Succeeded, Assert.Single(org.SystemJobs).Status);
        Assert.Equal("Contoso", org.Peek("account", id)!["name"]);
        Assert.Equal("Contoso", sent["name"]);
        Assert.Equal(Guid.Empty, sent.Id);
    }

    [Fact]
    public void A_synchronous_step_after_an_async_one_does_not_change_the_target_the_async_job_reads()
    {
        var key = ContextCapture.NewKey();
        org.Pipeline.Register(new PluginStep(typeof(CapturingPlugin), "Create", "account", PipelineStage.PostOperation, StepMode.Asynchronous)
            { UnsecureConfiguration = key, ExecutionOrder = 1 });
        org.Pipeline.Register(new PluginStep(typeof(RenameTargetPlugin), "Create", "account", PipelineStage.PostOperation) { ExecutionOrder = 2 });

        Service.Create(new Entity("account") { ["name"] = "Contoso" });
        org.DrainAsyncQueue();

        Assert.Equal("Contoso", ((Entity)Assert.Single(ContextCapture.Of(key)).InputParameters["Target"])["name"]);
    }

    [Fact]
    public void Two_async_steps_of_one_create_read_targets_of_their_own()
    {
        var key = ContextCapture.NewKey();
        org.Pipeline.Register(new PluginStep(typeof(CapturingPlugin), "Create", "account", PipelineStage.PostOperation, StepMode.Asynchronous)
            { UnsecureConfiguration = key, ExecutionOrder = 1 });
        org.Pipeline.Register(new PluginStep(typeof(CapturingPlugin), "Create", "account", PipelineStage.PostOperation, StepMode.Asynchronous)
            { UnsecureConfiguration = key, ExecutionOrder = 2 });

        Service.Create(new Entity("account") { ["name"] = "Contoso" });
        org.DrainAsyncQueue();

        var targets = ContextCapture.Of(key).Select(c => (Entity)c.InputParameters["Target"]).ToList();
        Assert.Equal(2, targets.Count);
        targets[0]["name"] = "changed by the first job";
        Assert.Equal("Contoso", targets[1]["name"]);
    }

    /// <summary>Renames the target it is given (in whatever stage and mode it is registered).</summary>
    public sealed class RenameTargetPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider) => ((Entity)serviceProvider.Context().InputParameters["Target"])["name"] = "renamed";
    }
}
