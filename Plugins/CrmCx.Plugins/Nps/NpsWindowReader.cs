using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmCx.Domain.Nps;
using CrmCx.Infrastructure;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCx.Nps;

/// <summary>
/// Reads, in ONE query, every response of some accounts and contacts since the start of the previous window (or of the
/// history, when that is earlier) together with the customers' own rows (version, computed-on date, correlation id,
/// owner, name) through outer links from each response to its account and contact. Within one page (5,000 rows) that
/// is all a customer's figures need: no aggregate, no day summaries, no separate read of the customer.
/// </summary>
/// <remarks>
/// <para>The versions come from the same statement as the responses, so a write under them can only succeed if nobody
/// wrote the customer since those responses were read (the optimistic rule of <see cref="NpsRecomputeService"/>).</para>
/// <para>A customer appears only when one of the rows names it; one without a response in the span (its last response
/// was deleted, or is older) is then read on its own by the caller. More than one page means a large customer: the
/// caller falls back to the day summaries, which keep its calls constant however long the history.</para>
/// </remarks>
internal sealed class NpsWindowReader
{
    private const string AccountAlias = "acct";
    private const string ContactAlias = "cont";
    private const string FollowUpSuffix = "fu";
    private const string LanguageSuffix = "lang";

    /// <summary>The owner's UI language (usersettings.uilanguageid), kept on the customer row read under this name.</summary>
    public const string OwnerLanguage = "uilanguageid";

    private readonly IOrganizationService service;

    public NpsWindowReader(IOrganizationService service)
    {
        this.service = service;
    }

    /// <summary>
    /// The customers' responses with respondedon after <paramref name="from"/> and their rows (<see cref="WindowRead.Complete"/>
    /// false when they do not fit in one page: the rows met are still given, their responses are not complete). For the customers in <paramref name="followUp"/> it also says whether an open task regards one of
    /// their responses (of any date), through a link from the customer row to those responses.
    /// </summary>
    /// <remarks>
    /// A customer with a day base (cx_npsdaybaseend set) only gets the rows its base lacks: from the base's end on, and
    /// those of <paramref name="accountDays"/> or <paramref name="contactDays"/> (the edge days and touched days, <see cref="NpsDayBase.ReadDays"/>), through
    /// cross-table column comparisons with its linked row. Its other rows may still come back for the other customer
    /// they name; <see cref="NpsDayBase.Roll"/> leaves them out. With <paramref name="writtenSince"/> (the request's
    /// first possible write), its rows written since come back too, whatever their day (<see cref="WindowCustomer.Written"/>):
    /// a bulk request's rows on days the base counts must not be missed by a job whose siblings stop early.
    /// </remarks>
    public WindowRead Read(IReadOnlyList<EntityReference> customers, DateTime from, ISet<string> followUp, int most, SortedSet<UtcDay> accountDays, SortedSet<UtcDay> contactDays,
        DateTime? writtenSince = null)
    {
        var accounts = customers.Where(c => c.LogicalName == CustomerSchema.Account).Select(c => c.Id).Distinct().ToList();
        var contacts = customers.Where(c => c.LogicalName == CustomerSchema.Contact).Select(c => c.Id).Distinct().ToList();
        var result = new Dictionary<string, WindowCustomer>(StringComparer.Ordinal);
        if (accounts.Count + contacts.Count == 0) return new WindowRead(result, true);
        var followAccounts = accounts.Any(a => followUp.Contains(Key(CustomerSchema.Account, a)));
        var followContacts = contacts.Any(c => followUp.Contains(Key(CustomerSchema.Contact, c)));
        var rows = service.RetrieveMultiple(Fetch(accounts, contacts, from, followAccounts, followContacts, most, accountDays, contactDays, writtenSince).ToExpression());

        // Each customer's key is made once, not per row (a read can bring thousands of rows).
        var accountKeys = accounts.ToDictionary(id => id, id => Key(CustomerSchema.Account, id));
        var contactKeys = contacts.ToDictionary(id => id, id => Key(CustomerSchema.Contact, id));
        // The rows come ordered by response id, so the copies of one response (one per open task) are neighbours.
        var previous = Guid.Empty;
        foreach (var row in rows.Entities)
        {
            var repeat = row.Id == previous && previous != Guid.Empty;
            previous = row.Id;
            var score = row.GetAttributeValue<int?>(SurveyResponseSchema.Score);
            var respondedOn = row.GetAttributeValue<DateTime?>(SurveyResponseSchema.RespondedOn);
            var account = row.GetAttributeValue<EntityReference>(SurveyResponseSchema.Account);
            var contact = row.GetAttributeValue<EntityReference>(SurveyResponseSchema.Contact);
            var recent = writtenSince.HasValue && row.GetAttributeValue<DateTime?>(SurveyResponseSchema.ModifiedOn) is { } modified && modified >= writtenSince.Value;
            string? key;
            if (account != null && accountKeys.TryGetValue(account.Id, out key))
                Add(result, repeat, key, CustomerSchema.Account, account.Id, row, AccountAlias, AccountFollowUpId, score, respondedOn, recent, followUp);
            if (contact != null && contactKeys.TryGetValue(contact.Id, out key))
                Add(result, repeat, key, CustomerSchema.Contact, contact.Id, row, ContactAlias, ContactFollowUpId, score, respondedOn, recent, followUp);
        }
        return new WindowRead(result, !rows.MoreRecords);
    }

    /// <summary>table:id, the key customers go by in the rollup.</summary>
    public static string Key(string table, Guid id) => table + ":" + id.ToString("D");

    // The aliased id of a response an open task regards, per customer link.
    private const string AccountFollowUpId = AccountAlias + FollowUpSuffix + "." + SurveyResponseSchema.Id;
    private const string ContactFollowUpId = ContactAlias + FollowUpSuffix + "." + SurveyResponseSchema.Id;

    private static void Add(
        Dictionary<string, WindowCustomer> result, bool repeat, string key, string table, Guid id, Entity row, string alias,
        string followUpId, int? score, DateTime? respondedOn, bool recent, ISet<string> followUp)
    {
        WindowCustomer? customer;
        if (!result.TryGetValue(key, out customer))
        {
            var asked = followUp.Contains(key);
            result[key] = customer = new WindowCustomer(Customer(table, id, row, alias), asked ? false : (bool?)null);
        }
        if (customer.HasOpenFollowUp == false && QueryValues.Raw(row, followUpId) != null)
            customer.HasOpenFollowUp = true;
        // The follow-up link can bring a response back once per open task of the customer: count each response once.
        if (repeat) return;
        if (score.HasValue && respondedOn.HasValue)
            customer.Responses.Add(new ScoredResponse(score.Value, DateTime.SpecifyKind(respondedOn.Value, DateTimeKind.Utc)));
        if (recent && respondedOn.HasValue) customer.Written.Add(DateTime.SpecifyKind(respondedOn.Value, DateTimeKind.Utc));
    }

    /// <summary>The customer's row as the linked columns give it (what the rollup reads of a customer).</summary>
    private static Entity Customer(string table, Guid id, Entity row, string alias)
    {
        var customer = new Entity(table, id);
        foreach (var column in Columns(table))
        {
            var value = QueryValues.Raw(row, alias + "." + column);
            if (value != null) customer[column] = value;
        }
        // The owner's language, for the follow-up task written in it (a team owner has none: the base language).
        if (QueryValues.Raw(row, alias + LanguageSuffix + "." + OwnerLanguage) is int lcid) customer[OwnerLanguage] = lcid;
        return customer;
    }

    private static IEnumerable<string> Columns(string table) => new[]
    {
        table == CustomerSchema.Account ? CustomerSchema.AccountName : CustomerSchema.ContactFullName,
        CustomerSchema.Owner, CustomerSchema.NpsUpdatedOn, CustomerSchema.NpsDaysThrough, CustomerSchema.NpsCorrelationId,
        CustomerSchema.NpsDayBase, CustomerSchema.NpsDayBaseEnd, OptimisticUpdate.VersionNumber,
        // The journey facts the customer's risk combines with its own (written by the journey rollup).
        CustomerSchema.OpenJourneys, CustomerSchema.JourneyRiskLevel, CustomerSchema.AtRiskJourneys,
    };

    private static FetchXml Fetch(List<Guid> accounts, List<Guid> contacts, DateTime from, bool followAccounts, bool followContacts, int most,
        SortedSet<UtcDay> accountDays, SortedSet<UtcDay> contactDays, DateTime? writtenSince)
    {
        var fetch = FetchXml.Of(SurveyResponseSchema.EntityName, count: most, page: 1)
            .Attributes(new[] { SurveyResponseSchema.Id, SurveyResponseSchema.Account, SurveyResponseSchema.Contact, SurveyResponseSchema.Score, SurveyResponseSchema.RespondedOn, SurveyResponseSchema.ModifiedOn })
            .Filter().Filter("or");
        if (accounts.Count > 0) Side(fetch, SurveyResponseSchema.Account, accounts, AccountAlias, accountDays, writtenSince);
        if (contacts.Count > 0) Side(fetch, SurveyResponseSchema.Contact, contacts, ContactAlias, contactDays, writtenSince);
        fetch.End()
            // Rows written with plug-ins off that failed validation are kept but count nowhere (data-model.md).
            .Condition(SurveyResponseSchema.ValidationError, "null")
            .Condition(SurveyResponseSchema.RespondedOn, "gt", from)
            .End();
        if (accounts.Count > 0) AppendCustomer(fetch, CustomerSchema.Account, CustomerSchema.AccountId, SurveyResponseSchema.Account, AccountAlias, followAccounts);
        if (contacts.Count > 0) AppendCustomer(fetch, CustomerSchema.Contact, CustomerSchema.ContactId, SurveyResponseSchema.Contact, ContactAlias, followContacts);
        // A stable order, so that duplicates of one response (one per open task) stay together.
        return fetch.Order(SurveyResponseSchema.Id);
    }

    /// <summary>
    /// A response of these customers, when the customer has no day base, or it is dated from the base's end on, or on
    /// one of the days read whole.
    /// </summary>
    private static void Side(FetchXml fetch, string column, List<Guid> ids, string alias, SortedSet<UtcDay> days, DateTime? writtenSince)
    {
        fetch.Filter().In(column, ids).Filter("or")
            .LinkedCondition(alias, CustomerSchema.NpsDayBaseEnd, "null")
            .ColumnCondition(SurveyResponseSchema.RespondedOn, "ge", alias + "." + CustomerSchema.NpsDayBaseEnd);
        if (writtenSince.HasValue) fetch.Condition(SurveyResponseSchema.ModifiedOn, "ge", writtenSince.Value);
        // Consecutive days as one span, as the day path reads them.
        foreach (var span in NpsDayPath.Contiguous(days))
            fetch.Filter().Condition(SurveyResponseSchema.RespondedOn, "ge", span.From).Condition(SurveyResponseSchema.RespondedOn, "lt", span.To).End();
        fetch.End().End();
    }

    private static void AppendCustomer(FetchXml fetch, string table, string idColumn, string responseColumn, string alias, bool followUp)
    {
        fetch.Link(table, idColumn, responseColumn, alias, "outer").Attributes(Columns(table));
        if (followUp)
        {
            // The owner's language (many-to-one: no more rows), in which the follow-up task is written.
            fetch.Link("usersettings", "systemuserid", CustomerSchema.Owner, alias + LanguageSuffix, "outer").Attribute(OwnerLanguage).End();
            FollowUpTasks.AppendOpenFollowUpLink(fetch, responseColumn, idColumn, alias + FollowUpSuffix);
        }
        fetch.End();
    }
}

/// <summary>What one <see cref="NpsWindowReader.Read"/> found.</summary>
internal sealed class WindowRead
{
    public WindowRead(Dictionary<string, WindowCustomer> customers, bool complete)
    {
        Customers = customers;
        Complete = complete;
    }

    /// <summary>The customers met, by table:id.</summary>
    public Dictionary<string, WindowCustomer> Customers { get; }

    /// <summary>Whether every response of the span came back (one page held them).</summary>
    public bool Complete { get; }
}

/// <summary>One customer as <see cref="NpsWindowReader"/> read it: its row and its responses of the span.</summary>
internal sealed class WindowCustomer
{
    public WindowCustomer(Entity row, bool? hasOpenFollowUp)
    {
        Row = row;
        HasOpenFollowUp = hasOpenFollowUp;
    }

    /// <summary>The customer's columns (from the link; no figures).</summary>
    public Entity Row { get; }

    /// <summary>Whether an open task regards one of its responses; null when not asked.</summary>
    public bool? HasOpenFollowUp { get; set; }

    /// <summary>Its responses of the span, each once.</summary>
    public List<ScoredResponse> Responses { get; } = new List<ScoredResponse>();

    /// <summary>The response dates of its rows written since the read's writtenSince (a bulk request's rows), each once.</summary>
    public List<DateTime> Written { get; } = new List<DateTime>();
}
