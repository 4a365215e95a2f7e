using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCx.Plugins.Tests.Fixtures;

/// <summary>
/// An organization service that runs a hook before the UpdateRequests <paramref name="intercepts"/> selects (all when
/// null): once, or before every one with <paramref name="everyTime"/>. The hook returns true when it executed the request
/// itself. Concurrency tests use it to let another writer in between a rollup's read and its write.
/// </summary>
public sealed class UpdateInterceptingService(
    IOrganizationService inner, Func<UpdateRequest, bool> beforeUpdate, Func<UpdateRequest, bool>? intercepts = null, bool everyTime = false)
    : IOrganizationService
{
    private bool fired;

    /// <summary>How many selected updates were requested.</summary>
    public int Updates { get; private set; }

    /// <inheritdoc />
    public OrganizationResponse Execute(OrganizationRequest request)
    {
        if (request is UpdateRequest update && (intercepts is null || intercepts(update)))
        {
            Updates++;
            if (!fired || everyTime)
            {
                fired = true;
                if (beforeUpdate(update)) return new UpdateResponse();
            }
        }
        return inner.Execute(request);
    }

    /// <inheritdoc />
    public Guid Create(Entity entity) => inner.Create(entity);
    /// <inheritdoc />
    public Entity Retrieve(string entityName, Guid id, ColumnSet columnSet) => inner.Retrieve(entityName, id, columnSet);
    /// <inheritdoc />
    public void Update(Entity entity) => Execute(new UpdateRequest { Target = entity });
    /// <inheritdoc />
    public void Delete(string entityName, Guid id) => inner.Delete(entityName, id);
    /// <inheritdoc />
    public void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => inner.Associate(entityName, entityId, relationship, relatedEntities);
    /// <inheritdoc />
    public void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities) => inner.Disassociate(entityName, entityId, relationship, relatedEntities);
    /// <inheritdoc />
    public EntityCollection RetrieveMultiple(QueryBase query) => inner.RetrieveMultiple(query);
}
