using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Domain.Nps;
using CrmCx.Domain.Text;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using CrmCx.Infrastructure;

namespace CrmCx.Nps;

/// <summary>A response that may call for a follow-up task: the facts the task needs.</summary>
public sealed class FollowUpCandidate
{
    /// <summary>Creates the candidate.</summary>
    public FollowUpCandidate(Guid responseId, int score, Guid? accountId, Guid? contactId, DateTime respondedOn, string? comment)
    {
        ResponseId = responseId;
        Score = score;
        AccountId = accountId;
        ContactId = contactId;
        RespondedOn = respondedOn;
        Comment = comment;
    }

    /// <summary>The survey response.</summary>
    public Guid ResponseId { get; }
    /// <summary>Its score.</summary>
    public int Score { get; }
    /// <summary>Its account.</summary>
    public Guid? AccountId { get; }
    /// <summary>Its contact.</summary>
    public Guid? ContactId { get; }
    /// <summary>When the customer answered.</summary>
    public DateTime RespondedOn { get; }
    /// <summary>The verbatim.</summary>
    public string? Comment { get; }
}

/// <summary>
/// Closing the loop: one open follow-up task per customer for detractor responses. The customer is the account, or
/// the contact when the response has no account. "Already open for that customer" means an open task regarding any
/// survey response of that customer: recognised by what it is about, not by its subject, which users may edit; a
/// task an agent opened by hand on a response counts too, since someone is already following up. Whether one is open
/// comes from the recompute's read of the customer rows (<see cref="NpsRecomputeService"/>), so the rule costs one
/// Create per task and no query; only a customer that read could not tell about gets a query of its own.
/// </summary>
internal sealed class FollowUpTasks
{
    internal const string Task = "task";
    internal const string Subject = "subject";
    internal const string Description = "description";
    internal const string Regarding = "regardingobjectid";
    internal const string ScheduledEnd = "scheduledend";
    internal const string PriorityCode = "prioritycode";
    internal const string StateCode = "statecode";
    internal const string ActivityId = "activityid";
    private const int Open = 0;
    private const int HighPriority = 2;
    private const int IdsPerQuery = 250;

    private readonly IOrganizationService service;
    private readonly NpsOptions options;
    private readonly Action<string>? trace;
    // Read only when an owner's own language is unknown or not one CrmCx speaks.
    private readonly Func<int> baseLanguage;

    public FollowUpTasks(IOrganizationService service, NpsOptions options, Action<string>? trace, Func<int>? baseLanguage = null)
    {
        this.baseLanguage = baseLanguage ?? (() => TextCatalog.EnglishLcid);
        this.service = service;
        this.options = options;
        this.trace = trace;
    }

    /// <summary>Creates the tasks the candidates call for (at most one per customer); returns the ids created.</summary>
    public IReadOnlyList<Guid> Create(IEnumerable<FollowUpCandidate> candidates, NpsRecomputeResult customers, DateTime now)
    {
        // One candidate per customer: the first of the batch.
        var byCustomer = new Dictionary<string, FollowUpCandidate>(StringComparer.Ordinal);
        foreach (var c in candidates)
        {
            if (!c.AccountId.HasValue && !c.ContactId.HasValue) continue;
            var key = Key(c);
            if (!byCustomer.ContainsKey(key)) byCustomer[key] = c;
        }
        if (byCustomer.Count == 0) return Array.Empty<Guid>();

        // The recompute's read of the customer rows already said whether a follow-up is open (see
        // NpsRecomputeService): only customers it could not tell about (a row gone meanwhile) need a query.
        var covered = new HashSet<string>(StringComparer.Ordinal);
        var unknown = new List<FollowUpCandidate>();
        foreach (var pair in byCustomer)
        {
            var open = customers.For(Customer(pair.Value))?.HasOpenFollowUp;
            if (open == true) covered.Add(pair.Key);
            else if (open == null) unknown.Add(pair.Value);
        }
        if (unknown.Count > 0)
        {
            covered.UnionWith(OpenTaskCustomers(
                unknown.Where(c => c.AccountId.HasValue).Select(c => c.AccountId!.Value).ToList(),
                unknown.Where(c => !c.AccountId.HasValue).Select(c => c.ContactId!.Value).ToList()));
        }

        var created = new List<Guid>();
        foreach (var pair in byCustomer)
        {
            if (covered.Contains(pair.Key))
            {
                trace?.Invoke("A follow-up task is already open for " + pair.Key + ": no new one for response " + pair.Value.ResponseId + ".");
                continue;
            }
            var c = pair.Value;
            var account = c.AccountId.HasValue ? customers.For(new EntityReference(CustomerSchema.Account, c.AccountId.Value)) : null;
            var contact = c.ContactId.HasValue ? customers.For(new EntityReference(CustomerSchema.Contact, c.ContactId.Value)) : null;
            var owner = (account ?? contact)?.Owner;
            var name = contact?.Name != null && account?.Name != null ? contact.Name + " (" + account.Name + ")" : contact?.Name ?? account?.Name;
            // In the owner's language (usersettings.uilanguageid), else the organization's base language.
            var language = (account ?? contact)?.OwnerLanguage;
            var text = TextCatalog.Supports(language) ? TextCatalog.For(language) : TextCatalog.For(null, baseLanguage());
            var task = new Entity(Task)
            {
                [Subject] = text.FollowUpSubject(name, c.Score),
                [Description] = text.FollowUpDescription(c.Score, c.Comment, c.RespondedOn),
                [Regarding] = new EntityReference(SurveyResponseSchema.EntityName, c.ResponseId),
                [ScheduledEnd] = FollowUpPolicy.DueOn(now, options),
                [PriorityCode] = new OptionSetValue(HighPriority),
            };
            // The account owner is the one who follows up (cx-scoring.md); the system service would otherwise own the task.
            if (owner != null) task[CustomerSchema.Owner] = owner;
            created.Add(service.Create(task));
        }
        return created;
    }

    /// <summary>Customer keys that already have an open task regarding one of their responses (one query per table).</summary>
    private HashSet<string> OpenTaskCustomers(List<Guid> accounts, List<Guid> contacts)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        Find(SurveyResponseSchema.Account, CustomerSchema.Account, accounts, result);
        Find(SurveyResponseSchema.Contact, CustomerSchema.Contact, contacts, result);
        return result;
    }

    private void Find(string responseColumn, string table, List<Guid> ids, HashSet<string> result)
    {
        for (var start = 0; start < ids.Count; start += IdsPerQuery)
        {
            var chunk = ids.Skip(start).Take(IdsPerQuery).Cast<object>().ToArray();
            var query = new QueryExpression(Task) { ColumnSet = new ColumnSet(ActivityId) };
            query.Criteria.AddCondition(StateCode, ConditionOperator.Equal, Open);
            var link = query.AddLink(SurveyResponseSchema.EntityName, Regarding, SurveyResponseSchema.Id);
            link.EntityAlias = "response";
            link.Columns = new ColumnSet(responseColumn);
            link.LinkCriteria.AddCondition(responseColumn, ConditionOperator.In, chunk);
            foreach (var row in service.RetrieveMultiple(query).Entities)
            {
                if (QueryValues.Id(row, "response." + responseColumn) is Guid id)
                    result.Add(table + ":" + id.ToString("D"));
            }
        }
    }

    /// <summary>
    /// Appends an outer link from a customer row (<paramref name="idColumn"/>) to its responses that an open task
    /// regards, aliased <paramref name="alias"/> with their id ("any" tests the tasks without joining them: what is
    /// joined grows with the open tasks, never with the history). The task may be the one this rule opened or one an
    /// agent opened by hand: either way someone is following up.
    /// </summary>
    internal static FetchXml AppendOpenFollowUpLink(FetchXml fetch, string responseColumn, string idColumn, string alias) =>
        fetch.Link(SurveyResponseSchema.EntityName, responseColumn, idColumn, alias, "outer")
            .Attribute(SurveyResponseSchema.Id)
            .Filter().Link(Task, Regarding, SurveyResponseSchema.Id, linkType: "any")
            .Filter().Condition(StateCode, "eq", Open).End()
            .End().End()
            .End();

    /// <summary>The customers whose open tasks decide whether a candidate gets one: the account, or the contact without one.</summary>
    public static IEnumerable<EntityReference> Customers(IEnumerable<FollowUpCandidate> candidates) =>
        candidates.Where(c => c.AccountId.HasValue || c.ContactId.HasValue).Select(Customer);

    private static EntityReference Customer(FollowUpCandidate c) =>
        c.AccountId.HasValue ? new EntityReference(CustomerSchema.Account, c.AccountId.Value) : new EntityReference(CustomerSchema.Contact, c.ContactId!.Value);

    private static string Key(FollowUpCandidate c) =>
        c.AccountId.HasValue ? CustomerSchema.Account + ":" + c.AccountId.Value.ToString("D") : CustomerSchema.Contact + ":" + c.ContactId!.Value.ToString("D");
}
