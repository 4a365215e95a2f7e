using System;
using CrmCx.Dataverse.InMemory.Metadata;
using CrmCx.Dataverse.InMemory.Store;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Messages;

/// <summary>The main operations (stage 30) of the write messages, shared by the single, multiple and Upsert executors.</summary>
internal sealed class RowOperations
{
    private readonly RowStore store;
    private readonly RowWriter writer;

    public RowOperations(RowStore store, RowWriter writer)
    {
        this.store = store;
        this.writer = writer;
    }

    public RowStore Store => store;

    /// <summary>Creates the row; sets the new id on the target (PostOperation plugins see it).</summary>
    public Guid Create(TableDefinition table, Entity target, RequestScope scope)
    {
        var id = RowWriter.IdForCreate(table, target);
        var row = writer.BuildNew(table, target, id, scope.WriteInfo);
        store.Insert(table, row);
        target.Id = id;
        return id;
    }

    /// <summary>Applies the target's columns to the stored row.</summary>
    public void Update(TableDefinition table, Entity target, ConcurrencyBehavior behavior, RequestScope scope)
    {
        var stored = store.Get(table.LogicalName, target.Id);
        CheckVersion(table, stored, target.RowVersion, behavior);
        store.Replace(table, writer.BuildUpdated(table, stored, target, scope.WriteInfo));
    }

    /// <summary>Deletes the row.</summary>
    public void Delete(TableDefinition table, Guid id, string? rowVersion, ConcurrencyBehavior behavior)
    {
        var stored = store.Get(table.LogicalName, id);
        CheckVersion(table, stored, rowVersion, behavior);
        store.Delete(table, id);
    }

    /// <summary>The id an Update or Upsert target names: Entity.Id, the primary id column or an alternate key; null when no row matches the key.</summary>
    public Guid? FindTargetId(TableDefinition table, Entity target)
    {
        if (target.Id != Guid.Empty) return store.Find(table.LogicalName, target.Id) is null ? null : target.Id;
        if (target.Attributes.TryGetValue(table.PrimaryIdAttribute, out var v) && v is Guid g && g != Guid.Empty)
            return store.Find(table.LogicalName, g) is null ? null : g;
        if (target.KeyAttributes.Count > 0) return store.ResolveKey(table, target.KeyAttributes);
        throw Faults.InvalidArgument($"The '{table.LogicalName}' target has neither an Id nor key attributes.");
    }

    /// <summary>The id an Update target names; throws ObjectDoesNotExist when no row matches.</summary>
    public Guid RequireTargetId(TableDefinition table, Entity target)
    {
        var id = FindTargetId(table, target);
        if (id is { } found) return found;
        if (target.Id != Guid.Empty) throw Faults.RowNotFound(table.LogicalName, target.Id);
        if (target.KeyAttributes.Count == 0 && target.GetAttributeValue<Guid?>(table.PrimaryIdAttribute) is { } g) throw Faults.RowNotFound(table.LogicalName, g);
        throw Faults.RowNotFoundByKey(table.LogicalName, string.Join(", ", target.KeyAttributes.Keys));
    }

    /// <summary>Copy of the stored row (pre-images and post-images).</summary>
    public Entity? Snapshot(string table, Guid id) => store.Find(table, id) is { } row ? EntityCopier.Copy(row) : null;

    // ConcurrencyBehavior docs: IfRowVersionMatches "If no row version value is provided … the request fails immediately".
    private static void CheckVersion(TableDefinition table, Entity stored, string? rowVersion, ConcurrencyBehavior behavior)
    {
        if (behavior != ConcurrencyBehavior.IfRowVersionMatches) return;
        if (string.IsNullOrEmpty(rowVersion)) throw Faults.VersionNotProvided(table.LogicalName);
        if (!string.Equals(rowVersion, stored.RowVersion, StringComparison.Ordinal)) throw Faults.VersionMismatch(table.LogicalName, stored.Id);
    }
}
