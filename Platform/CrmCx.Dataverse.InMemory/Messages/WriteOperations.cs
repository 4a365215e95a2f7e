using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Dataverse.InMemory.Metadata;
using CrmCx.Dataverse.InMemory.Pipeline;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Messages;

/// <summary>Builds the pipeline operations of Create/CreateMultiple and Update/UpdateMultiple, merged as §4.6 describes.</summary>
internal static class WriteOperations
{
    /// <summary>A Create (one target) or CreateMultiple (Targets) event: both raise Create and CreateMultiple steps.</summary>
    public static PipelineOperation Create(InMemoryOrganization org, TableDefinition table, IReadOnlyList<Entity> targets, bool isMultiple,
        ParameterCollection inputs, RequestScope scope, bool targetsEndWithRun = false)
    {
        var items = targets.Select(t => new PipelineItem(t, t.Id)).ToList();
        PipelineOperation op = null!;
        op = new PipelineOperation
        {
            SingleMessage = "Create",
            MultipleMessage = "CreateMultiple",
            IsMultipleRequest = isMultiple,
            EntityName = table.LogicalName,
            RequestInputs = inputs,
            Items = items,
            TargetsEndWithRun = targetsEndWithRun,
            Core = item => item.Id = org.Rows.Create(table, (Entity)item.Target, scope),
            AfterCore = () =>
            {
                var ids = items.Select(i => i.Id).ToArray();
                foreach (var item in items) item.Outputs["id"] = item.Id;
                op.MultipleOutputs["Ids"] = ids;
            },
            ReadPostRow = item => org.Rows.Snapshot(table.LogicalName, item.Id),
        };
        return op;
    }

    /// <summary>An Update (one target) or UpdateMultiple (Targets) event: both raise Update and UpdateMultiple steps.</summary>
    public static PipelineOperation Update(InMemoryOrganization org, TableDefinition table, IReadOnlyList<Entity> targets, bool isMultiple,
        ParameterCollection inputs, ConcurrencyBehavior behavior, RequestScope scope, bool targetsEndWithRun = false)
    {
        var items = new List<PipelineItem>();
        if (isMultiple)
        {
            // Troubleshoot Dataverse client errors: "Contact With Ids = <guid> Do Not Exist" names every missing row.
            var missing = targets.Where(t => t.Id != Guid.Empty && org.Rows.Store.Find(table.LogicalName, t.Id) is null).Select(t => t.Id).ToList();
            if (missing.Count > 0)
                throw Faults.Create(ErrorCodes.ObjectDoesNotExist, $"{table.LogicalName} With Ids = {string.Join(", ", missing)} Do Not Exist");
        }
        var needsPre = org.Pipeline.NeedsPreImage(table.LogicalName, "Update", "UpdateMultiple");
        foreach (var target in targets)
        {
            target.Id = org.Rows.RequireTargetId(table, target);
            items.Add(new PipelineItem(target, target.Id) { PreRow = needsPre ? org.Rows.Snapshot(table.LogicalName, target.Id) : null });
        }
        return new PipelineOperation
        {
            SingleMessage = "Update",
            MultipleMessage = "UpdateMultiple",
            IsMultipleRequest = isMultiple,
            EntityName = table.LogicalName,
            RequestInputs = inputs,
            Items = items,
            TargetsEndWithRun = targetsEndWithRun,
            Core = item => org.Rows.Update(table, (Entity)item.Target, behavior, scope),
            ReadPostRow = item => org.Rows.Snapshot(table.LogicalName, item.Id),
        };
    }

    /// <summary>The Targets of a CreateMultiple/UpdateMultiple request, checked: one table, named by EntityCollection.EntityName.</summary>
    public static (TableDefinition Table, List<Entity> Targets) Targets(InMemoryOrganization org, OrganizationRequest request)
    {
        if (!request.Parameters.TryGetValue("Targets", out var value) || value is not EntityCollection targets)
            throw Faults.InvalidArgument($"Required field 'Targets' is missing for {request.RequestName}.");
        var name = string.IsNullOrEmpty(targets.EntityName) ? targets.Entities.FirstOrDefault()?.LogicalName : targets.EntityName;
        if (string.IsNullOrEmpty(name)) throw Faults.InvalidArgument($"The Targets of {request.RequestName} must name their table (EntityCollection.EntityName).");
        var table = org.Metadata.Get(name);
        var list = targets.Entities.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].LogicalName != table.LogicalName)
                throw Faults.InvalidArgument($"Targets[{i}] of {request.RequestName} is a '{list[i].LogicalName}' row; every target must be a '{table.LogicalName}' row.");
        }
        return (table, list);
    }

    /// <summary>The request's ConcurrencyBehavior parameter (Default when absent).</summary>
    public static ConcurrencyBehavior Behavior(OrganizationRequest request) =>
        request.Parameters.TryGetValue("ConcurrencyBehavior", out var value) && value is ConcurrencyBehavior b ? b : ConcurrencyBehavior.Default;

    /// <summary>The request's Target parameter as a row.</summary>
    public static Entity Target(OrganizationRequest request) =>
        request.Parameters.TryGetValue("Target", out var value) && value is Entity e ? e
            : throw Faults.InvalidArgument($"Required field 'Target' is missing for {request.RequestName}.");

    /// <summary>The request's Target parameter as a reference.</summary>
    public static EntityReference TargetReference(OrganizationRequest request) =>
        request.Parameters.TryGetValue("Target", out var value) && value is EntityReference r ? r
            : throw Faults.InvalidArgument($"Required field 'Target' is missing for {request.RequestName}.");
}
