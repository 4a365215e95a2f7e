using System;
using System.Linq;
using CrmCx.Dataverse.InMemory.Metadata;
using CrmCx.Dataverse.InMemory.Pipeline;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace CrmCx.Dataverse.InMemory.Messages;

/// <summary>Associate and Disassociate: one-to-many by setting or clearing the lookup, many-to-many by intersect rows.</summary>
internal sealed class RelationshipExecutor(InMemoryOrganization org, bool associate) : IMessageExecutor
{
    public string MessageName => associate ? "Associate" : "Disassociate";

    public OrganizationResponse Execute(OrganizationRequest request, RequestScope scope)
    {
        var target = WriteOperations.TargetReference(request);
        var targetTable = org.Metadata.Get(target.LogicalName);
        if (!request.Parameters.TryGetValue("Relationship", out var r) || r is not Relationship relationship || string.IsNullOrEmpty(relationship.SchemaName))
            throw Faults.InvalidArgument($"Required field 'Relationship' is missing for {MessageName}.");
        if (!request.Parameters.TryGetValue("RelatedEntities", out var re) || re is not EntityReferenceCollection related)
            throw Faults.InvalidArgument($"Required field 'RelatedEntities' is missing for {MessageName}.");
        var definition = org.Metadata.FindRelationship(relationship.SchemaName)
            ?? throw Faults.InvalidArgument($"The relationship '{relationship.SchemaName}' is not defined in the metadata.");
        var targetId = org.Rows.Store.Resolve(target);

        org.Runner.Run(new PipelineOperation
        {
            SingleMessage = MessageName,
            EntityName = targetTable.LogicalName,
            RequestInputs = request.Parameters,
            Items = new[] { new PipelineItem(target, targetId) },
            Core = _ =>
            {
                foreach (var other in related)
                {
                    var otherId = org.Rows.Store.Resolve(other);
                    if (definition.IsManyToMany) ManyToMany(definition, target.LogicalName, targetId, other.LogicalName, otherId, scope);
                    else OneToMany(definition, target.LogicalName, targetId, other.LogicalName, otherId, scope);
                }
            },
        }, scope);
        return associate ? new AssociateResponse() : new DisassociateResponse();
    }

    private void OneToMany(RelationshipDefinition d, string targetName, Guid targetId, string otherName, Guid otherId, RequestScope scope)
    {
        // The Target is the "one" side unless it is the referencing table and the related row is the referenced one.
        var (parentName, parentId, childName, childId) =
            targetName == d.ReferencedEntity && otherName == d.ReferencingEntity ? (targetName, targetId, otherName, otherId)
            : targetName == d.ReferencingEntity && otherName == d.ReferencedEntity ? (otherName, otherId, targetName, targetId)
            : throw Faults.InvalidArgument($"The relationship '{d.SchemaName}' links '{d.ReferencedEntity}' to '{d.ReferencingEntity}', not '{targetName}' to '{otherName}'.");
        var childTable = org.Metadata.Get(childName);
        var change = new Entity(childName, childId);
        if (associate) change[d.ReferencingAttribute] = new EntityReference(parentName, parentId);
        else
        {
            var current = org.Rows.Store.Get(childName, childId).GetAttributeValue<EntityReference>(d.ReferencingAttribute);
            if (current is null || current.Id != parentId) return;
            change[d.ReferencingAttribute] = null;
        }
        org.Rows.Update(childTable, change, ConcurrencyBehavior.Default, scope);
    }

    private void ManyToMany(RelationshipDefinition d, string targetName, Guid targetId, string otherName, Guid otherId, RequestScope scope)
    {
        var (id1, id2) = targetName == d.Entity1 && otherName == d.Entity2 ? (targetId, otherId)
            : targetName == d.Entity2 && otherName == d.Entity1 ? (otherId, targetId)
            : throw Faults.InvalidArgument($"The relationship '{d.SchemaName}' links '{d.Entity1}' to '{d.Entity2}', not '{targetName}' to '{otherName}'.");
        var intersect = org.Metadata.Get(d.IntersectEntity);
        var existing = org.Rows.Store.GetRows(d.IntersectEntity)
            .FirstOrDefault(row => row.GetAttributeValue<Guid>(d.Entity1IntersectAttribute) == id1 && row.GetAttributeValue<Guid>(d.Entity2IntersectAttribute) == id2);
        if (associate)
        {
            if (existing is not null) throw Faults.Create(ErrorCodes.DuplicateRecord, $"Cannot insert duplicate key: the rows are already associated through '{d.SchemaName}'.");
            var row = new Entity(d.IntersectEntity) { [d.Entity1IntersectAttribute] = id1, [d.Entity2IntersectAttribute] = id2 };
            org.Rows.Create(intersect, row, scope);
        }
        else if (existing is not null)
        {
            org.Rows.Delete(intersect, existing.Id, null, ConcurrencyBehavior.Default);
        }
    }
}
