using System;
using System.Collections.Generic;
using CrmCx.Domain.Choices;
using CrmCx.Domain.Risk;
using CrmCx.Domain.Text;
using CrmCx.Infrastructure;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCx.Journeys;

/// <summary>
/// The journey side of a customer's risk: it writes the journey facts (cx_openjourneys, cx_journeyrisklevel,
/// cx_atriskjourneys, read fresh from one aggregate) and the combined columns (cx_risklevel, cx_riskreasons in the base
/// language, cx_riskreasonsjson) from <see cref="CustomerRiskColumns"/> over those facts and the NPS figures as stored,
/// under the row version read before the journeys were aggregated (a concurrent rollup that wrote in between sends
/// this one back to read again, so the last write always saw every journey). The NPS rollup writes the same combined
/// columns from its fresh figures and these stored facts (docs/architecture.md, "Who writes a customer's columns").
/// </summary>
internal sealed class CustomerRiskWriter
{
    private readonly IOrganizationService service;
    private readonly CustomerRiskOptions options;

    public CustomerRiskWriter(IOrganizationService service, CustomerRiskOptions options)
    {
        this.service = service;
        this.options = options;
    }

    /// <summary>The highest risk level among the customer's open journeys, how many are open and how many are at Medium or High.</summary>
    public JourneyFacts Read(EntityReference customer)
    {
        var column = customer.LogicalName == CustomerSchema.Account ? JourneySchema.Account : JourneySchema.Contact;
        var fetch = FetchXml.Of(JourneySchema.EntityName, aggregate: true)
            .Attribute(JourneySchema.RiskLevel, "level", groupBy: true)
            .Attribute(JourneySchema.Id, "n", "count")
            .Filter().Condition(JourneySchema.StateCode, "eq", 0).Condition(column, "eq", customer.Id).End();
        var highest = RiskLevel.None;
        var atRisk = 0;
        var open = 0;
        foreach (var row in service.RetrieveMultiple(fetch.ToExpression()).Entities)
        {
            var n = QueryValues.Int(row, "n") ?? 0;
            open += n;
            var value = QueryValues.Int(row, "level");
            if (!value.HasValue || !Enum.IsDefined(typeof(RiskLevel), value.Value)) continue;
            var level = (RiskLevel)value.Value;
            if (level > highest) highest = level;
            if (RiskAssessment.IsAtRisk(level)) atRisk += n;
        }
        return new JourneyFacts(open, open == 0 ? RiskLevel.None : highest, atRisk);
    }

    /// <summary>The columns of a customer from its stored NPS figures and its open journeys.</summary>
    public CustomerRiskColumns Assess(CustomerRow customer, JourneyFacts journeys, DateTime now, Func<TextCatalog> baseText) =>
        CustomerRiskColumns.Of(new CustomerRiskInput(customer.Nps, customer.Margin, customer.PreviousNps, customer.PreviousMargin,
            customer.Responses, Math.Min(customer.Detractors, customer.Responses), customer.LastResponseOn, journeys.Open, journeys.Highest, journeys.AtRisk), now, options, baseText);

    /// <summary>Writes the columns if the customer's version is still the one read; false when someone wrote it since.</summary>
    public bool TryWrite(CustomerRow customer, CustomerRiskColumns risk)
    {
        var update = new Entity(customer.Reference.LogicalName, customer.Reference.Id);
        Put(update, risk);
        update[CustomerSchema.AtRiskJourneys] = risk.AtRiskJourneys;
        update[CustomerSchema.OpenJourneys] = risk.OpenJourneys;
        update[CustomerSchema.JourneyRiskLevel] = new OptionSetValue((int)risk.JourneyLevel);
        // cx_recalculateon is the NPS writer's (its figures' next change merged with this one); this write only ever
        // moves it earlier, to when time alone changes the verdict just written (a journey opening on a long-silent
        // customer starts the silence rule's day count). Earlier than needed costs one recompute; later would go stale.
        var next = CustomerRiskColumns.Earliest(customer.RecalculateOn, risk.NextChange);
        if (next != customer.RecalculateOn) update[CustomerSchema.RecalculateOn] = next;
        return OptimisticUpdate.TryUpdate(service, update, customer.Version);
    }

    /// <summary>The combined columns both writers put (<see cref="CustomerRiskColumns"/>): level and reasons.</summary>
    internal static void Put(Entity update, CustomerRiskColumns risk)
    {
        update[CustomerSchema.RiskLevel] = new OptionSetValue((int)risk.Level);
        update[CustomerSchema.RiskReasons] = risk.Reasons;
        update[CustomerSchema.RiskReasonsJson] = risk.ReasonsJson;
    }

    /// <summary>The customers of a list, each once (by table and id), nulls and empty ids dropped.</summary>
    public static IEnumerable<EntityReference> Distinct(IEnumerable<EntityReference?> customers)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in customers)
        {
            if (c == null || c.Id == Guid.Empty) continue;
            if (seen.Add(c.LogicalName + ":" + c.Id.ToString("N"))) yield return c;
        }
    }
}
