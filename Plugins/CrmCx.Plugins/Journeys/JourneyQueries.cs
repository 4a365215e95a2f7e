using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCx.Journeys;

/// <summary>Read-only journey queries for the CLI, the demo and dashboards.</summary>
public static class JourneyQueries
{
    /// <summary>The columns <see cref="TopAtRisk"/> returns.</summary>
    public static readonly string[] SummaryColumns =
    {
        JourneySchema.Name, JourneySchema.JourneyType, JourneySchema.Account, JourneySchema.Contact, JourneySchema.CurrentStage,
        JourneySchema.StartedOn, JourneySchema.Score, JourneySchema.StartScore, JourneySchema.ScoreTrend, JourneySchema.Nps,
        JourneySchema.ResponseCount, JourneySchema.TouchpointCount, JourneySchema.RepeatContacts, JourneySchema.RiskScore,
        JourneySchema.RiskLevel, JourneySchema.RiskReasons, JourneySchema.FlaggedOn, JourneySchema.Owner,
    };

    /// <summary>The open journeys with the highest risk score (ties: the most declining trend first), at most <paramref name="top"/>; journeys without risk are left out.</summary>
    public static IReadOnlyList<Entity> TopAtRisk(IOrganizationService service, int top = 10)
    {
        if (service == null) throw new ArgumentNullException(nameof(service));
        if (top < 1 || top > 5000) throw new ArgumentOutOfRangeException(nameof(top), top, "Between 1 and 5000 journeys.");
        var query = new QueryExpression(JourneySchema.EntityName) { ColumnSet = new ColumnSet(SummaryColumns), TopCount = top };
        query.Criteria.AddCondition(JourneySchema.StateCode, ConditionOperator.Equal, 0);
        query.Criteria.AddCondition(JourneySchema.RiskScore, ConditionOperator.GreaterThan, 0);
        query.AddOrder(JourneySchema.RiskScore, OrderType.Descending);
        query.AddOrder(JourneySchema.ScoreTrend, OrderType.Ascending);
        return service.RetrieveMultiple(query).Entities.ToList();
    }
}
