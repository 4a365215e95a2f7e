using System;
using System.ServiceModel;
using CrmCx.Domain.Configuration;
using CrmCx.Settings;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Infrastructure;

/// <summary>
/// Base of every CrmCx plugin: reads the services once, hands a <see cref="LocalPluginContext"/> to the plugin and
/// turns unexpected failures into <see cref="InvalidPluginExecutionException"/> so the caller sees a readable message.
/// Plugins keep no state of an execution: what an instance keeps is shared, locked and safe to lose (the immutable
/// settings it last read, <see cref="EnvironmentSettings"/>; the base language; the NPS rollup's memo of a bulk
/// request's customers, <see cref="CrmCx.Nps.NpsRequestMemo"/>); everything else lives in the context. Steps carry
/// no configuration: the settings are the environment variable cx_Settings.
/// </summary>
public abstract class PluginBase : IPlugin
{
    private readonly EnvironmentSettings settings = new EnvironmentSettings();

    /// <summary>The CrmCx settings in force (environment variable cx_Settings), read as SYSTEM and kept for a few minutes.</summary>
    protected CrmCxSettings Settings(LocalPluginContext context)
    {
        if (context == null) throw new ArgumentNullException(nameof(context));
        return settings.Get(context.SystemService, context.OperationTime);
    }

    /// <summary>Entry point called by Dataverse.</summary>
    public void Execute(IServiceProvider serviceProvider)
    {
        if (serviceProvider == null) throw new InvalidPluginExecutionException(GetType().Name + ": no service provider was given.");
        var context = new LocalPluginContext(serviceProvider);
        try
        {
            ExecuteCrmPlugin(context);
        }
        catch (InvalidPluginExecutionException)
        {
            throw;
        }
        catch (FaultException<OrganizationServiceFault> ex)
        {
            context.Trace("{0}: organization service fault {1}: {2}", GetType().Name, ex.Detail?.ErrorCode ?? 0, ex.Detail?.Message ?? ex.Message);
            throw new InvalidPluginExecutionException(GetType().Name + ": " + (ex.Detail?.Message ?? ex.Message), ex);
        }
        catch (Exception ex) when (!(ex is OutOfMemoryException))
        {
            context.Trace("{0}: unexpected {1}", GetType().Name, ex);
            throw new InvalidPluginExecutionException(GetType().Name + " failed: " + ex.Message, ex);
        }
    }

    /// <summary>The plugin's work, given the context of this execution.</summary>
    protected abstract void ExecuteCrmPlugin(LocalPluginContext context);
}
