using System;
using CrmCx.Domain.Nps;
using CrmCx.Infrastructure;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Nps;

/// <summary>Writes a customer's NPS columns under the row version read: the one writer of those columns.</summary>
internal sealed class NpsCustomerWriter
{
    private readonly IOrganizationService service;

    public NpsCustomerWriter(IOrganizationService service)
    {
        this.service = service;
    }

    /// <summary>
    /// Writes the figures under the version read; null when it no longer matches (someone wrote the customer since).
    /// </summary>
    /// <param name="customer">The row as read (its version decides).</param>
    /// <param name="figures">The figures.</param>
    /// <param name="recalculateOn">When time alone next changes them (cx_recalculateon).</param>
    /// <param name="summarizedThrough">The last day its day summaries are complete for; null when it has none (read from the responses).</param>
    /// <param name="correlationId">The request whose rows these figures counted (null outside a plug-in).</param>
    /// <param name="attempt">Which attempt this is.</param>
    public CustomerNps? Write(StoredCustomer customer, NpsFigures figures, DateTime? recalculateOn, UtcDay? summarizedThrough, Guid? correlationId, int attempt)
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
        update[CustomerSchema.NpsDaysThrough] = summarizedThrough?.Number;
        update[CustomerSchema.RecalculateOn] = recalculateOn;
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
}
