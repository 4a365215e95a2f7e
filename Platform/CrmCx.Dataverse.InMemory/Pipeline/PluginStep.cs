using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Pipeline;

/// <summary>A registered plugin step (sdkmessageprocessingstep): plugin type, message, table, stage, mode, filters, order, images and configuration.</summary>
public sealed class PluginStep
{
    private IPlugin? instance;

    /// <summary>Creates a step; Register validates it.</summary>
    public PluginStep(Type pluginType, string messageName, string? entityLogicalName, PipelineStage stage, StepMode mode = StepMode.Synchronous)
    {
        PluginType = pluginType ?? throw new ArgumentNullException(nameof(pluginType));
        ArgumentException.ThrowIfNullOrWhiteSpace(messageName);
        MessageName = messageName;
        EntityLogicalName = string.IsNullOrWhiteSpace(entityLogicalName) || entityLogicalName == "none" ? null : entityLogicalName;
        Stage = stage;
        Mode = mode;
        Name = $"{pluginType.FullName}: {messageName} of {EntityLogicalName ?? "any entity"}";
    }

    /// <summary>Step id.</summary>
    public Guid Id { get; init; } = Guid.NewGuid();
    /// <summary>Step name.</summary>
    public string Name { get; init; }
    /// <summary>The IPlugin type.</summary>
    public Type PluginType { get; }
    /// <summary>Message name (Create, Update, CreateMultiple, ...).</summary>
    public string MessageName { get; }
    /// <summary>Primary table; null for every table.</summary>
    public string? EntityLogicalName { get; }
    /// <summary>Stage.</summary>
    public PipelineStage Stage { get; }
    /// <summary>Mode.</summary>
    public StepMode Mode { get; }
    /// <summary>Update steps fire only when one of these is in Target; empty means every update.</summary>
    public IReadOnlyList<string> FilteringAttributes { get; init; } = Array.Empty<string>();
    /// <summary>Execution order (rank) within the stage.</summary>
    public int ExecutionOrder { get; init; } = 1;
    /// <summary>Registered images.</summary>
    public IReadOnlyList<StepImage> Images { get; init; } = Array.Empty<StepImage>();
    /// <summary>Unsecure configuration (first constructor argument).</summary>
    public string? UnsecureConfiguration { get; init; }
    /// <summary>Secure configuration (second constructor argument); a step file never carries it (register-plug-in.md: not exported with the step).</summary>
    public string? SecureConfiguration { get; init; }
    /// <summary>Description of the step.</summary>
    public string? Description { get; init; }
    /// <summary>The sdkmessageid the step names, when it came from a step file.</summary>
    public Guid? MessageId { get; init; }
    /// <summary>The plugintypeid the step names, when it came from a step file.</summary>
    public Guid? PluginTypeId { get; init; }
    /// <summary>Whether the system job of a successful asynchronous run is deleted (AsyncAutoDelete); the in-memory org keeps every SystemJob.</summary>
    public bool AsyncAutoDelete { get; init; }

    /// <summary>Whether the step fires for a target with these columns (filtering attributes apply to Update messages only).</summary>
    internal bool Passes(IEnumerable<string> changedColumns) =>
        FilteringAttributes.Count == 0
        || !(MessageName.Equals("Update", StringComparison.OrdinalIgnoreCase) || MessageName.Equals("UpdateMultiple", StringComparison.OrdinalIgnoreCase))
        || changedColumns.Any(c => FilteringAttributes.Contains(c, StringComparer.OrdinalIgnoreCase));

    /// <summary>The plugin instance; Dataverse caches one per step and may share it across threads, so plugins must be stateless.</summary>
    internal IPlugin GetPlugin(bool newInstance = false)
    {
        if (instance is not null && !newInstance) return instance;
        var twoStrings = PluginType.GetConstructor(new[] { typeof(string), typeof(string) });
        var oneString = PluginType.GetConstructor(new[] { typeof(string) });
        var none = PluginType.GetConstructor(Type.EmptyTypes);
        object created = twoStrings is not null ? twoStrings.Invoke(new object?[] { UnsecureConfiguration, SecureConfiguration })
            : oneString is not null ? oneString.Invoke(new object?[] { UnsecureConfiguration })
            : none is not null ? none.Invoke(null)
            : throw new InvalidOperationException($"Plugin type '{PluginType.FullName}' has no public constructor (), (string) or (string, string).");
        instance = (IPlugin)created;
        return instance;
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} [{MessageName} {EntityLogicalName ?? "*"} {Stage} {Mode} #{ExecutionOrder}]";
}
