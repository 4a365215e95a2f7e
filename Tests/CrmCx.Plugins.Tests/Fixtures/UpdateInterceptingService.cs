using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCx.Plugins.Tests.Fixtures;

/// <summary>
/// An organization service that runs a hook before the requests it selects: once, or before every one with
/// <c>everyTime</c>. The hook returns true when it executed the request itself. Concurrency tests use it to let another
/// writer in between a rollup's read and its write.
/// </summary>
public sealed class UpdateInterceptingService : IOrganizationService
{
    private readonly IOrganizationService inner;
    private readonly Func<OrganizationRequest, bool> selects;
    private readonly Func<OrganizationRequest, bool> before;
    private readonly bool everyTime;
    private bool fired;

    /// <summary>Runs <paramref name="beforeUpdate"/> before the UpdateRequests <paramref name="intercepts"/> selects (all when null).</summary>
    public UpdateInterceptingService(
        IOrganizationService inner, Func<UpdateRequest, bool> beforeUpdate, Func<UpdateRequest, bool>? intercepts = null, bool everyTime = false)
        : this(inner, r => r is UpdateRequest u && (intercepts is null || intercepts(u)), r => beforeUpdate((UpdateRequest)r), everyTime)
    {
    }

    private UpdateInterceptingService(IOrganizationService inner, Func<OrganizationRequest, bool> selects, Func<OrganizationRequest, bool> before, bool everyTime)
    {
        this.inner = inner;
        this.selects = selects;
        this.before = before;
        this.everyTime = everyTime;
    }

    /// <summary>Runs <paramref name="hook"/> once, just before the first request of any kind that <paramref name="when"/> selects.</summary>
    public static UpdateInterceptingService BeforeFirst(IOrganizationService inner, Func<OrganizationRequest, bool> when, Action hook) =>
        new(inner, when, _ =>
        {
            hook();
            return false;
        }, false);

    /// <summary>How many selected requests were made.</summary>
    public int Updates { get; private set; }

    /// <inheritdoc />
    public OrganizationResponse Execute(OrganizationRequest request)
    {
        if (selects(request))
        {
            Updates++;
            if (!fired || everyTime)
            {
                fired = true;
                if (before(request)) return new UpdateResponse();
            }
        }
        return inner.Execute(request);
    }

    /// <inheritdoc />
    public Guid Create(Entity entity) => ((CreateResponse)Execute(new CreateRequest { Target = entity })).id;
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
