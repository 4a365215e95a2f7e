using System.Collections.Generic;
using CrmCx.Dataverse.InMemory.Metadata;
using CrmCx.Dataverse.InMemory.Pipeline;
using CrmCx.Dataverse.InMemory.Store;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCx.Dataverse.InMemory.Messages;

/// <summary>Retrieve: one row by id or alternate key, with the ColumnSet's columns (plus the primary id, as Dataverse returns it).</summary>
internal sealed class RetrieveExecutor(InMemoryOrganization org) : IMessageExecutor
{
    public string MessageName => "Retrieve";

    public OrganizationResponse Execute(OrganizationRequest request, RequestScope scope)
    {
        var target = WriteOperations.TargetReference(request);
        var table = org.Metadata.Get(target.LogicalName);
        if (!request.Parameters.TryGetValue("ColumnSet", out var value) || value is not ColumnSet columns)
            throw Faults.InvalidArgument("Required field 'ColumnSet' is missing for Retrieve.");
        if (!columns.AllColumns)
        {
            foreach (var column in columns.Columns)
            {
                if (table.FindColumn(column) is null) throw Faults.UnknownColumn(table.LogicalName, column);
            }
        }
        var id = org.Rows.Store.Resolve(target);
        Entity? result = null;
        var item = new PipelineItem(target, id);
        PipelineOperation op = null!;
        op = new PipelineOperation
        {
            SingleMessage = "Retrieve",
            EntityName = table.LogicalName,
            RequestInputs = request.Parameters,
            Items = new[] { item },
            Core = i => result = Project(table, org.Rows.Store.Get(table.LogicalName, i.Id), columns),
            AfterCore = () => op.RequestOutputs["BusinessEntity"] = result,
        };
        org.Runner.Run(op, scope);
        var response = new RetrieveResponse();
        // A PostOperation plugin may have replaced the entity in the output parameters.
        response.Results["Entity"] = op.RequestOutputs["BusinessEntity"];
        return response;
    }

    private Entity Project(TableDefinition table, Entity stored, ColumnSet columns)
    {
        var copy = EntityCopier.Copy(stored, columns.AllColumns ? null : Names(columns, table.PrimaryIdAttribute));
        // Dataverse fills EntityReference.Name with the referenced row's primary name (the references, not the collection, change).
        foreach (var pair in copy.Attributes)
        {
            if (pair.Value is EntityReference r && org.Metadata.Find(r.LogicalName) is { } target
                && !string.IsNullOrEmpty(target.PrimaryNameAttribute) && org.Rows.Store.Find(r.LogicalName, r.Id) is { } referenced)
                r.Name = referenced.GetAttributeValue<string>(target.PrimaryNameAttribute);
        }
        return copy;
    }

    // The asked columns and the primary id, each once, in order (a loop: every Retrieve comes here).
    private static List<string> Names(ColumnSet columns, string primaryId)
    {
        var names = new List<string>(columns.Columns.Count + 1);
        foreach (var column in columns.Columns)
            if (!names.Contains(column)) names.Add(column);
        if (!names.Contains(primaryId)) names.Add(primaryId);
        return names;
    }
}
