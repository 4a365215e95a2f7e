using CrmCx.Schema;
using System;
using CrmCx.Domain.Recalculation;
using CrmCx.Drivers;
using CrmCx.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Recalculation;

/// <summary>
/// The plug-in of the custom API cx_Recalculate (unbound action): recomputes the figures that time alone changes.
/// Linked to the API by the solution's customapis/cx_Recalculate/customapi.xml (plugintypeid), not by a step; it
/// runs in the main operation. Reads Target, Scope and Continuation; writes Processed, Changed and Continuation
/// (empty when the run is complete).
/// </summary>
public sealed class RecalculatePlugin : PluginBase
{
    /// <summary>Unique name of the custom API.</summary>
    public const string MessageName = ComponentSchema.Recalculate;
    /// <summary>Request parameter: one account, contact or journey to recompute now.</summary>
    public const string Target = "Target";
    /// <summary>Request parameter: due (default) or all.</summary>
    public const string Scope = "Scope";
    /// <summary>Request parameter and response property: where a run goes on.</summary>
    public const string Continuation = "Continuation";
    /// <summary>Response property: rows looked at.</summary>
    public const string Processed = "Processed";
    /// <summary>Response property: rows changed.</summary>
    public const string Changed = "Changed";

    // The organization's base language (cx_riskreasons), kept a few minutes per plug-in instance like the settings.
    private readonly CrmCx.Settings.OrganizationLanguage language = new CrmCx.Settings.OrganizationLanguage();

    /// <inheritdoc />
    protected override void ExecuteCrmPlugin(LocalPluginContext context)
    {
        var inputs = context.ExecutionContext.InputParameters;
        var target = inputs.Contains(Target) ? inputs[Target] as EntityReference : null;
        RecalculationRun run;
        try
        {
            var scope = RecalculationRun.ParseScope(inputs.Contains(Scope) ? inputs[Scope] as string : null);
            run = RecalculationRun.Resume(scope, inputs.Contains(Continuation) ? inputs[Continuation] as string : null);
        }
        catch (ArgumentException e)
        {
            // The messages name the parameter (Scope or Continuation) and the value.
            throw new InvalidPluginExecutionException(MessageName + ": " + e.Message.Split(new[] { " (Parameter" }, StringSplitOptions.None)[0]);
        }
        var service = new RecalculationService(context.SystemService, Settings(context), m => context.Trace("{0}", m), language);
        var outcome = target != null ? service.One(target, context.OperationTime) : service.Page(run, context.OperationTime);
        // Drivers phase (issue 15): the last call of a run summarizes the closed days whose responses changed, for
        // cx_GetDrivers; its own service, its own rows, nothing added to the per-response steps.
        if (target == null && outcome.Next == null) new DriverSummaryService(context.SystemService, m => context.Trace("{0}", m)).Summarize(context.OperationTime);
        var outputs = context.ExecutionContext.OutputParameters;
        outputs[Processed] = outcome.Processed;
        outputs[Changed] = outcome.Changed;
        outputs[Continuation] = outcome.Next?.Format() ?? string.Empty;
        context.Trace("{0}: {1} processed, {2} changed, continuation '{3}'.", MessageName, outcome.Processed, outcome.Changed, outcome.Next?.Format() ?? string.Empty);
    }
}
