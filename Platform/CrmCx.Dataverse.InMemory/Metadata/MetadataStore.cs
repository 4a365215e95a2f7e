using System;
using System.Collections.Generic;

namespace CrmCx.Dataverse.InMemory.Metadata;

/// <summary>The tables an in-memory org knows; any other table name fails as Dataverse fails.</summary>
public sealed class MetadataStore
{
    private readonly Dictionary<string, TableDefinition> tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RelationshipDefinition> relationships = new(StringComparer.OrdinalIgnoreCase);
    private readonly ManualClock? clock;

    /// <summary>An empty metadata store.</summary>
    public MetadataStore()
    {
    }

    /// <summary>An org's metadata store: its faults carry the org's clock time.</summary>
    internal MetadataStore(ManualClock clock) => this.clock = clock;

    /// <summary>Every defined table.</summary>
    public IEnumerable<TableDefinition> Tables => tables.Values;

    /// <summary>Every defined relationship.</summary>
    public IEnumerable<RelationshipDefinition> Relationships => relationships.Values;

    /// <summary>Adds a table, or replaces a definition of the same name.</summary>
    public TableDefinition Define(TableDefinition table)
    {
        ArgumentNullException.ThrowIfNull(table);
        tables[table.LogicalName] = table;
        return table;
    }

    /// <summary>The table, or null when none has that name.</summary>
    public TableDefinition? Find(string logicalName) => tables.TryGetValue(logicalName, out var t) ? t : null;

    /// <summary>The table; throws Dataverse's unknown-table fault when none has that name.</summary>
    public TableDefinition Get(string logicalName)
    {
        if (string.IsNullOrEmpty(logicalName)) throw Stamped(Faults.InvalidArgument("The entity logical name is missing."));
        return Find(logicalName) ?? throw Stamped(Faults.UnknownTable(logicalName));
    }

    /// <summary>Adds a relationship (and the intersect table of a many-to-many one), or replaces one of the same name.</summary>
    public RelationshipDefinition DefineRelationship(RelationshipDefinition relationship)
    {
        ArgumentNullException.ThrowIfNull(relationship);
        if (relationship.IsManyToMany && Find(relationship.IntersectEntity) is null)
        {
            // The intersect table is organization-owned and has no name column, like Dataverse's intersect entities.
            var intersect = new TableDefinition(relationship.IntersectEntity, string.Empty, OwnershipType.OrganizationOwned);
            intersect.Add(new ColumnDefinition(relationship.Entity1IntersectAttribute, ColumnType.Uniqueidentifier));
            intersect.Add(new ColumnDefinition(relationship.Entity2IntersectAttribute, ColumnType.Uniqueidentifier));
            Define(intersect);
        }
        relationships[relationship.SchemaName] = relationship;
        return relationship;
    }

    // Get is public on the org's Metadata, so its faults can leave the org without passing a request.
    private Exception Stamped(Exception fault)
    {
        if (clock is not null) Faults.Stamp(fault, clock);
        return fault;
    }

    /// <summary>The relationship, or null when none has that schema name.</summary>
    public RelationshipDefinition? FindRelationship(string schemaName) => relationships.TryGetValue(schemaName, out var r) ? r : null;
}
