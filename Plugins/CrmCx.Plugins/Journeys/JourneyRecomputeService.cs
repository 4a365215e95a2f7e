using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmCx.Domain.Choices;
using CrmCx.Domain.Journeys;
using CrmCx.Domain.Risk;
using CrmCx.Domain.Text;
using CrmCx.Infrastructure;
using CrmCx.Settings;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Journeys;

/// <summary>The outcome of recomputing one journey.</summary>
public sealed class JourneyRecomputeResult
{
    internal JourneyRecomputeResult(Guid journeyId, JourneyFigures figures, RiskAssessment risk, RiskLevel? previousLevel, bool isOpen, int notificationsSent, EntityReference? account, EntityReference? contact)
    {
        JourneyId = journeyId;
        Figures = figures;
        Risk = risk;
        PreviousLevel = previousLevel;
        IsOpen = isOpen;
        NotificationsSent = notificationsSent;
        Account = account;
        Contact = contact;
    }

    /// <summary>The journey.</summary>
    public Guid JourneyId { get; }
    /// <summary>Its figures.</summary>
    public JourneyFigures Figures { get; }
    /// <summary>Its risk.</summary>
    public RiskAssessment Risk { get; }
    /// <summary>The level stored before this recompute.</summary>
    public RiskLevel? PreviousLevel { get; }
    /// <summary>Whether it is in progress.</summary>
    public bool IsOpen { get; }
    /// <summary>In-app notifications created.</summary>
    public int NotificationsSent { get; }
    /// <summary>The journey's account.</summary>
    public EntityReference? Account { get; }
    /// <summary>The journey's contact.</summary>
    public EntityReference? Contact { get; }
}

/// <summary>
/// Recomputes journeys from the rows at rest (never incrementally, so replays and retries give the same figures) and
/// rolls their risk up to the customers. A journey costs a constant number of calls whatever its size: one read of the
/// journey with its stage rows, customers and owners' languages (<see cref="JourneyReader"/>), one aggregate over its
/// responses and one per touchpoint table (<see cref="JourneyActivityReader"/>), one Upsert per stage whose figures
/// changed and one update of the journey under its row version (<see cref="JourneyWriter"/>; a concurrent writer costs
/// one more round, at most <see cref="MaxAttempts"/> in all). Only when the journey's level changed are its customers
/// rolled up (<see cref="CustomerRiskWriter"/>: one aggregate and one update each): a journey whose level stayed
/// changes nothing its customers' figures depend on. Alerts add one create per recipient. Use the SYSTEM user's service.
/// </summary>
public sealed class JourneyRecomputeService
{
    /// <summary>Attempts per journey (the first and the retries after a row version mismatch).</summary>
    public const int MaxAttempts = 5;

    private readonly IOrganizationService service;
    private readonly JourneyRiskEngine engine;
    private readonly Action<string>? trace;
    private readonly OrganizationLanguage language;
    private readonly JourneyActivityReader activity;
    private readonly JourneyWriter writer;
    private readonly CustomerRiskWriter customers;

    /// <summary>Creates the service.</summary>
    /// <param name="systemService">The SYSTEM user's organization service.</param>
    /// <param name="options">Risk thresholds and expectations (defaults when null).</param>
    /// <param name="trace">Tracing, optional.</param>
    /// <param name="language">The organization's base language, cached by the plug-in instance (read once by this service when null).</param>
    /// <param name="customerRisk">The customer health thresholds (defaults when null).</param>
    public JourneyRecomputeService(IOrganizationService systemService, JourneyRiskOptions? options = null, Action<string>? trace = null,
        OrganizationLanguage? language = null, CustomerRiskOptions? customerRisk = null)
    {
        service = systemService ?? throw new ArgumentNullException(nameof(systemService));
        engine = new JourneyRiskEngine(options);
        this.trace = trace;
        this.language = language ?? new OrganizationLanguage();
        activity = new JourneyActivityReader(service, trace);
        writer = new JourneyWriter(service);
        customers = new CustomerRiskWriter(service, customerRisk ?? CustomerRiskOptions.Default);
    }

    /// <summary>Recomputes each journey once, then each customer whose journeys' level changed once; returns the journeys' results.</summary>
    public IReadOnlyList<JourneyRecomputeResult> RecomputeAndRollUp(IEnumerable<Guid> journeyIds, DateTime now) =>
        RecomputeAndRollUp(journeyIds, now, responsesAddedOnly: false);

    /// <summary>
    /// As <see cref="RecomputeAndRollUp(IEnumerable{Guid}, DateTime)"/>; with <paramref name="responsesAddedOnly"/>
    /// (survey responses were only added to these journeys since their last recompute) the touchpoint figures are taken
    /// from what the last recompute stored (stage rows, cx_touchpointcount, cx_repeatcontacts) instead of five
    /// aggregates. Safe under concurrency: every touchpoint change queues a full recompute, and the journey is written
    /// under the version its stored figures were read with, so a mixed read never survives a newer write. A journey
    /// never computed (no cx_touchpointcount) is computed in full.
    /// </summary>
    internal IReadOnlyList<JourneyRecomputeResult> RecomputeAndRollUp(IEnumerable<Guid> journeyIds, DateTime now, bool responsesAddedOnly)
    {
        if (journeyIds == null) throw new ArgumentNullException(nameof(journeyIds));
        var results = new List<JourneyRecomputeResult>();
        // The latest read of each customer to roll up: its version was read before any journey aggregate that follows.
        var pending = new Dictionary<string, CustomerRow>(StringComparer.Ordinal);
        foreach (var id in journeyIds.Where(i => i != Guid.Empty).Distinct())
        {
            var result = RecomputeOne(id, now, pending, responsesAddedOnly);
            if (result != null) results.Add(result);
        }
        foreach (var customer in pending.Values) RollUpRead(customer, now);
        return results;
    }

    /// <summary>Recomputes the customers' risk columns from their open journeys and stored NPS figures, each customer once; always writes.</summary>
    public void RollUpCustomers(IEnumerable<EntityReference?> customerRefs, DateTime now)
    {
        if (customerRefs == null) throw new ArgumentNullException(nameof(customerRefs));
        foreach (var customer in CustomerRiskWriter.Distinct(customerRefs)) RollUp(customer, null, now);
    }

    /// <summary>Recomputes one journey (and its customers when its level changed); null when it no longer exists.</summary>
    /// <remarks>
    /// The journey's row version is read first, before the responses and touchpoints, and the journey is written only if
    /// that version still matches: a recompute overtaken by another one (which may have seen newer rows, or already sent
    /// the High alert) reads the journey and its rows again and recomputes, up to <see cref="MaxAttempts"/> attempts in
    /// all. The alert is decided from the level of the version that the successful write replaced, so two concurrent
    /// recomputes never both alert, and the last successful write always saw every change (each change queues a
    /// recompute that starts after it).
    /// </remarks>
    public JourneyRecomputeResult? Recompute(Guid journeyId, DateTime now)
    {
        var pending = new Dictionary<string, CustomerRow>(StringComparer.Ordinal);
        var result = RecomputeOne(journeyId, now, pending, false);
        foreach (var customer in pending.Values) RollUpRead(customer, now);
        return result;
    }

    private JourneyRecomputeResult? RecomputeOne(Guid journeyId, DateTime now, Dictionary<string, CustomerRow> pending, bool responsesAddedOnly)
    {
        return OptimisticUpdate.Retry(MaxAttempts, attempt =>
        {
            var journey = JourneyReader.Read(service, journeyId);
            if (journey == null)
            {
                trace?.Invoke("Journey " + journeyId + " no longer exists; nothing to recompute.");
                return UpdateAttempt.Done<JourneyRecomputeResult?>(null);
            }
            // A retry reads everything again: whoever overtook this recompute may have changed touchpoints too.
            var result = TryRecompute(journey, now, responsesAddedOnly && attempt == 1);
            if (result == null) return UpdateAttempt.Conflict<JourneyRecomputeResult?>();
            // The customers' figures depend on the journey's level and state only: unchanged, nothing to roll up.
            if (result.PreviousLevel != result.Risk.Level)
            {
                foreach (var customer in new[] { journey.Account, journey.Contact })
                    if (customer != null) pending[Key(customer.Reference)] = customer;
            }
            return UpdateAttempt.Done<JourneyRecomputeResult?>(result);
        },
        next => trace?.Invoke("Journey " + journeyId + " was written by someone else meanwhile: recomputing (attempt " + next + " of " + MaxAttempts + ")."),
        () => new InvalidPluginExecutionException(
            "Journey " + journeyId + " changed " + MaxAttempts + " times while it was being recomputed; the recompute gives up and the journey will be right at its next change."));
    }

    /// <summary>Computes and writes the journey read at one version; null when its version no longer matches at the write.</summary>
    private JourneyRecomputeResult? TryRecompute(JourneyRow journey, DateTime now, bool responsesAddedOnly)
    {
        var figures = responsesAddedOnly && journey.StoredTouchpointCount.HasValue
            ? JourneyScoring.Compute(activity.Responses(journey.Id), StoredTouchpoints(journey), journey.StoredTouchpointCount.Value, journey.StoredRepeatContacts ?? 0)
            : JourneyScoring.Compute(activity.Responses(journey.Id), activity.Touchpoints(journey.Id), engine.Options.RepeatWindowDays);
        var input = new JourneyRiskInput(journey.Type, figures, journey.StartedOn, journey.IsOpen, journey.CompletedOn);
        var risk = engine.Assess(input, now);
        // When time alone changes this assessment (the duration rule and its day count): the scheduled recalculation reads it.
        var recalculateOn = JourneyNextChange.NextAssessmentChange(input, now, engine.Options);
        var baseText = BaseText(now);

        writer.WriteStageScores(journey, figures, baseText);
        if (!writer.TryWriteJourney(journey, figures, risk, baseText, now, recalculateOn)) return null;

        var sent = 0;
        if (JourneyAlert.ShouldAlert(journey.PreviousLevel, risk.Level, journey.IsOpen)) sent = writer.Notify(journey, risk, () => language.Get(service, now));
        trace?.Invoke(string.Format(CultureInfo.InvariantCulture, "Journey {0}: score {1}, trend {2}, risk {3} ({4}), {5} notification(s).",
            journey.Id, figures.Score, figures.Trend, risk.Score, risk.Level, sent));
        return new JourneyRecomputeResult(journey.Id, figures, risk, journey.PreviousLevel, journey.IsOpen, sent, journey.AccountRef, journey.ContactRef);
    }

    private static IReadOnlyList<StageActivity> StoredTouchpoints(JourneyRow journey) =>
        journey.Stages.Values.Select(s => new StageActivity(s.Stage, s.TouchpointCount ?? 0, s.FirstActivityOn, s.LastActivityOn)).ToList();

    private TextCatalog BaseText(DateTime now) => TextCatalog.For(language.Get(service, now));

    /// <summary>Rolls a customer up from the read that came with its journey, then from fresh reads if someone wrote it since.</summary>
    private void RollUpRead(CustomerRow customer, DateTime now) => RollUp(customer.Reference, customer, now);

    /// <summary>
    /// The customer's risk from its open journeys, written under the row version read BEFORE the aggregate (a
    /// concurrent rollup that wrote in between sends this one back to read again, so the last write always saw every
    /// journey). Written even when unchanged: a skipped write would leave the version as it was and let an older
    /// concurrent rollup write over it.
    /// </summary>
    private void RollUp(EntityReference reference, CustomerRow? read, DateTime now)
    {
        // The value (whether the row was there) is not needed: a customer gone is traced and done.
        OptimisticUpdate.Retry(MaxAttempts, attempt =>
        {
            var customer = attempt == 1 && read != null ? read : JourneyReader.ReadCustomer(service, reference);
            if (customer == null)
            {
                trace?.Invoke(reference.LogicalName + " " + reference.Id + " no longer exists; no risk to roll up.");
                return UpdateAttempt.Done(false);
            }
            var journeys = customers.Read(reference);
            var risk = customers.Assess(customer, journeys, now, () => BaseText(now));
            return customers.TryWrite(customer, risk) ? UpdateAttempt.Done(true) : UpdateAttempt.Conflict<bool>();
        },
        next => trace?.Invoke(reference.LogicalName + " " + reference.Id + " was written by someone else meanwhile: rolling its risk up again (attempt " + next + " of " + MaxAttempts + ")."),
        () => new InvalidPluginExecutionException(
            "The risk of " + reference.LogicalName + " " + reference.Id + " changed " + MaxAttempts + " times while it was being rolled up; the rollup gives up and the customer will be right at its next journey change."));
    }

    private static string Key(EntityReference customer) => customer.LogicalName + ":" + customer.Id.ToString("N");
}
