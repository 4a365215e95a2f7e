using System;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Pipeline;

/// <summary>The IServiceProvider a plugin's Execute receives.</summary>
internal sealed class PluginServiceProvider : IServiceProvider
{
    private readonly PluginExecutionContext context;
    private readonly IOrganizationServiceFactory factory;
    private readonly ITracingService tracing;

    public PluginServiceProvider(PluginExecutionContext context, IOrganizationServiceFactory factory, ITracingService tracing)
    {
        this.context = context;
        this.factory = factory;
        this.tracing = tracing;
    }

    public object? GetService(Type serviceType)
    {
        if (serviceType == typeof(IPluginExecutionContext) || serviceType == typeof(IExecutionContext)
            || serviceType == typeof(IPluginExecutionContext2) || serviceType == typeof(IPluginExecutionContext3)
            || serviceType == typeof(IPluginExecutionContext4))
            return context;
        if (serviceType == typeof(IOrganizationServiceFactory)) return factory;
        if (serviceType == typeof(ITracingService)) return tracing;
        return null;
    }
}
