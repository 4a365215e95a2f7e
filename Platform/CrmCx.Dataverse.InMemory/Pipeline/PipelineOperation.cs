using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Pipeline;

/// <summary>One row an operation touches: its target, id, images and the single-message view of the parameters.</summary>
internal sealed class PipelineItem
{
    public PipelineItem(object target, Guid id)
    {
        Target = target;
        Id = id;
    }

    /// <summary>Entity (Create, Update) or EntityReference (Delete, Retrieve, ...); a plugin may replace it in InputParameters.</summary>
    public object Target { get; set; }
    public Guid Id { get; set; }
    public Entity? PreRow { get; set; }
    public Entity? PostRow { get; set; }
    // Created on first read: PrepareViews sets both before any step or core operation reads them.
    private ParameterCollection? inputs;
    private ParameterCollection? outputs;

    public ParameterCollection Inputs { get => inputs ??= new(); set => inputs = value; }
    public ParameterCollection Outputs { get => outputs ??= new(); set => outputs = value; }

    /// <summary>The columns the target sets (what filtering attributes test).</summary>
    public IEnumerable<string> Columns => Target is Entity e ? e.Attributes.Keys : Enumerable.Empty<string>();
}

/// <summary>An event the pipeline runs: the single message, its merged multiple message (§4.6), the items and the core operation.</summary>
internal sealed class PipelineOperation
{
    public required string SingleMessage { get; init; }
    public string? MultipleMessage { get; init; }
    public bool IsMultipleRequest { get; init; }
    public required string EntityName { get; init; }
    public required ParameterCollection RequestInputs { get; init; }
    public ParameterCollection RequestOutputs { get; } = new();
    public required IReadOnlyList<PipelineItem> Items { get; init; }
    /// <summary>The platform's main operation for one item (none for a custom API, whose main operation is its plug-in).</summary>
    public Action<PipelineItem>? Core { get; init; }
    /// <summary>A custom API's plug-in, run in the MainOperation stage (30) for each item, before Core.</summary>
    public PluginStep? MainOperation { get; init; }
    /// <summary>Which registered steps may run (a custom API's AllowedCustomProcessingStepType); null lets every step run.</summary>
    public Func<PluginStep, bool>? AllowsStep { get; init; }
    /// <summary>Sets output parameters after the main operation.</summary>
    public Action? AfterCore { get; init; }
    /// <summary>
    /// Whether nothing reads or changes the targets once the run is over (the request's own copies, read by no response):
    /// then the last PostOperation step's asynchronous job may take an item's target rather than a copy. Not for an
    /// operation inside another one (Upsert's Create or Update), whose targets the outer operation's steps still see.
    /// </summary>
    public bool TargetsEndWithRun { get; init; }
    /// <summary>Reads the row after the main operation (post-images); null when the message has none.</summary>
    public Func<PipelineItem, Entity?>? ReadPostRow { get; init; }
    // The multiple-message views exist only for messages that have one; created on first read otherwise.
    private ParameterCollection? multipleInputs;
    private ParameterCollection? multipleOutputs;

    /// <summary>The multiple-message view of the parameters (Targets), set up by the runner.</summary>
    public ParameterCollection MultipleInputs { get => multipleInputs ??= new(); set => multipleInputs = value; }
    public ParameterCollection MultipleOutputs { get => multipleOutputs ??= new(); set => multipleOutputs = value; }

    /// <summary>Builds the parameter views: the request's own parameters for its message, derived ones for the merged message.</summary>
    public void PrepareViews()
    {
        if (IsMultipleRequest)
        {
            MultipleInputs = RequestInputs;
            MultipleOutputs = RequestOutputs;
            foreach (var item in Items)
            {
                item.Inputs = Derive(RequestInputs, "Targets");
                item.Inputs["Target"] = item.Target;
                item.Outputs = new ParameterCollection();
            }
            return;
        }
        foreach (var item in Items)
        {
            item.Inputs = RequestInputs;
            item.Outputs = RequestOutputs;
        }
        if (MultipleMessage is not null)
        {
            MultipleInputs = Derive(RequestInputs, "Target");
            // The same Entity instance: a change a multiple-message plugin makes to Targets[0] is the change the operation sees.
            MultipleInputs["Targets"] = new EntityCollection(Items.Select(i => (Entity)i.Target).ToList()) { EntityName = EntityName };
            MultipleOutputs = new ParameterCollection();
        }
    }

    /// <summary>Takes the targets as the pre-stages left them: a plugin may replace InputParameters["Target"] (or an entity of "Targets").</summary>
    public void RefreshTargets()
    {
        if (IsMultipleRequest)
        {
            if (RequestInputs.TryGetValue("Targets", out var value) && value is EntityCollection targets && targets.Entities.Count == Items.Count)
            {
                for (var i = 0; i < Items.Count; i++) Replace(Items[i], targets.Entities[i]);
            }
            return;
        }
        if (Items.Count == 1 && RequestInputs.TryGetValue("Target", out var target) && target is not null) Replace(Items[0], target);
    }

    private static void Replace(PipelineItem item, object target)
    {
        if (ReferenceEquals(item.Target, target) || target.GetType() != item.Target.GetType()) return;
        if (target is Entity e && e.Id == Guid.Empty) e.Id = item.Id;
        item.Target = target;
    }

    private static ParameterCollection Derive(ParameterCollection source, string except)
    {
        var copy = new ParameterCollection();
        foreach (var pair in source)
        {
            if (pair.Key != except) copy[pair.Key] = pair.Value;
        }
        return copy;
    }
}
