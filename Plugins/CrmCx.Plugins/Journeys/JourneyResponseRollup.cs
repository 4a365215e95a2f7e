using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Domain.Nps;
using CrmCx.Domain.Risk;
using CrmCx.Settings;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Journeys;

/// <summary>What a survey response write did to journeys, in plain values (no SDK types).</summary>
public sealed class ResponseJourneyChange
{
    private ResponseJourneyChange(bool created, Guid? journeyBefore, Guid? journeyAfter, int? stage, int? score)
    {
        IsCreate = created;
        JourneyBefore = journeyBefore == Guid.Empty ? null : journeyBefore;
        JourneyAfter = journeyAfter == Guid.Empty ? null : journeyAfter;
        Stage = stage;
        Score = score;
    }

    /// <summary>A response created on a journey (cx_customerjourneyid, cx_journeystage, cx_score as written).</summary>
    public static ResponseJourneyChange Created(Guid? journey, int? stage, int? score) => new ResponseJourneyChange(true, null, journey, stage, score);

    /// <summary>A response updated (its journey before and after) or deleted (after: null).</summary>
    public static ResponseJourneyChange Changed(Guid? journeyBefore, Guid? journeyAfter, int? stage, int? score) => new ResponseJourneyChange(false, journeyBefore, journeyAfter, stage, score);

    /// <summary>Whether the response was created (only added to its journey).</summary>
    public bool IsCreate { get; }
    /// <summary>The journey the response was on before the write.</summary>
    public Guid? JourneyBefore { get; }
    /// <summary>The journey it is on after the write.</summary>
    public Guid? JourneyAfter { get; }
    /// <summary>Its stage after the write.</summary>
    public int? Stage { get; }
    /// <summary>Its score after the write.</summary>
    public int? Score { get; }
}

/// <summary>
/// The journey part of a survey response rollup, callable from any rollup job: recomputes the journeys the responses
/// touched (each once) and the customers whose journeys changed level. Journeys that only gained responses are
/// recomputed from their responses and the touchpoint figures stored by their last recompute (4 calls when the level
/// stays: the journey read, the response aggregate, the stage row that changed, the journey update); any other change
/// reads the touchpoints too. Use the SYSTEM user's service.
/// </summary>
/// <example>
/// <code>
/// var journeys = new JourneyResponseRollup(context.SystemService, settings.JourneyRisk, settings.CustomerRisk, language, trace);
/// journeys.Apply(new[] { ResponseJourneyChange.Created(journeyId, stage, score) }, context.OperationTime);
/// </code>
/// </example>
public sealed class JourneyResponseRollup
{
    private readonly JourneyRecomputeService service;

    /// <summary>Creates the rollup.</summary>
    /// <param name="systemService">The SYSTEM user's organization service.</param>
    /// <param name="options">Journey risk settings (defaults when null).</param>
    /// <param name="customerRisk">Customer health settings (defaults when null).</param>
    /// <param name="language">The organization's base language, cached by the caller's plug-in instance (read once when null).</param>
    /// <param name="trace">Tracing, optional.</param>
    public JourneyResponseRollup(IOrganizationService systemService, JourneyRiskOptions? options = null, CustomerRiskOptions? customerRisk = null,
        OrganizationLanguage? language = null, Action<string>? trace = null)
    {
        service = new JourneyRecomputeService(systemService, options, trace, language, customerRisk);
    }

    /// <summary>Recomputes the journeys the changes touched; returns their results (none when no change carries a journey).</summary>
    public IReadOnlyList<JourneyRecomputeResult> Apply(IEnumerable<ResponseJourneyChange> changes, DateTime now)
    {
        if (changes == null) throw new ArgumentNullException(nameof(changes));
        var list = changes.Where(c => c != null).ToList();
        // A created response without a valid score counts nowhere (it is refused, or kept with cx_validationerror).
        var added = list.Where(c => c.IsCreate && c.JourneyAfter.HasValue && c.Score.HasValue && NpsCategories.IsValidScore(c.Score.Value))
            .Select(c => c.JourneyAfter!.Value).Distinct().ToList();
        var changed = list.Where(c => !c.IsCreate).SelectMany(c => new[] { c.JourneyBefore, c.JourneyAfter })
            .Where(j => j.HasValue).Select(j => j!.Value).Distinct().ToList();
        var results = new List<JourneyRecomputeResult>();
        if (changed.Count > 0) results.AddRange(service.RecomputeAndRollUp(changed, now, responsesAddedOnly: false));
        var onlyAdded = added.Where(j => !changed.Contains(j)).ToList();
        if (onlyAdded.Count > 0) results.AddRange(service.RecomputeAndRollUp(onlyAdded, now, responsesAddedOnly: true));
        return results;
    }
}
