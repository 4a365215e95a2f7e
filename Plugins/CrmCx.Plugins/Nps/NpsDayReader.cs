using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.ServiceModel;
using CrmCx.Domain.Nps;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using CrmCx.Infrastructure;

namespace CrmCx.Nps;

/// <summary>A span of cx_respondedon, with open or closed ends.</summary>
internal sealed class ResponseSpan
{
    public ResponseSpan(DateTime from, bool fromInclusive, DateTime to, bool toInclusive)
    {
        From = from;
        FromInclusive = fromInclusive;
        To = to;
        ToInclusive = toInclusive;
    }

    public DateTime From { get; }
    public bool FromInclusive { get; }
    public DateTime To { get; }
    public bool ToInclusive { get; }

    /// <summary>Whole days [first.Start, last.End).</summary>
    public static ResponseSpan Days(UtcDay first, UtcDay last) => new ResponseSpan(first.Start, true, last.End, false);
}

/// <summary>Responses of one score on one UTC day credited to one customer, as an aggregate row gave them.</summary>
internal sealed class DayCredit
{
    public DayCredit(string table, Guid customer, UtcDay day, int score, int count, DateTime? newest, DateTime? oldest = null)
    {
        Oldest = oldest;
        Table = table;
        Customer = customer;
        Day = day;
        Score = score;
        Count = count;
        Newest = newest;
    }

    public string Table { get; }
    public Guid Customer { get; }
    public UtcDay Day { get; }
    public int Score { get; }
    public int Count { get; }
    public DateTime? Newest { get; }
    /// <summary>The oldest response of the group (when time moves a window edge past it, the figures change).</summary>
    public DateTime? Oldest { get; }
}

/// <summary>
/// Reads survey responses as aggregates grouped by account, contact, score and UTC day, for accounts and contacts in
/// one query: a response that names both counts for each of them that was asked for.
/// </summary>
/// <remarks>
/// Beyond 50,000 rows (AggregateQueryRecordLimit) the customers are split in two, then the spans, then a single
/// span in two halves of time; the parts' day groups add up exactly. The spans read are at most a few days wide
/// except when a customer's day summaries are rebuilt, so splitting is the exception.
/// </remarks>
internal sealed class NpsDayReader
{
    /// <summary>Customers (accounts and contacts together) per query: 30 × 11 scores × a few days stays in one page.</summary>
    public const int CustomersPerQuery = 30;

    private const int PageSize = 5000;
    private static readonly TimeSpan SmallestSplit = TimeSpan.FromMinutes(1);

    private readonly IOrganizationService service;
    private readonly Action<string>? trace;

    public NpsDayReader(IOrganizationService service, Action<string>? trace)
    {
        this.service = service;
        this.trace = trace;
    }

    /// <summary>The day credits of the customers' responses in the spans; spans must not overlap.</summary>
    public List<DayCredit> Read(IReadOnlyList<EntityReference> customers, IReadOnlyList<ResponseSpan> spans)
    {
        var result = new List<DayCredit>();
        if (spans.Count == 0) return result;
        for (var start = 0; start < customers.Count; start += CustomersPerQuery)
            ReadChunk(customers.Skip(start).Take(CustomersPerQuery).ToList(), spans.ToList(), result);
        return result;
    }

    /// <summary>
    /// The UTC days of the customers' responses written (modifiedon) at or after <paramref name="since"/>, as day
    /// credits (only the days matter). A customer with more such rows than one aggregate may count (a migration of
    /// over 50,000 rows in two minutes) is put in <paramref name="rebuild"/> instead: all its days are summarized again.
    /// </summary>
    public List<DayCredit> ModifiedSince(IReadOnlyList<EntityReference> customers, DateTime since, ISet<string> rebuild)
    {
        var result = new List<DayCredit>();
        for (var start = 0; start < customers.Count; start += CustomersPerQuery)
            ModifiedChunk(customers.Skip(start).Take(CustomersPerQuery).ToList(), since, result, rebuild);
        return result;
    }

    private void ModifiedChunk(List<EntityReference> customers, DateTime since, List<DayCredit> result, ISet<string> rebuild)
    {
        var accounts = customers.Where(c => c.LogicalName == CustomerSchema.Account).Select(c => c.Id).ToList();
        var contacts = customers.Where(c => c.LogicalName == CustomerSchema.Contact).Select(c => c.Id).ToList();
        var chunk = new List<DayCredit>();
        try
        {
            for (var page = 1; ; page++)
            {
                var rows = service.RetrieveMultiple(Fetch(accounts, contacts, new List<ResponseSpan>(), page, since).ToExpression());
                foreach (var row in rows.Entities) Credit(row, accounts, contacts, chunk);
                if (!rows.MoreRecords) break;
            }
            result.AddRange(chunk);
        }
        catch (FaultException<OrganizationServiceFault> e) when (e.Detail != null && e.Detail.ErrorCode == NpsAggregateReader.AggregateQueryRecordLimit)
        {
            if (customers.Count == 1)
            {
                trace?.Invoke("More than 50,000 responses of " + customers[0].LogicalName + " " + customers[0].Id + " written since " + QueryValues.Fetch(since) + ": its day summaries are rebuilt.");
                rebuild.Add(customers[0].LogicalName + ":" + customers[0].Id.ToString("D"));
                return;
            }
            var half = customers.Count / 2;
            ModifiedChunk(customers.Take(half).ToList(), since, result, rebuild);
            ModifiedChunk(customers.Skip(half).ToList(), since, result, rebuild);
        }
    }

    private void ReadChunk(List<EntityReference> customers, List<ResponseSpan> spans, List<DayCredit> result)
    {
        if (customers.Count == 0 || spans.Count == 0) return;
        var accounts = customers.Where(c => c.LogicalName == CustomerSchema.Account).Select(c => c.Id).ToList();
        var contacts = customers.Where(c => c.LogicalName == CustomerSchema.Contact).Select(c => c.Id).ToList();
        var chunk = new List<DayCredit>();
        try
        {
            for (var page = 1; ; page++)
            {
                var rows = service.RetrieveMultiple(Fetch(accounts, contacts, spans, page).ToExpression());
                foreach (var row in rows.Entities) Credit(row, accounts, contacts, chunk);
                if (!rows.MoreRecords) break;
            }
            result.AddRange(chunk);
        }
        catch (FaultException<OrganizationServiceFault> e) when (e.Detail != null && e.Detail.ErrorCode == NpsAggregateReader.AggregateQueryRecordLimit)
        {
            if (customers.Count > 1)
            {
                trace?.Invoke("Aggregate over more than 50,000 responses: splitting " + customers.Count + " customers in two.");
                var half = customers.Count / 2;
                ReadChunk(customers.Take(half).ToList(), spans, result);
                ReadChunk(customers.Skip(half).ToList(), spans, result);
                return;
            }
            if (spans.Count > 1)
            {
                var half = spans.Count / 2;
                ReadChunk(customers, spans.Take(half).ToList(), result);
                ReadChunk(customers, spans.Skip(half).ToList(), result);
                return;
            }
            var span = spans[0];
            if (span.To - span.From < SmallestSplit) throw;
            trace?.Invoke("Aggregate over more than 50,000 responses for " + customers[0].LogicalName + " " + customers[0].Id + ": splitting "
                + QueryValues.Fetch(span.From) + " – " + QueryValues.Fetch(span.To) + " in two.");
            var middle = span.From + TimeSpan.FromTicks((span.To - span.From).Ticks / 2);
            ReadChunk(customers, new List<ResponseSpan> { new ResponseSpan(span.From, span.FromInclusive, middle, false) }, result);
            ReadChunk(customers, new List<ResponseSpan> { new ResponseSpan(middle, true, span.To, span.ToInclusive) }, result);
        }
    }

    private static void Credit(Entity row, List<Guid> accounts, List<Guid> contacts, List<DayCredit> into)
    {
        var score = QueryValues.Raw(row, "score");
        var year = QueryValues.Raw(row, "year");
        var month = QueryValues.Raw(row, "month");
        var day = QueryValues.Raw(row, "day");
        // Rows without a score or date cannot count (null groups of imported data).
        if (!(score is int s) || year == null || month == null || day == null) return;
        var date = UtcDay.From(Convert.ToInt32(year, CultureInfo.InvariantCulture), Convert.ToInt32(month, CultureInfo.InvariantCulture), Convert.ToInt32(day, CultureInfo.InvariantCulture));
        var count = Convert.ToInt32(QueryValues.Raw(row, "n"), CultureInfo.InvariantCulture);
        var newest = QueryValues.Raw(row, "newest") is DateTime d ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : (DateTime?)null;
        var oldest = QueryValues.Raw(row, "oldest") is DateTime o ? DateTime.SpecifyKind(o, DateTimeKind.Utc) : (DateTime?)null;
        var account = QueryValues.Id(QueryValues.Raw(row, "account"));
        var contact = QueryValues.Id(QueryValues.Raw(row, "contact"));
        if (account.HasValue && accounts.Contains(account.Value)) into.Add(new DayCredit(CustomerSchema.Account, account.Value, date, s, count, newest, oldest));
        if (contact.HasValue && contacts.Contains(contact.Value)) into.Add(new DayCredit(CustomerSchema.Contact, contact.Value, date, s, count, newest, oldest));
    }

    private static FetchXml Fetch(List<Guid> accounts, List<Guid> contacts, List<ResponseSpan> spans, int page, DateTime? modifiedSince = null)
    {
        var r = SurveyResponseSchema.RespondedOn;
        var fetch = FetchXml.Of(SurveyResponseSchema.EntityName, aggregate: true, count: PageSize, page: page);
        if (accounts.Count > 0) fetch.Attribute(SurveyResponseSchema.Account, "account", groupBy: true);
        if (contacts.Count > 0) fetch.Attribute(SurveyResponseSchema.Contact, "contact", groupBy: true);
        fetch.Attribute(SurveyResponseSchema.Score, "score", groupBy: true);
        // usertimezone="false": days are UTC days, whoever runs the step.
        foreach (var part in new[] { "year", "month", "day" }) fetch.Attribute(r, part, groupBy: true, dateGrouping: part, userTimeZone: false);
        fetch.Attribute(SurveyResponseSchema.Id, "n", "count").Attribute(r, "newest", "max").Attribute(r, "oldest", "min");
        fetch.Filter().Filter("or");
        if (accounts.Count > 0) fetch.In(SurveyResponseSchema.Account, accounts);
        if (contacts.Count > 0) fetch.In(SurveyResponseSchema.Contact, contacts);
        fetch.End()
            // Rows written with plug-ins off that failed validation are kept but count nowhere (data-model.md).
            .Condition(SurveyResponseSchema.ValidationError, "null");
        if (modifiedSince.HasValue) fetch.Condition(SurveyResponseSchema.ModifiedOn, "ge", modifiedSince.Value);
        if (spans.Count > 0)
        {
            fetch.Filter("or");
            foreach (var span in spans)
                fetch.Filter().Condition(r, span.FromInclusive ? "ge" : "gt", span.From).Condition(r, span.ToInclusive ? "le" : "lt", span.To).End();
            fetch.End();
        }
        return fetch.End();
    }
}
