using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmCx.Domain.Drivers;
using CrmCx.Domain.Nps;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCx.Drivers;

/// <summary>What one summary pass did.</summary>
public sealed class DriverSummaryOutcome
{
    /// <summary>Creates the outcome.</summary>
    public DriverSummaryOutcome(int days, int rowsWritten, bool complete)
    {
        Days = days;
        RowsWritten = rowsWritten;
        Complete = complete;
    }

    /// <summary>Closed days summarized again.</summary>
    public int Days { get; }
    /// <summary>Summary rows created, updated or deleted.</summary>
    public int RowsWritten { get; }
    /// <summary>False when more changed days wait for the next pass.</summary>
    public bool Complete { get; }
}

/// <summary>
/// Keeps cx_driverday true for closed UTC days, as SYSTEM, from the rows at rest: every closed day with a response
/// modified since the watermark is summarized again whole (its rows created, updated or deleted to match). Run by
/// the daily cx_Recalculate, never by the per-response steps, so a response costs no extra call.
/// </summary>
/// <remarks>
/// The watermark (the one row of dimension "watermark") is the modifiedon up to which responses are summarized. A
/// response answered today is left for tomorrow's pass (the watermark never passes the start of today). A pass
/// summarizes at most <see cref="DaysPerPass"/> days, oldest change first; what remains waits for the next pass.
/// Known limits: a deleted response, or a touchpoint added or reassigned afterwards, changes a closed day's
/// summary only when another response of that day changes.
/// </remarks>
public sealed class DriverSummaryService
{
    /// <summary>Days one pass summarizes at most (each costs about ten reads plus its changed rows).</summary>
    public const int DaysPerPass = 31;

    private const int ChangedRowsPerRead = 5000;

    private readonly IOrganizationService service;
    private readonly Action<string>? trace;

    /// <summary>Creates the service over the SYSTEM user's organization service.</summary>
    public DriverSummaryService(IOrganizationService service, Action<string>? trace = null)
    {
        this.service = service ?? throw new ArgumentNullException(nameof(service));
        this.trace = trace;
    }

    /// <summary>Summarizes the closed days whose responses changed since the watermark (at most <see cref="DaysPerPass"/>).</summary>
    public DriverSummaryOutcome Summarize(DateTime now)
    {
        var today = UtcDay.Of(now);
        var watermark = ReadWatermark();
        var changed = new QueryExpression(SurveyResponseSchema.EntityName)
        {
            ColumnSet = new ColumnSet(SurveyResponseSchema.RespondedOn, SurveyResponseSchema.ModifiedOn),
            TopCount = ChangedRowsPerRead,
        };
        if (watermark.Through.HasValue) changed.Criteria.AddCondition(SurveyResponseSchema.ModifiedOn, ConditionOperator.GreaterThan, watermark.Through.Value);
        changed.Criteria.AddCondition(SurveyResponseSchema.RespondedOn, ConditionOperator.LessThan, today.Start);
        changed.AddOrder(SurveyResponseSchema.ModifiedOn, OrderType.Ascending);
        var rows = service.RetrieveMultiple(changed).Entities;

        var days = new List<UtcDay>();
        DateTime? stoppedAt = null;
        foreach (var row in rows)
        {
            var respondedOn = row.GetAttributeValue<DateTime?>(SurveyResponseSchema.RespondedOn);
            if (!respondedOn.HasValue) continue;
            var day = UtcDay.Of(DateTime.SpecifyKind(respondedOn.Value, DateTimeKind.Utc));
            if (days.Contains(day)) continue;
            if (days.Count == DaysPerPass)
            {
                stoppedAt = row.GetAttributeValue<DateTime?>(SurveyResponseSchema.ModifiedOn);
                break;
            }
            days.Add(day);
        }
        if (!stoppedAt.HasValue && rows.Count == ChangedRowsPerRead) stoppedAt = rows[rows.Count - 1].GetAttributeValue<DateTime?>(SurveyResponseSchema.ModifiedOn);

        var written = 0;
        foreach (var day in days.OrderBy(d => d.Number)) written += SummarizeDay(day);

        // Responses modified at the stopping instant or later wait; today's responses (modified today at the
        // earliest) must be found tomorrow, so the watermark never passes the start of today.
        var through = today.Start.AddMilliseconds(-1);
        if (stoppedAt.HasValue)
        {
            var before = DateTime.SpecifyKind(stoppedAt.Value, DateTimeKind.Utc).AddMilliseconds(-1);
            if (before < through) through = before;
        }
        if (watermark.Through.HasValue && through < watermark.Through.Value) through = watermark.Through.Value;
        WriteWatermark(watermark.Id, through);
        trace?.Invoke("Drivers: " + days.Count + " days summarized, " + written + " rows written, through " + through.ToString("o", CultureInfo.InvariantCulture) + ".");
        return new DriverSummaryOutcome(days.Count, written, !stoppedAt.HasValue);
    }

    /// <summary>Summarizes one closed day again from the rows at rest; returns the rows created, updated or deleted.</summary>
    public int SummarizeDay(UtcDay day)
    {
        var facts = new DriverFactsReader(service).Read(new[] { new KeyValuePair<DateTime, DateTime>(day.Start, day.End) }, null);
        var tallies = facts.Summarize();
        var existing = ExistingRows(day);
        var written = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in tallies)
        {
            var key = pair.Key.RowKey(day.Number);
            seen.Add(key);
            Entity? row;
            if (existing.TryGetValue(key, out row))
            {
                if (Tally(row).SameAs(pair.Value)) continue;
                var update = new Entity(DriverDaySchema.EntityName, row.Id);
                SetCounts(update, pair.Value);
                service.Update(update);
            }
            else
            {
                var create = new Entity(DriverDaySchema.EntityName)
                {
                    [DriverDaySchema.Name] = day.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " " + DriverDimensions.Name(pair.Key.Dimension) + " " + pair.Key.Value,
                    [DriverDaySchema.Key] = key,
                    [DriverDaySchema.Day] = day.Number,
                    [DriverDaySchema.Dimension] = DriverDimensions.Name(pair.Key.Dimension),
                    [DriverDaySchema.Value] = pair.Key.Value,
                    [DriverDaySchema.JourneyType] = pair.Key.JourneyType,
                };
                if (pair.Key.Account.HasValue) create[DriverDaySchema.Account] = new EntityReference(CustomerSchema.Account, pair.Key.Account.Value);
                SetCounts(create, pair.Value);
                service.Create(create);
            }
            written++;
        }
        foreach (var stale in existing.Where(e => !seen.Contains(e.Key)))
        {
            service.Delete(DriverDaySchema.EntityName, stale.Value.Id);
            written++;
        }
        return written;
    }

    /// <summary>The tally a summary row holds.</summary>
    public static DriverTally Tally(Entity row) => new DriverTally(
        row.GetAttributeValue<int?>(DriverDaySchema.Responses) ?? 0, row.GetAttributeValue<int?>(DriverDaySchema.Promoters) ?? 0,
        row.GetAttributeValue<int?>(DriverDaySchema.Detractors) ?? 0, row.GetAttributeValue<int?>(DriverDaySchema.SatisfactionCount) ?? 0,
        row.GetAttributeValue<decimal?>(DriverDaySchema.SatisfactionSum) ?? 0m, row.GetAttributeValue<decimal?>(DriverDaySchema.SatisfactionSquares) ?? 0m);

    /// <summary>Writes a tally's counts on a row.</summary>
    public static void SetCounts(Entity row, DriverTally tally)
    {
        row[DriverDaySchema.Responses] = tally.Responses;
        row[DriverDaySchema.Promoters] = tally.Promoters;
        row[DriverDaySchema.Detractors] = tally.Detractors;
        row[DriverDaySchema.SatisfactionCount] = tally.SatisfactionCount;
        row[DriverDaySchema.SatisfactionSum] = tally.SatisfactionSum;
        row[DriverDaySchema.SatisfactionSquares] = tally.SatisfactionSquares;
    }

    private Dictionary<string, Entity> ExistingRows(UtcDay day)
    {
        var result = new Dictionary<string, Entity>(StringComparer.Ordinal);
        var query = new QueryExpression(DriverDaySchema.EntityName)
        {
            ColumnSet = new ColumnSet(DriverDaySchema.Key, DriverDaySchema.Responses, DriverDaySchema.Promoters, DriverDaySchema.Detractors,
                DriverDaySchema.SatisfactionCount, DriverDaySchema.SatisfactionSum, DriverDaySchema.SatisfactionSquares),
            PageInfo = new PagingInfo { Count = 5000, PageNumber = 1 },
        };
        query.Criteria.AddCondition(DriverDaySchema.Day, ConditionOperator.Equal, day.Number);
        query.AddOrder(DriverDaySchema.Id, OrderType.Ascending);
        while (true)
        {
            var page = service.RetrieveMultiple(query);
            foreach (var row in page.Entities)
            {
                var key = row.GetAttributeValue<string>(DriverDaySchema.Key);
                if (key != null) result[key] = row;
            }
            if (!page.MoreRecords) break;
            query.PageInfo.PageNumber++;
            query.PageInfo.PagingCookie = page.PagingCookie;
        }
        return result;
    }

    private sealed class Watermark
    {
        public Guid? Id;
        public DateTime? Through;
    }

    private Watermark ReadWatermark()
    {
        var query = new QueryExpression(DriverDaySchema.EntityName) { ColumnSet = new ColumnSet(DriverDaySchema.SummarizedThrough), TopCount = 1 };
        query.Criteria.AddCondition(DriverDaySchema.Key, ConditionOperator.Equal, DriverDaySchema.WatermarkKey);
        var row = service.RetrieveMultiple(query).Entities.FirstOrDefault();
        var through = row?.GetAttributeValue<DateTime?>(DriverDaySchema.SummarizedThrough);
        return new Watermark { Id = row?.Id, Through = through.HasValue ? DateTime.SpecifyKind(through.Value, DateTimeKind.Utc) : (DateTime?)null };
    }

    private void WriteWatermark(Guid? id, DateTime through)
    {
        if (id.HasValue)
        {
            service.Update(new Entity(DriverDaySchema.EntityName, id.Value) { [DriverDaySchema.SummarizedThrough] = through });
            return;
        }
        service.Create(new Entity(DriverDaySchema.EntityName)
        {
            [DriverDaySchema.Name] = "Summarized through",
            [DriverDaySchema.Key] = DriverDaySchema.WatermarkKey,
            [DriverDaySchema.Day] = 19000101,
            [DriverDaySchema.Dimension] = DriverDaySchema.WatermarkKey,
            [DriverDaySchema.SummarizedThrough] = through,
        });
    }
}
