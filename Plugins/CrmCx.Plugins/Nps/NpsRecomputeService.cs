using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using CrmCx.Domain.Nps;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCx.Nps
{
    /// <summary>
    /// Recomputes the NPS columns of accounts and contacts from the survey responses at rest and writes them with
    /// optimistic concurrency. Used by the rollup plugin, and callable as is by tools (the CLI's seed, demo and
    /// benchmark): <c>new NpsRecomputeService(service, NpsOptions.Default).Recompute(customers, utcNow)</c>.
    /// </summary>
    /// <remarks>
    /// Calls for a batch of customers of one table: one RetrieveMultiple for the rows and their versions (per 250
    /// customers), one aggregate per span (two with the default window; per 30 customers), and one Update per customer
    /// whose figures changed. The row version is read BEFORE the aggregates: a recompute that read older responses can
    /// then only write if nobody wrote the customer since, and every response change queues a recompute that starts after
    /// the change, so the last successful write always saw every response. A version mismatch re-reads that customer
    /// alone, up to <see cref="MaxAttempts"/> attempts in all.
    /// </remarks>
    public sealed class NpsRecomputeService
    {
        /// <summary>Attempts per customer (the first and the retries after a version mismatch).</summary>
        public const int MaxAttempts = 5;

        /// <summary>Error code of a write whose row version no longer matches (ConcurrencyVersionMismatch).</summary>
        public const int ConcurrencyVersionMismatch = unchecked((int)0x80060882);

        private const int CustomersPerRetrieve = 250;
        private const string VersionNumber = "versionnumber";

        private static readonly string[] FigureColumns =
        {
            CustomerSchema.Nps, CustomerSchema.NpsPrevious, CustomerSchema.NpsMargin, CustomerSchema.NpsPreviousMargin, CustomerSchema.NpsResponses,
            CustomerSchema.Promoters, CustomerSchema.Passives, CustomerSchema.Detractors, CustomerSchema.NpsHistory, CustomerSchema.LastResponseOn,
        };

        private readonly IOrganizationService service;
        private readonly NpsOptions options;
        private readonly Action<string>? trace;
        private readonly NpsAggregateReader reader;

        /// <summary>Creates the service over an organization service (the SYSTEM user's in plugins: the figures are computed columns).</summary>
        public NpsRecomputeService(IOrganizationService service, NpsOptions options, Action<string>? trace = null)
        {
            this.service = service ?? throw new ArgumentNullException(nameof(service));
            this.options = options ?? throw new ArgumentNullException(nameof(options));
            this.trace = trace;
            reader = new NpsAggregateReader(service, trace);
        }

        /// <summary>Recomputes and writes the figures of each account and contact once (duplicates are merged); customers that no longer exist are skipped.</summary>
        public NpsRecomputeResult Recompute(IEnumerable<EntityReference> customers, DateTime utcNow)
        {
            if (customers == null) throw new ArgumentNullException(nameof(customers));
            var results = new List<CustomerNps>();
            foreach (var table in Group(customers))
            {
                var rows = RetrieveCustomers(table.Key, table.Value);
                var present = table.Value.Where(rows.ContainsKey).ToList();
                var figures = ComputeMany(table.Key, present, utcNow);
                foreach (var id in present)
                {
                    var result = Write(table.Key, rows[id], figures[id], 1);
                    if (result == null) result = Retry(table.Key, id, utcNow);
                    if (result != null) results.Add(result);
                }
            }
            return new NpsRecomputeResult(results);
        }

        /// <summary>The figures of one account or contact from the rows at rest, without writing anything (a "fresh recompute").</summary>
        public NpsFigures Compute(EntityReference customer, DateTime utcNow)
        {
            if (customer == null) throw new ArgumentNullException(nameof(customer));
            return ComputeMany(customer.LogicalName, new List<Guid> { customer.Id }, utcNow)[customer.Id];
        }

        /// <summary>The figures of many customers of one table: a constant number of aggregate queries per chunk of customers.</summary>
        public IReadOnlyDictionary<Guid, NpsFigures> Compute(string customerTable, IReadOnlyCollection<Guid> customerIds, DateTime utcNow) =>
            ComputeMany(customerTable, customerIds.Distinct().ToList(), utcNow);

        private Dictionary<Guid, NpsFigures> ComputeMany(string table, List<Guid> ids, DateTime utcNow)
        {
            var column = ResponseColumn(table);
            var periods = NpsPeriods.For(DateTime.SpecifyKind(utcNow, DateTimeKind.Utc), options.WindowDays);
            var result = new Dictionary<Guid, NpsFigures>();
            if (ids.Count == 0) return result;
            var current = reader.Read(column, ids, periods.CurrentStart, false, periods.Now);
            var previous = reader.Read(column, ids, periods.PreviousStart, false, periods.CurrentStart);
            var tail = periods.NeedsHistoryTail ? reader.Read(column, ids, periods.HistoryStart, true, periods.PreviousStart) : new Dictionary<Guid, List<ScoreMonthCount>>();
            // Only customers without any response in the spans need a look further back for their last response date.
            var quiet = ids.Where(id => !current.ContainsKey(id) && !previous.ContainsKey(id) && !tail.ContainsKey(id)).ToList();
            var newest = quiet.Count > 0 ? reader.Newest(column, quiet, periods.Now) : new Dictionary<Guid, DateTime>();
            var none = new List<ScoreMonthCount>();
            foreach (var id in ids)
            {
                List<ScoreMonthCount>? c, p, t;
                DateTime n;
                result[id] = NpsCalculator.Compute(
                    periods,
                    current.TryGetValue(id, out c) ? c : none,
                    previous.TryGetValue(id, out p) ? p : none,
                    tail.TryGetValue(id, out t) ? t : null,
                    newest.TryGetValue(id, out n) ? n : (DateTime?)null);
            }
            return result;
        }

        private CustomerNps? Retry(string table, Guid id, DateTime utcNow)
        {
            for (var attempt = 2; attempt <= MaxAttempts; attempt++)
            {
                trace?.Invoke("NPS of " + table + " " + id + " was written by someone else meanwhile: recomputing (attempt " + attempt + " of " + MaxAttempts + ").");
                var rows = RetrieveCustomers(table, new List<Guid> { id });
                Entity? row;
                if (!rows.TryGetValue(id, out row)) return null;
                var result = Write(table, row, ComputeMany(table, new List<Guid> { id }, utcNow)[id], attempt);
                if (result != null) return result;
            }
            throw new InvalidPluginExecutionException(
                "The NPS of " + table + " " + id + " changed " + MaxAttempts + " times while it was being recomputed; the rollup gives up and will be right at the next response.");
        }

        /// <summary>Writes the figures if they differ from the stored ones; null when the row version no longer matches.</summary>
        private CustomerNps? Write(string table, Entity stored, NpsFigures figures, int attempt)
        {
            var info = new CustomerNps(new EntityReference(table, stored.Id), Name(table, stored), stored.GetAttributeValue<EntityReference>(CustomerSchema.Owner), figures, false, attempt);
            var update = new Entity(table, stored.Id);
            update[CustomerSchema.Nps] = figures.Nps;
            update[CustomerSchema.NpsPrevious] = figures.PreviousNps;
            update[CustomerSchema.NpsMargin] = figures.Margin;
            update[CustomerSchema.NpsPreviousMargin] = figures.PreviousMargin;
            update[CustomerSchema.NpsResponses] = figures.Responses;
            update[CustomerSchema.Promoters] = figures.Promoters;
            update[CustomerSchema.Passives] = figures.Passives;
            update[CustomerSchema.Detractors] = figures.Detractors;
            update[CustomerSchema.NpsHistory] = figures.HistoryJson;
            update[CustomerSchema.LastResponseOn] = figures.LastResponseOn;
            // Unchanged figures are not written again: a replayed or retried delivery then changes nothing at all,
            // and the customer row keeps its version (no churn for users editing it).
            if (FigureColumns.All(c => Same(stored.Contains(c) ? stored[c] : null, update[c]))) return info;

            update[CustomerSchema.NpsUpdatedOn] = figures.ComputedOn;
            update.RowVersion = stored.RowVersion ?? (stored.Contains(VersionNumber) ? Convert.ToString(stored[VersionNumber], System.Globalization.CultureInfo.InvariantCulture) : null);
            try
            {
                // UpdateRequest, not UpdateMultiple: UpdateMultipleRequest ignores ConcurrencyBehavior (a known issue, §4.6).
                service.Execute(new UpdateRequest { Target = update, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches });
            }
            catch (FaultException<OrganizationServiceFault> e) when (e.Detail != null && e.Detail.ErrorCode == ConcurrencyVersionMismatch)
            {
                return null;
            }
            return new CustomerNps(info.Customer, info.Name, info.Owner, figures, true, attempt);
        }

        private Dictionary<Guid, Entity> RetrieveCustomers(string table, List<Guid> ids)
        {
            var result = new Dictionary<Guid, Entity>();
            var name = table == CustomerSchema.Account ? CustomerSchema.AccountName : CustomerSchema.ContactFullName;
            var columns = new ColumnSet(FigureColumns.Concat(new[] { CustomerSchema.Owner, name, VersionNumber }).ToArray());
            for (var start = 0; start < ids.Count; start += CustomersPerRetrieve)
            {
                var chunk = ids.Skip(start).Take(CustomersPerRetrieve).Cast<object>().ToArray();
                var query = new QueryExpression(table) { ColumnSet = columns };
                query.Criteria.AddCondition(table == CustomerSchema.Account ? CustomerSchema.AccountId : CustomerSchema.ContactId, ConditionOperator.In, chunk);
                foreach (var row in service.RetrieveMultiple(query).Entities) result[row.Id] = row;
            }
            return result;
        }

        private static string? Name(string table, Entity row) =>
            row.GetAttributeValue<string>(table == CustomerSchema.Account ? CustomerSchema.AccountName : CustomerSchema.ContactFullName);

        private static bool Same(object? stored, object? computed)
        {
            if (stored == null || computed == null) return stored == null && computed == null;
            // Date and time columns are UTC at rest; a Kind left Unspecified by a serializer is not a difference.
            if (stored is DateTime a && computed is DateTime b) return a.Ticks == b.Ticks;
            return stored.Equals(computed);
        }

        private static string ResponseColumn(string table)
        {
            if (table == CustomerSchema.Account) return SurveyResponseSchema.Account;
            if (table == CustomerSchema.Contact) return SurveyResponseSchema.Contact;
            throw new ArgumentException("NPS is computed for accounts and contacts; got '" + table + "'.", nameof(table));
        }

        private static Dictionary<string, List<Guid>> Group(IEnumerable<EntityReference> customers)
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
    }

    /// <summary>What a recompute did for one customer.</summary>
    public sealed class CustomerNps
    {
        /// <summary>Creates the outcome.</summary>
        public CustomerNps(EntityReference customer, string? name, EntityReference? owner, NpsFigures figures, bool written, int attempts)
        {
            Customer = customer;
            Name = name;
            Owner = owner;
            Figures = figures;
            Written = written;
            Attempts = attempts;
        }

        /// <summary>The account or contact.</summary>
        public EntityReference Customer { get; }
        /// <summary>Its name (account name or contact full name).</summary>
        public string? Name { get; }
        /// <summary>Its owner.</summary>
        public EntityReference? Owner { get; }
        /// <summary>The figures computed.</summary>
        public NpsFigures Figures { get; }
        /// <summary>Whether they were written (false: the stored figures were already these).</summary>
        public bool Written { get; }
        /// <summary>Attempts it took (1 without a concurrent writer).</summary>
        public int Attempts { get; }
    }

    /// <summary>What a recompute did.</summary>
    public sealed class NpsRecomputeResult
    {
        /// <summary>Creates the outcome.</summary>
        public NpsRecomputeResult(IReadOnlyList<CustomerNps> customers)
        {
            Customers = customers;
        }

        /// <summary>Every customer recomputed (customers that no longer exist are absent).</summary>
        public IReadOnlyList<CustomerNps> Customers { get; }
        /// <summary>Customers whose figures were written.</summary>
        public int Written => Customers.Count(c => c.Written);
        /// <summary>Retries caused by concurrent writers.</summary>
        public int Retries => Customers.Sum(c => c.Attempts - 1);

        /// <summary>The outcome for one customer, or null.</summary>
        public CustomerNps? For(EntityReference customer) =>
            Customers.FirstOrDefault(c => c.Customer.LogicalName == customer.LogicalName && c.Customer.Id == customer.Id);
    }
}
