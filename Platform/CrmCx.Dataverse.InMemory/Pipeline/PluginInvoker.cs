using System;
using System.ServiceModel;
using CrmCx.Dataverse.InMemory.Diagnostics;
using CrmCx.Dataverse.InMemory.Service;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Pipeline;

/// <summary>Runs one plugin with its services, records its trace, and turns its exceptions into the faults Dataverse returns.</summary>
internal sealed class PluginInvoker
{
    private readonly InMemoryOrganization org;

    public PluginInvoker(InMemoryOrganization org) => this.org = org;

    public void Invoke(PluginStep step, PluginExecutionContext context)
    {
        var tracing = new TracingService();
        var caller = step.PluginType.FullName ?? step.PluginType.Name;
        var provider = new PluginServiceProvider(context, new OrganizationServiceFactory(org, caller, context), tracing);
        string? error = null;
        // Traces are listed in the order executions start (a nested plugin finishes before its caller).
        var slot = org.ReserveTrace();
        try
        {
            step.GetPlugin(org.Pipeline.NewInstancePerExecution).Execute(provider);
        }
        catch (InvalidPluginExecutionException e)
        {
            // use-invalidpluginexecutionexception-plugin-workflow-activities.md: the caller gets the plugin's message and IsvAborted.
            error = e.Message;
            throw Faults.Create(e.ErrorCode != 0 ? e.ErrorCode : ErrorCodes.IsvAborted, e.Message);
        }
        catch (FaultException<OrganizationServiceFault> e)
        {
            // A fault from a nested request the plugin did not handle reaches the caller as it is.
            error = e.Detail?.Message ?? e.Message;
            throw;
        }
        catch (Exception e)
        {
            // Any other exception is IsvUnExpected, without a friendly message.
            error = $"{e.GetType().FullName}: {e.Message}";
            throw Faults.Create(ErrorCodes.IsvUnExpected, $"Unexpected exception from plug-in (Execute): {caller}: {error}");
        }
        finally
        {
            org.SetTrace(slot, new TraceRecord(caller, step.Name, context.MessageName, context.Stage, context.Mode, context.Depth,
                context.PrimaryEntityName, context.PrimaryEntityId, context.CorrelationId, tracing.Lines.AsReadOnly(), error));
        }
    }
}
