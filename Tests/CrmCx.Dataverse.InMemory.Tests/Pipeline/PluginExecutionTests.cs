using System;
using System.Linq;
using CrmCx.Dataverse.InMemory.Pipeline;
using CrmCx.Dataverse.InMemory.Tests.Fixtures;
using CrmCx.Dataverse.InMemory.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Pipeline;

public sealed class PluginExecutionTests
{
    private readonly InMemoryOrganization org = new();
    private IOrganizationService Service => org.GetService();

    [Fact]
    public void A_PreOperation_plugin_changes_the_target_before_it_is_stored()
    {
        FixtureSteps.Add<SetAccountNumberPlugin>(org);

        var id = Service.Create(new Entity("account") { ["name"] = "Contoso" });

        Assert.Equal("AN-CONTOSO", org.Peek("account", id)!["accountnumber"]);
        var trace = Assert.Single(org.Traces);
        Assert.Equal("Set account number AN-CONTOSO", trace.Text);
        Assert.Equal(typeof(SetAccountNumberPlugin).FullName, trace.PluginTypeName);
        Assert.Equal(20, trace.Stage);
    }

    [Fact]
    public void A_plugin_with_images_gets_only_the_registered_columns_of_the_row_before_and_after()
    {
        FixtureSteps.Add<ContactEmailAuditPlugin>(org);
        var id = Service.Create(new Entity("contact") { ["firstname"] = "Ada", ["lastname"] = "Lovelace", ["emailaddress1"] = "ada@old.test" });

        Service.Update(new Entity("contact", id) { ["emailaddress1"] = "ada@new.test" });

        var task = Assert.Single(org.Snapshot("task"));
        Assert.Equal("Email of Ada changed from ada@old.test to ada@new.test", task["subject"]);
        Assert.Equal(new[] { "pre columns: emailaddress1,firstname", "post columns: emailaddress1" }, Assert.Single(org.Traces).Lines);
    }

    [Fact]
    public void An_Update_step_with_filtering_attributes_fires_only_when_one_of_them_is_in_the_target()
    {
        FixtureSteps.Add<ContactEmailAuditPlugin>(org);
        var id = Service.Create(new Entity("contact") { ["lastname"] = "Lovelace", ["emailaddress1"] = "ada@old.test" });

        Service.Update(new Entity("contact", id) { ["telephone1"] = "555" });

        Assert.Empty(org.Traces);
        Assert.Empty(org.Snapshot("task"));
    }

    [Fact]
    public void The_configuration_of_a_step_file_is_the_unsecure_constructor_argument_and_the_secure_one_stays_empty()
    {
        // register-plug-in.md: the secure configuration is not exported with the step, so a step file cannot carry it.
        FixtureSteps.Add<ConfiguredPlugin>(org);

        Service.Create(new Entity("account") { ["name"] = "x" });

        Assert.Equal("unsecure=unsecure-value secure=", Assert.Single(org.Traces).Text);
    }

    [Fact]
    public void Both_configurations_of_a_hand_registered_step_are_passed_to_the_plugin_constructor()
    {
        org.Pipeline.Register(new PluginStep(typeof(ConfiguredPlugin), "Create", "account", PipelineStage.PreOperation)
        {
            UnsecureConfiguration = "unsecure-value",
            SecureConfiguration = "secure-value",
        });

        Service.Create(new Entity("account") { ["name"] = "x" });

        Assert.Equal("unsecure=unsecure-value secure=secure-value", Assert.Single(org.Traces).Text);
    }

    [Fact]
    public void InvalidPluginExecutionException_reaches_the_caller_as_IsvAborted_with_the_plugins_message()
    {
        FixtureSteps.Add<RejectNamePlugin>(org);

        var fault = FaultAssert.Throws(ErrorCodes.IsvAborted, () => Service.Create(new Entity("account") { ["name"] = "Reject me" }));

        Assert.Equal("Accounts named 'Reject me' are not allowed.", fault.Message);
        Assert.Empty(org.Snapshot("account"));
    }

    [Fact]
    public void Any_other_plugin_exception_becomes_IsvUnExpected_naming_the_plugin_and_the_exception()
    {
        FixtureSteps.Add<NullReferencePlugin>(org);

        var fault = FaultAssert.Throws(ErrorCodes.IsvUnExpected, () => Service.Create(new Entity("account") { ["name"] = "x" }));

        Assert.StartsWith("Unexpected exception from plug-in (Execute): ", fault.Message);
        Assert.Contains(typeof(NullReferencePlugin).FullName!, fault.Message);
        Assert.Contains("System.NullReferenceException", fault.Message);
    }

    [Fact]
    public void Steps_run_by_stage_then_by_execution_order()
    {
        var key = ContextCapture.NewKey();
        void Add(PipelineStage stage, int order) =>
            org.Pipeline.Register(new PluginStep(typeof(CapturingPlugin), "Create", "account", stage) { UnsecureConfiguration = key, ExecutionOrder = order, Name = $"{stage}#{order}" });
        Add(PipelineStage.PostOperation, 1);
        Add(PipelineStage.PreOperation, 2);
        Add(PipelineStage.PreValidation, 5);
        Add(PipelineStage.PreOperation, 1);

        Service.Create(new Entity("account") { ["name"] = "x" });

        Assert.Equal(new[] { "PreValidation#5", "PreOperation#1", "PreOperation#2", "PostOperation#1" }, org.Traces.Select(t => t.StepName));
        Assert.Equal(new[] { 10, 20, 20, 40 }, ContextCapture.Of(key).Select(c => c.Stage));
    }

    [Fact]
    public void The_context_is_filled_as_Dataverse_fills_it()
    {
        var key = ContextCapture.NewKey();
        foreach (var stage in new[] { PipelineStage.PreValidation, PipelineStage.PreOperation, PipelineStage.PostOperation })
            org.Pipeline.Register(new PluginStep(typeof(CapturingPlugin), "Create", "account", stage) { UnsecureConfiguration = key });
        var user = org.CreateUser("Katherine Johnson");
        org.Clock.Set(new DateTime(2025, 6, 1, 12, 0, 0, DateTimeKind.Utc));

        var id = org.GetService(user).Create(new Entity("account") { ["name"] = "x" });

        var contexts = ContextCapture.Of(key);
        var (preValidation, preOperation, postOperation) = (contexts[0], contexts[1], contexts[2]);
        Assert.All(contexts, c =>
        {
            Assert.Equal("Create", c.MessageName);
            Assert.Equal("account", c.PrimaryEntityName);
            Assert.Equal(0, c.Mode);
            Assert.Equal(1, c.Depth);
            Assert.Equal(user, c.UserId);
            Assert.Equal(user, c.InitiatingUserId);
            Assert.Equal(org.BusinessUnitId, c.BusinessUnitId);
            Assert.Equal(org.OrganizationId, c.OrganizationId);
            Assert.Equal(org.OrganizationName, c.OrganizationName);
            Assert.Equal(new DateTime(2025, 6, 1, 12, 0, 0, DateTimeKind.Utc), c.OperationCreatedOn);
            Assert.Null(c.ParentContext);
            Assert.IsType<Entity>(c.InputParameters["Target"]);
        });
        Assert.Single(contexts.Select(c => c.CorrelationId).Distinct());
        Assert.Same(preValidation.SharedVariables, postOperation.SharedVariables);
        // understand-the-data-context.md: PreValidation runs outside the transaction; OutputParameters only in PostOperation.
        Assert.False(preValidation.IsInTransaction);
        Assert.True(preOperation.IsInTransaction);
        Assert.False(preOperation.OutputParameters.Contains("id"));
        Assert.Equal(id, postOperation.OutputParameters["id"]);
        Assert.Equal(id, postOperation.PrimaryEntityId);
    }

    [Fact]
    public void A_step_without_images_reads_empty_collections_of_its_own_in_every_mode()
    {
        // Dataverse never hands a plug-in null collections: a step with no image, or a stage with no outputs, reads empty ones.
        var key = ContextCapture.NewKey();
        org.Pipeline.Register(new PluginStep(typeof(CapturingPlugin), "Create", "account", PipelineStage.PreOperation) { UnsecureConfiguration = key });
        org.Pipeline.Register(new PluginStep(typeof(CapturingPlugin), "Create", "account", PipelineStage.PostOperation, StepMode.Asynchronous)
            { UnsecureConfiguration = key });

        Service.Create(new Entity("account") { ["name"] = "x" });
        org.DrainAsyncQueue();

        var contexts = ContextCapture.Of(key);
        Assert.Equal(2, contexts.Count);
        Assert.All(contexts, c =>
        {
            Assert.Empty(c.PreEntityImages);
            Assert.Empty(c.PostEntityImages);
            Assert.NotNull(c.OwningExtension);
        });
        var (preOperation, asynchronous) = (contexts[0], contexts[1]);
        Assert.Empty(preOperation.OutputParameters);
        Assert.Equal(1, asynchronous.Mode);
        Assert.True(asynchronous.OutputParameters.Contains("id"));
        // A collection the plug-in fills is its own: what one context's plug-in adds does not appear in another's.
        preOperation.PreEntityImages["added"] = new Entity("account");
        Assert.False(asynchronous.PreEntityImages.Contains("added"));
    }

    [Fact]
    public void A_plugin_reads_its_own_step_as_OwningExtension_in_every_mode_and_keeps_what_it_changes()
    {
        // The reference is made on first read: it must still name the step, and be one instance per context.
        var key = ContextCapture.NewKey();
        var sync = org.Pipeline.Register(new PluginStep(typeof(CapturingPlugin), "Create", "account", PipelineStage.PreOperation) { UnsecureConfiguration = key });
        var async = org.Pipeline.Register(new PluginStep(typeof(CapturingPlugin), "Create", "account", PipelineStage.PostOperation, StepMode.Asynchronous)
            { UnsecureConfiguration = key });

        Service.Create(new Entity("account") { ["name"] = "x" });
        Service.Create(new Entity("account") { ["name"] = "y" });
        org.DrainAsyncQueue();

        var contexts = ContextCapture.Of(key);
        Assert.Equal(4, contexts.Count);
        Assert.Equal(new[] { sync.Id, sync.Id, async.Id, async.Id }, contexts.Select(c => c.OwningExtension.Id));
        Assert.Equal(new[] { sync.Name, sync.Name, async.Name, async.Name }, contexts.Select(c => c.OwningExtension.Name));
        Assert.All(contexts, c => Assert.Equal("sdkmessageprocessingstep", c.OwningExtension.LogicalName));
        contexts[0].OwningExtension.Name = "changed";
        Assert.Equal("changed", contexts[0].OwningExtension.Name);
        Assert.Equal(sync.Name, contexts[1].OwningExtension.Name);
    }

    [Fact]
    public void An_async_job_reads_a_copy_of_the_shared_variables_set_before_it_was_queued()
    {
        var key = ContextCapture.NewKey();
        org.Pipeline.Register(new PluginStep(typeof(SharingPlugin), "Create", "account", PipelineStage.PreOperation));
        org.Pipeline.Register(new PluginStep(typeof(CapturingPlugin), "Create", "account", PipelineStage.PostOperation, StepMode.Asynchronous)
            { UnsecureConfiguration = key });
        org.Pipeline.Register(new PluginStep(typeof(CapturingPlugin), "Create", "contact", PipelineStage.PostOperation, StepMode.Asynchronous)
            { UnsecureConfiguration = key });

        Service.Create(new Entity("account") { ["name"] = "x" });
        Service.Create(new Entity("contact") { ["lastname"] = "y" });
        org.DrainAsyncQueue();

        var (account, contact) = (ContextCapture.Of(key)[0], ContextCapture.Of(key)[1]);
        var shared = Assert.IsType<EntityReference>(account.SharedVariables["shared"]);
        Assert.Equal("set before the job was queued", shared.Name);
        // The job's copy is its own: changing it does not change what a later job of another request reads.
        account.SharedVariables["added"] = 1;
        Assert.Empty(contact.SharedVariables);
        contact.SharedVariables["added"] = 2;
        Assert.Equal(1, account.SharedVariables["added"]);
    }

    /// <summary>Puts a mutable value in the shared variables, for a later asynchronous step to read.</summary>
    public sealed class SharingPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider) =>
            serviceProvider.Context().SharedVariables["shared"] = new EntityReference("account", Guid.NewGuid()) { Name = "set before the job was queued" };
    }

    [Fact]
    public void A_plugins_request_runs_one_level_deeper_with_the_calling_context_as_parent()
    {
        var key = ContextCapture.NewKey();
        FixtureSteps.Add<CreatePrimaryContactPlugin>(org);
        org.Pipeline.Register(new PluginStep(typeof(CapturingPlugin), "Create", "contact", PipelineStage.PreOperation) { UnsecureConfiguration = key });

        Service.Create(new Entity("account") { ["name"] = "Contoso" });

        var nested = Assert.Single(ContextCapture.Of(key));
        Assert.Equal(2, nested.Depth);
        Assert.Equal("Create", nested.ParentContext.MessageName);
        Assert.Equal("account", nested.ParentContext.PrimaryEntityName);
        Assert.Equal("yes", nested.ParentContext.SharedVariables["from-account"]);
        Assert.False(nested.SharedVariables.Contains("from-account"));
        Assert.Equal(nested.ParentContext.CorrelationId, nested.CorrelationId);
        // CreateOrganizationService(null) is SYSTEM; the initiating user stays the original caller.
        Assert.Equal(org.SystemUserId, nested.UserId);
        Assert.Equal(org.AdminUserId, nested.InitiatingUserId);
        Assert.Equal(org.SystemUserId, org.Snapshot("contact").Single().GetAttributeValue<EntityReference>("createdby").Id);
    }

    [Fact]
    public void The_service_factory_gives_the_contexts_user_for_Guid_Empty_and_any_user_for_their_id()
    {
        var user = org.CreateUser("Alan Turing");
        var factory = org.ServiceFactory;

        Assert.Equal(org.SystemUserId, ((Microsoft.Crm.Sdk.Messages.WhoAmIResponse)factory.CreateOrganizationService(null).Execute(new Microsoft.Crm.Sdk.Messages.WhoAmIRequest())).UserId);
        Assert.Equal(org.AdminUserId, ((Microsoft.Crm.Sdk.Messages.WhoAmIResponse)factory.CreateOrganizationService(Guid.Empty).Execute(new Microsoft.Crm.Sdk.Messages.WhoAmIRequest())).UserId);
        Assert.Equal(user, ((Microsoft.Crm.Sdk.Messages.WhoAmIResponse)factory.CreateOrganizationService(user).Execute(new Microsoft.Crm.Sdk.Messages.WhoAmIRequest())).UserId);
    }

    [Fact]
    public void Recursion_beyond_depth_8_fails_as_an_infinite_loop_and_writes_nothing()
    {
        // IExecutionContext.Depth docs: at the maximum depth (8) the platform treats the calls as an infinite loop.
        var id = Service.Create(new Entity("account") { ["name"] = "Loop" });
        FixtureSteps.Add<RecursiveUpdatePlugin>(org);

        var fault = FaultAssert.Throws(ErrorCodes.SdkCorrelationTokenDepthTooHigh, () => Service.Update(new Entity("account", id) { ["name"] = "Loop 2" }));

        Assert.Contains("infinite loop", fault.Message);
        Assert.Equal(Enumerable.Range(1, 8).Select(d => $"Depth {d}"), org.Traces.Select(t => t.Text));
        Assert.Equal("Loop", org.Peek("account", id)!["name"]);
        Assert.False(org.Peek("account", id)!.Contains("description"));
    }

    [Fact]
    public void A_PreOperation_plugin_may_replace_the_Target_in_the_input_parameters()
    {
        org.Pipeline.Register(new PluginStep(typeof(ReplaceTargetPlugin), "Create", "account", PipelineStage.PreOperation));

        var id = Service.Create(new Entity("account") { ["name"] = "Original" });

        Assert.Equal("Replaced", org.Peek("account", id)!["name"]);
    }

    public sealed class ReplaceTargetPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider) =>
            serviceProvider.Context().InputParameters["Target"] = new Entity("account") { ["name"] = "Replaced" };
    }

    [Fact]
    public void Delete_steps_get_the_pre_image_of_the_deleted_row()
    {
        FixtureSteps.Add<DeleteAuditPlugin>(org);
        var id = Service.Create(new Entity("account") { ["name"] = "Doomed" });

        Service.Delete("account", id);

        Assert.Equal("Deleting Doomed", Assert.Single(org.Traces).Text);
    }

    [Fact]
    public void A_PostOperation_Retrieve_step_sees_the_row_in_the_output_parameters()
    {
        var key = ContextCapture.NewKey();
        org.Pipeline.Register(new PluginStep(typeof(CapturingPlugin), "Retrieve", "account", PipelineStage.PostOperation) { UnsecureConfiguration = key });
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso" });

        Service.Retrieve("account", id, new Microsoft.Xrm.Sdk.Query.ColumnSet("name"));

        Assert.Equal("Contoso", ((Entity)Assert.Single(ContextCapture.Of(key)).OutputParameters["BusinessEntity"])["name"]);
    }
}
