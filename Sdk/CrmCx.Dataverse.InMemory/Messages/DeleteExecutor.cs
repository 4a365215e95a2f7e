using CrmCx.Dataverse.InMemory.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace CrmCx.Dataverse.InMemory.Messages;

/// <summary>Delete: by id or alternate key, with pre-images; honours ConcurrencyBehavior (RowVersion of the reference).</summary>
internal sealed class DeleteExecutor(InMemoryOrganization org) : IMessageExecutor
{
    public string MessageName => "Delete";

    public OrganizationResponse Execute(OrganizationRequest request, RequestScope scope)
    {
        var target = WriteOperations.TargetReference(request);
        var table = org.Metadata.Get(target.LogicalName);
        var id = org.Rows.Store.Resolve(target);
        var behavior = WriteOperations.Behavior(request);
        var item = new PipelineItem(target, id) { PreRow = org.Pipeline.NeedsPreImage(table.LogicalName, "Delete") ? org.Rows.Snapshot(table.LogicalName, id) : null };
        org.Runner.Run(new PipelineOperation
        {
            SingleMessage = "Delete",
            EntityName = table.LogicalName,
            RequestInputs = request.Parameters,
            Items = new[] { item },
            Core = i => org.Rows.Delete(table, i.Id, target.RowVersion, behavior),
        }, scope);
        return new DeleteResponse();
    }
}
