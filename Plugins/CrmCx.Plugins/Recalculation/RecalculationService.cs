using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using CrmCx.Domain.Configuration;
using CrmCx.Domain.Recalculation;
using CrmCx.Journeys;
using CrmCx.Nps;
using CrmCx.Schema;
using CrmCx.Settings;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCx.Recalculation;

/// <summary>What one call of cx_Recalculate did, and where the run goes on (null: done).</summary>
public sealed class RecalculationOutcome
{
    /// <summary>Creates the outcome.</summary>
    public RecalculationOutcome(int processed, int changed, RecalculationRun? next)
    {
        Processed = processed;
        Changed = changed;
        Next = next;
    }

    /// <summary>Rows looked at.</summary>
    public int Processed { get; }
    /// <summary>Rows whose figures, classification or validation error changed.</summary>
    public int Changed { get; }
    /// <summary>The run to go on with; null when it is complete.</summary>
    public RecalculationRun? Next { get; }
}

/// <summary>
/// The work of cx_Recalculate, as SYSTEM: one row (Target), or one bounded page of a run (Scope due or all) that
/// walks its tables by id and hands back where it stopped.
/// </summary>
/// <remarks>
/// Bounded so that one call stays well inside the 2-minute limit of a message operation: at most
/// <see cref="RowsPerCall"/> rows for due (each costs a handful of calls), <see cref="RebuildsPerCall"/> customers or
/// journeys for all (a rebuild writes up to one day summary per day with responses).
/// </remarks>
public sealed class RecalculationService
{
    /// <summary>Rows one call of a due run handles at most.</summary>
    public const int RowsPerCall = 50;
    /// <summary>Customers or journeys one call of an all run rebuilds at most.</summary>
    public const int RebuildsPerCall = 10;

    private static readonly string[] ResponseColumns =
    {
        SurveyResponseSchema.Id, SurveyResponseSchema.Score, SurveyResponseSchema.Csat, SurveyResponseSchema.Effort, SurveyResponseSchema.RespondedOn,
        SurveyResponseSchema.Account, SurveyResponseSchema.Contact, SurveyResponseSchema.Journey, SurveyResponseSchema.JourneyStage,
    };

    private static readonly string[] CustomerFigures =
    {
        CustomerSchema.Nps, CustomerSchema.NpsPrevious, CustomerSchema.NpsMargin, CustomerSchema.NpsPreviousMargin, CustomerSchema.NpsResponses,
        CustomerSchema.Promoters, CustomerSchema.Passives, CustomerSchema.Detractors, CustomerSchema.NpsHistory, CustomerSchema.LastResponseOn,
        // The customer's risk, which its own rules change with time too (silence).
        CustomerSchema.RiskLevel, CustomerSchema.RiskReasonsJson,
    };

    private static readonly string[] JourneyFigures =
    {
        JourneySchema.Score, JourneySchema.RiskScore, JourneySchema.RiskLevel, JourneySchema.RiskReasons, JourneySchema.ResponseCount, JourneySchema.TouchpointCount,
    };

    private readonly IOrganizationService service;
    private readonly CrmCxSettings settings;
    private readonly Action<string>? trace;
    private readonly OrganizationLanguage language;

    /// <summary>
    /// Creates the service over the SYSTEM user's organization service, with the base language cached by the plug-in
    /// instance (read when needed, when null): the NPS and journey recomputes get the settings and language the plug-ins give them.
    /// </summary>
    public RecalculationService(IOrganizationService service, CrmCxSettings settings, Action<string>? trace = null, OrganizationLanguage? language = null)
    {
        this.service = service ?? throw new ArgumentNullException(nameof(service));
        this.settings = settings ?? throw new ArgumentNullException(nameof(settings));
        this.trace = trace;
        this.language = language ?? new OrganizationLanguage();
    }

    private NpsRecomputeService Nps() => new NpsRecomputeService(service, settings.Nps, trace, settings.CustomerRisk, language);

    private JourneyRecomputeService JourneyService() => new JourneyRecomputeService(service, settings.JourneyRisk, trace, language, settings.CustomerRisk);

    /// <summary>Recomputes one account, contact or journey now.</summary>
    public RecalculationOutcome One(EntityReference target, DateTime now)
    {
        if (target == null) throw new ArgumentNullException(nameof(target));
        switch (target.LogicalName)
        {
            case CustomerSchema.Account:
            case CustomerSchema.Contact:
                return new RecalculationOutcome(1, Customers(target.LogicalName, new List<Guid> { target.Id }, now, rebuild: false), null);
            case JourneySchema.EntityName:
                return new RecalculationOutcome(1, Journeys(new List<Guid> { target.Id }, now), null);
            default:
                throw new InvalidPluginExecutionException("Target must be an account, a contact or a cx_customerjourney; got a " + target.LogicalName + ".");
        }
    }

    /// <summary>One page of a run: the next rows of its tables, up to this call's budget.</summary>
    public RecalculationOutcome Page(RecalculationRun run, DateTime now)
    {
        if (run == null) throw new ArgumentNullException(nameof(run));
        var budget = run.Scope == RecalculationScope.Due ? RowsPerCall : RebuildsPerCall;
        int processed = 0, changed = 0;
        RecalculationRun? current = run;
        while (current != null && processed < budget)
        {
            var want = budget - processed;
            var ids = NextIds(current, now, want);
            processed += ids.Count;
            switch (current.Phase)
            {
                case RecalculationPhase.Responses:
                    changed += Responses(ids, now);
                    break;
                case RecalculationPhase.Accounts:
                    changed += Customers(CustomerSchema.Account, ids, now, current.Scope == RecalculationScope.All);
                    break;
                case RecalculationPhase.Contacts:
                    changed += Customers(CustomerSchema.Contact, ids, now, current.Scope == RecalculationScope.All);
                    break;
                default:
                    changed += Journeys(ids, now);
                    break;
            }
            // A short page means the table is done: the next one starts in this call if the budget allows.
            current = ids.Count < want ? current.NextPhase() : current.AfterRow(ids[ids.Count - 1]);
        }
        return new RecalculationOutcome(processed, changed, current);
    }

    /// <summary>The ids of the phase's next rows after the run's position, oldest id first.</summary>
    private List<Guid> NextIds(RecalculationRun run, DateTime now, int count)
    {
        string table, id;
        var query = new QueryExpression { TopCount = count };
        switch (run.Phase)
        {
            case RecalculationPhase.Responses:
                table = SurveyResponseSchema.EntityName;
                id = SurveyResponseSchema.Id;
                // Written with plug-ins off: never classified and never refused.
                query.Criteria.AddCondition(SurveyResponseSchema.NpsCategory, ConditionOperator.Null);
                query.Criteria.AddCondition(SurveyResponseSchema.ValidationError, ConditionOperator.Null);
                break;
            case RecalculationPhase.Accounts:
                table = CustomerSchema.Account;
                id = CustomerSchema.AccountId;
                if (run.Scope == RecalculationScope.Due) query.Criteria.AddCondition(CustomerSchema.RecalculateOn, ConditionOperator.LessEqual, now);
                break;
            case RecalculationPhase.Contacts:
                table = CustomerSchema.Contact;
                id = CustomerSchema.ContactId;
                if (run.Scope == RecalculationScope.Due) query.Criteria.AddCondition(CustomerSchema.RecalculateOn, ConditionOperator.LessEqual, now);
                break;
            default:
                table = JourneySchema.EntityName;
                id = JourneySchema.Id;
                if (run.Scope == RecalculationScope.Due)
                {
                    query.Criteria.AddCondition(JourneySchema.StateCode, ConditionOperator.Equal, 0);
                    query.Criteria.AddCondition(JourneySchema.RecalculateOn, ConditionOperator.LessEqual, now);
                }
                break;
        }
        query.EntityName = table;
        query.ColumnSet = new ColumnSet(id);
        if (run.After != Guid.Empty) query.Criteria.AddCondition(id, ConditionOperator.GreaterThan, run.After);
        query.AddOrder(id, OrderType.Ascending);
        return service.RetrieveMultiple(query).Entities.Select(e => e.Id).ToList();
    }

    /// <summary>
    /// Validates and classifies responses written with plug-ins off as the create step would: the row is written
    /// again with its own values through the pipeline (the validation step fills category, index, name and account),
    /// or, when a rule refuses it, kept with the message in cx_validationerror. Then its customers and journey are
    /// recomputed with its day summarized again. Returns the rows classified or marked.
    /// </summary>
    private int Responses(List<Guid> ids, DateTime now)
    {
        if (ids.Count == 0) return 0;
        var query = new QueryExpression(SurveyResponseSchema.EntityName) { ColumnSet = new ColumnSet(ResponseColumns) };
        query.Criteria.AddCondition(SurveyResponseSchema.Id, ConditionOperator.In, ids.Cast<object>().ToArray());
        var rows = service.RetrieveMultiple(query).Entities;
        var customers = new List<EntityReference>();
        var touches = new List<NpsTouch>();
        var journeys = new List<Guid>();
        var changed = 0;
        foreach (var row in rows)
        {
            var again = new Entity(SurveyResponseSchema.EntityName, row.Id);
            // Every column a rule reads, with its stored value, so that every rule applies (null ones too).
            foreach (var column in ResponseColumns.Skip(1)) again[column] = row.Contains(column) ? row[column] : null;
            try
            {
                service.Update(again);
            }
            catch (FaultException<OrganizationServiceFault> e)
            {
                var message = e.Detail?.Message ?? e.Message;
                trace?.Invoke("Response " + row.Id + " refused: " + message);
                service.Update(new Entity(SurveyResponseSchema.EntityName, row.Id) { [SurveyResponseSchema.ValidationError] = Truncate(message, 2000) });
            }
            changed++;
            var respondedOn = row.GetAttributeValue<DateTime?>(SurveyResponseSchema.RespondedOn);
            foreach (var column in new[] { SurveyResponseSchema.Account, SurveyResponseSchema.Contact })
            {
                var customer = row.GetAttributeValue<EntityReference>(column);
                if (customer == null) continue;
                customers.Add(customer);
                if (respondedOn.HasValue) touches.Add(new NpsTouch(customer, respondedOn.Value));
            }
            var journey = row.GetAttributeValue<EntityReference>(SurveyResponseSchema.Journey);
            if (journey != null) journeys.Add(journey.Id);
        }
        if (customers.Count > 0) Nps().Recompute(customers, now, null, touches);
        if (journeys.Count > 0) JourneyService().RecomputeAndRollUp(journeys.Distinct(), now);
        return changed;
    }

    /// <summary>Recomputes the customers (rebuilding their day summaries for an all run); returns those whose figures or risk changed.</summary>
    private int Customers(string table, List<Guid> ids, DateTime now, bool rebuild)
    {
        if (ids.Count == 0) return 0;
        var before = Read(table, table == CustomerSchema.Account ? CustomerSchema.AccountId : CustomerSchema.ContactId, ids, CustomerFigures);
        var nps = Nps();
        var customers = ids.Select(id => new EntityReference(table, id));
        if (rebuild) nps.Rebuild(customers, now);
        else nps.Recompute(customers, now);
        var after = Read(table, table == CustomerSchema.Account ? CustomerSchema.AccountId : CustomerSchema.ContactId, ids, CustomerFigures);
        return ids.Count(id => !SameValues(before, after, id, CustomerFigures));
    }

    /// <summary>Recomputes the journeys and their customers' risk; returns those whose figures or risk changed.</summary>
    private int Journeys(List<Guid> ids, DateTime now)
    {
        if (ids.Count == 0) return 0;
        var before = Read(JourneySchema.EntityName, JourneySchema.Id, ids, JourneyFigures);
        JourneyService().RecomputeAndRollUp(ids, now);
        var after = Read(JourneySchema.EntityName, JourneySchema.Id, ids, JourneyFigures);
        return ids.Count(id => !SameValues(before, after, id, JourneyFigures));
    }

    private Dictionary<Guid, Entity> Read(string table, string idColumn, List<Guid> ids, string[] columns)
    {
        var query = new QueryExpression(table) { ColumnSet = new ColumnSet(columns) };
        query.Criteria.AddCondition(idColumn, ConditionOperator.In, ids.Cast<object>().ToArray());
        return service.RetrieveMultiple(query).Entities.ToDictionary(e => e.Id);
    }

    private static bool SameValues(Dictionary<Guid, Entity> before, Dictionary<Guid, Entity> after, Guid id, string[] columns)
    {
        Entity? a, b;
        var hadBefore = before.TryGetValue(id, out a);
        var hasAfter = after.TryGetValue(id, out b);
        if (!hadBefore || !hasAfter || a == null || b == null) return hadBefore == hasAfter;
        foreach (var column in columns)
        {
            var x = a.Contains(column) ? a[column] : null;
            var y = b.Contains(column) ? b[column] : null;
            if (x is OptionSetValue ox && y is OptionSetValue oy) { if (ox.Value != oy.Value) return false; continue; }
            if (!Equals(x, y)) return false;
        }
        return true;
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text.Substring(0, max);
}
