using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmCx.Domain.Drivers;
using CrmCx.Domain.Nps;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using CrmCx.Infrastructure;

namespace CrmCx.Drivers;

/// <summary>
/// The reads of cx_GetDrivers, as SYSTEM: aggregates over the summaries of the closed days in the query (one per 31 days), the raw
/// responses of today (and of the part of Since's day after Since) with their attribution, and the names of owners
/// or business units. A number of calls set by the days asked for, whatever the history.
/// </summary>
/// <remarks>
/// Dataverse refuses an aggregate over more than 50,000 rows, and a refused call inside the API's transaction cannot
/// be caught and retried. So the closed days are aggregated in fixed parts of <see cref="DaysPerAggregate"/> days:
/// one part counts at most 31 × (journey types, 5) × (values of the dimension) rows, under 50,000 for up to 322
/// values active on every day of every type (1,612 with a JourneyType). The number of calls depends only on the
/// days asked for (12 aggregates for the default 365-day window: its 364 whole closed days), never on how many responses they hold.
/// </remarks>
public sealed class DriverQueryService
{
    /// <summary>Closed days one aggregate over the summaries covers at most.</summary>
    public const int DaysPerAggregate = 31;

    private readonly IOrganizationService service;

    /// <summary>Creates the service over the SYSTEM user's organization service.</summary>
    public DriverQueryService(IOrganizationService service)
    {
        this.service = service ?? throw new ArgumentNullException(nameof(service));
    }

    /// <summary>The driver rows of a checked request at <paramref name="now"/>.</summary>
    public IReadOnlyList<DriverRow> Read(DriverRequest request, DateTime now)
    {
        if (request == null) throw new ArgumentNullException(nameof(request));
        var byValue = new Dictionary<string, DriverTally>(StringComparer.Ordinal);

        UtcDay? first, last;
        request.SummaryDays(now, out first, out last);
        if (first.HasValue && last.HasValue)
        {
            for (var from = first.Value.Start; from <= last.Value.Start; from = from.AddDays(DaysPerAggregate))
            {
                var to = from.AddDays(DaysPerAggregate - 1);
                Summaries(request, UtcDay.Of(from).Number, (to < last.Value.Start ? UtcDay.Of(to) : last.Value).Number, byValue);
            }
        }

        var today = UtcDay.Of(now);
        var ranges = new List<KeyValuePair<DateTime, DateTime>>();
        var sinceDay = UtcDay.Of(request.Since);
        // Since's own day, when it starts after midnight and is closed, is read raw from Since on.
        if (request.Since > sinceDay.Start && sinceDay.Start < today.Start) ranges.Add(new KeyValuePair<DateTime, DateTime>(request.Since, sinceDay.End));
        var todayFrom = request.Since > today.Start ? request.Since : today.Start;
        ranges.Add(new KeyValuePair<DateTime, DateTime>(todayFrom, now.AddMilliseconds(1)));
        var facts = new DriverFactsReader(service).Read(ranges, request.Account);
        foreach (var pair in facts.Summarize())
        {
            if (pair.Key.Dimension != request.Dimension || pair.Key.Account != request.Account) continue;
            if (request.JourneyType.HasValue && pair.Key.JourneyType != request.JourneyType.Value) continue;
            Add(byValue, pair.Key.Value, pair.Value);
        }

        var names = Names(request.Dimension, byValue.Keys.ToList());
        return DriverStatistics.Compare(request.Dimension, byValue, key =>
        {
            string? name;
            return DriverLabels.Of(request.Dimension, key) ?? (names.TryGetValue(key, out name) ? name : "(unknown " + key + ")");
        });
    }

    private void Summaries(DriverRequest request, int firstDay, int lastDay, Dictionary<string, DriverTally> byValue)
    {
        var fetch = FetchXml.Of(DriverDaySchema.EntityName, aggregate: true).Attribute(DriverDaySchema.Value, "value", groupBy: true);
        foreach (var column in new[] { DriverDaySchema.Responses, DriverDaySchema.Promoters, DriverDaySchema.Detractors, DriverDaySchema.SatisfactionCount, DriverDaySchema.SatisfactionSum, DriverDaySchema.SatisfactionSquares })
            fetch.Attribute(column, column, "sum");
        fetch.Filter()
            .Condition(DriverDaySchema.Dimension, "eq", DriverDimensions.Name(request.Dimension))
            .Condition(DriverDaySchema.Day, "ge", firstDay)
            .Condition(DriverDaySchema.Day, "le", lastDay);
        if (request.Account.HasValue) fetch.Condition(DriverDaySchema.Account, "eq", request.Account.Value);
        else fetch.Condition(DriverDaySchema.Account, "null");
        if (request.JourneyType.HasValue) fetch.Condition(DriverDaySchema.JourneyType, "eq", request.JourneyType.Value);
        var rows = service.RetrieveMultiple(fetch.ToExpression());
        foreach (var row in rows.Entities)
        {
            var value = QueryValues.Raw(row, "value") as string;
            if (value == null) continue;
            Add(byValue, value, new DriverTally(Int(row, DriverDaySchema.Responses), Int(row, DriverDaySchema.Promoters), Int(row, DriverDaySchema.Detractors),
                Int(row, DriverDaySchema.SatisfactionCount), Dec(row, DriverDaySchema.SatisfactionSum), Dec(row, DriverDaySchema.SatisfactionSquares)));
        }
    }

    private Dictionary<string, string> Names(DriverDimension dimension, List<string> keys)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (dimension != DriverDimension.Owner && dimension != DriverDimension.BusinessUnit) return result;
        var ids = keys.Select(k => { Guid g; return Guid.TryParse(k, out g) ? g : Guid.Empty; }).Where(g => g != Guid.Empty).Distinct().ToList();
        if (ids.Count == 0) return result;
        var table = dimension == DriverDimension.Owner ? "systemuser" : "businessunit";
        var nameColumn = dimension == DriverDimension.Owner ? "fullname" : "name";
        var query = new QueryExpression(table) { ColumnSet = new ColumnSet(nameColumn) };
        query.Criteria.AddCondition(table + "id", ConditionOperator.In, ids.Cast<object>().ToArray());
        foreach (var row in service.RetrieveMultiple(query).Entities)
            result[row.Id.ToString("D")] = row.GetAttributeValue<string>(nameColumn) ?? row.Id.ToString("D");
        return result;
    }

    private static void Add(Dictionary<string, DriverTally> byValue, string key, DriverTally tally)
    {
        DriverTally? sum;
        if (!byValue.TryGetValue(key, out sum)) byValue[key] = sum = new DriverTally();
        sum.Add(tally);
    }

    private static int Int(Entity row, string alias)
    {
        var value = QueryValues.Raw(row, alias);
        return value == null ? 0 : Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }

    private static decimal Dec(Entity row, string alias)
    {
        var value = QueryValues.Raw(row, alias);
        return value == null ? 0m : Convert.ToDecimal(value, CultureInfo.InvariantCulture);
    }
}
