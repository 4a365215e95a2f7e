using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Nps;

/// <summary>
/// What the rollup jobs run by one plug-in instance learnt about the customers of a request: which ones were computed,
/// after the request committed, for which instant, and what the follow-up rule needs of them. A later job of the same
/// request whose row those figures already count then needs no read at all (the bulk-import coalescing of
/// <see cref="NpsRequest"/>, without its one read per row).
/// </summary>
/// <remarks>
/// <para>A hint, never a source of truth. Dataverse caches plug-in instances and may run one on several threads at once
/// (develop-iplugin-implementations-stateless.md), so the memo is locked, and an instance may be dropped or a job run
/// by another worker at any time: a miss reads the customer row as before. Microsoft's guidance is to keep no
/// execution state between invocations because a member field cannot be trusted to hold one invocation's data; this
/// memo holds facts about committed rows that stay true whoever runs next (below), and nothing one invocation hands to
/// itself.</para>
/// <para>Why an entry stays true: it is written only after a job of request C stored (or found stored) figures that
/// count every row of C, because asynchronous jobs start after their request committed. Every later write of that
/// customer is made by a job that read it after that write (the version check) and so also counts every row of C,
/// for the same instant or a later one (figures are never computed for an earlier instant than those stored).</para>
/// <para>The follow-up part means "an open task was there, or this request opened one": within one request a customer
/// gets at most one follow-up task, even if an agent closes the first while the import is still being rolled up.</para>
/// </remarks>
public sealed class NpsRequestMemo
{
    /// <summary>Most entries kept; beyond that the memo starts again empty (a bulk request has at most 1,000 rows per customer pair, and a miss costs one read).</summary>
    public const int MaxEntries = 20_000;

    private readonly object gate = new object();
    private readonly Dictionary<Key, Entry> entries = new Dictionary<Key, Entry>();

    /// <summary>Entries held now.</summary>
    public int Count
    {
        get
        {
            lock (gate) return entries.Count;
        }
    }

    /// <summary>
    /// Remembers that figures of the customer counting every row of the request are at rest, computed for
    /// <paramref name="computedFor"/>, with what the follow-up rule needs (the open-task state only when it was read).
    /// </summary>
    public void Remember(Guid correlationId, CustomerNps customer, DateTime computedFor)
    {
        if (customer == null) throw new ArgumentNullException(nameof(customer));
        var key = new Key(correlationId, customer.Customer.LogicalName, customer.Customer.Id);
        lock (gate)
        {
            Entry? known;
            entries.TryGetValue(key, out known);
            if (known == null && entries.Count >= MaxEntries) entries.Clear();
            // Keep the later instant and an open-task state once known (a read without the follow-up link says nothing of it).
            var at = known != null && known.ComputedFor > computedFor ? known.ComputedFor : computedFor;
            entries[key] = new Entry(at, customer.Name, customer.Owner, customer.OwnerLanguage, customer.HasOpenFollowUp ?? known?.HasOpenFollowUp);
        }
    }

    /// <summary>Remembers that the customer has an open follow-up task (one was open, or this request opened it).</summary>
    public void FollowUpOpen(Guid correlationId, EntityReference customer)
    {
        if (customer == null) throw new ArgumentNullException(nameof(customer));
        var key = new Key(correlationId, customer.LogicalName, customer.Id);
        lock (gate)
        {
            Entry? known;
            if (entries.TryGetValue(key, out known)) entries[key] = new Entry(known.ComputedFor, known.Name, known.Owner, known.OwnerLanguage, true);
        }
    }

    /// <summary>
    /// The outcome to use instead of reading the customer, when figures at rest already count a row of the request
    /// triggered at <paramref name="triggeredAt"/> and (when <paramref name="needsFollowUp"/>) the open-task state is known; else null.
    /// </summary>
    public CustomerNps? Counted(Guid correlationId, EntityReference customer, DateTime triggeredAt, bool needsFollowUp)
    {
        if (customer == null) throw new ArgumentNullException(nameof(customer));
        Entry? known;
        lock (gate)
        {
            if (!entries.TryGetValue(new Key(correlationId, customer.LogicalName, customer.Id), out known)) return null;
        }
        if (known.ComputedFor.Ticks < triggeredAt.Ticks) return null;
        if (needsFollowUp && !known.HasOpenFollowUp.HasValue) return null;
        return new CustomerNps(customer, known.Name, known.Owner, null, false, 0, known.HasOpenFollowUp, known.OwnerLanguage);
    }

    /// <summary>
    /// Whether figures at rest already count a row of the request triggered at <paramref name="triggeredAt"/> for the
    /// customer and, when <paramref name="needsOpenFollowUp"/>, an open follow-up task is known: then a job of that row
    /// has nothing to do for the customer. Allocates nothing (it runs once per row of a bulk request).
    /// </summary>
    public bool Covers(Guid correlationId, string table, Guid id, DateTime triggeredAt, bool needsOpenFollowUp)
    {
        if (table == null) throw new ArgumentNullException(nameof(table));
        Entry? known;
        lock (gate)
        {
            if (!entries.TryGetValue(new Key(correlationId, table, id), out known)) return false;
        }
        return known.ComputedFor.Ticks >= triggeredAt.Ticks && (!needsOpenFollowUp || known.HasOpenFollowUp == true);
    }

    private readonly struct Key : IEquatable<Key>
    {
        public Key(Guid correlationId, string table, Guid id)
        {
            CorrelationId = correlationId;
            Table = table;
            Id = id;
        }

        public Guid CorrelationId { get; }
        public string Table { get; }
        public Guid Id { get; }

        public bool Equals(Key other) => CorrelationId == other.CorrelationId && Id == other.Id && string.Equals(Table, other.Table, StringComparison.Ordinal);

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        public override int GetHashCode() => (CorrelationId.GetHashCode() * 397) ^ Id.GetHashCode();
    }

    private sealed class Entry
    {
        public Entry(DateTime computedFor, string? name, EntityReference? owner, int? ownerLanguage, bool? hasOpenFollowUp)
        {
            ComputedFor = computedFor;
            Name = name;
            Owner = owner;
            OwnerLanguage = ownerLanguage;
            HasOpenFollowUp = hasOpenFollowUp;
        }

        public DateTime ComputedFor { get; }
        public string? Name { get; }
        public EntityReference? Owner { get; }
        public int? OwnerLanguage { get; }
        public bool? HasOpenFollowUp { get; }
    }
}
