using System;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Pipeline;

/// <summary>The execution context a plugin receives, filled as Dataverse fills it.</summary>
internal sealed class PluginExecutionContext : IPluginExecutionContext4
{
    public int Mode { get; set; }
    public int IsolationMode { get; set; } = 2; // Sandbox, the only mode online.
    public int Depth { get; set; }
    public string MessageName { get; set; } = string.Empty;
    public string PrimaryEntityName { get; set; } = string.Empty;
    public Guid? RequestId { get; set; }
    public string SecondaryEntityName { get; set; } = "none";
    public ParameterCollection InputParameters { get; set; } = new();
    public ParameterCollection OutputParameters { get; set; } = new();
    public ParameterCollection SharedVariables { get; set; } = new();
    public Guid UserId { get; set; }
    public Guid InitiatingUserId { get; set; }
    public Guid BusinessUnitId { get; set; }
    public Guid OrganizationId { get; set; }
    public string OrganizationName { get; set; } = string.Empty;
    public Guid PrimaryEntityId { get; set; }
    public EntityImageCollection PreEntityImages { get; set; } = new();
    public EntityImageCollection PostEntityImages { get; set; } = new();
    public EntityReference OwningExtension { get; set; } = new("sdkmessageprocessingstep", Guid.Empty);
    public Guid CorrelationId { get; set; }
    public bool IsExecutingOffline => false;
    public bool IsOfflinePlayback => false;
    public bool IsInTransaction { get; set; }
    public Guid OperationId { get; set; }
    public DateTime OperationCreatedOn { get; set; }
    public int Stage { get; set; }
    public IPluginExecutionContext? ParentContext { get; set; }
    public Guid UserAzureActiveDirectoryObjectId => Guid.Empty;
    public Guid InitiatingUserAzureActiveDirectoryObjectId => Guid.Empty;
    public Guid InitiatingUserApplicationId => Guid.Empty;
    public Guid PortalsContactId => Guid.Empty;
    public bool IsPortalsClientCall => false;
    public Guid AuthenticatedUserId { get; set; }
    public EntityImageCollection[] PreEntityImagesCollection { get; set; } = Array.Empty<EntityImageCollection>();
    public EntityImageCollection[] PostEntityImagesCollection { get; set; } = Array.Empty<EntityImageCollection>();
}
