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

/// <summary>A customer row as the rollup read it, and whether an open task regards one of its responses (null: not asked).</summary>
internal sealed class StoredCustomer
{
    public StoredCustomer(string table, Entity row, bool? hasOpenFollowUp)
    {
        Table = table;
        Row = row;
        HasOpenFollowUp = hasOpenFollowUp;
        Key = NpsWindowReader.Key(table, row.Id);
    }

    public string Table { get; }
    public Entity Row { get; }
    public string Key { get; }
    public EntityReference Reference => new EntityReference(Table, Row.Id);
    public string? Name => NpsCustomerRows.Name(Table, Row);
    public bool? HasOpenFollowUp { get; set; }
}

/// <summary>
/// Reads customer rows on their own (owner, name, version, computed-on date, summarized-through day, correlation id):
/// for the customers that <see cref="NpsWindowReader"/> did not meet, and for the day-summary path.
/// </summary>
internal sealed class NpsCustomerRows
{
    private const int CustomersPerRetrieve = 250;
    private const int PageSize = 5000;
    private const string FollowUpAlias = "followup";
    private const string FollowUpColumn = FollowUpAlias + "." + SurveyResponseSchema.Id;

    private readonly IOrganizationService service;

    public NpsCustomerRows(IOrganizationService service)
    {
        this.service = service;
    }

    /// <summary>
    /// The rows of the customers by id. For the customers in <paramref name="followUp"/>, an outer link to their
    /// responses that an open task regards says whether a follow-up is already open; a customer then comes back once
    /// per such response (usually none or one), so the rows are grouped by customer and read page by page.
    /// </summary>
    public Dictionary<Guid, StoredCustomer> Read(string table, List<Guid> ids, HashSet<Guid>? followUp)
    {
        var result = new Dictionary<Guid, StoredCustomer>();
        var idColumn = table == CustomerSchema.Account ? CustomerSchema.AccountId : CustomerSchema.ContactId;
        var name = table == CustomerSchema.Account ? CustomerSchema.AccountName : CustomerSchema.ContactFullName;
        var columns = new[] { idColumn, CustomerSchema.NpsUpdatedOn, CustomerSchema.NpsDaysThrough, CustomerSchema.NpsCorrelationId, CustomerSchema.Owner, name, OptimisticUpdate.VersionNumber,
            CustomerSchema.NpsDayBase, CustomerSchema.NpsDayBaseEnd,
            CustomerSchema.OpenJourneys, CustomerSchema.JourneyRiskLevel, CustomerSchema.AtRiskJourneys };
        for (var start = 0; start < ids.Count; start += CustomersPerRetrieve)
        {
            var chunk = ids.Skip(start).Take(CustomersPerRetrieve).ToList();
            var link = followUp != null && chunk.Any(followUp.Contains);
            for (var page = 1; ; page++)
            {
                var rows = service.RetrieveMultiple(Fetch(table, idColumn, columns, chunk, link, page).ToExpression());
                foreach (var row in rows.Entities)
                {
                    var openTask = QueryValues.Raw(row, FollowUpColumn) != null;
                    row.Attributes.Remove(FollowUpColumn);
                    StoredCustomer? known;
                    if (!result.TryGetValue(row.Id, out known))
                        result[row.Id] = known = new StoredCustomer(table, row, link && followUp!.Contains(row.Id) ? false : (bool?)null);
                    if (openTask && known.HasOpenFollowUp.HasValue) known.HasOpenFollowUp = true;
                }
                if (!rows.MoreRecords) break;
            }
        }
        return result;
    }

    /// <summary>The customers' rows as the window read met them, the others read on their own (their responses: none in the span).</summary>
    public IEnumerable<ReadCustomer> Met(List<EntityReference> batch, WindowRead read, HashSet<string> follow)
    {
        var missing = batch.Where(c => !read.Customers.ContainsKey(NpsWindowReader.Key(c.LogicalName, c.Id))).ToList();
        var alone = new Dictionary<string, StoredCustomer>(StringComparer.Ordinal);
        foreach (var table in NpsCustomerRows.Group(missing))
        {
            var check = new HashSet<Guid>(table.Value.Where(id => follow.Contains(NpsWindowReader.Key(table.Key, id))));
            foreach (var row in Read(table.Key, table.Value, check.Count > 0 ? check : null).Values) alone[row.Key] = row;
        }
        foreach (var customer in batch)
        {
            var key = NpsWindowReader.Key(customer.LogicalName, customer.Id);
            WindowCustomer? met;
            StoredCustomer? row;
            if (read.Customers.TryGetValue(key, out met)) yield return new ReadCustomer(new StoredCustomer(customer.LogicalName, met.Row, met.HasOpenFollowUp), met.Responses, met.Written);
            else if (alone.TryGetValue(key, out row)) yield return new ReadCustomer(row, new List<ScoredResponse>());
            // else: the customer no longer exists: skipped.
        }
    }

    /// <summary>The customer's name (account name or contact full name).</summary>
    internal static string? Name(string table, Entity row) =>
        row.GetAttributeValue<string>(table == CustomerSchema.Account ? CustomerSchema.AccountName : CustomerSchema.ContactFullName);

    /// <summary>The response column that names a customer of this table.</summary>
    internal static string ResponseColumn(string table)
    {
        if (table == CustomerSchema.Account) return SurveyResponseSchema.Account;
        if (table == CustomerSchema.Contact) return SurveyResponseSchema.Contact;
        throw new ArgumentException("NPS is computed for accounts and contacts; got '" + table + "'.", nameof(table));
    }

    /// <summary>The customers grouped by table, each once, empty ids skipped; any other table is refused.</summary>
    internal static Dictionary<string, List<Guid>> Group(IEnumerable<EntityReference> customers)
    {
        var result = new Dictionary<string, List<Guid>>(StringComparer.Ordinal);
        foreach (var customer in customers)
        {
            if (customer == null || customer.Id == Guid.Empty) continue;
            ResponseColumn(customer.LogicalName);
            List<Guid>? ids;
            if (!result.TryGetValue(customer.LogicalName, out ids)) result[customer.LogicalName] = ids = new List<Guid>();
            if (!ids.Contains(customer.Id)) ids.Add(customer.Id);
        }
        return result;
    }

    private static FetchXml Fetch(string table, string idColumn, string[] columns, List<Guid> ids, bool followUp, int page)
    {
        var fetch = FetchXml.Of(table, count: PageSize, page: page).Attributes(columns).Filter().In(idColumn, ids).End();
        if (followUp) FollowUpTasks.AppendOpenFollowUpLink(fetch, ResponseColumn(table), idColumn, FollowUpAlias);
        // A stable order for the pages (a customer with several such responses spans rows).
        return fetch.Order(idColumn);
    }
}

/// <summary>A customer's row and its responses of the span.</summary>
internal sealed class ReadCustomer
{
    public ReadCustomer(StoredCustomer row, List<ScoredResponse> responses, List<DateTime>? written = null)
    {
        Row = row;
        Responses = responses;
        Written = written ?? new List<DateTime>();
    }

    public StoredCustomer Row { get; }
    public List<ScoredResponse> Responses { get; }
    /// <summary>The response dates of its rows the request wrote (see <see cref="WindowCustomer.Written"/>).</summary>
    public List<DateTime> Written { get; }
}
