using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.ServiceModel;
using CrmCx.Domain.Nps;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using CrmCx.Infrastructure;

namespace CrmCx.Nps;

/// <summary>
/// What the NPS queries share (the aggregate row limit, id filters, ISO dates, aliased values), and the newest
/// response date of customers whose windows are empty (FetchXML max grouped by customer).
/// </summary>
/// <remarks>
/// Dataverse refuses an aggregate over more than 50,000 rows (AggregateQueryRecordLimit): the newest date is then read
/// for halves of the customers, and for a single customer as the first row in date order.
/// </remarks>
internal sealed class NpsAggregateReader
{
    /// <summary>Error code of "AggregateQueryRecordLimit exceeded".</summary>
    public const int AggregateQueryRecordLimit = unchecked((int)0x8004E023);

    /// <summary>Customers per query: one row per customer comes back.</summary>
    public const int CustomersPerQuery = 30;

    private readonly IOrganizationService service;

    public NpsAggregateReader(IOrganizationService service)
    {
        this.service = service;
    }

    /// <summary>The newest cx_respondedon (at most <paramref name="to"/>) of each customer, for those whose windows were empty.</summary>
    public Dictionary<Guid, DateTime> Newest(string customerColumn, IReadOnlyList<Guid> customers, DateTime to)
    {
        var result = new Dictionary<Guid, DateTime>();
        for (var start = 0; start < customers.Count; start += CustomersPerQuery)
        {
            NewestChunk(customerColumn, customers.Skip(start).Take(CustomersPerQuery).ToList(), to, result);
        }
        return result;
    }

    private void NewestChunk(string customerColumn, List<Guid> customers, DateTime to, Dictionary<Guid, DateTime> result)
    {
        if (customers.Count == 0) return;
        try
        {
            var fetch = FetchXml.Of(SurveyResponseSchema.EntityName, aggregate: true)
                .Attribute(customerColumn, "customer", groupBy: true)
                .Attribute(SurveyResponseSchema.RespondedOn, "newest", "max")
                .Filter().In(customerColumn, customers).Condition(SurveyResponseSchema.RespondedOn, "le", to).End();
            foreach (var row in service.RetrieveMultiple(fetch.ToExpression()).Entities)
            {
                var customer = QueryValues.Id(QueryValues.Raw(row, "customer"));
                if (customer.HasValue && QueryValues.Raw(row, "newest") is DateTime d) result[customer.Value] = DateTime.SpecifyKind(d, DateTimeKind.Utc);
            }
        }
        catch (FaultException<OrganizationServiceFault> e) when (e.Detail != null && e.Detail.ErrorCode == AggregateQueryRecordLimit)
        {
            if (customers.Count > 1)
            {
                var half = customers.Count / 2;
                NewestChunk(customerColumn, customers.Take(half).ToList(), to, result);
                NewestChunk(customerColumn, customers.Skip(half).ToList(), to, result);
                return;
            }
            // One customer with more than 50,000 responses: the newest is the first row in date order.
            var query = new QueryExpression(SurveyResponseSchema.EntityName) { ColumnSet = new ColumnSet(SurveyResponseSchema.RespondedOn), TopCount = 1 };
            query.Criteria.AddCondition(customerColumn, ConditionOperator.Equal, customers[0]);
            query.Criteria.AddCondition(SurveyResponseSchema.RespondedOn, ConditionOperator.LessEqual, to);
            query.Criteria.AddCondition(SurveyResponseSchema.ValidationError, ConditionOperator.Null);
            query.AddOrder(SurveyResponseSchema.RespondedOn, OrderType.Descending);
            var newest = service.RetrieveMultiple(query).Entities.FirstOrDefault()?.GetAttributeValue<DateTime?>(SurveyResponseSchema.RespondedOn);
            if (newest.HasValue) result[customers[0]] = DateTime.SpecifyKind(newest.Value, DateTimeKind.Utc);
        }
    }
}
