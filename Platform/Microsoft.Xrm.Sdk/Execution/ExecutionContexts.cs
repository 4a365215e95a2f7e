using System;

namespace Microsoft.Xrm.Sdk;

/// <summary>The context of a plugin or workflow execution.</summary>
public interface IExecutionContext
{
    int Mode { get; }
    int IsolationMode { get; }
    int Depth { get; }
    string MessageName { get; }
    string PrimaryEntityName { get; }
    Guid? RequestId { get; }
    string SecondaryEntityName { get; }
    ParameterCollection InputParameters { get; }
    ParameterCollection OutputParameters { get; }
    ParameterCollection SharedVariables { get; }
    Guid UserId { get; }
    Guid InitiatingUserId { get; }
    Guid BusinessUnitId { get; }
    Guid OrganizationId { get; }
    string OrganizationName { get; }
    Guid PrimaryEntityId { get; }
    EntityImageCollection PreEntityImages { get; }
    EntityImageCollection PostEntityImages { get; }
    EntityReference OwningExtension { get; }
    Guid CorrelationId { get; }
    bool IsExecutingOffline { get; }
    bool IsOfflinePlayback { get; }
    bool IsInTransaction { get; }
    Guid OperationId { get; }
    DateTime OperationCreatedOn { get; }
}

/// <summary>The context of a plugin execution: stage and parent context.</summary>
public interface IPluginExecutionContext : IExecutionContext
{
    int Stage { get; }
    IPluginExecutionContext ParentContext { get; }
}

/// <summary>Adds Azure AD and portal information.</summary>
public interface IPluginExecutionContext2 : IPluginExecutionContext
{
    Guid UserAzureActiveDirectoryObjectId { get; }
    Guid InitiatingUserAzureActiveDirectoryObjectId { get; }
    Guid InitiatingUserApplicationId { get; }
    Guid PortalsContactId { get; }
    bool IsPortalsClientCall { get; }
}

/// <summary>Adds the authenticated user.</summary>
public interface IPluginExecutionContext3 : IPluginExecutionContext2
{
    Guid AuthenticatedUserId { get; }
}

/// <summary>Adds the images of every record of CreateMultiple/UpdateMultiple.</summary>
public interface IPluginExecutionContext4 : IPluginExecutionContext3
{
    EntityImageCollection[] PreEntityImagesCollection { get; }
    EntityImageCollection[] PostEntityImagesCollection { get; }
}
