using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmCx.Domain.Choices;
using CrmCx.Domain.Journeys;
using CrmCx.Domain.Nps;
using CrmCx.Domain.Risk;
using CrmCx.Infrastructure;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCx.Journeys
{
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
    /// rolls their risk up to the customers. A journey costs a constant number of calls whatever its size: one retrieve,
    /// one aggregate over its responses, one day-grouped aggregate per touchpoint table, one read of its stage rows, one
    /// Upsert per stage, one update (conditional on the journey's row version: a concurrent writer costs one more round of
    /// these reads and writes, at most <see cref="MaxAttempts"/> in all); alerts add a retrieve and one create per
    /// recipient. Use the SYSTEM user's service: callers may not write the computed columns themselves.
    /// </summary>
    public sealed class JourneyRecomputeService
    {
        /// <summary>Attempts per journey (the first and the retries after a row version mismatch).</summary>
        public const int MaxAttempts = 5;

        private static readonly string[] JourneyColumns =
        {
            JourneySchema.Name, JourneySchema.JourneyType, JourneySchema.Account, JourneySchema.Contact, JourneySchema.StateCode,
            JourneySchema.StartedOn, JourneySchema.CompletedOn, JourneySchema.RiskLevel, JourneySchema.Owner, "createdon",
            OptimisticUpdate.VersionNumber,
        };

        private readonly IOrganizationService service;
        private readonly JourneyRiskEngine engine;
        private readonly Action<string>? trace;

        /// <summary>Creates the service.</summary>
        /// <param name="systemService">The SYSTEM user's organization service.</param>
        /// <param name="options">Risk thresholds and expectations (defaults when null).</param>
        /// <param name="trace">Tracing, optional.</param>
        public JourneyRecomputeService(IOrganizationService systemService, JourneyRiskOptions? options = null, Action<string>? trace = null)
        {
            service = systemService ?? throw new ArgumentNullException(nameof(systemService));
            engine = new JourneyRiskEngine(options);
            this.trace = trace;
        }

        /// <summary>Recomputes each journey once, then each of their customers once; returns the journeys' results.</summary>
        public IReadOnlyList<JourneyRecomputeResult> RecomputeAndRollUp(IEnumerable<Guid> journeyIds, DateTime now)
        {
            if (journeyIds == null) throw new ArgumentNullException(nameof(journeyIds));
            var results = new List<JourneyRecomputeResult>();
            foreach (var id in journeyIds.Where(i => i != Guid.Empty).Distinct())
            {
                var result = Recompute(id, now);
                if (result != null) results.Add(result);
            }
            RollUpCustomers(results.SelectMany(r => new[] { r.Account, r.Contact }));
            return results;
        }

        /// <summary>Recomputes the customers' cx_risklevel and cx_atriskjourneys from their open journeys, each customer once.</summary>
        public void RollUpCustomers(IEnumerable<EntityReference?> customers)
        {
            if (customers == null) throw new ArgumentNullException(nameof(customers));
            var distinct = customers.Where(c => c != null && c.Id != Guid.Empty).Select(c => c!)
                .GroupBy(c => c.LogicalName + ":" + c.Id.ToString("N")).Select(g => g.First());
            foreach (var customer in distinct) RollUpCustomer(customer);
        }

        /// <summary>Recomputes one journey; null when it no longer exists.</summary>
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
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                var journey = RetrieveJourney(journeyId);
                if (journey == null)
                {
                    trace?.Invoke("Journey " + journeyId + " no longer exists; nothing to recompute.");
                    return null;
                }
                var result = TryRecompute(journey, now);
                if (result != null) return result;
                if (attempt < MaxAttempts)
                    trace?.Invoke("Journey " + journeyId + " was written by someone else meanwhile: recomputing (attempt " + (attempt + 1) + " of " + MaxAttempts + ").");
            }
            throw new InvalidPluginExecutionException(
                "Journey " + journeyId + " changed " + MaxAttempts + " times while it was being recomputed; the recompute gives up and the journey will be right at its next change.");
        }

        /// <summary>Computes and writes the journey read at one version; null when its version no longer matches at the write.</summary>
        private JourneyRecomputeResult? TryRecompute(Entity journey, DateTime now)
        {
            var journeyId = journey.Id;
            var typeValue = journey.GetAttributeValue<OptionSetValue>(JourneySchema.JourneyType)?.Value;
            var type = typeValue.HasValue && JourneyStages.IsJourneyType(typeValue.Value) ? (JourneyType)typeValue.Value : JourneyType.Other;
            var isOpen = (journey.GetAttributeValue<OptionSetValue>(JourneySchema.StateCode)?.Value ?? 0) == 0;
            var previousValue = journey.GetAttributeValue<OptionSetValue>(JourneySchema.RiskLevel)?.Value;
            RiskLevel? previous = previousValue.HasValue && Enum.IsDefined(typeof(RiskLevel), previousValue.Value) ? (RiskLevel)previousValue.Value : (RiskLevel?)null;

            var figures = JourneyScoring.Compute(ReadResponses(journeyId), ReadTouchpoints(journeyId), engine.Options.RepeatWindowDays);
            var startedOn = journey.GetAttributeValue<DateTime?>(JourneySchema.StartedOn) ?? journey.GetAttributeValue<DateTime?>("createdon");
            var input = new JourneyRiskInput(type, figures, startedOn, isOpen, journey.GetAttributeValue<DateTime?>(JourneySchema.CompletedOn));
            var risk = engine.Assess(input, now);
            // When time alone changes this assessment (the duration rule and its day count): the scheduled recalculation reads it.
            var recalculateOn = JourneyNextChange.NextAssessmentChange(input, now, engine.Options);

            // Stage rows carry no version of their own: a stale recompute may upsert them, but its journey write then fails
            // and its retry (or the newer recompute that overtook it) writes them again from the rows at rest.
            WriteStageScores(journeyId, journey.GetAttributeValue<string>(JourneySchema.Name), figures);
            if (!WriteJourney(journeyId, OptimisticUpdate.VersionOf(journey), figures, risk, previous, now, recalculateOn)) return null;

            var sent = 0;
            if (JourneyAlert.ShouldAlert(previous, risk.Level, isOpen)) sent = Notify(journey, risk);
            trace?.Invoke(string.Format(CultureInfo.InvariantCulture, "Journey {0}: score {1}, trend {2}, risk {3} ({4}), {5} notification(s).",
                journeyId, figures.Score, figures.Trend, risk.Score, risk.Level, sent));
            return new JourneyRecomputeResult(journeyId, figures, risk, previous, isOpen, sent,
                journey.GetAttributeValue<EntityReference>(JourneySchema.Account), journey.GetAttributeValue<EntityReference>(JourneySchema.Contact));
        }

        private Entity? RetrieveJourney(Guid journeyId)
        {
            // A query rather than Retrieve: a journey deleted since the trigger is an empty result, not a fault.
            var query = new QueryExpression(JourneySchema.EntityName) { ColumnSet = new ColumnSet(JourneyColumns), TopCount = 1 };
            query.Criteria.AddCondition(JourneySchema.Id, ConditionOperator.Equal, journeyId);
            return service.RetrieveMultiple(query).Entities.FirstOrDefault();
        }

        private IEnumerable<ResponseGroup> ReadResponses(Guid journeyId)
        {
            var fetch = "<fetch aggregate='true'><entity name='" + SurveyResponseSchema.EntityName + "'>"
                + "<attribute name='" + SurveyResponseSchema.JourneyStage + "' groupby='true' alias='stage' />"
                + "<attribute name='" + SurveyResponseSchema.Score + "' groupby='true' alias='score' />"
                + "<attribute name='" + SurveyResponseSchema.Id + "' aggregate='count' alias='n' />"
                + "<attribute name='" + SurveyResponseSchema.SatisfactionIndex + "' aggregate='sum' alias='isum' />"
                + "<attribute name='" + SurveyResponseSchema.SatisfactionIndex + "' aggregate='countcolumn' alias='icount' />"
                + "<attribute name='" + SurveyResponseSchema.RespondedOn + "' aggregate='max' alias='latest' />"
                + "<attribute name='" + SurveyResponseSchema.RespondedOn + "' aggregate='min' alias='earliest' />"
                + "<filter><condition attribute='" + SurveyResponseSchema.Journey + "' operator='eq' value='" + SdkValues.Fetch(journeyId) + "' />"
                // Rows imported with plug-ins off that failed validation are kept but count nowhere (data-model.md).
                + "<condition attribute='" + SurveyResponseSchema.ValidationError + "' operator='null' /></filter>"
                + "</entity></fetch>";
            var groups = new List<ResponseGroup>();
            foreach (var row in service.RetrieveMultiple(new FetchExpression(fetch)).Entities)
            {
                var score = SdkValues.Int(row, "score");
                var count = SdkValues.Int(row, "n") ?? 0;
                // A response without a valid score (imported with plugins off) cannot be classified: NPS counts from
                // cx_score, so it is left out and traced, as the customer rollup does, rather than failing the journey.
                if (!score.HasValue || !NpsCategories.IsValidScore(score.Value))
                {
                    if (count > 0) trace?.Invoke(count + " response(s) of journey " + journeyId + " have no valid cx_score (0–10) and are not counted.");
                    continue;
                }
                var indexCount = Math.Min(count, SdkValues.Int(row, "icount") ?? 0);
                groups.Add(new ResponseGroup(SdkValues.Int(row, "stage"), score.Value, count, indexCount == 0 ? 0m : SdkValues.Decimal(row, "isum") ?? 0m,
                    indexCount, SdkValues.Date(row, "latest"), SdkValues.Date(row, "earliest")));
            }
            return groups;
        }

        private IEnumerable<TouchpointGroup> ReadTouchpoints(Guid journeyId)
        {
            var groups = new List<TouchpointGroup>();
            foreach (var table in TouchpointSchema.Tables)
            {
                // Grouped by stage and calendar day (year, month, day: Dataverse's "day" is the day of the month), with the
                // earliest and latest time of each group: exact counts and exact repeat contacts in rows bounded by days, not touchpoints.
                var fetch = "<fetch aggregate='true'><entity name='" + table + "'>"
                    + "<attribute name='" + TouchpointSchema.JourneyStage + "' groupby='true' alias='stage' />"
                    + "<attribute name='createdon' groupby='true' dategrouping='year' alias='y' />"
                    + "<attribute name='createdon' groupby='true' dategrouping='month' alias='m' />"
                    + "<attribute name='createdon' groupby='true' dategrouping='day' alias='d' />"
                    + "<attribute name='" + PrimaryId(table) + "' aggregate='count' alias='n' />"
                    + "<attribute name='createdon' aggregate='min' alias='first' />"
                    + "<attribute name='createdon' aggregate='max' alias='last' />"
                    + "<filter><condition attribute='" + TouchpointSchema.Journey + "' operator='eq' value='" + SdkValues.Fetch(journeyId) + "' /></filter>"
                    + "</entity></fetch>";
                foreach (var row in service.RetrieveMultiple(new FetchExpression(fetch)).Entities)
                {
                    var count = SdkValues.Int(row, "n") ?? 0;
                    var first = SdkValues.Date(row, "first");
                    var last = SdkValues.Date(row, "last");
                    if (count < 1 || !first.HasValue || !last.HasValue) continue;
                    groups.Add(new TouchpointGroup(SdkValues.Int(row, "stage"), count, first.Value, count == 1 ? first.Value : last.Value));
                }
            }
            return groups;
        }

        private static string PrimaryId(string table) => table == TouchpointSchema.Incident ? "incidentid" : "activityid";

        private void WriteStageScores(Guid journeyId, string? journeyName, JourneyFigures figures)
        {
            var existing = new QueryExpression(StageScoreSchema.EntityName) { ColumnSet = new ColumnSet(StageScoreSchema.Stage) };
            existing.Criteria.AddCondition(StageScoreSchema.Journey, ConditionOperator.Equal, journeyId);
            var rows = service.RetrieveMultiple(existing).Entities;

            var journeyRef = new EntityReference(JourneySchema.EntityName, journeyId);
            foreach (var stage in figures.Stages)
            {
                var keys = new KeyAttributeCollection
                {
                    { StageScoreSchema.Journey, journeyRef },
                    { StageScoreSchema.Stage, new OptionSetValue(stage.Stage) },
                };
                var row = new Entity(StageScoreSchema.EntityName, keys);
                row[StageScoreSchema.Journey] = journeyRef;
                row[StageScoreSchema.Stage] = new OptionSetValue(stage.Stage);
                row[StageScoreSchema.Name] = StageRowName(journeyName, stage.Stage);
                row[StageScoreSchema.Score] = stage.Score;
                row[StageScoreSchema.Nps] = stage.Nps;
                row[StageScoreSchema.ResponseCount] = stage.ResponseCount;
                row[StageScoreSchema.TouchpointCount] = stage.TouchpointCount;
                row[StageScoreSchema.FirstActivityOn] = stage.FirstActivityOn;
                row[StageScoreSchema.LastActivityOn] = stage.LastActivityOn;
                service.Execute(new UpsertRequest { Target = row });
            }

            // A stage whose last touchpoint and response left (deleted, re-linked) has no figures any more: its row goes.
            var current = new HashSet<int>(figures.Stages.Select(s => s.Stage));
            foreach (var stale in rows.Where(r => !current.Contains(r.GetAttributeValue<OptionSetValue>(StageScoreSchema.Stage)?.Value ?? int.MinValue)))
            {
                service.Delete(StageScoreSchema.EntityName, stale.Id);
            }
        }

        private static string StageRowName(string? journeyName, int stage)
        {
            var label = JourneyStages.Find(stage)?.Label ?? stage.ToString(CultureInfo.InvariantCulture);
            var name = string.IsNullOrWhiteSpace(journeyName) ? label : journeyName + " – " + label;
            return name.Length <= 200 ? name : name.Substring(0, 200);
        }

        /// <summary>Writes the journey's figures if its version is still the one read; false when someone wrote it since.</summary>
        private bool WriteJourney(Guid journeyId, string? rowVersion, JourneyFigures figures, RiskAssessment risk, RiskLevel? previous, DateTime now, DateTime? recalculateOn)
        {
            var update = new Entity(JourneySchema.EntityName, journeyId);
            update[JourneySchema.Score] = figures.Score;
            update[JourneySchema.StartScore] = figures.StartScore;
            update[JourneySchema.ScoreTrend] = figures.Trend;
            update[JourneySchema.Nps] = figures.Nps;
            update[JourneySchema.ResponseCount] = figures.ResponseCount;
            update[JourneySchema.TouchpointCount] = figures.TouchpointCount;
            update[JourneySchema.RepeatContacts] = figures.RepeatContacts;
            update[JourneySchema.RiskScore] = risk.Score;
            update[JourneySchema.RiskLevel] = new OptionSetValue((int)risk.Level);
            update[JourneySchema.RiskReasons] = risk.ReasonText;
            update[JourneySchema.RecalculateOn] = recalculateOn;
            if (JourneyAlert.RisesToFlag(previous, risk.Level)) update[JourneySchema.FlaggedOn] = now;
            return OptimisticUpdate.TryUpdate(service, update, rowVersion);
        }

        private int Notify(Entity journey, RiskAssessment risk)
        {
            var account = journey.GetAttributeValue<EntityReference>(JourneySchema.Account);
            var contact = journey.GetAttributeValue<EntityReference>(JourneySchema.Contact);
            var customer = account ?? contact;
            string? customerName = null;
            Guid? customerOwner = null;
            if (customer != null)
            {
                var nameColumn = customer.LogicalName == CustomerSchema.Account ? CustomerSchema.AccountName : CustomerSchema.ContactFullName;
                var row = service.Retrieve(customer.LogicalName, customer.Id, new ColumnSet(nameColumn, CustomerSchema.Owner));
                customerName = row.GetAttributeValue<string>(nameColumn);
                customerOwner = UserOf(row.GetAttributeValue<EntityReference>(CustomerSchema.Owner));
            }

            var alert = JourneyAlert.Compose(journey.Id, journey.GetAttributeValue<string>(JourneySchema.Name), customerName, risk.Score,
                risk.Reasons.Select(r => r.Text), new[] { UserOf(journey.GetAttributeValue<EntityReference>(JourneySchema.Owner)), customerOwner });
            foreach (var recipient in alert.Recipients)
            {
                var notification = new Entity(AppNotificationSchema.EntityName);
                notification[AppNotificationSchema.Title] = alert.Title;
                notification[AppNotificationSchema.Body] = alert.Body;
                notification[AppNotificationSchema.Owner] = new EntityReference("systemuser", recipient);
                notification[AppNotificationSchema.IconType] = new OptionSetValue(AppNotificationSchema.IconWarning);
                notification[AppNotificationSchema.ToastType] = new OptionSetValue(AppNotificationSchema.ToastTimed);
                notification[AppNotificationSchema.Data] = alert.Data;
                service.Create(notification);
            }
            return alert.Recipients.Count;
        }

        // In-app notifications go to users only (teams are not supported by appnotification).
        private static Guid? UserOf(EntityReference? owner) => owner != null && owner.LogicalName == "systemuser" ? owner.Id : (Guid?)null;

        /// <summary>
        /// The customer's highest open-journey risk and at-risk count, written under the row version read BEFORE the
        /// aggregate (a concurrent rollup that wrote in between sends this one back to read again, so the last write
        /// always saw every journey). Written even when unchanged: a skipped write would leave the version as it was and
        /// let an older concurrent rollup write over it.
        /// </summary>
        private void RollUpCustomer(EntityReference customer)
        {
            for (var attempt = 1; attempt <= MaxAttempts; attempt++)
            {
                var stored = service.Retrieve(customer.LogicalName, customer.Id, new ColumnSet(OptimisticUpdate.VersionNumber));
                int atRisk;
                var highest = OpenJourneyRisk(customer, out atRisk);
                var update = new Entity(customer.LogicalName, customer.Id);
                update[CustomerSchema.RiskLevel] = new OptionSetValue((int)highest);
                update[CustomerSchema.AtRiskJourneys] = atRisk;
                if (OptimisticUpdate.TryUpdate(service, update, OptimisticUpdate.VersionOf(stored))) return;
                if (attempt < MaxAttempts)
                    trace?.Invoke(customer.LogicalName + " " + customer.Id + " was written by someone else meanwhile: rolling its risk up again (attempt " + (attempt + 1) + " of " + MaxAttempts + ").");
            }
            throw new InvalidPluginExecutionException(
                "The risk of " + customer.LogicalName + " " + customer.Id + " changed " + MaxAttempts + " times while it was being rolled up; the rollup gives up and the customer will be right at its next journey change.");
        }

        /// <summary>The highest risk level among the customer's open journeys; <paramref name="atRisk"/>: how many are at Medium or High.</summary>
        private RiskLevel OpenJourneyRisk(EntityReference customer, out int atRisk)
        {
            var column = customer.LogicalName == CustomerSchema.Account ? JourneySchema.Account : JourneySchema.Contact;
            var fetch = "<fetch aggregate='true'><entity name='" + JourneySchema.EntityName + "'>"
                + "<attribute name='" + JourneySchema.RiskLevel + "' groupby='true' alias='level' />"
                + "<attribute name='" + JourneySchema.Id + "' aggregate='count' alias='n' />"
                + "<filter>"
                + "<condition attribute='" + JourneySchema.StateCode + "' operator='eq' value='0' />"
                + "<condition attribute='" + column + "' operator='eq' value='" + SdkValues.Fetch(customer.Id) + "' />"
                + "</filter></entity></fetch>";
            var highest = RiskLevel.None;
            atRisk = 0;
            foreach (var row in service.RetrieveMultiple(new FetchExpression(fetch)).Entities)
            {
                var value = SdkValues.Int(row, "level");
                if (!value.HasValue || !Enum.IsDefined(typeof(RiskLevel), value.Value)) continue;
                var level = (RiskLevel)value.Value;
                if (level > highest) highest = level;
                if (RiskAssessment.IsAtRisk(level)) atRisk += SdkValues.Int(row, "n") ?? 0;
            }
            return highest;
        }
    }
}
