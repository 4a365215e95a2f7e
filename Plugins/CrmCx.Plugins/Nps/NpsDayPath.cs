using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Domain.Nps;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Nps;

/// <summary>
/// The figures of large customers (more responses in the two windows than one page holds) from their day summaries
/// (cx_npsday) plus the partial days read from the responses (<see cref="NpsDayPlan"/> says which): calls that do not
/// grow with the history, and never an aggregate over 50,000 rows.
/// </summary>
internal sealed class NpsDayPath
{
    private readonly NpsOptions options;
    private readonly NpsAggregateReader reader;
    private readonly NpsDayReader dayReader;
    private readonly NpsDayRows dayRows;
    private readonly NpsCustomerWriter writer;

    public NpsDayPath(IOrganizationService service, NpsOptions options, NpsCustomerWriter writer, Action<string>? trace)
    {
        this.options = options;
        reader = new NpsAggregateReader(service);
        dayReader = new NpsDayReader(service, trace);
        dayRows = new NpsDayRows(service);
        this.writer = writer;
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
    public Dictionary<string, CustomerNps?> Recompute(
        List<StoredCustomer> rows, DateTime at, Dictionary<string, List<DateTime>> touches, Dictionary<string, HashSet<UtcDay>> summarized, int attempt, NpsRequest? request, bool rebuild)
    {
        var plan = NpsDayPlan.For(NpsPeriods.For(at, options.WindowDays));
        var refs = rows.Select(r => r.Reference).ToList();
        var due = new Dictionary<string, IReadOnlyList<UtcDay>>(StringComparer.Ordinal);
        // The days of every response of these customers that the request wrote: its other rows' jobs may stop early
        // (NpsRequest), so this job summarizes their days too. Later attempts find them in `summarized`.
        var written = new Dictionary<string, List<DateTime>>(StringComparer.Ordinal);
        var rebuildOne = new HashSet<string>(StringComparer.Ordinal);
        if (request != null && attempt == 1)
        {
            foreach (var credit in dayReader.ModifiedSince(refs, request.WrittenSince, rebuildOne))
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
            due[row.Key] = plan.DaysToSummarize(rebuild || rebuildOne.Contains(row.Key) ? null : SummarizedThrough(row.Row), days);
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
        var bases = new Dictionary<string, NpsDayBase>(StringComparer.Ordinal);
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
            next[row.Key] = NpsNextChange.OrMonthStart(plan.Periods, change);
            if (!figures[row.Key].LastResponseOn.HasValue) quiet.Add(row);
            // Every whole day is at hand: the checkpoint from which the next rollups read only a few days (NpsBasePath).
            bases[row.Key] = NpsDayBase.Create(plan, whole);
        }

        // Only customers without any response in the spans need a look further back for their last response date.
        foreach (var table in quiet.GroupBy(r => r.Table))
        {
            var newest = reader.Newest(NpsCustomerRows.ResponseColumn(table.Key), table.Select(r => r.Row.Id).ToList(), plan.Periods.Now);
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
            result[row.Key] = conflicts.Contains(row.Key) ? null : writer.Write(row, figures[row.Key], recalculateOn, plan.LastWholeDay, bases[row.Key], request?.CorrelationId, attempt);
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
    internal static IEnumerable<ResponseSpan> Contiguous(IEnumerable<UtcDay> days)
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
}
