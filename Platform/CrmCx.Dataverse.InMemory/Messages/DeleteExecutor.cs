using System.Linq;
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
            Core = i =>
            {
                org.Rows.Delete(table, i.Id, target.RowVersion, behavior);
                RemoveAssociations(table.LogicalName, i.Id);
            },
        }, scope);
        return new DeleteResponse();
    }

    // A deleted row's many-to-many associations go with it.
    private void RemoveAssociations(string table, System.Guid id)
    {
        foreach (var relationship in org.Metadata.Relationships.Where(r => r.IsManyToMany && (r.Entity1 == table || r.Entity2 == table)))
        {
            var intersect = org.Metadata.Get(relationship.IntersectEntity);
            var links = org.Rows.Store.GetRows(relationship.IntersectEntity)
                .Where(row => (relationship.Entity1 == table && row.GetAttributeValue<System.Guid>(relationship.Entity1IntersectAttribute) == id)
                              || (relationship.Entity2 == table && row.GetAttributeValue<System.Guid>(relationship.Entity2IntersectAttribute) == id))
                .Select(row => row.Id).ToList();
            foreach (var link in links) org.Rows.Delete(intersect, link, null, ConcurrencyBehavior.Default);
        }
    }
}
