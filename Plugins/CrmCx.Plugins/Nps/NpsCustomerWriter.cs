using System;
using CrmCx.Domain.Nps;
using CrmCx.Domain.Risk;
using CrmCx.Domain.Text;
using CrmCx.Infrastructure;
using CrmCx.Journeys;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Nps;

/// <summary>
/// Writes a customer's NPS columns under the row version read (the one writer of those columns) and, in the same
/// Update, its risk: <see cref="CustomerRiskColumns"/> over the fresh figures and the journey facts the row stores
/// (cx_openjourneys, cx_journeyrisklevel, cx_atriskjourneys, read with the row: no call of its own).
/// </summary>
internal sealed class NpsCustomerWriter
{
    private readonly IOrganizationService service;
    private readonly CustomerRiskOptions risk;
    private readonly Func<DateTime, TextCatalog> baseText;

    /// <param name="service">The SYSTEM user's service.</param>
    /// <param name="risk">The customer health thresholds.</param>
    /// <param name="baseText">The base language's text at an instant; asked only when a reason fired.</param>
    public NpsCustomerWriter(IOrganizationService service, CustomerRiskOptions risk, Func<DateTime, TextCatalog> baseText)
    {
        this.service = service;
        this.risk = risk;
        this.baseText = baseText;
    }

    /// <summary>The customer's risk columns from the figures and the journey facts its row stores.</summary>
    public CustomerRiskColumns Risk(Entity stored, NpsFigures figures)
    {
        var journeys = CustomerRiskColumns.StoredJourneys(stored.GetAttributeValue<int?>(CustomerSchema.OpenJourneys),
            stored.GetAttributeValue<OptionSetValue>(CustomerSchema.JourneyRiskLevel)?.Value, stored.GetAttributeValue<int?>(CustomerSchema.AtRiskJourneys));
        var input = new CustomerRiskInput(figures.Nps, figures.Margin, figures.PreviousNps, figures.PreviousMargin, figures.Responses, figures.Detractors,
            figures.LastResponseOn, journeys.Open, journeys.Highest, journeys.AtRisk);
        return CustomerRiskColumns.Of(input, figures.ComputedOn, risk, () => baseText(figures.ComputedOn));
    }

    /// <summary>
    /// Writes the figures under the version read; null when it no longer matches (someone wrote the customer since).
    /// </summary>
    /// <param name="customer">The row as read (its version decides).</param>
    /// <param name="figures">The figures.</param>
    /// <param name="recalculateOn">When time alone next changes the figures; cx_recalculateon is the earlier of it and the risk's next change.</param>
    /// <param name="summarizedThrough">The last day its day summaries are complete for; null when it has none (read from the responses).</param>
    /// <param name="dayBase">The customer's day base for the next rollup (cx_npsdaybase and its end); null when it has none (read from the responses).</param>
    /// <param name="correlationId">The request whose rows these figures counted (null outside a plug-in).</param>
    /// <param name="attempt">Which attempt this is.</param>
    public CustomerNps? Write(StoredCustomer customer, NpsFigures figures, DateTime? recalculateOn, UtcDay? summarizedThrough, NpsDayBase? dayBase, Guid? correlationId, int attempt)
    {
        var table = customer.Table;
        var stored = customer.Row;
        var update = new Entity(table, stored.Id);
        update[CustomerSchema.Nps] = figures.Nps;
        update[CustomerSchema.NpsPrevious] = figures.PreviousNps;
        update[CustomerSchema.NpsMargin] = figures.Margin;
        update[CustomerSchema.NpsPreviousMargin] = figures.PreviousMargin;
        update[CustomerSchema.NpsResponses] = figures.Responses;
        update[CustomerSchema.Promoters] = figures.Promoters;
        update[CustomerSchema.Passives] = figures.Passives;
        update[CustomerSchema.Detractors] = figures.Detractors;
        update[CustomerSchema.NpsHistory] = figures.HistoryJson;
        update[CustomerSchema.LastResponseOn] = figures.LastResponseOn;
        // Empty for a customer read from its responses: should it grow large, the day path rebuilds its summaries.
        // (Such columns are left out when they are empty and stay so: most customers never have them.)
        Put(update, stored, CustomerSchema.NpsDaysThrough, summarizedThrough?.Number);
        // The checkpoint the next rollup starts from (NpsDayBase); empty for a customer read from its responses.
        Put(update, stored, CustomerSchema.NpsDayBase, dayBase?.Encode());
        Put(update, stored, CustomerSchema.NpsDayBaseEnd, dayBase?.End);
        // The risk from these figures (the journey facts are the journey rollup's: not written here).
        var risk = Risk(stored, figures);
        CustomerRiskWriter.Put(update, risk);
        update[CustomerSchema.RecalculateOn] = CustomerRiskColumns.Earliest(recalculateOn, risk.NextChange);
        // Written even when the figures are those stored: a rollup that skipped its write would leave the version
        // as it was, and a concurrent rollup that read the responses before the latest change could then write its
        // older figures over it. (A replayed delivery changes nothing because the rollup step ignores updates that
        // change no column it counts; see NpsRollup.)
        update[CustomerSchema.NpsUpdatedOn] = figures.ComputedOn;
        // Which request's rows these figures counted: that request's other jobs stop after reading this row.
        update[CustomerSchema.NpsCorrelationId] = correlationId?.ToString("D");
        if (!OptimisticUpdate.TryUpdate(service, update, OptimisticUpdate.VersionOf(stored))) return null;
        return new CustomerNps(new EntityReference(table, stored.Id), NpsCustomerRows.Name(table, stored), stored.GetAttributeValue<EntityReference>(CustomerSchema.Owner),
            figures, true, attempt, customer.HasOpenFollowUp, stored.GetAttributeValue<int?>(NpsWindowReader.OwnerLanguage));
    }

    /// <summary>Sets a column, unless it is to be empty and the row as read has it empty already.</summary>
    private static void Put(Entity update, Entity stored, string column, object? value)
    {
        if (value != null || stored.GetAttributeValue<object>(column) != null) update[column] = value;
    }
}
