using System;
using System.Collections.Generic;

namespace CrmCx.Dataverse.InMemory.Metadata;

/// <summary>The tables an in-memory org knows; any other table name fails as Dataverse fails.</summary>
public sealed class MetadataStore
{
    private readonly Dictionary<string, TableDefinition> tables = new(StringComparer.Ordinal);

    /// <summary>Every defined table.</summary>
    public IEnumerable<TableDefinition> Tables => tables.Values;

    /// <summary>Adds a table, or replaces a definition of the same name.</summary>
    public TableDefinition Define(TableDefinition table)
    {
        ArgumentNullException.ThrowIfNull(table);
        tables[table.LogicalName] = table;
        return table;
    }

    /// <summary>The table, or null when none has that name.</summary>
    public TableDefinition? Find(string logicalName) => tables.TryGetValue(logicalName, out var t) ? t : null;
}
