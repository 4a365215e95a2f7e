using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Domain.Nps;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Nps;

/// <summary>
/// The request a rollup job came from, for coalescing the per-row jobs of a bulk request: a customer whose stored
/// figures were computed by a job of the same request (same correlation id), for this job's time or later, already
/// counted this job's row, because that job ran after the request committed. Dataverse runs a message operation
/// within 2 minutes (analyze-performance.md, "Time and resource constraints"), so the request wrote its rows from
/// <see cref="WrittenSince"/> on.
/// </summary>
public sealed class NpsRequest
{
    /// <summary>Longest a Dataverse message operation runs (learn.microsoft.com/power-apps/developer/data-platform/analyze-performance).</summary>
    public static readonly TimeSpan LongestOperation = TimeSpan.FromMinutes(2);

    /// <summary>Creates the request.</summary>
    public NpsRequest(Guid correlationId, DateTime triggeredAt, bool mayStop, NpsRequestMemo? memo = null)
    {
        CorrelationId = correlationId;
        TriggeredAt = DateTime.SpecifyKind(triggeredAt, DateTimeKind.Utc);
        MayStop = mayStop;
        Memo = memo;
    }

    /// <summary>What earlier jobs of this plug-in instance learnt of the request's customers (null: none kept).</summary>
    public NpsRequestMemo? Memo { get; }

    /// <summary>The request's correlation id (the same for every row of a CreateMultiple or UpdateMultiple).</summary>
    public Guid CorrelationId { get; }
    /// <summary>When the row's operation ran.</summary>
    public DateTime TriggeredAt { get; }
    /// <summary>Whether the job may leave a customer alone (false for deletes and moves).</summary>
    public bool MayStop { get; }
    /// <summary>The earliest modifiedon a row of this request can carry.</summary>
    public DateTime WrittenSince => TriggeredAt - LongestOperation;

    /// <summary>Whether figures stored with this correlation id and computed-on date already count this job's row.</summary>
    public bool Counted(string? storedCorrelationId, DateTime? storedComputedOn)
    {
        Guid stored;
        return MayStop && storedComputedOn.HasValue && storedComputedOn.Value.Ticks >= TriggeredAt.Ticks
            && Guid.TryParse(storedCorrelationId, out stored) && stored == CorrelationId;
    }
}

/// <summary>A response date a change wrote or removed for a customer: that day's summary is made again.</summary>
public sealed class NpsTouch
{
    /// <summary>Creates the touch.</summary>
    public NpsTouch(EntityReference customer, DateTime respondedOn)
    {
        Customer = customer ?? throw new ArgumentNullException(nameof(customer));
        RespondedOn = respondedOn;
    }

    /// <summary>The account or contact.</summary>
    public EntityReference Customer { get; }
    /// <summary>cx_respondedon of the response, before or after the change (UTC).</summary>
    public DateTime RespondedOn { get; }
}

/// <summary>What a recompute did for one customer.</summary>
public sealed class CustomerNps
{
    /// <summary>Creates the outcome.</summary>
    public CustomerNps(EntityReference customer, string? name, EntityReference? owner, NpsFigures? figures, bool written, int attempts, bool? hasOpenFollowUp = null, int? ownerLanguage = null)
    {
        OwnerLanguage = ownerLanguage;
        HasOpenFollowUp = hasOpenFollowUp;
        Customer = customer;
        Name = name;
        Owner = owner;
        Figures = figures;
        Written = written;
        Attempts = attempts;
    }

    /// <summary>The account or contact.</summary>
    public EntityReference Customer { get; }
    /// <summary>Its name (account name or contact full name).</summary>
    public string? Name { get; }
    /// <summary>Its owner.</summary>
    public EntityReference? Owner { get; }
    /// <summary>The figures computed; null when the customer was left alone (another job of the same request computed it).</summary>
    public NpsFigures? Figures { get; }
    /// <summary>Whether they were written (false: the stored figures were already these).</summary>
    public bool Written { get; }
    /// <summary>Attempts it took (1 without a concurrent writer).</summary>
    public int Attempts { get; }
    /// <summary>The owner's UI language (LCID) when it was read (with the follow-up check); null otherwise.</summary>
    public int? OwnerLanguage { get; }
    /// <summary>Whether an open task regards one of the customer's responses, as of the last read; null when not asked.</summary>
    public bool? HasOpenFollowUp { get; }
}

/// <summary>What a recompute did.</summary>
public sealed class NpsRecomputeResult
{
    /// <summary>Creates the outcome.</summary>
    public NpsRecomputeResult(IReadOnlyList<CustomerNps> customers, int coalesced = 0)
    {
        Customers = customers;
        Coalesced = coalesced;
    }

    /// <summary>Customers left alone because another job of the same request had already recomputed them.</summary>
    public int Coalesced { get; }

    /// <summary>Every customer recomputed or left alone (customers that no longer exist are absent).</summary>
    public IReadOnlyList<CustomerNps> Customers { get; }
    /// <summary>Customers whose figures were written.</summary>
    public int Written => Customers.Count(c => c.Written);
    /// <summary>Retries caused by concurrent writers.</summary>
    public int Retries => Customers.Where(c => c.Attempts > 0).Sum(c => c.Attempts - 1);

    /// <summary>The outcome for one customer, or null.</summary>
    public CustomerNps? For(EntityReference customer) =>
        Customers.FirstOrDefault(c => c.Customer.LogicalName == customer.LogicalName && c.Customer.Id == customer.Id);
}
