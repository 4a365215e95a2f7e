using System;
using System.Collections.Generic;
using CrmCx.Infrastructure;
using CrmCx.Settings;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Journeys;

/// <summary>
/// Base of the plugins that keep journeys true: recomputes the touched journeys as SYSTEM with the journey risk
/// settings in force (environment variable cx_Settings; a bad value fails naming the key).
/// </summary>
public abstract class JourneyPluginBase : PluginBase
{
    // The organization's base language, kept per plug-in instance like the settings.
    private readonly OrganizationLanguage language = new OrganizationLanguage();

    /// <summary>Image alias of the row before the operation.</summary>
    public const string PreImageAlias = "pre";
    /// <summary>Image alias of the row after the operation.</summary>
    public const string PostImageAlias = "post";

    /// <summary>Recomputes the journeys (each once) and their customers (each once) from the rows at rest.</summary>
    protected void Recompute(LocalPluginContext context, IEnumerable<Guid> journeyIds)
    {
        Service(context).RecomputeAndRollUp(journeyIds, context.OperationTime);
    }

    /// <summary>The organization's base language, cached by this plug-in instance.</summary>
    protected OrganizationLanguage Language => language;

    /// <summary>The recompute service of this execution: SYSTEM, the settings in force, the instance's cached base language.</summary>
    protected JourneyRecomputeService Service(LocalPluginContext context)
    {
        var settings = Settings(context);
        return new JourneyRecomputeService(context.SystemService, settings.JourneyRisk, m => context.Trace("{0}", m), language, settings.CustomerRisk);
    }

    /// <summary>The journey a row points to, when the row carries the column.</summary>
    protected static Guid? JourneyOf(Entity? row, string column) =>
        row != null && row.Attributes.TryGetValue(column, out var value) && value is EntityReference r ? r.Id : (Guid?)null;
}
