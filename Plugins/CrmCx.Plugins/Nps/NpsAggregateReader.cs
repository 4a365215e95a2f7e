using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.ServiceModel;
using System.Text;
using CrmCx.Domain.Nps;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCx.Nps
{
    /// <summary>
    /// Reads the survey responses of many customers as aggregates (FetchXML count and max grouped by customer, score,
    /// year and month of cx_respondedon, in UTC): one query per span of <see cref="NpsPeriods"/> per chunk of customers,
    /// whatever the number of responses, so the cost of a rollup does not grow with a customer's history.
    /// </summary>
    /// <remarks>
    /// Dataverse refuses an aggregate over more than 50,000 rows (AggregateQueryRecordLimit). When that happens the
    /// chunk of customers is split in two, and a single customer's span is split in two halves of time; the halves'
    /// month groups add up exactly. So beyond 50,000 responses per span the number of calls grows with the logarithm of
    /// the volume instead of failing.
    /// </remarks>
    internal sealed class NpsAggregateReader
    {
        /// <summary>Error code of "AggregateQueryRecordLimit exceeded".</summary>
        public const int AggregateQueryRecordLimit = unchecked((int)0x8004E023);

        /// <summary>
        /// Customers per aggregate query: a window spans at most 13 calendar months × 11 scores = 143 groups per
        /// customer, so 30 customers stay within one 5,000-row page in the usual case (more pages are read if needed).
        /// </summary>
        public const int CustomersPerQuery = 30;

        private const int PageSize = 5000;
        private static readonly TimeSpan SmallestSplit = TimeSpan.FromMinutes(1);

        private readonly IOrganizationService service;
        private readonly Action<string>? trace;

        public NpsAggregateReader(IOrganizationService service, Action<string>? trace)
        {
            this.service = service;
            this.trace = trace;
        }

        /// <summary>
        /// Score × month counts of each customer's responses whose cx_respondedon is in (from, to] — or [from, to]
        /// when <paramref name="fromInclusive"/> — keyed by customer id; customers without responses are absent.
        /// </summary>
        public Dictionary<Guid, List<ScoreMonthCount>> Read(string customerColumn, IReadOnlyList<Guid> customers, DateTime from, bool fromInclusive, DateTime to)
        {
            var result = new Dictionary<Guid, List<ScoreMonthCount>>();
            for (var start = 0; start < customers.Count; start += CustomersPerQuery)
            {
                var chunk = customers.Skip(start).Take(CustomersPerQuery).ToList();
                ReadChunk(customerColumn, chunk, from, fromInclusive, to, result);
            }
            return result;
        }

        /// <summary>The newest cx_respondedon (at most <paramref name="to"/>) of each customer, for those whose windows were empty.</summary>
        public Dictionary<Guid, DateTime> Newest(string customerColumn, IReadOnlyList<Guid> customers, DateTime to)
        {
            var result = new Dictionary<Guid, DateTime>();
            for (var start = 0; start < customers.Count; start += CustomersPerQuery)
            {
                NewestChunk(customerColumn, customers.Skip(start).Take(CustomersPerQuery).ToList(), to, result);
            }
            return result;
        }

        private void ReadChunk(string customerColumn, List<Guid> customers, DateTime from, bool fromInclusive, DateTime to, Dictionary<Guid, List<ScoreMonthCount>> result)
        {
            if (customers.Count == 0 || to < from) return;
            try
            {
                for (var page = 1; ; page++)
                {
                    var fetch = GroupedFetch(customerColumn, customers, from, fromInclusive, to, page);
                    var rows = service.RetrieveMultiple(new FetchExpression(fetch));
                    foreach (var row in rows.Entities)
                    {
                        var customer = AsGuid(Aliased(row, "customer"));
                        var score = Aliased(row, "score");
                        var year = Aliased(row, "year");
                        var month = Aliased(row, "month");
                        // Rows without a customer, score or date cannot count (null groups of imported data).
                        if (!customer.HasValue || !(score is int s) || year == null || month == null) continue;
                        var count = Convert.ToInt32(Aliased(row, "n"), CultureInfo.InvariantCulture);
                        var newest = Aliased(row, "newest") is DateTime d ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : (DateTime?)null;
                        List<ScoreMonthCount>? list;
                        if (!result.TryGetValue(customer.Value, out list)) result[customer.Value] = list = new List<ScoreMonthCount>();
                        list.Add(new ScoreMonthCount(s, new YearMonth(Convert.ToInt32(year, CultureInfo.InvariantCulture), Convert.ToInt32(month, CultureInfo.InvariantCulture)), count, newest));
                    }
                    if (!rows.MoreRecords) break;
                }
            }
            catch (FaultException<OrganizationServiceFault> e) when (e.Detail != null && e.Detail.ErrorCode == AggregateQueryRecordLimit)
            {
                // Rows already added for this chunk would be counted twice after the split: take them out first.
                foreach (var c in customers) result.Remove(c);
                if (customers.Count > 1)
                {
                    trace?.Invoke("Aggregate over more than 50,000 responses: splitting " + customers.Count + " customers in two.");
                    var half = customers.Count / 2;
                    ReadChunk(customerColumn, customers.Take(half).ToList(), from, fromInclusive, to, result);
                    ReadChunk(customerColumn, customers.Skip(half).ToList(), from, fromInclusive, to, result);
                    return;
                }
                if (to - from < SmallestSplit) throw;
                trace?.Invoke("Aggregate over more than 50,000 responses for " + customers[0] + ": splitting " + Iso(from) + " – " + Iso(to) + " in two.");
                var middle = from + TimeSpan.FromTicks((to - from).Ticks / 2);
                var first = new Dictionary<Guid, List<ScoreMonthCount>>();
                var second = new Dictionary<Guid, List<ScoreMonthCount>>();
                ReadChunk(customerColumn, customers, from, fromInclusive, middle, first);
                ReadChunk(customerColumn, customers, middle, false, to, second);
                var merged = first.Concat(second).SelectMany(p => p.Value).ToList();
                if (merged.Count > 0) result[customers[0]] = merged;
            }
        }

        private void NewestChunk(string customerColumn, List<Guid> customers, DateTime to, Dictionary<Guid, DateTime> result)
        {
            if (customers.Count == 0) return;
            try
            {
                var fetch = new StringBuilder();
                fetch.Append("<fetch aggregate=\"true\"><entity name=\"").Append(SurveyResponseSchema.EntityName).Append("\">");
                fetch.Append("<attribute name=\"").Append(customerColumn).Append("\" alias=\"customer\" groupby=\"true\" />");
                fetch.Append("<attribute name=\"").Append(SurveyResponseSchema.RespondedOn).Append("\" alias=\"newest\" aggregate=\"max\" />");
                fetch.Append("<filter type=\"and\">");
                AppendIn(fetch, customerColumn, customers);
                fetch.Append("<condition attribute=\"").Append(SurveyResponseSchema.RespondedOn).Append("\" operator=\"le\" value=\"").Append(Iso(to)).Append("\" />");
                fetch.Append("</filter></entity></fetch>");
                foreach (var row in service.RetrieveMultiple(new FetchExpression(fetch.ToString())).Entities)
                {
                    var customer = AsGuid(Aliased(row, "customer"));
                    if (customer.HasValue && Aliased(row, "newest") is DateTime d) result[customer.Value] = DateTime.SpecifyKind(d, DateTimeKind.Utc);
                }
            }
            catch (FaultException<OrganizationServiceFault> e) when (e.Detail != null && e.Detail.ErrorCode == AggregateQueryRecordLimit)
            {
                if (customers.Count > 1)
                {
                    var half = customers.Count / 2;
                    NewestChunk(customerColumn, customers.Take(half).ToList(), to, result);
                    NewestChunk(customerColumn, customers.Skip(half).ToList(), to, result);
                    return;
                }
                // One customer with more than 50,000 responses: the newest is the first row in date order.
                var query = new QueryExpression(SurveyResponseSchema.EntityName) { ColumnSet = new ColumnSet(SurveyResponseSchema.RespondedOn), TopCount = 1 };
                query.Criteria.AddCondition(customerColumn, ConditionOperator.Equal, customers[0]);
                query.Criteria.AddCondition(SurveyResponseSchema.RespondedOn, ConditionOperator.LessEqual, to);
                query.AddOrder(SurveyResponseSchema.RespondedOn, OrderType.Descending);
                var newest = service.RetrieveMultiple(query).Entities.FirstOrDefault()?.GetAttributeValue<DateTime?>(SurveyResponseSchema.RespondedOn);
                if (newest.HasValue) result[customers[0]] = DateTime.SpecifyKind(newest.Value, DateTimeKind.Utc);
            }
        }

        private static string GroupedFetch(string customerColumn, List<Guid> customers, DateTime from, bool fromInclusive, DateTime to, int page)
        {
            var r = SurveyResponseSchema.RespondedOn;
            var fetch = new StringBuilder(512 + customers.Count * 60);
            fetch.Append("<fetch aggregate=\"true\" count=\"").Append(PageSize.ToString(CultureInfo.InvariantCulture))
                .Append("\" page=\"").Append(page.ToString(CultureInfo.InvariantCulture)).Append("\">");
            fetch.Append("<entity name=\"").Append(SurveyResponseSchema.EntityName).Append("\">");
            fetch.Append("<attribute name=\"").Append(customerColumn).Append("\" alias=\"customer\" groupby=\"true\" />");
            fetch.Append("<attribute name=\"").Append(SurveyResponseSchema.Score).Append("\" alias=\"score\" groupby=\"true\" />");
            // usertimezone="false": months are calendar months in UTC (cx-scoring.md), not in the calling user's time zone.
            fetch.Append("<attribute name=\"").Append(r).Append("\" alias=\"year\" groupby=\"true\" dategrouping=\"year\" usertimezone=\"false\" />");
            fetch.Append("<attribute name=\"").Append(r).Append("\" alias=\"month\" groupby=\"true\" dategrouping=\"month\" usertimezone=\"false\" />");
            fetch.Append("<attribute name=\"").Append(SurveyResponseSchema.Id).Append("\" alias=\"n\" aggregate=\"count\" />");
            fetch.Append("<attribute name=\"").Append(r).Append("\" alias=\"newest\" aggregate=\"max\" />");
            fetch.Append("<filter type=\"and\">");
            AppendIn(fetch, customerColumn, customers);
            fetch.Append("<condition attribute=\"").Append(r).Append("\" operator=\"").Append(fromInclusive ? "ge" : "gt").Append("\" value=\"").Append(Iso(from)).Append("\" />");
            fetch.Append("<condition attribute=\"").Append(r).Append("\" operator=\"le\" value=\"").Append(Iso(to)).Append("\" />");
            fetch.Append("</filter></entity></fetch>");
            return fetch.ToString();
        }

        internal static void AppendIn(StringBuilder fetch, string column, List<Guid> ids)
        {
            if (ids.Count == 1)
            {
                fetch.Append("<condition attribute=\"").Append(column).Append("\" operator=\"eq\" value=\"").Append(ids[0].ToString("D")).Append("\" />");
                return;
            }
            fetch.Append("<condition attribute=\"").Append(column).Append("\" operator=\"in\">");
            foreach (var id in ids) fetch.Append("<value>").Append(id.ToString("D")).Append("</value>");
            fetch.Append("</condition>");
        }

        /// <summary>ISO 8601 UTC with milliseconds, the precision Dataverse keeps.</summary>
        internal static string Iso(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

        /// <summary>The value of an aggregate's alias (unwrapped from its AliasedValue), or null.</summary>
        internal static object? Aliased(Entity row, string alias)
        {
            object? value;
            if (!row.Attributes.TryGetValue(alias, out value)) return null;
            return value is AliasedValue a ? a.Value : value;
        }

        /// <summary>The id in a grouped lookup value (an EntityReference or a Guid), or null.</summary>
        internal static Guid? AsGuid(object? value)
        {
            if (value is EntityReference r) return r.Id;
            if (value is Guid g) return g;
            return null;
        }
    }
}
