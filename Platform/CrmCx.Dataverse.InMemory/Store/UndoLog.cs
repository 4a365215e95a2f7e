using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Store;

/// <summary>The rows a transaction replaced, so that a rollback puts back exactly what was there (O(rows touched)).</summary>
internal sealed class UndoLog
{
    private readonly List<Entry> entries = new();

    /// <summary>Where a savepoint starts.</summary>
    public int Count => entries.Count;

    /// <summary>Records the state of a row before a write; previous is null when the row did not exist.</summary>
    public void Record(string table, Guid id, Entity? previous, long versionBefore) => entries.Add(new Entry(table, id, previous, versionBefore));

    /// <summary>Undoes every write after the savepoint, newest first.</summary>
    public void RollbackTo(int savepoint, RowStore store)
    {
        for (var i = entries.Count - 1; i >= savepoint; i--)
        {
            var e = entries[i];
            store.RestoreRaw(e.Table, e.Id, e.Previous, e.VersionBefore);
        }
        entries.RemoveRange(savepoint, entries.Count - savepoint);
    }

    private readonly record struct Entry(string Table, Guid Id, Entity? Previous, long VersionBefore);
}
