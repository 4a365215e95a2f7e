using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CrmCx.Domain.Nps;
using CrmCx.Infrastructure;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCx.Nps
{
    /// <summary>
    /// Recomputes the NPS columns of accounts and contacts from the survey responses at rest and writes them with
    /// optimistic concurrency. Used by the rollup plugin, and callable as is by tools:
    /// <c>new NpsRecomputeService(service, NpsOptions.Default).Recompute(customers, utcNow)</c>.
    /// </summary>
    /// <remarks>
    /// <para>Calls for a batch of customers: per table one RetrieveMultiple for the rows, their versions, computed-on
    /// dates and summarized-through days (per 250 customers); one read of their day summaries (cx_npsday, per 60
    /// customers); one aggregate of the responses for today, the windows' edge days and the days due (per 30
    /// customers; a second one when a day due is an edge day); the day writes (one CreateMultiple and one
    /// UpdateMultiple per 1,000 days, none when only today changed); one Update per customer whose figures changed.
    /// None of it grows with the history (<see cref="NpsDayPlan"/> says why the days are read that way).</para>
    /// <para>Never older figures over newer ones. The figures are computed for the latest instant known: the
    /// triggering operation's time, the newest cx_npsupdatedon among the rows read, or a response the change dated a
    /// few minutes ahead (the clock skew validation allows), whichever is latest. Asynchronous
    /// jobs can run late and out of order, and a job triggered at t1 that runs after one triggered at t2 &gt; t1 would
    /// otherwise count only the responses up to t1 and write over figures that already include a response of t2.</para>
    /// <para>No lost response. The row version is read BEFORE the aggregates and the write requires it: a recompute that
    /// read older responses can then only write if nobody wrote the customer since, and every response change queues
    /// a recompute that starts after the change, so the last successful write always saw every response. A version
    /// mismatch re-reads that customer alone (its version and computed-on date again), up to <see cref="MaxAttempts"/>
    /// attempts in all.</para>
    /// <para>When asked (<c>followUpCustomers</c>), the same read of the rows tells whether an open task regards one of
    /// the customer's responses (an outer link to the responses that an open task regards), so the follow-up rule needs
    /// no query of its own.</para>
    /// </remarks>
    public sealed class NpsRecomputeService
    {
        /// <summary>Attempts per customer (the first and the retries after a version mismatch).</summary>
        public const int MaxAttempts = 5;

        private const int CustomersPerRetrieve = 250;
        private const int PageSize = 5000;
        private const string VersionNumber = OptimisticUpdate.VersionNumber;
        private const string FollowUpAlias = "followup";
        private const string FollowUpColumn = FollowUpAlias + "." + SurveyResponseSchema.Id;
        private const int OpenTask = 0;

        private static readonly string[] FigureColumns =
        {
            CustomerSchema.Nps, CustomerSchema.NpsPrevious, CustomerSchema.NpsMargin, CustomerSchema.NpsPreviousMargin, CustomerSchema.NpsResponses,
            CustomerSchema.Promoters, CustomerSchema.Passives, CustomerSchema.Detractors, CustomerSchema.NpsHistory, CustomerSchema.LastResponseOn,
        };

        private readonly IOrganizationService service;
        private readonly NpsOptions options;
        private readonly Action<string>? trace;
        private readonly NpsAggregateReader reader;
        private readonly NpsDayReader dayReader;
        private readonly NpsDayRows dayRows;
        // What the current Recompute call was asked for; set at its start, so no call sees another's.
        private NpsRequest? request;
        private bool rebuildDays;

        /// <summary>Creates the service over an organization service (the SYSTEM user's in plugins: the figures are computed columns).</summary>
        public NpsRecomputeService(IOrganizationService service, NpsOptions options, Action<string>? trace = null)
        {
            this.service = service ?? throw new ArgumentNullException(nameof(service));
            this.options = options ?? throw new ArgumentNullException(nameof(options));
            this.trace = trace;
            reader = new NpsAggregateReader(service);
            dayReader = new NpsDayReader(service, trace);
            dayRows = new NpsDayRows(service);
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
        /// <param name="touched">The response dates the change wrote or removed, per customer: their days' summaries are made again. Null for none.</param>
        /// <param name="request">The request the change came with: its customers already recomputed by another job of it are left alone (see <see cref="NpsRequest"/>). Null for none.</param>
        public NpsRecomputeResult Recompute(
            IEnumerable<EntityReference> customers, DateTime utcNow, IEnumerable<EntityReference>? followUpCustomers, IEnumerable<NpsTouch>? touched = null, NpsRequest? request = null)
        {
            this.request = request;
            rebuildDays = false;
            return Run(customers, utcNow, followUpCustomers, touched);
        }

        /// <summary>
        /// Recomputes the customers after summarizing every day of both windows again from the rows at rest (after a
        /// migration with plug-ins off: the stored day summaries may not know the imported responses).
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
            var checks = Group(followUpCustomers ?? Enumerable.Empty<EntityReference>());
            var touches = Touches(touched);
            var rows = new List<StoredCustomer>();
            foreach (var table in Group(customers))
            {
                List<Guid>? check;
                var read = RetrieveCustomers(table.Key, table.Value, checks.TryGetValue(table.Key, out check) ? new HashSet<Guid>(check) : null);
                rows.AddRange(table.Value.Where(read.ContainsKey).Select(id => read[id]));
            }
            // Customers another job of the same request already computed: left alone, but what the follow-up rule needs
            // of them (owner, name, an open task) comes from the read just made.
            var left = new List<CustomerNps>();
            if (request != null)
            {
                foreach (var row in rows.Where(r => request.Counted(r.Row.GetAttributeValue<string>(CustomerSchema.NpsCorrelationId), r.Row.GetAttributeValue<DateTime?>(CustomerSchema.NpsUpdatedOn))).ToList())
                {
                    rows.Remove(row);
                    left.Add(new CustomerNps(row.Reference, row.Name, row.Row.GetAttributeValue<EntityReference>(CustomerSchema.Owner), null, false, 0, row.HasOpenFollowUp));
                }
            }
            var coalesced = left.Count;
            if (rows.Count == 0) return new NpsRecomputeResult(left, coalesced);

            // One instant for the whole batch, never before figures already stored (see the remarks), and late enough
            // for a response the survey tool dated a few minutes ahead (the skew validation allows) to count at once.
            var now = Utc(utcNow);
            var at = Latest(now, rows);
            foreach (var date in touches.Values.SelectMany(d => d))
                if (date > at && date <= now + SurveyResponseRules.ClockSkew) at = date;

            var results = new List<CustomerNps>();
            var summarized = new Dictionary<string, HashSet<UtcDay>>(StringComparer.Ordinal);
            var outcome = RecomputeDays(rows, at, touches, summarized, 1);
            foreach (var row in rows)
            {
                var result = outcome[row.Key];
                if (result == null) result = Retry(row, at, touches, summarized);
                if (result != null) results.Add(result);
            }
            results.AddRange(left);
            return new NpsRecomputeResult(results, coalesced);
        }

        private CustomerNps? Retry(StoredCustomer first, DateTime at, Dictionary<string, List<DateTime>> touches, Dictionary<string, HashSet<UtcDay>> summarized)
        {
            var table = first.Table;
            var id = first.Row.Id;
            for (var attempt = 2; attempt <= MaxAttempts; attempt++)
            {
                trace?.Invoke("NPS of " + table + " " + id + " was written by someone else meanwhile: recomputing (attempt " + attempt + " of " + MaxAttempts + ").");
                var rows = RetrieveCustomers(table, new List<Guid> { id }, first.HasOpenFollowUp.HasValue ? new HashSet<Guid> { id } : null);
                StoredCustomer? row;
                if (!rows.TryGetValue(id, out row)) return null;
                // The writer that got in first may have computed for a later instant: recompute for that one, not ours.
                at = Latest(at, new[] { row });
                var result = RecomputeDays(new List<StoredCustomer> { row }, at, touches, summarized, attempt)[row.Key];
                if (result != null) return result;
            }
            throw new InvalidPluginExecutionException(
                "The NPS of " + table + " " + id + " changed " + MaxAttempts + " times while it was being recomputed; the rollup gives up and will be right at the next response.");
        }

        /// <summary>
        /// Computes the customers' figures from their day summaries and the partial days (<see cref="NpsDayPlan"/>),
        /// brings the summaries of the days due up to date, and writes each customer. Null for a customer means "written
        /// by someone else meanwhile": read it again.
        /// </summary>
        /// <remarks>
        /// The days summarized by an earlier attempt are summarized again by the next (<paramref name="summarized"/>): a
        /// version mismatch may mean that a day written by that attempt was read before a concurrent change.
        /// </remarks>
        /// <remarks>
        /// Calls, whatever the history: one read of the stored days, one aggregate of the responses for the partial days
        /// and the days due (a second one only when a day due is a window's first day), the day writes (none when only
        /// today changed; one CreateMultiple and one UpdateMultiple at most otherwise), and one Update per changed customer.
        /// </remarks>
        private Dictionary<string, CustomerNps?> RecomputeDays(
            List<StoredCustomer> rows, DateTime at, Dictionary<string, List<DateTime>> touches, Dictionary<string, HashSet<UtcDay>> summarized, int attempt)
        {
            var plan = NpsDayPlan.For(NpsPeriods.For(at, options.WindowDays));
            var refs = rows.Select(r => r.Reference).ToList();
            var due = new Dictionary<string, IReadOnlyList<UtcDay>>(StringComparer.Ordinal);
            // The days of every response of these customers that the request wrote: its other rows' jobs may stop early
            // (NpsRequest), so this job summarizes their days too. Later attempts find them in `summarized`.
            var written = new Dictionary<string, List<DateTime>>(StringComparer.Ordinal);
            var rebuild = new HashSet<string>(StringComparer.Ordinal);
            if (request != null && attempt == 1)
            {
                foreach (var credit in dayReader.ModifiedSince(refs, request.WrittenSince, rebuild))
                {
                    var key = credit.Table + ":" + credit.Customer.ToString("D");
                    List<DateTime>? list;
                    if (!written.TryGetValue(key, out list)) written[key] = list = new List<DateTime>();
                    list.Add(credit.Day.Start);
                }
            }
            foreach (var row in rows)
            {
                List<DateTime>? dates, more;
                HashSet<UtcDay>? before;
                if (!summarized.TryGetValue(row.Key, out before)) summarized[row.Key] = before = new HashSet<UtcDay>();
                var days = (touches.TryGetValue(row.Key, out dates) ? dates : Enumerable.Empty<DateTime>())
                    .Concat(written.TryGetValue(row.Key, out more) ? more : Enumerable.Empty<DateTime>())
                    .Concat(before.Select(d => d.Start));
                due[row.Key] = plan.DaysToSummarize(rebuildDays || rebuild.Contains(row.Key) ? null : SummarizedThrough(row.Row), days);
                before.UnionWith(due[row.Key]);
            }
            var stored = dayRows.Read(refs, plan.FirstDay, plan.LastWholeDay);

            // The partial days, and the days due except the windows' first days, in one aggregate.
            var dueDays = new SortedSet<UtcDay>(due.Values.SelectMany(d => d));
            var spans = new List<ResponseSpan>
            {
                new ResponseSpan(plan.Today.Start, true, plan.Periods.Now, true),
                new ResponseSpan(plan.Periods.CurrentStart, false, plan.CurrentEdgeDay.End, false),
                new ResponseSpan(plan.Periods.PreviousStart, false, plan.PreviousEdgeDay.End, false),
            };
            spans.AddRange(Contiguous(dueDays.Where(d => !plan.IsEdgeDay(d))));
            var credits = dayReader.Read(refs, spans);
            // A window's first day due whole would mix with its partial part in the day groups: read apart.
            var wholeEdges = new Dictionary<string, Dictionary<UtcDay, NpsCounts>>(StringComparer.Ordinal);
            var edgeDays = dueDays.Where(plan.IsEdgeDay).ToList();
            if (edgeDays.Count > 0)
            {
                var needing = rows.Where(r => due[r.Key].Any(plan.IsEdgeDay)).Select(r => r.Reference).ToList();
                wholeEdges = Sum(dayReader.Read(needing, edgeDays.Select(d => ResponseSpan.Days(d, d)).ToList()));
            }
            var fromResponses = Sum(credits);

            var creates = new List<KeyValuePair<string, Entity>>();
            var updates = new List<Entity>();
            var figures = new Dictionary<string, NpsFigures>(StringComparer.Ordinal);
            var next = new Dictionary<string, DateTime?>(StringComparer.Ordinal);
            var quiet = new List<StoredCustomer>();
            foreach (var row in rows)
            {
                Dictionary<UtcDay, NpsCounts>? read, edges;
                Dictionary<UtcDay, StoredDay>? days;
                fromResponses.TryGetValue(row.Key, out read);
                wholeEdges.TryGetValue(row.Key, out edges);
                stored.TryGetValue(row.Key, out days);
                var whole = new Dictionary<UtcDay, NpsCounts>();
                if (days != null) foreach (var pair in days) whole[pair.Key] = pair.Value.Counts;
                foreach (var day in due[row.Key])
                {
                    NpsCounts? counts;
                    var source = plan.IsEdgeDay(day) ? edges : read;
                    var fresh = source != null && source.TryGetValue(day, out counts) ? counts : NpsCounts.None;
                    whole[day] = fresh;
                    StoredDay? old = null;
                    if (days != null) days.TryGetValue(day, out old);
                    if (old != null && !old.Counts.Equals(fresh))
                    {
                        updates.Add(NpsDayRows.Change(old.Id, fresh));
                    }
                    else if (old == null && !fresh.IsEmpty)
                    {
                        creates.Add(new KeyValuePair<string, Entity>(row.Key, NpsDayRows.New(row.Reference, row.Name, day, fresh)));
                    }
                }
                figures[row.Key] = NpsCalculator.FromDays(plan, whole, Part(read, plan.Today), Part(read, plan.CurrentEdgeDay), Part(read, plan.PreviousEdgeDay));
                // When time alone changes these figures: what the scheduled recalculation (cx_Recalculate, due) reads.
                var change = NpsNextChange.FromDays(plan, whole, Part(read, plan.Today),
                    Part(read, plan.CurrentEdgeDay), Oldest(credits, row, plan.CurrentEdgeDay),
                    Part(read, plan.PreviousEdgeDay), Oldest(credits, row, plan.PreviousEdgeDay));
                // The stored history names its 12 months even when they are empty, so it goes stale at every month start.
                var monthStart = NpsNextChange.NextMonthStart(plan.Periods);
                next[row.Key] = change.HasValue && (!monthStart.HasValue || change.Value < monthStart.Value) ? change : monthStart;
                if (!figures[row.Key].LastResponseOn.HasValue) quiet.Add(row);
            }

            // Only customers without any response in the spans need a look further back for their last response date.
            foreach (var table in quiet.GroupBy(r => r.Table))
            {
                var newest = reader.Newest(ResponseColumn(table.Key), table.Select(r => r.Row.Id).ToList(), plan.Periods.Now);
                foreach (var row in table)
                {
                    DateTime last;
                    if (newest.TryGetValue(row.Row.Id, out last))
                        figures[row.Key] = NpsCalculator.FromDays(plan, Enumerable.Empty<KeyValuePair<UtcDay, NpsCounts>>(), NpsCounts.None, NpsCounts.None, NpsCounts.None, last);
                }
            }

            // Days first, then the customer: its summarized-through day only moves once the days are stored.
            var conflicts = dayRows.Write(creates, updates);
            var result = new Dictionary<string, CustomerNps?>(StringComparer.Ordinal);
            foreach (var row in rows)
            {
                // Every customer is written under its version, even with unchanged figures: the version check is what tells
                // whether its days were read before a concurrent change (then the retry summarizes them again).
                DateTime? recalculateOn;
                next.TryGetValue(row.Key, out recalculateOn);
                result[row.Key] = conflicts.Contains(row.Key) ? null : Write(row, figures[row.Key], recalculateOn, plan.LastWholeDay, attempt);
            }
            return result;
        }

        /// <summary>The oldest response instant of a customer on a day among the credits read (null when none).</summary>
        private static DateTime? Oldest(IEnumerable<DayCredit> credits, StoredCustomer row, UtcDay day)
        {
            DateTime? oldest = null;
            foreach (var c in credits)
            {
                if (c.Day != day || c.Table != row.Table || c.Customer != row.Row.Id || !c.Oldest.HasValue) continue;
                if (!oldest.HasValue || c.Oldest.Value < oldest.Value) oldest = c.Oldest;
            }
            return oldest;
        }

        /// <summary>Whole days as few spans as possible (consecutive days join).</summary>
        private static IEnumerable<ResponseSpan> Contiguous(IEnumerable<UtcDay> days)
        {
            UtcDay? first = null, last = null;
            foreach (var day in days)
            {
                if (last.HasValue && day == last.Value.AddDays(1))
                {
                    last = day;
                    continue;
                }
                if (first.HasValue) yield return ResponseSpan.Days(first.Value, last!.Value);
                first = last = day;
            }
            if (first.HasValue) yield return ResponseSpan.Days(first.Value, last!.Value);
        }

        /// <summary>Day credits summed per customer (table:id) and day.</summary>
        private static Dictionary<string, Dictionary<UtcDay, NpsCounts>> Sum(IEnumerable<DayCredit> credits)
        {
            var result = new Dictionary<string, Dictionary<UtcDay, NpsCounts>>(StringComparer.Ordinal);
            foreach (var credit in credits)
            {
                var key = credit.Table + ":" + credit.Customer.ToString("D");
                Dictionary<UtcDay, NpsCounts>? days;
                if (!result.TryGetValue(key, out days)) result[key] = days = new Dictionary<UtcDay, NpsCounts>();
                NpsCounts? counts;
                days[credit.Day] = (days.TryGetValue(credit.Day, out counts) ? counts : NpsCounts.None).Plus(credit.Score, credit.Count, credit.Newest);
            }
            return result;
        }

        private static NpsCounts Part(Dictionary<UtcDay, NpsCounts>? days, UtcDay day)
        {
            NpsCounts? counts;
            return days != null && days.TryGetValue(day, out counts) ? counts : NpsCounts.None;
        }

        private static UtcDay? SummarizedThrough(Entity row)
        {
            var number = row.GetAttributeValue<int?>(CustomerSchema.NpsDaysThrough);
            if (!number.HasValue) return null;
            try
            {
                return UtcDay.FromNumber(number.Value);
            }
            catch (ArgumentOutOfRangeException)
            {
                return null; // not a day: rebuild, as if empty
            }
        }

        private static Dictionary<string, List<DateTime>> Touches(IEnumerable<NpsTouch>? touched)
        {
            var result = new Dictionary<string, List<DateTime>>(StringComparer.Ordinal);
            if (touched == null) return result;
            foreach (var touch in touched)
            {
                if (touch == null || touch.Customer == null) continue;
                var key = touch.Customer.LogicalName + ":" + touch.Customer.Id.ToString("D");
                List<DateTime>? dates;
                if (!result.TryGetValue(key, out dates)) result[key] = dates = new List<DateTime>();
                dates.Add(Utc(touch.RespondedOn));
            }
            return result;
        }

        /// <summary>Writes the figures under the row version read; null when it no longer matches.</summary>
        private CustomerNps? Write(StoredCustomer customer, NpsFigures figures, DateTime? recalculateOn, UtcDay summarizedThrough, int attempt)
        {
            var table = customer.Table;
            var stored = customer.Row;
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
            update[CustomerSchema.NpsDaysThrough] = summarizedThrough.Number;
            update[CustomerSchema.RecalculateOn] = recalculateOn;
            // Written even when the figures are those stored: a rollup that skipped its write would leave the version
            // as it was, and a concurrent rollup that read the responses before the latest change could then write its
            // older figures over it. (A replayed delivery changes nothing because the rollup step ignores updates that
            // change no column it counts; see NpsRollup.)
            update[CustomerSchema.NpsUpdatedOn] = figures.ComputedOn;
            // Which request's rows these figures counted: that request's other jobs stop after reading this row.
            update[CustomerSchema.NpsCorrelationId] = request?.CorrelationId.ToString("D");
            // The version read before the aggregates: a concurrent write sends this customer back for a fresh read.
            if (!OptimisticUpdate.TryUpdate(service, update, OptimisticUpdate.VersionOf(stored))) return null;
            return new CustomerNps(new EntityReference(table, stored.Id), Name(table, stored), stored.GetAttributeValue<EntityReference>(CustomerSchema.Owner), figures, true, attempt,
                customer.HasOpenFollowUp);
        }

        /// <summary>
        /// The rows of the customers (figures, owner, name, version, computed-on date) by id. For the customers in
        /// <paramref name="followUp"/>, an outer link to their responses that an open task regards says whether a
        /// follow-up is already open; a customer then comes back once per such response (usually none or one), so the
        /// rows are grouped by customer and read page by page.
        /// </summary>
        private Dictionary<Guid, StoredCustomer> RetrieveCustomers(string table, List<Guid> ids, HashSet<Guid>? followUp)
        {
            var result = new Dictionary<Guid, StoredCustomer>();
            var idColumn = table == CustomerSchema.Account ? CustomerSchema.AccountId : CustomerSchema.ContactId;
            var name = table == CustomerSchema.Account ? CustomerSchema.AccountName : CustomerSchema.ContactFullName;
            var columns = new[] { idColumn }.Concat(FigureColumns).Concat(new[] { CustomerSchema.NpsUpdatedOn, CustomerSchema.NpsDaysThrough, CustomerSchema.NpsCorrelationId, CustomerSchema.Owner, name, VersionNumber }).ToArray();
            for (var start = 0; start < ids.Count; start += CustomersPerRetrieve)
            {
                var chunk = ids.Skip(start).Take(CustomersPerRetrieve).ToList();
                var link = followUp != null && chunk.Any(followUp.Contains);
                for (var page = 1; ; page++)
                {
                    var rows = service.RetrieveMultiple(new FetchExpression(CustomersFetch(table, idColumn, columns, chunk, link, page)));
                    foreach (var row in rows.Entities)
                    {
                        var openTask = NpsAggregateReader.Aliased(row, FollowUpColumn) != null;
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

        private static string CustomersFetch(string table, string idColumn, string[] columns, List<Guid> ids, bool followUp, int page)
        {
            var fetch = new StringBuilder(1024 + ids.Count * 60);
            fetch.Append("<fetch count=\"").Append(PageSize.ToString(CultureInfo.InvariantCulture))
                .Append("\" page=\"").Append(page.ToString(CultureInfo.InvariantCulture)).Append("\">");
            fetch.Append("<entity name=\"").Append(table).Append("\">");
            foreach (var column in columns) fetch.Append("<attribute name=\"").Append(column).Append("\" />");
            fetch.Append("<filter type=\"and\">");
            NpsAggregateReader.AppendIn(fetch, idColumn, ids);
            fetch.Append("</filter>");
            if (followUp)
            {
                // LEFT JOIN the customer's responses that an open task regards ("any" tests the tasks without joining
                // them): what is joined grows with the open tasks, never with the history. The task may be the one this
                // rule opened or one an agent opened by hand on a response: either way someone is following up.
                fetch.Append("<link-entity name=\"").Append(SurveyResponseSchema.EntityName).Append("\" from=\"").Append(ResponseColumn(table))
                    .Append("\" to=\"").Append(idColumn).Append("\" link-type=\"outer\" alias=\"").Append(FollowUpAlias).Append("\">");
                fetch.Append("<attribute name=\"").Append(SurveyResponseSchema.Id).Append("\" />");
                fetch.Append("<filter type=\"and\"><link-entity name=\"").Append(FollowUpTasks.Task).Append("\" from=\"").Append(FollowUpTasks.Regarding)
                    .Append("\" to=\"").Append(SurveyResponseSchema.Id).Append("\" link-type=\"any\">");
                fetch.Append("<filter type=\"and\"><condition attribute=\"").Append(FollowUpTasks.StateCode).Append("\" operator=\"eq\" value=\"")
                    .Append(OpenTask.ToString(CultureInfo.InvariantCulture)).Append("\" /></filter>");
                fetch.Append("</link-entity></filter></link-entity>");
            }
            // A stable order for the pages (a customer with several such responses spans rows).
            fetch.Append("<order attribute=\"").Append(idColumn).Append("\" />");
            fetch.Append("</entity></fetch>");
            return fetch.ToString();
        }

        /// <summary>The later of an instant and the computed-on dates stored on the rows.</summary>
        private static DateTime Latest(DateTime at, IEnumerable<StoredCustomer> rows)
        {
            foreach (var row in rows)
            {
                var stored = row.Row.GetAttributeValue<DateTime?>(CustomerSchema.NpsUpdatedOn);
                if (stored.HasValue && stored.Value.Ticks > at.Ticks) at = Utc(stored.Value);
            }
            return at;
        }

        private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

        internal static string? Name(string table, Entity row) =>
            row.GetAttributeValue<string>(table == CustomerSchema.Account ? CustomerSchema.AccountName : CustomerSchema.ContactFullName);

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

        /// <summary>A customer row as read, and whether an open task regards one of its responses (null: not asked).</summary>
        private sealed class StoredCustomer
        {
            public StoredCustomer(string table, Entity row, bool? hasOpenFollowUp)
            {
                Table = table;
                Row = row;
                HasOpenFollowUp = hasOpenFollowUp;
                Key = table + ":" + row.Id.ToString("D");
            }

            public string Table { get; }
            public Entity Row { get; }
            public string Key { get; }
            public EntityReference Reference => new EntityReference(Table, Row.Id);
            public string? Name => NpsRecomputeService.Name(Table, Row);
            public bool? HasOpenFollowUp { get; set; }
        }
    }

    /// <summary>
    /// The request a rollup job came from, for coalescing the per-row jobs of a bulk request: a customer whose stored
    /// figures were computed by a job of the same request (same correlation id), for this job's time or later, already
    /// counted this job's row, because that job ran after the request committed. Dataverse runs a message operation
    /// within 2 minutes (analyze-performance.md, "Time and resource constraints"), so the request wrote its rows from
    /// <see cref="WrittenSince"/> on.
    /// </summary>
    public sealed class NpsRequest
    {
        /// <summary>Longest a Dataverse message operation runs (learn.microsoft.com/power-apps/developer/data-platform/analyze-performance).</summary>
        public static readonly TimeSpan LongestOperation = TimeSpan.FromMinutes(2);

        /// <summary>Creates the request.</summary>
        public NpsRequest(Guid correlationId, DateTime triggeredAt, bool mayStop)
        {
            CorrelationId = correlationId;
            TriggeredAt = DateTime.SpecifyKind(triggeredAt, DateTimeKind.Utc);
            MayStop = mayStop;
        }

        /// <summary>The request's correlation id (the same for every row of a CreateMultiple or UpdateMultiple).</summary>
        public Guid CorrelationId { get; }
        /// <summary>When the row's operation ran.</summary>
        public DateTime TriggeredAt { get; }
        /// <summary>Whether the job may leave a customer alone (false for deletes, moves and follow-up candidates).</summary>
        public bool MayStop { get; }
        /// <summary>The earliest modifiedon a row of this request can carry.</summary>
        public DateTime WrittenSince => TriggeredAt - LongestOperation;

        /// <summary>Whether figures stored with this correlation id and computed-on date already count this job's row.</summary>
        public bool Counted(string? storedCorrelationId, DateTime? storedComputedOn)
        {
            Guid stored;
            return MayStop && storedComputedOn.HasValue && storedComputedOn.Value.Ticks >= TriggeredAt.Ticks
                && Guid.TryParse(storedCorrelationId, out stored) && stored == CorrelationId;
        }
    }

    /// <summary>A response date a change wrote or removed for a customer: that day's summary is made again.</summary>
    public sealed class NpsTouch
    {
        /// <summary>Creates the touch.</summary>
        public NpsTouch(EntityReference customer, DateTime respondedOn)
        {
            Customer = customer ?? throw new ArgumentNullException(nameof(customer));
            RespondedOn = respondedOn;
        }

        /// <summary>The account or contact.</summary>
        public EntityReference Customer { get; }
        /// <summary>cx_respondedon of the response, before or after the change (UTC).</summary>
        public DateTime RespondedOn { get; }
    }

    /// <summary>What a recompute did for one customer.</summary>
    public sealed class CustomerNps
    {
        /// <summary>Creates the outcome.</summary>
        public CustomerNps(EntityReference customer, string? name, EntityReference? owner, NpsFigures? figures, bool written, int attempts, bool? hasOpenFollowUp = null)
        {
            HasOpenFollowUp = hasOpenFollowUp;
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
        /// <summary>The figures computed; null when the customer was left alone (another job of the same request computed it).</summary>
        public NpsFigures? Figures { get; }
        /// <summary>Whether they were written (false: the stored figures were already these).</summary>
        public bool Written { get; }
        /// <summary>Attempts it took (1 without a concurrent writer).</summary>
        public int Attempts { get; }
        /// <summary>Whether an open task regards one of the customer's responses, as of the last read; null when not asked.</summary>
        public bool? HasOpenFollowUp { get; }
    }

    /// <summary>What a recompute did.</summary>
    public sealed class NpsRecomputeResult
    {
        /// <summary>Creates the outcome.</summary>
        public NpsRecomputeResult(IReadOnlyList<CustomerNps> customers, int coalesced = 0)
        {
            Customers = customers;
            Coalesced = coalesced;
        }

        /// <summary>Customers left alone because another job of the same request had already recomputed them.</summary>
        public int Coalesced { get; }

        /// <summary>Every customer recomputed or left alone (customers that no longer exist are absent).</summary>
        public IReadOnlyList<CustomerNps> Customers { get; }
        /// <summary>Customers whose figures were written.</summary>
        public int Written => Customers.Count(c => c.Written);
        /// <summary>Retries caused by concurrent writers.</summary>
        public int Retries => Customers.Where(c => c.Attempts > 0).Sum(c => c.Attempts - 1);

        /// <summary>The outcome for one customer, or null.</summary>
        public CustomerNps? For(EntityReference customer) =>
            Customers.FirstOrDefault(c => c.Customer.LogicalName == customer.LogicalName && c.Customer.Id == customer.Id);
    }
}
