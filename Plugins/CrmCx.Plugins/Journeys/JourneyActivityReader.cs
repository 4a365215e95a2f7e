using System;
using System.Collections.Generic;
using CrmCx.Domain.Journeys;
using CrmCx.Domain.Nps;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
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
        var fetch = "<fetch aggregate='true'><entity name='" + SurveyResponseSchema.EntityName + "'>"
            + "<attribute name='" + SurveyResponseSchema.JourneyStage + "' groupby='true' alias='stage' />"
            + "<attribute name='" + SurveyResponseSchema.Score + "' groupby='true' alias='score' />"
            + "<attribute name='" + SurveyResponseSchema.Id + "' aggregate='count' alias='n' />"
            + "<attribute name='" + SurveyResponseSchema.SatisfactionIndex + "' aggregate='sum' alias='isum' />"
            + "<attribute name='" + SurveyResponseSchema.SatisfactionIndex + "' aggregate='countcolumn' alias='icount' />"
            + "<attribute name='" + SurveyResponseSchema.RespondedOn + "' aggregate='max' alias='latest' />"
            + "<attribute name='" + SurveyResponseSchema.RespondedOn + "' aggregate='min' alias='earliest' />"
            + "<filter><condition attribute='" + SurveyResponseSchema.Journey + "' operator='eq' value='" + QueryValues.Fetch(journeyId) + "' />"
            // Rows imported with plug-ins off that failed validation are kept but count nowhere (data-model.md).
            + "<condition attribute='" + SurveyResponseSchema.ValidationError + "' operator='null' /></filter>"
            + "</entity></fetch>";
        var groups = new List<ResponseGroup>();
        foreach (var row in service.RetrieveMultiple(new FetchExpression(fetch)).Entities)
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
            var fetch = "<fetch aggregate='true'><entity name='" + table + "'>"
                + "<attribute name='" + TouchpointSchema.JourneyStage + "' groupby='true' alias='stage' />"
                + "<attribute name='createdon' groupby='true' dategrouping='year' alias='y' />"
                + "<attribute name='createdon' groupby='true' dategrouping='month' alias='m' />"
                + "<attribute name='createdon' groupby='true' dategrouping='day' alias='d' />"
                + "<attribute name='" + PrimaryId(table) + "' aggregate='count' alias='n' />"
                + "<attribute name='createdon' aggregate='min' alias='first' />"
                + "<attribute name='createdon' aggregate='max' alias='last' />"
                + "<filter><condition attribute='" + TouchpointSchema.Journey + "' operator='eq' value='" + QueryValues.Fetch(journeyId) + "' /></filter>"
                + "</entity></fetch>";
            foreach (var row in service.RetrieveMultiple(new FetchExpression(fetch)).Entities)
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
