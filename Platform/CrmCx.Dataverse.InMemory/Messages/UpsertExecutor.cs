using CrmCx.Dataverse.InMemory.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace CrmCx.Dataverse.InMemory.Messages;

/// <summary>Upsert: updates the row the id or alternate key names, or creates it; raises the Create or Update events (use-upsert-insert-update-record).</summary>
internal sealed class UpsertExecutor(InMemoryOrganization org) : IMessageExecutor
{
    public string MessageName => "Upsert";

    public OrganizationResponse Execute(OrganizationRequest request, RequestScope scope)
    {
        var target = WriteOperations.Target(request);
        var table = org.Metadata.Get(target.LogicalName);
        var existing = org.Rows.FindTargetId(table, target);
        var created = existing is null;
        var item = new PipelineItem(target, existing ?? target.Id);
        PipelineOperation op = null!;
        op = new PipelineOperation
        {
            SingleMessage = "Upsert",
            EntityName = table.LogicalName,
            RequestInputs = request.Parameters,
            Items = new[] { item },
            Core = i =>
            {
                var inputs = new ParameterCollection { ["Target"] = target };
                PipelineOperation inner;
                if (existing is { } id)
                {
                    target.Id = id;
                    inner = WriteOperations.Update(org, table, new[] { target }, isMultiple: false, inputs, ConcurrencyBehavior.Default, scope);
                }
                else
                {
                    inner = WriteOperations.Create(org, table, new[] { target }, isMultiple: false, inputs, scope);
                }
                org.Runner.Run(inner, scope);
                i.Id = inner.Items[0].Id;
            },
            AfterCore = () =>
            {
                op.RequestOutputs["RecordCreated"] = created;
                op.RequestOutputs["Target"] = new EntityReference(table.LogicalName, item.Id);
            },
        };
        org.Runner.Run(op, scope);
        var response = new UpsertResponse();
        response.Results["RecordCreated"] = created;
        response.Results["Target"] = new EntityReference(table.LogicalName, item.Id);
        return response;
    }
}
