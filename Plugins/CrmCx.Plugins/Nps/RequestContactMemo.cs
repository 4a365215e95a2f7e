using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Nps;

/// <summary>
/// The contacts the validation read for the rows of one request (correlation id), as it read them: their parent account
/// and name. The next rows of the same request that name the contact use them instead of a query, so a CreateMultiple
/// of 10,000 responses over 500 contacts reads 500 contacts, not 10,000 (the merged pipeline runs the step per row).
/// </summary>
/// <remarks>
/// <para>A hint that is safe to miss: a plug-in instance may be dropped or a row run by another worker, and then the
/// contact is read as before. Locked, because Dataverse may run one cached instance on several threads at once.</para>
/// <para>What a hit means: the row takes the contact's account as the request's first row that named it read it, at
/// most two minutes earlier (the longest a message operation runs, <see cref="NpsRequest.LongestOperation"/>). A
/// response's account is always the contact's account when the response arrived, and a request arrives once; a change
/// of the contact's parent that the same request makes between two of its rows is not seen by the later rows.</para>
/// </remarks>
public sealed class RequestContactMemo
{
    /// <summary>Most entries kept; beyond that the memo starts again empty (a miss costs one query).</summary>
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

    /// <summary>Remembers the contact as read for a row of the request at <paramref name="readAt"/> (the row is kept as given and never changed).</summary>
    public void Remember(Guid correlationId, Entity contact, DateTime readAt)
    {
        if (contact == null) throw new ArgumentNullException(nameof(contact));
        lock (gate)
        {
            var key = new Key(correlationId, contact.Id);
            if (!entries.ContainsKey(key) && entries.Count >= MaxEntries) entries.Clear();
            entries[key] = new Entry(contact, readAt);
        }
    }

    /// <summary>The contact as an earlier row of the request read it, when that was at most two minutes before <paramref name="now"/>; else null.</summary>
    public Entity? Get(Guid correlationId, Guid contactId, DateTime now)
    {
        Entry? known;
        lock (gate)
        {
            if (!entries.TryGetValue(new Key(correlationId, contactId), out known)) return null;
        }
        var age = now - known.ReadAt;
        return age >= TimeSpan.Zero && age <= NpsRequest.LongestOperation ? known.Contact : null;
    }

    private readonly struct Key : IEquatable<Key>
    {
        public Key(Guid correlationId, Guid contactId)
        {
            CorrelationId = correlationId;
            ContactId = contactId;
        }

        public Guid CorrelationId { get; }
        public Guid ContactId { get; }

        public bool Equals(Key other) => CorrelationId == other.CorrelationId && ContactId == other.ContactId;

        public override bool Equals(object? obj) => obj is Key other && Equals(other);

        public override int GetHashCode() => (CorrelationId.GetHashCode() * 397) ^ ContactId.GetHashCode();
    }

    private sealed class Entry
    {
        public Entry(Entity contact, DateTime readAt)
        {
            Contact = contact;
            ReadAt = readAt;
        }

        public Entity Contact { get; }
        public DateTime ReadAt { get; }
    }
}
