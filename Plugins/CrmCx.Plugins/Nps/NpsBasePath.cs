using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Domain.Nps;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Nps;

/// <summary>
/// The figures of one customer from what the ONE window read brought (<see cref="NpsWindowReader"/>): its responses
/// (a customer without a day base), or its day base (cx_npsdaybase, <see cref="NpsDayBase"/>) plus the rows of the days
/// the base lacks. Either way no further read (but the last response date of a customer without any in the spans), and
/// one Update under the version read.
/// </summary>
/// <remarks>
/// The base serves only when the read brought every day it needs: the same edge days as the read's plan (a stored
/// cx_npsupdatedon later by a day moves them), no touched day merged into a bucket, and no touched day that a stored
/// day summary (cx_npsday) counts, since this path writes no day rows; then the rolled base goes with the figures. In
/// any other case the caller takes the day path, which writes a fresh base.
/// </remarks>
internal sealed class NpsBasePath
{
    private readonly NpsOptions options;
    private readonly NpsAggregateReader reader;
    private readonly NpsCustomerWriter writer;

    public NpsBasePath(NpsOptions options, NpsAggregateReader reader, NpsCustomerWriter writer)
    {
        this.options = options;
        this.reader = reader;
        this.writer = writer;
    }

    /// <summary>Whether the read filtered the customer's rows by a day base (then its responses alone are not all).</summary>
    public static bool HasBase(StoredCustomer row) => row.Row.GetAttributeValue<DateTime?>(CustomerSchema.NpsDayBaseEnd).HasValue;

    /// <summary>The days the read brings whole for customers with a base, for these touched dates.</summary>
    public SortedSet<UtcDay> ReadDays(DateTime now, IEnumerable<DateTime> touched) => NpsDayBase.ReadDays(Plan(now), touched);

    /// <summary>Figures of one customer from its responses, written under the version read (no base); null on a version mismatch.</summary>
    public CustomerNps? FromResponses(StoredCustomer row, List<ScoredResponse> responses, DateTime at, Guid? correlationId, int attempt)
    {
        var periods = NpsPeriods.For(at, options.WindowDays);
        var figures = NpsCalculator.FromResponses(periods, responses);
        figures = WithLastResponse(row, figures, NpsDayPlan.For(periods));
        // When time alone changes these figures (what cx_Recalculate due reads); the history names its 12 months, so
        // it goes stale at every month start too.
        var next = NpsNextChange.OrMonthStart(periods, NpsNextChange.FromResponses(periods, responses));
        return writer.Write(row, figures, next, null, null, correlationId, attempt);
    }

    /// <summary>
    /// Figures of a customer with a day base from it and the rows read (<paramref name="now"/>: the read's instant),
    /// written with the rolled base; false when the base cannot serve (the caller takes the day path). The written
    /// result is null on a version mismatch.
    /// </summary>
    public bool TryFromBase(StoredCustomer row, List<ScoredResponse> rows, List<DateTime> requestRows, DateTime now, DateTime at, List<DateTime>? touched, Guid? correlationId, int attempt,
        out CustomerNps? written)
    {
        written = null;
        var end = row.Row.GetAttributeValue<DateTime?>(CustomerSchema.NpsDayBaseEnd);
        var dayBase = NpsDayBase.Parse(row.Row.GetAttributeValue<string>(CustomerSchema.NpsDayBase));
        if (dayBase == null || !end.HasValue || end.Value.Ticks != dayBase.End.Ticks) return false;
        var read = Plan(now);
        var plan = Plan(at);
        if (plan.CurrentEdgeDay != read.CurrentEdgeDay || plan.PreviousEdgeDay != read.PreviousEdgeDay) return false;
        var summarized = row.Row.GetAttributeValue<int?>(CustomerSchema.NpsDaysThrough);
        if (touched != null && summarized.HasValue && touched.Any(t => UtcDay.Of(t).Number <= summarized.Value && UtcDay.Of(t) >= plan.FirstDay)) return false;
        // Rows the request wrote on days the base counts and the read did not bring whole (a bulk import of older
        // responses): this job's siblings may stop early on the figures it writes, so the day path counts them.
        var whole = NpsDayBase.ReadDays(plan, touched);
        foreach (var date in requestRows)
        {
            var day = UtcDay.Of(date);
            if (day <= dayBase.Through && day >= plan.FirstDay && !whole.Contains(day)) return false;
        }
        var roll = dayBase.Roll(plan, rows, touched);
        if (roll == null) return false;
        var figures = WithLastResponse(row, roll.Figures, plan);
        var next = NpsNextChange.OrMonthStart(plan.Periods, roll.NextChange);
        // The day summaries stay as they are (complete through the same day): this path writes none.
        UtcDay? through = null;
        if (summarized.HasValue)
        {
            try
            {
                through = UtcDay.FromNumber(summarized.Value);
            }
            catch (ArgumentOutOfRangeException)
            {
                through = null;
            }
        }
        written = writer.Write(row, figures, next, through, roll.Next, correlationId, attempt);
        return true;
    }

    /// <summary>
    /// The instant to compute for: never before figures already stored (see <see cref="NpsRecomputeService"/>), and
    /// late enough for a response the survey tool dated a few minutes ahead (the skew validation allows) to count at once.
    /// </summary>
    public static DateTime At(DateTime now, IEnumerable<StoredCustomer> rows, Dictionary<string, List<DateTime>> touches)
    {
        var at = now;
        foreach (var row in rows)
        {
            var stored = row.Row.GetAttributeValue<DateTime?>(CustomerSchema.NpsUpdatedOn);
            if (stored.HasValue && stored.Value.Ticks > at.Ticks) at = Utc(stored.Value);
        }
        foreach (var date in touches.Values.SelectMany(d => d))
            if (date > at && date <= now + SurveyResponseRules.ClockSkew) at = date;
        return at;
    }

    /// <summary>The response dates of a change, per customer (table:id).</summary>
    public static Dictionary<string, List<DateTime>> Touches(IEnumerable<NpsTouch>? touched)
    {
        var result = new Dictionary<string, List<DateTime>>(StringComparer.Ordinal);
        if (touched == null) return result;
        foreach (var touch in touched)
        {
            if (touch == null || touch.Customer == null) continue;
            var key = NpsWindowReader.Key(touch.Customer.LogicalName, touch.Customer.Id);
            List<DateTime>? dates;
            if (!result.TryGetValue(key, out dates)) result[key] = dates = new List<DateTime>();
            dates.Add(Utc(touch.RespondedOn));
        }
        return result;
    }

    public static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);

    private NpsDayPlan Plan(DateTime at) => NpsDayPlan.For(NpsPeriods.For(at, options.WindowDays));

    /// <summary>With nothing in the spans, the last response date comes from further back (one aggregate).</summary>
    private NpsFigures WithLastResponse(StoredCustomer row, NpsFigures figures, NpsDayPlan plan)
    {
        if (figures.LastResponseOn.HasValue) return figures;
        var newest = reader.Newest(NpsCustomerRows.ResponseColumn(row.Table), new[] { row.Row.Id }, plan.Periods.Now);
        DateTime last;
        if (!newest.TryGetValue(row.Row.Id, out last)) return figures;
        return new NpsFigures(figures.ComputedOn, figures.Current, figures.Previous, figures.History, last);
    }
}
