using System;

namespace CrmCx.Dataverse.InMemory.Metadata;

/// <summary>A relationship Associate and Disassociate can use: one-to-many through a lookup, or many-to-many through an intersect table.</summary>
public sealed class RelationshipDefinition
{
    private RelationshipDefinition(string schemaName) => SchemaName = schemaName;

    /// <summary>Schema name (what Relationship.SchemaName names).</summary>
    public string SchemaName { get; }
    /// <summary>Whether rows are linked through an intersect table.</summary>
    public bool IsManyToMany { get; private init; }
    /// <summary>One-to-many: the table on the "one" side.</summary>
    public string ReferencedEntity { get; private init; } = string.Empty;
    /// <summary>One-to-many: the table holding the lookup.</summary>
    public string ReferencingEntity { get; private init; } = string.Empty;
    /// <summary>One-to-many: the lookup column.</summary>
    public string ReferencingAttribute { get; private init; } = string.Empty;
    /// <summary>Many-to-many: the first table.</summary>
    public string Entity1 { get; private init; } = string.Empty;
    /// <summary>Many-to-many: the second table.</summary>
    public string Entity2 { get; private init; } = string.Empty;
    /// <summary>Many-to-many: the intersect table.</summary>
    public string IntersectEntity { get; private init; } = string.Empty;
    /// <summary>Many-to-many: the intersect column holding the first table's id.</summary>
    public string Entity1IntersectAttribute { get; private init; } = string.Empty;
    /// <summary>Many-to-many: the intersect column holding the second table's id.</summary>
    public string Entity2IntersectAttribute { get; private init; } = string.Empty;

    /// <summary>A one-to-many relationship through a lookup column of the referencing table.</summary>
    public static RelationshipDefinition OneToMany(string schemaName, string referencedEntity, string referencingEntity, string referencingAttribute)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schemaName);
        return new RelationshipDefinition(schemaName)
        {
            ReferencedEntity = referencedEntity,
            ReferencingEntity = referencingEntity,
            ReferencingAttribute = referencingAttribute,
        };
    }

    /// <summary>A many-to-many relationship through an intersect table (columns {entity1}id and {entity2}id unless named).</summary>
    public static RelationshipDefinition ManyToMany(string schemaName, string entity1, string entity2, string intersectEntity,
        string? entity1IntersectAttribute = null, string? entity2IntersectAttribute = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(schemaName);
        var a1 = entity1IntersectAttribute ?? entity1 + "id";
        var a2 = entity2IntersectAttribute ?? (entity1 == entity2 ? entity2 + "idtwo" : entity2 + "id");
        return new RelationshipDefinition(schemaName)
        {
            IsManyToMany = true,
            Entity1 = entity1,
            Entity2 = entity2,
            IntersectEntity = intersectEntity,
            Entity1IntersectAttribute = a1,
            Entity2IntersectAttribute = a2,
        };
    }
}
