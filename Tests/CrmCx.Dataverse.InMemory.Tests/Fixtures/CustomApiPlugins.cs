using System;
using Microsoft.Xrm.Sdk;

// Plug-ins for the custom API tests: small stand-ins shaped like cx_Recalculate (request Target, Scope, Continuation;
// response Processed, Changed, Continuation). The real RecalculatePlugin is not used here.
namespace CrmCx.Dataverse.InMemory.Tests.Fixtures;

/// <summary>Traces its context, writes one task per call and sets every response property (plus one the API does not define).</summary>
public sealed class RecalculateTestPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Context();
        var inputs = context.InputParameters;
        var scope = inputs.Contains("Scope") ? (string?)inputs["Scope"] : null;
        var target = inputs.Contains("Target") ? (EntityReference?)inputs["Target"] : null;
        serviceProvider.Tracing().Trace("message={0} stage={1} mode={2} depth={3} user={4} intransaction={5} primary={6}:{7} scope={8} target={9} inputs={10}",
            context.MessageName, context.Stage, context.Mode, context.Depth, context.UserId, context.IsInTransaction, context.PrimaryEntityName,
            context.PrimaryEntityId, scope ?? "(none)", target is null ? "(none)" : $"{target.LogicalName}:{target.Id}", inputs.Count);
        serviceProvider.Service(context.UserId).Create(new Entity("task") { ["subject"] = $"Recalculated {scope ?? "all"}" });
        context.OutputParameters["Processed"] = 2;
        context.OutputParameters["Changed"] = 1;
        context.OutputParameters["Continuation"] = "after-" + (scope ?? "all");
        context.OutputParameters["NotAProperty"] = "dropped";
    }
}

/// <summary>Sets only Processed: the other response properties keep their types' defaults.</summary>
public sealed class ProcessedOnlyPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider) => serviceProvider.Context().OutputParameters["Processed"] = 5;
}

/// <summary>Writes a task, then fails: the task must be rolled back with the request.</summary>
public sealed class FailingRecalculatePlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Context();
        serviceProvider.Service(context.UserId).Create(new Entity("task") { ["subject"] = "Half a recalculation" });
        throw new InvalidPluginExecutionException("The recalculation failed halfway.");
    }
}

/// <summary>
/// A Create step on account that calls cx_Recalculate as a nested request, as the calling user or (configuration "system")
/// as SYSTEM, and traces the response.
/// </summary>
public sealed class CallsRecalculatePlugin : IPlugin
{
    private readonly bool asSystem;

    public CallsRecalculatePlugin(string? unsecure) => asSystem = unsecure == "system";

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Context();
        var service = serviceProvider.Service(asSystem ? null : context.UserId);
        var response = service.Execute(new OrganizationRequest("cx_Recalculate") { ["Scope"] = "account", ["Target"] = new EntityReference("account", context.PrimaryEntityId) });
        serviceProvider.Tracing().Trace("processed={0} continuation={1}", response.Results["Processed"], response.Results["Continuation"]);
    }
}

/// <summary>A step on the custom API's message (PostOperation): traces the output parameters the main operation set.</summary>
public sealed class RecalculateObserverPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Context();
        serviceProvider.Tracing().Trace("stage={0} processed={1}", context.Stage,
            context.OutputParameters.Contains("Processed") ? context.OutputParameters["Processed"] : "(none)");
    }
}
