using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Domain.Configuration;
using CrmCx.Domain.Nps;
using CrmCx.Infrastructure;
using CrmCx.Journeys;
using CrmCx.Registration;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Nps;

/// <summary>
/// After a survey response is written or deleted: recomputes the NPS figures of its account and contact (the old and
/// the new ones when a response moves) from the rows at rest, and opens the follow-up task a new detractor calls for.
/// </summary>
/// <remarks>
/// <para>Asynchronous so that ingestion never waits on rollups and a rollup fault never loses a response. Registered on
/// Create, Update and Delete only: Dataverse's merged pipeline runs these steps once per row when a client sends
/// CreateMultiple or UpdateMultiple, and a step on the multiple messages would need their sdkmessageid, which no
/// public source gives (docs/admin-guide.md).</para>
/// <para>Bulk requests stay cheap: a customer whose last rollup was made by a job of the same request (same correlation
/// id, <see cref="CustomerSchema.NpsCorrelationId"/>) for this row's time or later is left alone: that job ran after
/// the request committed, so it counted this row. A job learns that from the instance's memo of the request when an
/// earlier job of it ran here (no read at all, <see cref="NpsRequestMemo"/>), else from the customer row it reads
/// first. Within one request a customer gets at most one follow-up task. The first job of a
/// request also summarizes again the days of every response of the customer written in the last two minutes (a
/// Dataverse message operation must end within 2 minutes, so that covers the whole request). A job never stops
/// early for a delete or a response that moved to another customer or date (its old day is only known to it); a
/// detractor's job that stops early still opens its follow-up task from the customer row it read.</para>
/// </remarks>
[CrmPluginRegistration("Create", SurveyResponseSchema.EntityName, StageEnum.PostOperation, ExecutionModeEnum.Asynchronous,
    null, "CrmCx NPS: roll up customer NPS after create", 1, IsolationModeEnum.Sandbox,
    Id = "131d9037-3ba2-44c6-a89f-a3d627bc0e40", DeleteAsyncOperation = true,
    Description = "Recomputes the NPS of the response's account and contact, opens detractor follow-up tasks, and rolls up the response's journey (once per row of a CreateMultiple too, through the merged pipeline).")]
[CrmPluginRegistration("Update", SurveyResponseSchema.EntityName, StageEnum.PostOperation, ExecutionModeEnum.Asynchronous,
    FilteringColumns, "CrmCx NPS: roll up customer NPS after update", 1, IsolationModeEnum.Sandbox,
    Id = "057c4864-c4b7-4ce1-b84e-c07bdfa9105e", DeleteAsyncOperation = true,
    Description = "Recomputes the NPS of the old and new customers of an updated response.",
    Image1Name = PreImageAlias, Image1Type = ImageTypeEnum.PreImage, Image1Attributes = ImageColumns,
    Image2Name = PostImageAlias, Image2Type = ImageTypeEnum.PostImage, Image2Attributes = PostImageColumns)]
[CrmPluginRegistration("Delete", SurveyResponseSchema.EntityName, StageEnum.PostOperation, ExecutionModeEnum.Asynchronous,
    null, "CrmCx NPS: roll up customer NPS after delete", 1, IsolationModeEnum.Sandbox,
    Id = "4523fc7d-21ab-48aa-a783-b3f2f49ebe8e", DeleteAsyncOperation = true,
    Description = "Recomputes the NPS of the deleted response's account and contact.",
    Image1Name = PreImageAlias, Image1Type = ImageTypeEnum.PreImage, Image1Attributes = ImageColumns)]
public sealed class NpsRollup : PluginBase
{
    /// <summary>
    /// The columns whose change changes a customer's figures. Journey and stage are left out on purpose: they change
    /// journey scores (the journeys rollup's steps), not the customer's NPS.
    /// </summary>
    public const string FilteringColumns = SurveyResponseSchema.Score + "," + SurveyResponseSchema.Account + "," + SurveyResponseSchema.Contact + "," + SurveyResponseSchema.RespondedOn;

    /// <summary>Alias of the pre-image (update, delete).</summary>
    public const string PreImageAlias = "pre";

    /// <summary>Alias of the post-image (update).</summary>
    public const string PostImageAlias = "post";

    /// <summary>What the rollup needs of the row before the change: its customers, score and date (whose day summary changes).</summary>
    public const string ImageColumns = SurveyResponseSchema.Account + "," + SurveyResponseSchema.Contact + "," + SurveyResponseSchema.Score + "," + SurveyResponseSchema.RespondedOn;

    /// <summary>What it needs after an update: the customers, and what a follow-up task says.</summary>
    public const string PostImageColumns = SurveyResponseSchema.Account + "," + SurveyResponseSchema.Contact + "," + SurveyResponseSchema.Score + "," + SurveyResponseSchema.RespondedOn + "," + SurveyResponseSchema.Comment;

    // The organization's base language, for follow-up tasks of owners whose own language CrmCx does not speak; kept a
    // few minutes per plug-in instance, like the settings.
    private readonly CrmCx.Settings.OrganizationLanguage baseLanguage = new CrmCx.Settings.OrganizationLanguage();

    // The customers this instance's jobs computed per request: the other rows' jobs of a bulk request then need no read
    // (a hint that is safe to miss; see NpsRequestMemo).
    private readonly NpsRequestMemo memo = new NpsRequestMemo();

    /// <inheritdoc />
    protected override void ExecuteCrmPlugin(LocalPluginContext context)
    {
        // A created response's journey is rolled up by this same job (no second asynchronous job per response, and
        // none at all for the many responses without a journey); updates and deletes of journey columns keep the
        // journeys' own steps (SurveyResponseJourneyPlugin), which filter on those columns.
        var journeys = context.MessageName == "Create" ? SurveyResponseJourneyPlugin.Changes(context) : new List<ResponseJourneyChange>();
        if (!journeys.Any(c => c.JourneyAfter.HasValue))
        {
            RollUpNps(context);
            return;
        }
        // The journey is kept true even when the NPS part fails; that fault still fails the job, after it.
        Exception? npsFault = null;
        try
        {
            RollUpNps(context);
        }
        catch (Exception e)
        {
            npsFault = e;
        }
        var settings = Settings(context);
        new JourneyResponseRollup(context.SystemService, settings.JourneyRisk, settings.CustomerRisk, baseLanguage, m => context.Trace("{0}", m))
            .Apply(journeys, context.OperationTime);
        if (npsFault != null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(npsFault).Throw();
    }

    private void RollUpNps(LocalPluginContext context)
    {
        var options = Settings(context).Nps;
        var changes = Changes(context);
        var customers = new List<EntityReference>();
        var touched = new List<NpsTouch>();

        var candidates = new List<FollowUpCandidate>();
        // Whether a job of the same request that already recomputed a customer counted everything this job would.
        var mayStop = context.MessageName != "Delete";
        foreach (var change in changes)
        {
            // A replayed delivery (an Upsert that matched its row with the same values) changes nothing that counts:
            // no recompute, so the customers are not even rewritten.
            if (change.Before != null && change.After != null && !ChangesWhatCounts(change.Before, change.After)) continue;
            if (change.Before != null && change.After != null && MovesDayOrCustomer(change.Before, change.After)) mayStop = false;
            AddCustomers(customers, touched, change.Before);
            AddCustomers(customers, touched, change.After);
            var after = change.After;
            if (after == null) continue;
            var score = after.GetAttributeValue<int?>(SurveyResponseSchema.Score);
            var before = change.Before?.GetAttributeValue<int?>(SurveyResponseSchema.Score);
            if (FollowUpPolicy.Calls(options.FollowUpEnabled, change.Before == null ? null : before, score))
            {
                candidates.Add(new FollowUpCandidate(change.Id, score!.Value,
                    after.GetAttributeValue<EntityReference>(SurveyResponseSchema.Account)?.Id,
                    after.GetAttributeValue<EntityReference>(SurveyResponseSchema.Contact)?.Id,
                    after.GetAttributeValue<DateTime?>(SurveyResponseSchema.RespondedOn) ?? context.OperationTime,
                    after.GetAttributeValue<string>(SurveyResponseSchema.Comment)));
            }
        }
        if (customers.Count == 0) return;
        if (mayStop && LeftAlone(context, customers, candidates)) return;

        var now = context.OperationTime;
        var trace = new Action<string>(m => context.Trace("{0}", m));
        // The follow-up rule's "is a task already open?" is answered by the recompute's read of the customer rows.
        var request = new NpsRequest(context.ExecutionContext.CorrelationId, now, mayStop, memo);
        var result = new NpsRecomputeService(context.SystemService, options, trace, Settings(context).CustomerRisk, baseLanguage).Recompute(customers, now, FollowUpTasks.Customers(candidates), touched, request);
        if (result.Coalesced > 0) context.Trace("{0} customers already recomputed by another job of the same request: left alone.", result.Coalesced);
        context.Trace("NPS recomputed for {0} customers ({1} written, {2} retries after concurrent writes).", result.Customers.Count, result.Written, result.Retries);
        if (candidates.Count > 0)
        {
            var created = new FollowUpTasks(context.SystemService, options, trace, () => baseLanguage.Get(context.SystemService, now)).Create(candidates, result, now);
            context.Trace("{0} follow-up tasks created.", created.Count);
            // Each candidate's customer now has an open task (found or just opened): the request's later detractors open none.
            foreach (var customer in FollowUpTasks.Customers(candidates)) memo.FollowUpOpen(request.CorrelationId, customer);
        }
    }

    /// <summary>
    /// Whether this instance's memo says that every customer of the row is already counted by a job of the same request
    /// and every detractor's customer already has its follow-up task: most rows of a bulk request, whose job then ends
    /// here without building a recompute (the same outcome and trace as the recompute's own early stop, at a fraction
    /// of the allocations: issue 12's 200 MB for 10,000 rows).
    /// </summary>
    private bool LeftAlone(LocalPluginContext context, List<EntityReference> customers, List<FollowUpCandidate> candidates)
    {
        var correlationId = context.ExecutionContext.CorrelationId;
        var at = context.OperationTime;
        foreach (var customer in customers)
            if (!memo.Covers(correlationId, customer.LogicalName, customer.Id, at, needsOpenFollowUp: false)) return false;
        foreach (var candidate in candidates)
        {
            // The follow-up customer: the account, else the contact (FollowUpTasks.Customers).
            if (candidate.AccountId.HasValue ? !memo.Covers(correlationId, CustomerSchema.Account, candidate.AccountId.Value, at, true)
                : candidate.ContactId.HasValue && !memo.Covers(correlationId, CustomerSchema.Contact, candidate.ContactId.Value, at, true)) return false;
        }
        // One trace line per job (a bulk request has thousands of them), saying why no task was opened when that matters.
        if (candidates.Count == 0) context.Trace("{0} customers already recomputed by another job of the same request: left alone.", customers.Count);
        else context.Trace("{0} customers already recomputed by another job of the same request: left alone; their follow-up task is already open: no new one for response {1}.",
            customers.Count, candidates[0].ResponseId);
        return true;
    }

    /// <summary>Each response's row before and after the message (null before a create, null after a delete).</summary>
    private static List<Change> Changes(LocalPluginContext context)
    {
        var result = new List<Change>();
        var message = context.MessageName;
        if (message == "Delete")
        {
            var target = context.ExecutionContext.InputParameters.Contains("Target") ? context.ExecutionContext.InputParameters["Target"] as EntityReference : null;
            var pre = context.PreImage(PreImageAlias);
            if (target != null && pre != null) result.Add(new Change(target.Id, pre, null));
            return result;
        }
        var targets = context.TargetEntities();
        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            if (message == "Create")
            {
                // The target carries what the PreOperation step filled (the account from the contact, the date).
                result.Add(new Change(target.Id, null, target));
                continue;
            }
            var before = context.PreImage(PreImageAlias, i);
            var after = context.PostImage(PostImageAlias, i) ?? Merge(before, target);
            result.Add(new Change(target.Id, before ?? new Entity(SurveyResponseSchema.EntityName, target.Id), after));
        }
        return result;
    }

    private static Entity Merge(Entity? before, Entity target)
    {
        var merged = new Entity(target.LogicalName, target.Id);
        if (before != null) foreach (var pair in before.Attributes) merged[pair.Key] = pair.Value;
        foreach (var pair in target.Attributes) merged[pair.Key] = pair.Value;
        return merged;
    }

    /// <summary>Whether an update changed a column the figures count (score, account, contact, date).</summary>
    private static bool ChangesWhatCounts(Entity before, Entity after) => Differs(before, after, FilteringColumns.Split(','));

    /// <summary>Whether an update moved the response to another customer or date (the old day is then known only to this job).</summary>
    private static bool MovesDayOrCustomer(Entity before, Entity after) =>
        Differs(before, after, new[] { SurveyResponseSchema.Account, SurveyResponseSchema.Contact, SurveyResponseSchema.RespondedOn });

    private static bool Differs(Entity before, Entity after, string[] columns)
    {
        foreach (var column in columns)
        {
            var a = before.Contains(column) ? before[column] : null;
            var b = after.Contains(column) ? after[column] : null;
            if (a is EntityReference ra && b is EntityReference rb) { if (ra.Id != rb.Id) return true; continue; }
            if (a is DateTime da && b is DateTime db) { if (da.Ticks != db.Ticks) return true; continue; }
            if (!Equals(a, b)) return true;
        }
        return false;
    }

    private static void AddCustomers(List<EntityReference> customers, List<NpsTouch> touched, Entity? row)
    {
        if (row == null) return;
        var respondedOn = row.GetAttributeValue<DateTime?>(SurveyResponseSchema.RespondedOn);
        AddCustomer(customers, touched, row.GetAttributeValue<EntityReference>(SurveyResponseSchema.Account), respondedOn);
        AddCustomer(customers, touched, row.GetAttributeValue<EntityReference>(SurveyResponseSchema.Contact), respondedOn);
    }

    private static void AddCustomer(List<EntityReference> customers, List<NpsTouch> touched, EntityReference? customer, DateTime? respondedOn)
    {
        if (customer == null) return;
        // A change names at most four customers (before and after): a list is the cheapest set.
        var known = false;
        foreach (var c in customers)
            known |= c.Id == customer.Id && string.Equals(c.LogicalName, customer.LogicalName, StringComparison.Ordinal);
        if (!known) customers.Add(customer);
        // The day the response was or is on: its summary for this customer is made again.
        if (respondedOn.HasValue) touched.Add(new NpsTouch(customer, respondedOn.Value));
    }

    private sealed class Change
    {
        public Change(Guid id, Entity? before, Entity? after)
        {
            Id = id;
            Before = before;
            After = after;
        }

        public Guid Id { get; }
        public Entity? Before { get; }
        public Entity? After { get; }
    }
}
