using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmCx.Dataverse.InMemory.Metadata;
using CrmCx.Dataverse.InMemory.Query;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Store;

/// <summary>All rows of the org, by table; every write is recorded in the current transaction's undo log.</summary>
internal sealed class RowStore : IRowSource
{
    private readonly Dictionary<string, TableRows> tables = new(StringComparer.Ordinal);
    private long version;

    public RowStore(MetadataStore metadata) => Metadata = metadata;

    /// <summary>The metadata rows are validated against.</summary>
    public MetadataStore Metadata { get; }

    /// <summary>The undo log of the open transaction; null outside transactions (then writes are not undoable).</summary>
    public UndoLog? Log { get; set; }

    /// <inheritdoc />
    public TableDefinition GetTable(string logicalName) => Metadata.Get(logicalName);

    /// <inheritdoc />
    public IEnumerable<Entity> GetRows(string logicalName)
    {
        GetTable(logicalName);
        return tables.TryGetValue(logicalName, out var rows) ? rows.Rows : Enumerable.Empty<Entity>();
    }

    /// <summary>The stored row (not a copy), or null.</summary>
    public Entity? Find(string table, Guid id) => tables.TryGetValue(table, out var rows) ? rows.Find(id) : null;

    /// <summary>The stored row; throws ObjectDoesNotExist when missing.</summary>
    public Entity Get(string table, Guid id) => Find(table, id) ?? throw Faults.RowNotFound(table, id);

    /// <summary>The last row version handed out (StoreImage).</summary>
    public long LastVersion => version;

    /// <summary>Every table that has (or had) rows, with its rows and indexes (StoreImage).</summary>
    public IEnumerable<(string Name, TableRows Rows)> Tables => tables.Select(t => (t.Key, t.Value));

    /// <summary>Next row version (versionnumber grows on every write, across the org, like SQL rowversion).</summary>
    public long NextVersion() => ++version;

    /// <summary>The id a reference points to: its Id, or the row its KeyAttributes identify; throws when no row matches.</summary>
    public Guid Resolve(EntityReference reference)
    {
        var table = GetTable(reference.LogicalName);
        if (reference.Id != Guid.Empty)
        {
            Get(table.LogicalName, reference.Id);
            return reference.Id;
        }
        if (reference.KeyAttributes.Count > 0) return ResolveKey(table, reference.KeyAttributes) ?? throw Faults.RowNotFoundByKey(table.LogicalName, Describe(reference.KeyAttributes));
        throw Faults.InvalidArgument($"The reference to '{table.LogicalName}' has neither an Id nor key attributes.");
    }

    /// <summary>The id of the row the key attributes identify, or null; throws when they match no declared key.</summary>
    public Guid? ResolveKey(TableDefinition table, KeyAttributeCollection keyAttributes)
    {
        // The primary key may be given as a key attribute too.
        if (keyAttributes.Count == 1 && keyAttributes.TryGetValue(table.PrimaryIdAttribute, out var idValue) && idValue is Guid pk)
            return Find(table.LogicalName, pk) is null ? null : pk;
        var names = keyAttributes.Keys.ToHashSet(StringComparer.Ordinal);
        var key = table.Keys.FirstOrDefault(k => k.Columns.Count == names.Count && k.Columns.All(names.Contains))
            ?? throw Faults.InvalidArgument($"The key attributes {Describe(keyAttributes)} do not match any alternate key of '{table.LogicalName}'.");
        var values = key.Columns.Select(c => keyAttributes[c]).ToArray();
        if (KeyValue.From(values) is not { } value) return null;
        return Rows(table.LogicalName).FindByKey(table, key, value);
    }

    /// <summary>Adds a new row; fails on a duplicate id or alternate key.</summary>
    public void Insert(TableDefinition table, Entity row)
    {
        var rows = Rows(table.LogicalName);
        if (rows.Find(row.Id) is not null) throw Faults.DuplicateId(table.LogicalName, row.Id);
        var keys = rows.CheckKeys(table, row);
        Log?.Record(table.LogicalName, row.Id, null, version - 1);
        rows.Put(table, row, keys);
    }

    /// <summary>Replaces a stored row; fails on a duplicate alternate key.</summary>
    public void Replace(TableDefinition table, Entity row)
    {
        var rows = Rows(table.LogicalName);
        var previous = rows.Find(row.Id) ?? throw Faults.RowNotFound(table.LogicalName, row.Id);
        var keys = rows.CheckKeys(table, row);
        Log?.Record(table.LogicalName, row.Id, previous, version - 1);
        rows.Put(table, row, keys);
    }

    /// <summary>Removes a stored row.</summary>
    public void Delete(TableDefinition table, Guid id)
    {
        var rows = Rows(table.LogicalName);
        var previous = rows.Find(id) ?? throw Faults.RowNotFound(table.LogicalName, id);
        Log?.Record(table.LogicalName, id, previous, version);
        rows.Remove(id);
    }

    /// <summary>Puts a row back as it was (undo); previous null removes it.</summary>
    public void RestoreRaw(string table, Guid id, Entity? previous, long versionBefore)
    {
        var rows = Rows(table);
        if (previous is null) rows.Remove(id);
        else rows.Put(Metadata.Get(table), previous);
        version = versionBefore;
    }

    /// <summary>How many rows a table holds.</summary>
    public int Count(string table) => tables.TryGetValue(table, out var rows) ? rows.Count : 0;

    private TableRows Rows(string table)
    {
        if (!tables.TryGetValue(table, out var rows))
        {
            rows = new TableRows();
            tables[table] = rows;
        }
        return rows;
    }

    private static string Describe(KeyAttributeCollection keys) =>
        string.Join(", ", keys.Select(k => $"{k.Key}={Convert.ToString(k.Value is EntityReference r ? r.Id : k.Value, CultureInfo.InvariantCulture)}"));
}
