using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Dataverse.InMemory.Metadata;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Store;

/// <summary>The rows of one table, indexed by id and by each alternate key.</summary>
internal sealed class TableRows
{
    private readonly Dictionary<Guid, Entity> rows = new();
    private List<KeyIndex> indexes = new();

    /// <summary>Stored rows (never hand these out; copy them).</summary>
    public IEnumerable<Entity> Rows => rows.Values;

    /// <summary>How many rows the table has.</summary>
    public int Count => rows.Count;

    /// <summary>Every alternate key index entry: key name, key value, row id (StoreImage).</summary>
    public IEnumerable<(string Key, string Value, Guid Id)> IndexEntries =>
        indexes.SelectMany(i => i.Map.Select(e => (i.Key.LogicalName, e.Key.Value, e.Value)));

    /// <summary>The stored row, or null.</summary>
    public Entity? Find(Guid id) => rows.TryGetValue(id, out var row) ? row : null;

    /// <summary>The id of the row whose alternate key has these values, or null.</summary>
    public Guid? FindByKey(TableDefinition table, AlternateKeyDefinition key, KeyValue value)
    {
        EnsureIndexes(table);
        var index = indexes.First(i => i.Key.LogicalName == key.LogicalName);
        return index.Map.TryGetValue(value, out var id) ? id : null;
    }

    /// <summary>
    /// Throws the duplicate-key fault when another row holds one of the row's alternate key values; returns the row's
    /// value per index (null when the table has no key), for <see cref="Put"/> to index without building them again.
    /// </summary>
    public KeyValue?[]? CheckKeys(TableDefinition table, Entity row)
    {
        EnsureIndexes(table);
        if (indexes.Count == 0) return null;
        var values = new KeyValue?[indexes.Count];
        for (var i = 0; i < indexes.Count; i++)
        {
            var index = indexes[i];
            var value = values[i] = index.ValueOf(row);
            if (value is { } v && index.Map.TryGetValue(v, out var other) && other != row.Id)
                throw Faults.DuplicateKey(table.LogicalName, index.Key.LogicalName, index.Key.Columns);
        }
        return values;
    }

    /// <summary>Stores or replaces a row, keeping the key indexes right; keyValues are CheckKeys' answer for this row, when at hand.</summary>
    public void Put(TableDefinition table, Entity row, KeyValue?[]? keyValues = null)
    {
        EnsureIndexes(table);
        if (rows.TryGetValue(row.Id, out var old)) Unindex(old);
        rows[row.Id] = row;
        for (var i = 0; i < indexes.Count; i++)
        {
            var index = indexes[i];
            if ((keyValues is not null && keyValues.Length == indexes.Count ? keyValues[i] : index.ValueOf(row)) is { } v) index.Map[v] = row.Id;
        }
    }

    /// <summary>Removes a row.</summary>
    public void Remove(Guid id)
    {
        if (rows.Remove(id, out var old)) Unindex(old);
    }

    private void Unindex(Entity row)
    {
        foreach (var index in indexes)
        {
            if (index.ValueOf(row) is { } v && index.Map.TryGetValue(v, out var owner) && owner == row.Id) index.Map.Remove(v);
        }
    }

    // Keys may be added to the metadata after rows exist (a model applied late): rebuild the indexes then.
    private void EnsureIndexes(TableDefinition table)
    {
        if (IndexesMatch(table.Keys)) return;
        var rebuilt = new List<KeyIndex>(table.Keys.Count);
        foreach (var key in table.Keys) rebuilt.Add(new KeyIndex(key));
        indexes = rebuilt;
        foreach (var row in rows.Values)
        {
            foreach (var index in indexes)
            {
                if (index.ValueOf(row) is { } v) index.Map[v] = row.Id;
            }
        }
    }

    // Checked on every write: a loop, not LINQ's iterators.
    private bool IndexesMatch(IReadOnlyList<AlternateKeyDefinition> keys)
    {
        if (indexes.Count != keys.Count) return false;
        for (var i = 0; i < keys.Count; i++)
            if (!ReferenceEquals(indexes[i].Key, keys[i])) return false;
        return true;
    }

    private sealed class KeyIndex(AlternateKeyDefinition key)
    {
        public AlternateKeyDefinition Key { get; } = key;
        public Dictionary<KeyValue, Guid> Map { get; } = new();

        public KeyValue? ValueOf(Entity row) => KeyValue.Of(row, Key.Columns);
    }
}
