using System;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Pipeline;

/// <summary>The execution context a plugin receives, filled as Dataverse fills it.</summary>
internal sealed class PluginExecutionContext : IPluginExecutionContext4
{
    // The collections and the step reference are created on first read: the runner sets most of them right after
    // construction, and eager defaults were allocated only to be replaced (a context per step per row).
    private ParameterCollection? inputParameters;
    private ParameterCollection? outputParameters;
    private ParameterCollection? sharedVariables;
    private EntityImageCollection? preEntityImages;
    private EntityImageCollection? postEntityImages;
    private EntityReference? owningExtension;

    public int Mode { get; set; }
    public int IsolationMode { get; set; } = 2; // Sandbox, the only mode online.
    public int Depth { get; set; }
    public string MessageName { get; set; } = string.Empty;
    public string PrimaryEntityName { get; set; } = string.Empty;
    public Guid? RequestId { get; set; }
    public string SecondaryEntityName { get; set; } = "none";
    public ParameterCollection InputParameters { get => inputParameters ??= new(); set => inputParameters = value; }
    public ParameterCollection OutputParameters { get => outputParameters ??= new(); set => outputParameters = value; }
    public ParameterCollection SharedVariables { get => sharedVariables ??= new(); set => sharedVariables = value; }
    public Guid UserId { get; set; }
    public Guid InitiatingUserId { get; set; }
    public Guid BusinessUnitId { get; set; }
    public Guid OrganizationId { get; set; }
    public string OrganizationName { get; set; } = string.Empty;
    public Guid PrimaryEntityId { get; set; }
    public EntityImageCollection PreEntityImages { get => preEntityImages ??= new(); set => preEntityImages = value; }
    public EntityImageCollection PostEntityImages { get => postEntityImages ??= new(); set => postEntityImages = value; }
    public EntityReference OwningExtension
    {
        get => owningExtension ??= OwningStep is { } step ? new("sdkmessageprocessingstep", step.Id) { Name = step.Name } : new("sdkmessageprocessingstep", Guid.Empty);
        set => owningExtension = value;
    }

    /// <summary>The step OwningExtension names, made into the reference on first read (most plug-ins never read it).</summary>
    internal PluginStep? OwningStep { get; set; }

    /// <summary>Whether PreEntityImages holds an image, without creating the empty collection.</summary>
    internal bool HasPreEntityImages => preEntityImages is { Count: > 0 };

    /// <summary>Whether PostEntityImages holds an image, without creating the empty collection.</summary>
    internal bool HasPostEntityImages => postEntityImages is { Count: > 0 };

    /// <summary>Gives the context shared variables of its own (null: an empty collection made on first read).</summary>
    internal void DetachSharedVariables(ParameterCollection? own) => sharedVariables = own;

    /// <summary>Whether SharedVariables holds a value, without creating the empty collection.</summary>
    internal bool HasSharedVariables => sharedVariables is { Count: > 0 };

    /// <summary>Whether OwningExtension was read or set (and so is an instance of its own), without creating it.</summary>
    internal bool HasOwningExtension => owningExtension is not null;
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
