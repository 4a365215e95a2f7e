using System;
using System.Collections.Generic;
using System.Xml.Linq;
using CrmCx.Dataverse.InMemory.Pipeline;
using CrmCx.Dataverse.InMemory.Tests.Support;

namespace CrmCx.Dataverse.InMemory.Tests.Fixtures;

/// <summary>
/// The steps of the fixture plugins, as the solution ships them: step files imported through the pipeline's importer.
/// Steps on CreateMultiple/UpdateMultiple are PluginStep objects instead, because no public source gives those messages'
/// sdkmessageid, so no step file can name them (SdkMessageCatalog).
/// </summary>
public static class FixtureSteps
{
    private const int PreValidation = 10, PreOperation = 20, PostOperation = 40, Sync = 0, Async = 1, Pre = 0, Post = 1;

    private static readonly Dictionary<Type, Func<XElement[]>> Files = new()
    {
        [typeof(SetAccountNumberPlugin)] = () => new[] { StepXml.Step(typeof(SetAccountNumberPlugin), "Create", "account", PreOperation, Sync, "Set account number") },
        [typeof(ContactEmailAuditPlugin)] = () => new[]
        {
            StepXml.Step(typeof(ContactEmailAuditPlugin), "Update", "contact", PostOperation, Sync, "Audit email change", filtering: "emailaddress1",
                images: new[] { StepXml.Image("Pre", Pre, "emailaddress1,firstname"), StepXml.Image("Post", Post, "emailaddress1") }),
        },
        [typeof(RejectNamePlugin)] = () => new[] { StepXml.Step(typeof(RejectNamePlugin), "Create", "account", PreValidation, Sync, "Reject names") },
        [typeof(CreateTaskThenFailPlugin)] = () => new[] { StepXml.Step(typeof(CreateTaskThenFailPlugin), "Create", "contact", PostOperation, Sync, "Create a task, then fail") },
        [typeof(FollowUpTaskAsyncPlugin)] = () => new[] { StepXml.Step(typeof(FollowUpTaskAsyncPlugin), "Create", "account", PostOperation, Async, "Follow up new account") },
        [typeof(FailingAsyncPlugin)] = () => new[] { StepXml.Step(typeof(FailingAsyncPlugin), "Create", "account", PostOperation, Async, "Failing async step", rank: 2) },
        [typeof(RecursiveUpdatePlugin)] = () => new[] { StepXml.Step(typeof(RecursiveUpdatePlugin), "Update", "account", PostOperation, Sync, "Touch the account again") },
        [typeof(SingleCreateTracePlugin)] = () => new[] { StepXml.Step(typeof(SingleCreateTracePlugin), "Create", "contact", PreOperation, Sync, "Trace single create", rank: 2) },
        [typeof(ConfiguredPlugin)] = () => new[] { StepXml.Step(typeof(ConfiguredPlugin), "Create", "account", PreOperation, Sync, "Configured", configuration: "unsecure-value") },
        [typeof(ReadingPlugin)] = () => new[] { StepXml.Step(typeof(ReadingPlugin), "Update", "account", PostOperation, Sync, "Read related contacts", filtering: "name") },
        [typeof(NullReferencePlugin)] = () => new[] { StepXml.Step(typeof(NullReferencePlugin), "Create", "account", PreOperation, Sync, "Null reference") },
        [typeof(CreatePrimaryContactPlugin)] = () => new[] { StepXml.Step(typeof(CreatePrimaryContactPlugin), "Create", "account", PostOperation, Sync, "Create primary contact") },
        [typeof(DeleteAuditPlugin)] = () => new[]
        {
            StepXml.Step(typeof(DeleteAuditPlugin), "Delete", "account", PreOperation, Sync, "Audit deletion", images: new[] { StepXml.Image("Deleted", Pre, "name") }),
        },
    };

    private static readonly Dictionary<Type, Func<PluginStep>> BulkSteps = new()
    {
        [typeof(CreateMultipleJobTitlePlugin)] = () => new PluginStep(typeof(CreateMultipleJobTitlePlugin), "CreateMultiple", "contact", PipelineStage.PreOperation) { Name = "Job title for bulk creates" },
        [typeof(StampRenamedAccountsPlugin)] = () => new PluginStep(typeof(StampRenamedAccountsPlugin), "UpdateMultiple", "account", PipelineStage.PreOperation)
        {
            Name = "Stamp renamed accounts",
            FilteringAttributes = new[] { "name" },
        },
    };

    /// <summary>The step files of a fixture plugin (fresh ids each call).</summary>
    public static XElement[] Of<TPlugin>() => Files[typeof(TPlugin)]();

    /// <summary>Registers the steps of a fixture plugin in the org: its step files through the importer, or its bulk-message PluginStep.</summary>
    public static IReadOnlyList<PluginStep> Add<TPlugin>(InMemoryOrganization org)
    {
        if (BulkSteps.TryGetValue(typeof(TPlugin), out var bulk)) return new[] { org.Pipeline.Register(bulk()) };
        return org.Pipeline.ImportSteps(Of<TPlugin>(), typeof(TPlugin).Assembly);
    }
}
