using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmCx.Domain.Nps;
using CrmCx.Domain.Scoring;
using CrmCx.Infrastructure;
using CrmCx.Registration;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCx.Nps;

/// <summary>
/// Before a survey response is written: validates it and fills the account, the response date, the name, the NPS
/// category and the satisfaction index. Bad input is refused with a message naming the column, the value and the rule.
/// </summary>
/// <remarks>
/// Registered on Create and Update only: Dataverse's merged pipeline raises these steps once per row when a client
/// sends CreateMultiple or UpdateMultiple (with the row in Target), and registering on both versions would run the
/// logic twice (dataverse-reference.md, "Round 2"). Steps on the multiple messages would also need their
/// sdkmessageid, which no public source gives, so the zip could not import in every environment. A batch stays all
/// or nothing, as CreateMultiple and UpdateMultiple are for standard tables: one bad row refuses the whole request.
/// The code still reads Targets when given, so a tool may call it with a batch.
/// </remarks>
[CrmPluginRegistration("Create", SurveyResponseSchema.EntityName, StageEnum.PreOperation, ExecutionModeEnum.Synchronous,
    null, "CrmCx NPS: validate and classify survey responses on create", 1, IsolationModeEnum.Sandbox,
    Id = "0324da2f-74e9-4a02-9a38-5493612c6abf",
    Description = "Validates cx_surveyresponse rows and fills account, response date, name, NPS category and satisfaction index (each row of a CreateMultiple too, through the merged pipeline).")]
[CrmPluginRegistration("Update", SurveyResponseSchema.EntityName, StageEnum.PreOperation, ExecutionModeEnum.Synchronous,
    FilteringColumns, "CrmCx NPS: validate and classify survey responses on update", 1, IsolationModeEnum.Sandbox,
    Id = "8a1a1fa2-b891-4103-94eb-44a3e76e75a2",
    Description = "Validates the updated cx_surveyresponse rows (the stored row merged with the change) and keeps the derived columns true.",
    Image1Name = PreImageAlias, Image1Type = ImageTypeEnum.PreImage, Image1Attributes = PreImageColumns)]
public sealed class SurveyResponseValidation : PluginBase
{
    /// <summary>Alias of the pre-image on update.</summary>
    public const string PreImageAlias = "pre";

    /// <summary>The columns whose change needs validation or changes a derived column.</summary>
    public const string FilteringColumns =
        SurveyResponseSchema.Score + "," + SurveyResponseSchema.Csat + "," + SurveyResponseSchema.Effort + "," + SurveyResponseSchema.RespondedOn + "," + SurveyResponseSchema.Account + "," + SurveyResponseSchema.Contact + "," + SurveyResponseSchema.Journey + "," + SurveyResponseSchema.JourneyStage + "," + SurveyResponseSchema.Name + "," + SurveyResponseSchema.NpsCategory + "," + SurveyResponseSchema.SatisfactionIndex;

    /// <summary>What the update needs of the stored row: every column a rule or a derived value reads.</summary>
    public const string PreImageColumns =
        SurveyResponseSchema.Score + "," + SurveyResponseSchema.Csat + "," + SurveyResponseSchema.Effort + "," + SurveyResponseSchema.RespondedOn + "," + SurveyResponseSchema.Account + "," + SurveyResponseSchema.Contact + "," + SurveyResponseSchema.Journey + "," + SurveyResponseSchema.JourneyStage + "," + SurveyResponseSchema.Name + "," + SurveyResponseSchema.NpsCategory + "," + SurveyResponseSchema.SatisfactionIndex + "," + "createdon";

    private const string CreatedOn = "createdon";
    private const int IdsPerQuery = 250;

    // The contacts read for the rows of a request, per instance: a bulk request's other rows need no query (a hint that
    // is safe to miss; see RequestContactMemo).
    private readonly RequestContactMemo contactMemo = new RequestContactMemo();

    /// <inheritdoc />
    protected override void ExecuteCrmPlugin(LocalPluginContext context)
    {
        var message = context.MessageName;
        var isUpdate = message == "Update" || message == "UpdateMultiple";
        if (!isUpdate && message != "Create" && message != "CreateMultiple") return;
        var targets = context.TargetEntities();
        if (targets.Count == 0) return;
        var now = context.OperationTime;

        var stored = isUpdate ? StoredRows(context, targets) : new Entity?[targets.Count];
        var rows = new List<SurveyResponseRow>(targets.Count);
        for (var i = 0; i < targets.Count; i++) rows.Add(new SurveyResponseRow(targets[i], stored[i], isUpdate));

        // One query per kind of lookup for the whole batch (the plugin's calls do not grow with the batch size beyond that).
        // The contact is read when its account matters: a customer rule applies, the account is to be filled, or the name.
        var contacts = Contacts(context, rows);
        var journeys = Lookup(context, JourneySchema.EntityName, JourneySchema.Id,
            Ids(rows, r => r.Rules.HasFlag(SurveyResponseRuleSet.Stage) && r.Value(SurveyResponseSchema.JourneyStage) != null, SurveyResponseSchema.Journey),
            JourneySchema.JourneyType);

        for (var i = 0; i < rows.Count; i++) ResolveAccount(rows[i], contacts);
        // Account names only for rows that need a default name and have no contact to take it from.
        var accounts = Lookup(context, CustomerSchema.Account, CustomerSchema.AccountId,
            Ids(rows, r => r.NeedsName && r.RefId(SurveyResponseSchema.Contact) == null, SurveyResponseSchema.Account),
            CustomerSchema.AccountName);

        for (var i = 0; i < rows.Count; i++)
        {
            var violations = SurveyResponseRules.Validate(rows[i].Values(contacts, journeys), now, rows[i].Rules);
            if (violations.Count == 0) continue;
            var text = string.Join("\n", violations.Select(v => v.Message));
            // In a batch, say which row: its position (1-based, as people count) and its index in Targets.
            if (targets.Count > 1)
                text = "Row " + (i + 1).ToString(CultureInfo.InvariantCulture) + " of " + targets.Count.ToString(CultureInfo.InvariantCulture) +
                    " (Targets[" + i.ToString(CultureInfo.InvariantCulture) + "]) of " + message + ": " + text + "\nNo survey response of the request was written.";
            context.Trace("Refused: {0}", text);
            throw new InvalidPluginExecutionException(text);
        }

        foreach (var row in rows) Fill(row, now, contacts, accounts);
    }

    /// <summary>
    /// The contacts whose account matters to a row (a customer rule applies, the account is to be filled, or the name):
    /// those an earlier row of the same request read come from the memo, the others from one query.
    /// </summary>
    private Dictionary<Guid, Entity> Contacts(LocalPluginContext context, List<SurveyResponseRow> rows)
    {
        var correlationId = context.ExecutionContext.CorrelationId;
        var now = context.OperationTime;
        var result = new Dictionary<Guid, Entity>();
        List<Guid?>? missing = null;
        foreach (var row in rows)
        {
            if (!row.Rules.HasFlag(SurveyResponseRuleSet.Customer) && !row.NeedsName && row.RefId(SurveyResponseSchema.Account) != null) continue;
            var id = row.RefId(SurveyResponseSchema.Contact);
            if (!id.HasValue || result.ContainsKey(id.Value)) continue;
            var known = contactMemo.Get(correlationId, id.Value, now);
            if (known != null) result[id.Value] = known;
            else (missing ??= new List<Guid?>()).Add(id);
        }
        if (missing == null) return result;
        foreach (var pair in Lookup(context, CustomerSchema.Contact, CustomerSchema.ContactId, missing, CustomerSchema.ParentCustomer, CustomerSchema.ContactFullName))
        {
            result[pair.Key] = pair.Value;
            contactMemo.Remember(correlationId, pair.Value, now);
        }
        return result;
    }

    /// <summary>The ids in <paramref name="column"/> of the rows that want a lookup; nothing allocated when none does (most rows of a bulk request).</summary>
    private static IEnumerable<Guid?> Ids(List<SurveyResponseRow> rows, Func<SurveyResponseRow, bool> wanted, string column)
    {
        List<Guid?>? ids = null;
        foreach (var row in rows)
            if (wanted(row)) (ids ??= new List<Guid?>()).Add(row.RefId(column));
        return ids ?? (IEnumerable<Guid?>)Array.Empty<Guid?>();
    }

    private static Entity?[] StoredRows(LocalPluginContext context, IReadOnlyList<Entity> targets)
    {
        var result = new Entity?[targets.Count];
        var missing = new List<int>();
        for (var i = 0; i < targets.Count; i++)
        {
            result[i] = context.PreImage(PreImageAlias, i);
            if (result[i] == null) missing.Add(i);
        }
        // Without a registered image (a misconfigured step), read the stored rows: one query for all of them.
        if (missing.Count > 0)
        {
            var found = Lookup(context, SurveyResponseSchema.EntityName, SurveyResponseSchema.Id, missing.Select(i => (Guid?)targets[i].Id),
                PreImageColumns.Split(','));
            foreach (var i in missing)
            {
                Entity? row;
                result[i] = found.TryGetValue(targets[i].Id, out row) ? row : new Entity(SurveyResponseSchema.EntityName, targets[i].Id);
            }
        }
        return result;
    }

    private static void ResolveAccount(SurveyResponseRow row, IReadOnlyDictionary<Guid, Entity> contacts)
    {
        var contact = row.RefId(SurveyResponseSchema.Contact);
        var account = row.RefId(SurveyResponseSchema.Account);
        var resolved = SurveyResponseRules.ResolveAccount(account, row.Touched(SurveyResponseSchema.Account), contact, row.Touched(SurveyResponseSchema.Contact),
            SurveyResponseRow.ParentAccount(contact, contacts));
        if (resolved != account)
        {
            row.Target[SurveyResponseSchema.Account] = resolved.HasValue ? new EntityReference(CustomerSchema.Account, resolved.Value) : null;
            // The account is a customer column: its rules apply to the row as it will be written.
            row.Rules |= SurveyResponseRuleSet.Customer;
        }
    }

    private static void Fill(SurveyResponseRow row, DateTime now, IReadOnlyDictionary<Guid, Entity> contacts, IReadOnlyDictionary<Guid, Entity> accounts)
    {
        var target = row.Target;

        // cx_respondedon: the creation time when empty, never left in the future.
        if (!row.IsUpdate || row.Touched(SurveyResponseSchema.RespondedOn))
        {
            var createdOn = row.Stored?.GetAttributeValue<DateTime?>(CreatedOn) ?? now;
            var given = row.Value(SurveyResponseSchema.RespondedOn) as DateTime?;
            var effective = SurveyResponseRules.EffectiveRespondedOn(given.HasValue ? DateTime.SpecifyKind(given.Value, DateTimeKind.Utc) : (DateTime?)null, createdOn, now);
            if (given != effective) target[SurveyResponseSchema.RespondedOn] = effective;
        }

        // cx_npscategory from cx_score; read-only to users, so a change of it alone is put right too.
        var score = SurveyResponseRules.AsWholeNumber(row.Value(SurveyResponseSchema.Score));
        if (score.HasValue && NpsCategories.IsValidScore(score.Value))
        {
            var category = (int)NpsCategories.FromScore(score.Value);
            if ((row.Value(SurveyResponseSchema.NpsCategory) as OptionSetValue)?.Value != category || row.Touched(SurveyResponseSchema.NpsCategory))
                target[SurveyResponseSchema.NpsCategory] = new OptionSetValue(category);
        }

        // cx_satisfactionindex: only from well-formed measures (an untouched legacy value outside its scale leaves it as it is).
        var csatRaw = row.Value(SurveyResponseSchema.Csat);
        var effortRaw = row.Value(SurveyResponseSchema.Effort);
        var csat = SurveyResponseRules.AsWholeNumber(csatRaw);
        var effort = SurveyResponseRules.AsWholeNumber(effortRaw);
        var wellFormed = (score == null || NpsCategories.IsValidScore(score.Value)) && (csatRaw == null || (csat >= 1 && csat <= 5)) && (effortRaw == null || (effort >= 1 && effort <= 7));
        if (wellFormed)
        {
            var index = SatisfactionIndex.Compute(score, csat, effort);
            if ((row.Value(SurveyResponseSchema.SatisfactionIndex) as decimal?) != index || row.Touched(SurveyResponseSchema.SatisfactionIndex))
                target[SurveyResponseSchema.SatisfactionIndex] = index;
        }

        // cx_name: the customer (contact, else account) and the date, when empty.
        if (row.NeedsName)
        {
            var contact = row.RefId(SurveyResponseSchema.Contact);
            var account = row.RefId(SurveyResponseSchema.Account);
            Entity? found;
            var customerName = contact.HasValue && contacts.TryGetValue(contact.Value, out found) ? found.GetAttributeValue<string>(CustomerSchema.ContactFullName)
                : account.HasValue && accounts.TryGetValue(account.Value, out found) ? found.GetAttributeValue<string>(CustomerSchema.AccountName)
                : null;
            var date = row.Value(SurveyResponseSchema.RespondedOn) as DateTime? ?? now;
            target[SurveyResponseSchema.Name] = SurveyResponseRules.DefaultName(customerName, date);
        }
    }

    private static IReadOnlyDictionary<Guid, Entity> Lookup(LocalPluginContext context, string table, string idColumn, IEnumerable<Guid?> ids, params string[] columns)
    {
        // Runs once per row of a bulk request (the merged pipeline): no LINQ chain, nothing allocated for an empty lookup.
        List<Guid>? distinct = null;
        HashSet<Guid>? seen = null;
        foreach (var id in ids)
        {
            if (!id.HasValue) continue;
            if (distinct == null) distinct = new List<Guid>(1);
            // A set only for a batch: one row's lookup compares a handful of ids.
            if (seen == null && distinct.Count >= 16) seen = new HashSet<Guid>(distinct);
            if (seen != null ? !seen.Add(id.Value) : distinct.Contains(id.Value)) continue;
            distinct.Add(id.Value);
        }
        // Nothing to look up (most lookups of a bulk request's rows): the one empty answer, read-only, shared.
        if (distinct == null) return NoRows;
        var result = new Dictionary<Guid, Entity>();
        for (var start = 0; start < distinct.Count; start += IdsPerQuery)
        {
            var chunk = new object[Math.Min(IdsPerQuery, distinct.Count - start)];
            for (var i = 0; i < chunk.Length; i++) chunk[i] = distinct[start + i];
            var query = new QueryExpression(table) { ColumnSet = new ColumnSet(columns) };
            query.Criteria.AddCondition(idColumn, ConditionOperator.In, chunk);
            // The system service: the rules must see the contact's account even when the caller may not read it.
            foreach (var row in context.SystemService.RetrieveMultiple(query).Entities) result[row.Id] = row;
        }
        return result;
    }

    private static readonly IReadOnlyDictionary<Guid, Entity> NoRows = new Dictionary<Guid, Entity>();
}
