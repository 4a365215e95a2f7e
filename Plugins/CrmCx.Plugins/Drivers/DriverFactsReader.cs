using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Domain.Drivers;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCx.Drivers;

/// <summary>The raw rows of some survey responses, their journeys' touchpoints and their owners' business units.</summary>
internal sealed class DriverFacts
{
    public DriverFacts(List<DriverResponse> responses, List<DriverTouchpoint> touchpoints, Dictionary<Guid, Guid> businessUnits)
    {
        Responses = responses;
        Touchpoints = touchpoints;
        BusinessUnits = businessUnits;
    }

    public List<DriverResponse> Responses { get; }
    public List<DriverTouchpoint> Touchpoints { get; }
    public Dictionary<Guid, Guid> BusinessUnits { get; }

    public Dictionary<DriverKey, DriverTally> Summarize() => DriverSummarizer.Summarize(Responses, Touchpoints, BusinessUnits);
}

/// <summary>
/// Reads what attribution needs for the responses answered in some instants: the responses (one page each 5,000),
/// their journeys' types (one query), the touchpoints of those journeys (one query per touchpoint table) and the
/// business units of the touchpoints' owners (one query). A constant number of calls for a day's responses.
/// </summary>
internal sealed class DriverFactsReader
{
    private static readonly string[] ResponseColumns =
    {
        SurveyResponseSchema.Account, SurveyResponseSchema.Journey, SurveyResponseSchema.JourneyStage, SurveyResponseSchema.Channel,
        SurveyResponseSchema.Score, SurveyResponseSchema.SatisfactionIndex, SurveyResponseSchema.Effort, SurveyResponseSchema.RespondedOn,
    };

    private readonly IOrganizationService service;

    public DriverFactsReader(IOrganizationService service)
    {
        this.service = service;
    }

    /// <summary>Calls made so far (for the trace and the tests).</summary>
    public int Calls { get; private set; }

    /// <summary>
    /// The responses answered in any of the ranges [from, to) (valid rows only: no validation error, a score), of
    /// <paramref name="account"/> when set, with their touchpoints and business units.
    /// </summary>
    public DriverFacts Read(IReadOnlyList<KeyValuePair<DateTime, DateTime>> ranges, Guid? account)
    {
        var responses = new List<Entity>();
        if (ranges.Count > 0)
        {
            var query = new QueryExpression(SurveyResponseSchema.EntityName) { ColumnSet = new ColumnSet(ResponseColumns), PageInfo = new PagingInfo { Count = 5000, PageNumber = 1 } };
            query.Criteria.AddCondition(SurveyResponseSchema.ValidationError, ConditionOperator.Null);
            query.Criteria.AddCondition(SurveyResponseSchema.Score, ConditionOperator.NotNull);
            if (account.HasValue) query.Criteria.AddCondition(SurveyResponseSchema.Account, ConditionOperator.Equal, account.Value);
            var any = new FilterExpression(LogicalOperator.Or);
            foreach (var range in ranges)
            {
                var one = any.AddFilter(LogicalOperator.And);
                one.AddCondition(SurveyResponseSchema.RespondedOn, ConditionOperator.GreaterEqual, range.Key);
                one.AddCondition(SurveyResponseSchema.RespondedOn, ConditionOperator.LessThan, range.Value);
            }
            query.Criteria.AddFilter(any);
            query.AddOrder(SurveyResponseSchema.Id, OrderType.Ascending);
            while (true)
            {
                var page = service.RetrieveMultiple(query);
                Calls++;
                responses.AddRange(page.Entities);
                if (!page.MoreRecords) break;
                query.PageInfo.PageNumber++;
                query.PageInfo.PagingCookie = page.PagingCookie;
            }
        }

        var journeyIds = responses.Select(r => r.GetAttributeValue<EntityReference>(SurveyResponseSchema.Journey)?.Id).Where(id => id.HasValue).Select(id => id!.Value).Distinct().ToList();
        var types = new Dictionary<Guid, int>();
        var touchpoints = new List<DriverTouchpoint>();
        if (journeyIds.Count > 0)
        {
            var journeys = new QueryExpression(JourneySchema.EntityName) { ColumnSet = new ColumnSet(JourneySchema.JourneyType) };
            journeys.Criteria.AddCondition(JourneySchema.Id, ConditionOperator.In, journeyIds.Cast<object>().ToArray());
            foreach (var journey in service.RetrieveMultiple(journeys).Entities)
            {
                var type = journey.GetAttributeValue<OptionSetValue>(JourneySchema.JourneyType);
                if (type != null) types[journey.Id] = type.Value;
            }
            Calls++;
            foreach (var table in TouchpointSchema.Tables)
            {
                // Cases have no actual end: their time is their creation.
                var columns = table == TouchpointSchema.Incident
                    ? new ColumnSet(TouchpointSchema.Journey, TouchpointSchema.JourneyStage, "createdon", "ownerid")
                    : new ColumnSet(TouchpointSchema.Journey, TouchpointSchema.JourneyStage, "createdon", "ownerid", "actualend");
                var query = new QueryExpression(table) { ColumnSet = columns };
                query.Criteria.AddCondition(TouchpointSchema.Journey, ConditionOperator.In, journeyIds.Cast<object>().ToArray());
                foreach (var row in service.RetrieveMultiple(query).Entities)
                {
                    var owner = row.GetAttributeValue<EntityReference>("ownerid");
                    touchpoints.Add(new DriverTouchpoint(row.Id, row.GetAttributeValue<EntityReference>(TouchpointSchema.Journey).Id,
                        row.GetAttributeValue<OptionSetValue>(TouchpointSchema.JourneyStage)?.Value,
                        Utc(row.GetAttributeValue<DateTime?>("actualend")), Utc(row.GetAttributeValue<DateTime?>("createdon")) ?? DateTime.MinValue,
                        owner != null && owner.LogicalName == "systemuser" ? owner.Id : (Guid?)null));
                }
                Calls++;
            }
        }

        var units = new Dictionary<Guid, Guid>();
        var owners = touchpoints.Where(t => t.Owner.HasValue).Select(t => t.Owner!.Value).Distinct().ToList();
        if (owners.Count > 0)
        {
            var users = new QueryExpression("systemuser") { ColumnSet = new ColumnSet("businessunitid") };
            users.Criteria.AddCondition("systemuserid", ConditionOperator.In, owners.Cast<object>().ToArray());
            foreach (var user in service.RetrieveMultiple(users).Entities)
            {
                var unit = user.GetAttributeValue<EntityReference>("businessunitid");
                if (unit != null) units[user.Id] = unit.Id;
            }
            Calls++;
        }

        var facts = responses.Select(r =>
        {
            var journey = r.GetAttributeValue<EntityReference>(SurveyResponseSchema.Journey)?.Id;
            int type;
            return new DriverResponse(
                r.GetAttributeValue<EntityReference>(SurveyResponseSchema.Account)?.Id,
                journey,
                journey.HasValue && types.TryGetValue(journey.Value, out type) ? type : (int?)null,
                r.GetAttributeValue<OptionSetValue>(SurveyResponseSchema.JourneyStage)?.Value,
                r.GetAttributeValue<OptionSetValue>(SurveyResponseSchema.Channel)?.Value,
                r.GetAttributeValue<int>(SurveyResponseSchema.Score),
                r.GetAttributeValue<decimal?>(SurveyResponseSchema.SatisfactionIndex),
                r.GetAttributeValue<int?>(SurveyResponseSchema.Effort),
                Utc(r.GetAttributeValue<DateTime?>(SurveyResponseSchema.RespondedOn)) ?? DateTime.MinValue);
        }).ToList();
        return new DriverFacts(facts, touchpoints, units);
    }

    private static DateTime? Utc(DateTime? value) => value.HasValue ? DateTime.SpecifyKind(value.Value, DateTimeKind.Utc) : (DateTime?)null;
}
