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

/// <summary>The open journeys of a customer, as one aggregate gives them.</summary>
internal sealed class OpenJourneys
{
    public OpenJourneys(int count, RiskLevel highest, int atRisk)
    {
        Count = count;
        Highest = highest;
        AtRisk = atRisk;
    }

    public int Count { get; }
    public RiskLevel Highest { get; }
    public int AtRisk { get; }
}

/// <summary>
/// Writes a customer's risk: cx_risklevel (the highest of its open journeys' risk and its own health rules,
/// <see cref="CustomerRisk"/>), cx_atriskjourneys, cx_riskreasons (base language), cx_riskreasonsjson, under the
/// row version read before the journeys were aggregated (a concurrent rollup that wrote in between sends this one
/// back to read again, so the last write always saw every journey).
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
    public OpenJourneys Read(EntityReference customer)
    {
        var column = customer.LogicalName == CustomerSchema.Account ? JourneySchema.Account : JourneySchema.Contact;
        var fetch = "<fetch aggregate='true'><entity name='" + JourneySchema.EntityName + "'>"
            + "<attribute name='" + JourneySchema.RiskLevel + "' groupby='true' alias='level' />"
            + "<attribute name='" + JourneySchema.Id + "' aggregate='count' alias='n' />"
            + "<filter>"
            + "<condition attribute='" + JourneySchema.StateCode + "' operator='eq' value='0' />"
            + "<condition attribute='" + column + "' operator='eq' value='" + QueryValues.Fetch(customer.Id) + "' />"
            + "</filter></entity></fetch>";
        var highest = RiskLevel.None;
        var atRisk = 0;
        var open = 0;
        foreach (var row in service.RetrieveMultiple(new FetchExpression(fetch)).Entities)
        {
            var n = QueryValues.Int(row, "n") ?? 0;
            open += n;
            var value = QueryValues.Int(row, "level");
            if (!value.HasValue || !Enum.IsDefined(typeof(RiskLevel), value.Value)) continue;
            var level = (RiskLevel)value.Value;
            if (level > highest) highest = level;
            if (RiskAssessment.IsAtRisk(level)) atRisk += n;
        }
        return new OpenJourneys(open, highest, atRisk);
    }

    /// <summary>The assessment of a customer from its stored NPS figures and its open journeys.</summary>
    public CustomerRiskAssessment Assess(CustomerRow customer, OpenJourneys journeys, DateTime now) =>
        CustomerRisk.Assess(new CustomerRiskInput(customer.Nps, customer.Margin, customer.PreviousNps, customer.PreviousMargin,
            customer.Responses, Math.Min(customer.Detractors, customer.Responses), customer.LastResponseOn, journeys.Count, journeys.Highest, journeys.AtRisk), now, options);

    /// <summary>Writes the assessment if the customer's version is still the one read; false when someone wrote it since.</summary>
    public bool TryWrite(CustomerRow customer, OpenJourneys journeys, CustomerRiskAssessment risk, TextCatalog baseText)
    {
        var update = new Entity(customer.Reference.LogicalName, customer.Reference.Id);
        update[CustomerSchema.RiskLevel] = new OptionSetValue((int)risk.Level);
        update[CustomerSchema.AtRiskJourneys] = journeys.AtRisk;
        update[CustomerSchema.RiskReasons] = baseText.Reasons(risk.Reasons);
        update[CustomerSchema.RiskReasonsJson] = ReasonData.ToJson(risk.Reasons);
        // cx_recalculateon is the NPS writer's (NpsNextChange): it merges risk.NextChange there, so this write leaves it alone.
        return OptimisticUpdate.TryUpdate(service, update, customer.Version);
    }

    /// <summary>Whether the stored columns already say what the assessment says.</summary>
    public static bool Matches(CustomerRow customer, OpenJourneys journeys, CustomerRiskAssessment risk, TextCatalog baseText) =>
        customer.RiskLevel == (int)risk.Level && customer.AtRiskJourneys == journeys.AtRisk
        && (customer.RiskReasonsJson ?? "[]") == ReasonData.ToJson(risk.Reasons)
        && (customer.RiskReasons ?? string.Empty) == baseText.Reasons(risk.Reasons);

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
