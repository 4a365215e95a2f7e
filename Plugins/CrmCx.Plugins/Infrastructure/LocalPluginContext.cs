using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Infrastructure;

/// <summary>What one plugin execution may use: the execution context, services and tracing, read once from the service provider.</summary>
public sealed class LocalPluginContext
{
    private readonly IOrganizationServiceFactory factory;
    private IOrganizationService? systemService;

    /// <summary>Reads the execution context, the service factory and tracing from Dataverse's service provider.</summary>
    public LocalPluginContext(IServiceProvider serviceProvider)
    {
        ExecutionContext = serviceProvider.GetService(typeof(IPluginExecutionContext)) as IPluginExecutionContext
            ?? throw new InvalidPluginExecutionException("The service provider has no IPluginExecutionContext.");
        factory = serviceProvider.GetService(typeof(IOrganizationServiceFactory)) as IOrganizationServiceFactory
            ?? throw new InvalidPluginExecutionException("The service provider has no IOrganizationServiceFactory.");
        Tracing = (ITracingService?)serviceProvider.GetService(typeof(ITracingService));
    }

    /// <summary>The execution context.</summary>
    public IPluginExecutionContext ExecutionContext { get; }

    /// <summary>The execution context with the image collections of CreateMultiple/UpdateMultiple, when the platform provides it.</summary>
    public IPluginExecutionContext4? ExecutionContext4 => ExecutionContext as IPluginExecutionContext4;

    /// <summary>Tracing, when available.</summary>
    public ITracingService? Tracing { get; }

    /// <summary>The SYSTEM user's service, for the computed columns callers may not write themselves.</summary>
    public IOrganizationService SystemService => systemService ?? (systemService = factory.CreateOrganizationService(null));

    /// <summary>The time of the operation (UTC): the one clock plugins hand to domain code.</summary>
    public DateTime OperationTime => DateTime.SpecifyKind(ExecutionContext.OperationCreatedOn, DateTimeKind.Utc);

    /// <summary>The message name (Create, Update, CreateMultiple, ...).</summary>
    public string MessageName => ExecutionContext.MessageName;

    /// <summary>The rows the message writes: Target for single messages, Targets for the multiple ones.</summary>
    public IReadOnlyList<Entity> TargetEntities()
    {
        var inputs = ExecutionContext.InputParameters;
        if (inputs.Contains("Targets") && inputs["Targets"] is EntityCollection targets) return targets.Entities;
        if (inputs.Contains("Target") && inputs["Target"] is Entity target) return new[] { target };
        return Array.Empty<Entity>();
    }

    /// <summary>The pre-image with that alias for the i-th target (for the multiple messages), or null.</summary>
    public Entity? PreImage(string alias, int index = 0) => Image(ExecutionContext.PreEntityImages, ExecutionContext4?.PreEntityImagesCollection, alias, index);

    /// <summary>The post-image with that alias for the i-th target (for the multiple messages), or null.</summary>
    public Entity? PostImage(string alias, int index = 0) => Image(ExecutionContext.PostEntityImages, ExecutionContext4?.PostEntityImagesCollection, alias, index);

    /// <summary>Writes to the plugin trace log.</summary>
    public void Trace(string format, params object[] args) => Tracing?.Trace(format, args);

    private static Entity? Image(EntityImageCollection single, EntityImageCollection[]? multiple, string alias, int index)
    {
        if (multiple != null && index < multiple.Length && multiple[index] != null && multiple[index].Contains(alias)) return multiple[index][alias];
        return index == 0 && single != null && single.Contains(alias) ? single[alias] : null;
    }
}
