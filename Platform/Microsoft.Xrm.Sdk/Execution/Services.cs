using System;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk;

/// <summary>The organization service: data operations and message execution.</summary>
public interface IOrganizationService
{
    /// <summary>Creates a record and returns its id.</summary>
    Guid Create(Entity entity);

    /// <summary>Retrieves a record with the given columns.</summary>
    Entity Retrieve(string entityName, Guid id, ColumnSet columnSet);

    /// <summary>Updates a record.</summary>
    void Update(Entity entity);

    /// <summary>Deletes a record.</summary>
    void Delete(string entityName, Guid id);

    /// <summary>Executes a message.</summary>
    OrganizationResponse Execute(OrganizationRequest request);

    /// <summary>Associates records through a relationship.</summary>
    void Associate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities);

    /// <summary>Removes associations through a relationship.</summary>
    void Disassociate(string entityName, Guid entityId, Relationship relationship, EntityReferenceCollection relatedEntities);

    /// <summary>Retrieves the records a query matches.</summary>
    EntityCollection RetrieveMultiple(QueryBase query);
}

/// <summary>Creates organization services for a user (null: the system user).</summary>
public interface IOrganizationServiceFactory
{
    /// <summary>Creates a service acting as the given user.</summary>
    IOrganizationService CreateOrganizationService(Guid? userId);
}

/// <summary>Plugin tracing.</summary>
public interface ITracingService
{
    /// <summary>Writes a formatted trace line.</summary>
    void Trace(string format, params object[] args);
}

/// <summary>A plugin.</summary>
public interface IPlugin
{
    /// <summary>Runs the plugin; the provider supplies the execution context, the service factory and tracing.</summary>
    void Execute(IServiceProvider serviceProvider);
}

/// <summary>Posts the execution context to a service endpoint.</summary>
public interface IServiceEndpointNotificationService
{
    /// <summary>Posts the context to the endpoint and returns its answer.</summary>
    string Execute(EntityReference serviceEndpoint, IExecutionContext context);
}
