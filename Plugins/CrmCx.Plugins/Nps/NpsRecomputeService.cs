using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Domain.Nps;
using CrmCx.Domain.Risk;
using CrmCx.Domain.Text;
using CrmCx.Infrastructure;
using CrmCx.Schema;
using CrmCx.Settings;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Nps;

/// <summary>
/// Recomputes the NPS columns of accounts and contacts from the survey responses at rest and writes them with
/// optimistic concurrency. Used by the rollup plugin and the scheduled recalculation, and callable as is by tools:
/// <c>new NpsRecomputeService(service, NpsOptions.Default).Recompute(customers, utcNow)</c>.
/// </summary>
/// <remarks>
/// <para>Two paths, both with calls that do not grow with the history. Most customers: ONE query brings their
/// responses of both windows and their own rows (<see cref="NpsWindowReader"/>), then one Update per customer: a
/// response of a contact and its account costs a read and two writes. Customers with more responses in the two windows
/// than one page holds (5,000): that same query brings, for one with a day base (cx_npsdaybase, written by its last day
/// path), only the responses after the base and on the edge and touched days, and <see cref="NpsBasePath"/> computes
/// from base + rows: still one read and one Update each. Without a usable base: their day summaries
/// (<see cref="NpsDayPath"/>), a constant handful of calls more, which write a fresh base.</para>
/// <para>Never older figures over newer. The figures are computed for the latest instant known: the triggering
/// operation's time, the customer's stored cx_npsupdatedon, or a response the change dated a few minutes ahead (the
/// clock skew validation allows), whichever is latest. Asynchronous jobs can run late and out of order, and a job
/// triggered at t1 that runs after one triggered at t2 &gt; t1 would otherwise count only the responses up to t1 and
/// write over figures that already include a response of t2.</para>
/// <para>No lost response. The row version is read with (or before) the responses and the write requires it: a
/// recompute that read older responses can then only write if nobody wrote the customer since, and every response
/// change queues a recompute that starts after the change, so the last successful write always saw every response.
/// A version mismatch reads that customer again, up to <see cref="MaxAttempts"/> attempts in all.</para>
/// <para>When asked (<c>followUpCustomers</c>), the same read tells whether an open task regards one of the customer's
/// responses, and the owner's language, so the follow-up rule needs no query of its own.</para>
/// </remarks>
public sealed class NpsRecomputeService
{
    /// <summary>Attempts per customer (the first and the retries after a version mismatch).</summary>
    public const int MaxAttempts = 5;

    private readonly NpsOptions options;
    private readonly Action<string>? trace;
    private readonly NpsAggregateReader reader;
    private readonly NpsWindowReader windows;
    private readonly NpsCustomerRows customerRows;
    private readonly NpsCustomerWriter writer;
    private readonly NpsDayPath days;
    private readonly NpsBasePath rowsPath;
    // What the current Recompute call was asked for; set at its start, so no call sees another's.
    private NpsRequest? request;
    private bool rebuildDays;

    /// <summary>
    /// Creates the service over an organization service (the SYSTEM user's in plugins: the figures are computed columns),
    /// with the customer health thresholds of the risk written with the figures (defaults when null) and the base language
    /// cached by the plug-in instance (read by this service when null, and only for a customer with risk reasons).
    /// </summary>
    public NpsRecomputeService(IOrganizationService service, NpsOptions options, Action<string>? trace = null,
        CustomerRiskOptions? customerRisk = null, OrganizationLanguage? language = null)
    {
        if (service == null) throw new ArgumentNullException(nameof(service));
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        this.trace = trace;
        var baseLanguage = language ?? new OrganizationLanguage();
        reader = new NpsAggregateReader(service);
        windows = new NpsWindowReader(service);
        customerRows = new NpsCustomerRows(service);
        writer = new NpsCustomerWriter(service, customerRisk ?? CustomerRiskOptions.Default, at => TextCatalog.For(baseLanguage.Get(service, at)));
        days = new NpsDayPath(service, options, writer, trace);
        rowsPath = new NpsBasePath(options, reader, writer);
    }

    /// <summary>Recomputes and writes the figures of each account and contact once (duplicates are merged); customers that no longer exist are skipped.</summary>
    public NpsRecomputeResult Recompute(IEnumerable<EntityReference> customers, DateTime utcNow) => Recompute(customers, utcNow, null, null);

    /// <summary>
    /// Recomputes and writes the figures of each account and contact once; for the customers in
    /// <paramref name="followUpCustomers"/> the result also says whether an open task regards one of their responses
    /// (<see cref="CustomerNps.HasOpenFollowUp"/>).
    /// </summary>
    /// <param name="customers">The accounts and contacts to recompute.</param>
    /// <param name="utcNow">The time of the change that asks for the recompute; figures are computed for it or for a later stored computed-on date.</param>
    /// <param name="followUpCustomers">Customers (among <paramref name="customers"/>) whose open follow-up tasks matter; null for none.</param>
    /// <param name="touched">The response dates the change wrote or removed, per customer (their days' summaries are made again on the day path). Null for none.</param>
    /// <param name="request">The request the change came with: its customers already recomputed by another job of it are left alone (see <see cref="NpsRequest"/>). Null for none.</param>
    public NpsRecomputeResult Recompute(
        IEnumerable<EntityReference> customers, DateTime utcNow, IEnumerable<EntityReference>? followUpCustomers, IEnumerable<NpsTouch>? touched = null, NpsRequest? request = null)
    {
        this.request = request;
        rebuildDays = false;
        return Run(customers, utcNow, followUpCustomers, touched);
    }

    /// <summary>
    /// Recomputes the customers after summarizing every day of both windows again from the rows at rest, for those on
    /// the day path (after a migration with plug-ins off: the stored day summaries may not know the imported responses).
    /// </summary>
    public NpsRecomputeResult Rebuild(IEnumerable<EntityReference> customers, DateTime utcNow)
    {
        request = null;
        rebuildDays = true;
        return Run(customers, utcNow, null, null);
    }

    private NpsRecomputeResult Run(IEnumerable<EntityReference> customers, DateTime utcNow, IEnumerable<EntityReference>? followUpCustomers, IEnumerable<NpsTouch>? touched)
    {
        if (customers == null) throw new ArgumentNullException(nameof(customers));
        var refs = new List<EntityReference>();
        foreach (var group in NpsCustomerRows.Group(customers))
            foreach (var id in group.Value) refs.Add(new EntityReference(group.Key, id));
        var followUp = followUpCustomers == null ? new List<EntityReference>() : followUpCustomers.Where(c => c != null).ToList();
        var outcome = new Outcome();
        refs = Remembered(refs, followUp, outcome);
        // Every customer already counted (most rows of a bulk request): nothing to read, nothing to remember anew.
        if (refs.Count == 0) return new NpsRecomputeResult(outcome.Customers, outcome.Coalesced);
        var follow = new HashSet<string>(NpsCustomerRows.Group(followUp).SelectMany(g => g.Value.Select(id => NpsWindowReader.Key(g.Key, id))), StringComparer.Ordinal);
        var touches = NpsBasePath.Touches(touched);
        var now = NpsBasePath.Utc(utcNow);
        var large = new List<StoredCustomer>();
        FromResponses(refs, now, follow, touches, outcome, large);
        if (large.Count > 0) FromDays(large, now, touches, outcome);
        Remember(outcome);
        return new NpsRecomputeResult(outcome.Customers, outcome.Coalesced);
    }

    /// <summary>
    /// The customers still to read: those an earlier job of this instance already computed for this row's request
    /// (<see cref="NpsRequestMemo"/>) are left alone without a read, with what the follow-up rule needs from the memo.
    /// </summary>
    private List<EntityReference> Remembered(List<EntityReference> refs, List<EntityReference> followUp, Outcome outcome)
    {
        if (request?.Memo == null || !request.MayStop) return refs;
        var rest = new List<EntityReference>(refs.Count);
        foreach (var customer in refs)
        {
            var known = request.Memo.Counted(request.CorrelationId, customer, request.TriggeredAt, Contains(followUp, customer));
            if (known == null)
            {
                rest.Add(customer);
                continue;
            }
            outcome.Customers.Add(known);
            outcome.Coalesced++;
        }
        return rest;
    }

    private static bool Contains(List<EntityReference> customers, EntityReference customer)
    {
        foreach (var c in customers)
            if (c.Id == customer.Id && string.Equals(c.LogicalName, customer.LogicalName, StringComparison.Ordinal)) return true;
        return false;
    }

    /// <summary>Tells the memo which customers now have figures at rest that count every row of the request.</summary>
    private void Remember(Outcome outcome)
    {
        if (request?.Memo == null) return;
        foreach (var customer in outcome.Customers)
        {
            if (customer.Figures != null) request.Memo.Remember(request.CorrelationId, customer, customer.Figures.ComputedOn);
        }
        foreach (var pair in outcome.CountedOn) request.Memo.Remember(request.CorrelationId, pair.Key, pair.Value);
    }

    /// <summary>
    /// The customers whose responses fit in one read: figures from those responses. A batch that does not fit is read
    /// again in halves; a single customer that does not fit goes to <paramref name="large"/> with the row met.
    /// </summary>
    private void FromResponses(List<EntityReference> batch, DateTime now, HashSet<string> follow, Dictionary<string, List<DateTime>> touches, Outcome outcome, List<StoredCustomer> large)
    {
        if (batch.Count == 0) return;
        var read = Read(batch, now, follow, touches);
        // A batch of the scheduled run is read again in halves; a response's account and contact go to the day path
        // together (halving them would only add a read).
        if (!read.Complete && batch.Count > 2 && options.SummarizeDaysAbove > 0)
        {
            var half = batch.Count / 2;
            FromResponses(batch.Take(half).ToList(), now, follow, touches, outcome, large);
            FromResponses(batch.Skip(half).ToList(), now, follow, touches, outcome, large);
            return;
        }
        foreach (var customer in customerRows.Met(batch, read, follow))
        {
            if (Coalesce(customer.Row, outcome)) continue;
            if (!read.Complete || (rebuildDays && NpsBasePath.HasBase(customer.Row)))
            {
                large.Add(customer.Row);
                continue;
            }
            var result = OptimisticUpdate.Retry(MaxAttempts, attempt =>
            {
                var current = customer;
                if (attempt > 1)
                {
                    var again = Read(new[] { customer.Row.Reference }, now, follow, touches);
                    var row = customerRows.Met(new List<EntityReference> { customer.Row.Reference }, again, follow).FirstOrDefault();
                    if (row == null) return UpdateAttempt.Done<CustomerNps?>(null);
                    if (!again.Complete || (rebuildDays && NpsBasePath.HasBase(row.Row)))
                    {
                        large.Add(row.Row);
                        return UpdateAttempt.Done<CustomerNps?>(null);
                    }
                    current = row;
                }
                var at = NpsBasePath.At(now, new[] { current.Row }, touches);
                if (!NpsBasePath.HasBase(current.Row))
                    return UpdateAttempt.Written(rowsPath.FromResponses(current.Row, current.Responses, at, request?.CorrelationId, attempt));
                // A day base: its rows and the days it lacks, or (it cannot serve) the day path, which writes a fresh one.
                List<DateTime>? dates;
                touches.TryGetValue(current.Row.Key, out dates);
                CustomerNps? written;
                if (rowsPath.TryFromBase(current.Row, current.Responses, current.Written, now, at, dates, request?.CorrelationId, attempt, out written)) return UpdateAttempt.Written(written);
                large.Add(current.Row);
                return UpdateAttempt.Done<CustomerNps?>(null);
            }, next => Retrying(customer.Row, next), () => GaveUp(customer.Row));
            if (result != null) outcome.Customers.Add(result);
        }
    }

    /// <summary>The day path for the large customers (rows already read), with its retries.</summary>
    private void FromDays(List<StoredCustomer> rows, DateTime now, Dictionary<string, List<DateTime>> touches, Outcome outcome)
    {
        var at = NpsBasePath.At(now, rows, touches);
        var summarized = new Dictionary<string, HashSet<UtcDay>>(StringComparer.Ordinal);
        var written = days.Recompute(rows, at, touches, summarized, 1, request, rebuildDays);
        foreach (var row in rows)
        {
            var result = OptimisticUpdate.Retry(MaxAttempts, attempt =>
            {
                if (attempt == 1) return UpdateAttempt.Written(written[row.Key]);
                var again = customerRows.Read(row.Table, new List<Guid> { row.Row.Id }, row.HasOpenFollowUp.HasValue ? new HashSet<Guid> { row.Row.Id } : null);
                StoredCustomer? fresh;
                if (!again.TryGetValue(row.Row.Id, out fresh)) return UpdateAttempt.Done<CustomerNps?>(null);
                // The writer that got in first may have computed for a later instant: recompute for that one, not ours.
                return UpdateAttempt.Written(days.Recompute(new List<StoredCustomer> { fresh }, NpsBasePath.At(at, new[] { fresh }, touches), touches, summarized, attempt, request, rebuildDays)[fresh.Key]);
            }, next => Retrying(row, next), () => GaveUp(row));
            if (result != null) outcome.Customers.Add(result);
        }
    }

    /// <summary>
    /// Whether another job of the same request already computed this customer: it is then left alone, but what the
    /// follow-up rule needs of it (owner, name, an open task) comes from the read just made.
    /// </summary>
    private bool Coalesce(StoredCustomer row, Outcome outcome)
    {
        if (request == null || !request.Counted(row.Row.GetAttributeValue<string>(CustomerSchema.NpsCorrelationId), row.Row.GetAttributeValue<DateTime?>(CustomerSchema.NpsUpdatedOn)))
            return false;
        var left = new CustomerNps(row.Reference, row.Name, row.Row.GetAttributeValue<EntityReference>(CustomerSchema.Owner), null, false, 0, row.HasOpenFollowUp,
            row.Row.GetAttributeValue<int?>(NpsWindowReader.OwnerLanguage));
        outcome.Customers.Add(left);
        outcome.CountedOn.Add(new KeyValuePair<CustomerNps, DateTime>(left, NpsBasePath.Utc(row.Row.GetAttributeValue<DateTime?>(CustomerSchema.NpsUpdatedOn)!.Value)));
        outcome.Coalesced++;
        return true;
    }

    /// <summary>The window read, or (day summaries asked for every customer) an empty incomplete one that reads nothing.</summary>
    private WindowRead Read(IReadOnlyList<EntityReference> batch, DateTime now, HashSet<string> follow, Dictionary<string, List<DateTime>> touches)
    {
        if (options.SummarizeDaysAbove == 0) return new WindowRead(new Dictionary<string, WindowCustomer>(StringComparer.Ordinal), false);
        // The days a customer with a day base gets whole (edge days, touched days), per side of the read.
        var accountDates = new List<DateTime>();
        var contactDates = new List<DateTime>();
        foreach (var customer in batch)
        {
            List<DateTime>? dates;
            if (!touches.TryGetValue(NpsWindowReader.Key(customer.LogicalName, customer.Id), out dates)) continue;
            (customer.LogicalName == CustomerSchema.Account ? accountDates : contactDates).AddRange(dates);
        }
        return windows.Read(batch, ReadFrom(now), follow, options.SummarizeDaysAbove, rowsPath.ReadDays(now, accountDates), rowsPath.ReadDays(now, contactDates),
            request?.WrittenSince);
    }

    /// <summary>Where the window read starts: the previous window's start, or the history's first month when that is earlier.</summary>
    private DateTime ReadFrom(DateTime now)
    {
        var periods = NpsPeriods.For(now, options.WindowDays);
        return periods.HistoryStart < periods.PreviousStart ? periods.HistoryStart.AddTicks(-1) : periods.PreviousStart;
    }

    private void Retrying(StoredCustomer row, int attempt) =>
        trace?.Invoke("NPS of " + row.Table + " " + row.Row.Id + " was written by someone else meanwhile: recomputing (attempt " + attempt + " of " + MaxAttempts + ").");

    private static InvalidPluginExecutionException GaveUp(StoredCustomer row) => new InvalidPluginExecutionException(
        "The NPS of " + row.Table + " " + row.Row.Id + " changed " + MaxAttempts + " times while it was being recomputed; the rollup gives up and will be right at the next response.");

    /// <summary>What one Recompute call did so far.</summary>
    private sealed class Outcome
    {
        public List<CustomerNps> Customers { get; } = new List<CustomerNps>();
        public int Coalesced { get; set; }
        /// <summary>Customers left alone after a read: the computed-on date of the figures found at rest.</summary>
        public List<KeyValuePair<CustomerNps, DateTime>> CountedOn { get; } = new List<KeyValuePair<CustomerNps, DateTime>>();
    }
}
