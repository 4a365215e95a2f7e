using System;
using System.Collections.Generic;
using CrmCx.Domain.Journeys;
using CrmCx.Domain.Nps;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using CrmCx.Infrastructure;

namespace CrmCx.Journeys;

/// <summary>
/// Reads what a journey's figures come from, at rest: one aggregate over its survey responses (grouped by stage and
/// score) and one day-grouped aggregate per touchpoint table, so the rows read are bounded by days, not touchpoints.
/// </summary>
internal sealed class JourneyActivityReader
{
    private readonly IOrganizationService service;
    private readonly Action<string>? trace;

    public JourneyActivityReader(IOrganizationService service, Action<string>? trace)
    {
        this.service = service;
        this.trace = trace;
    }

    public IEnumerable<ResponseGroup> Responses(Guid journeyId)
    {
        var fetch = FetchXml.Of(SurveyResponseSchema.EntityName, aggregate: true)
            .Attribute(SurveyResponseSchema.JourneyStage, "stage", groupBy: true)
            .Attribute(SurveyResponseSchema.Score, "score", groupBy: true)
            .Attribute(SurveyResponseSchema.Id, "n", "count")
            .Attribute(SurveyResponseSchema.SatisfactionIndex, "isum", "sum")
            .Attribute(SurveyResponseSchema.SatisfactionIndex, "icount", "countcolumn")
            .Attribute(SurveyResponseSchema.RespondedOn, "latest", "max")
            .Attribute(SurveyResponseSchema.RespondedOn, "earliest", "min")
            .Filter().Condition(SurveyResponseSchema.Journey, "eq", journeyId)
            // Rows imported with plug-ins off that failed validation are kept but count nowhere (data-model.md).
            .Condition(SurveyResponseSchema.ValidationError, "null").End();
        var groups = new List<ResponseGroup>();
        foreach (var row in service.RetrieveMultiple(fetch.ToExpression()).Entities)
        {
            var score = QueryValues.Int(row, "score");
            var count = QueryValues.Int(row, "n") ?? 0;
            // A response without a valid score (imported with plugins off) cannot be classified: NPS counts from
            // cx_score, so it is left out and traced, as the customer rollup does, rather than failing the journey.
            if (!score.HasValue || !NpsCategories.IsValidScore(score.Value))
            {
                if (count > 0) trace?.Invoke(count + " response(s) of journey " + journeyId + " have no valid cx_score (0–10) and are not counted.");
                continue;
            }
            var indexCount = Math.Min(count, QueryValues.Int(row, "icount") ?? 0);
            groups.Add(new ResponseGroup(QueryValues.Int(row, "stage"), score.Value, count, indexCount == 0 ? 0m : QueryValues.Decimal(row, "isum") ?? 0m,
                indexCount, QueryValues.Date(row, "latest"), QueryValues.Date(row, "earliest")));
        }
        return groups;
    }

    public IEnumerable<TouchpointGroup> Touchpoints(Guid journeyId)
    {
        var groups = new List<TouchpointGroup>();
        foreach (var table in TouchpointSchema.Tables)
        {
            // Grouped by stage and calendar day (year, month, day: Dataverse's "day" is the day of the month), with the
            // earliest and latest time of each group: exact counts and exact repeat contacts in rows bounded by days, not touchpoints.
            var fetch = FetchXml.Of(table, aggregate: true)
                .Attribute(TouchpointSchema.JourneyStage, "stage", groupBy: true)
                .Attribute("createdon", "y", groupBy: true, dateGrouping: "year")
                .Attribute("createdon", "m", groupBy: true, dateGrouping: "month")
                .Attribute("createdon", "d", groupBy: true, dateGrouping: "day")
                .Attribute(PrimaryId(table), "n", "count")
                .Attribute("createdon", "first", "min")
                .Attribute("createdon", "last", "max")
                .Filter().Condition(TouchpointSchema.Journey, "eq", journeyId).End();
            foreach (var row in service.RetrieveMultiple(fetch.ToExpression()).Entities)
            {
                var count = QueryValues.Int(row, "n") ?? 0;
                var first = QueryValues.Date(row, "first");
                var last = QueryValues.Date(row, "last");
                if (count < 1 || !first.HasValue || !last.HasValue) continue;
                groups.Add(new TouchpointGroup(QueryValues.Int(row, "stage"), count, first.Value, count == 1 ? first.Value : last.Value));
            }
        }
        return groups;
    }

    private static string PrimaryId(string table) => table == TouchpointSchema.Incident ? "incidentid" : "activityid";
}
