using System;

namespace Microsoft.Xrm.Sdk;

/// <summary>The column logical name of an early-bound property.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false)]
public sealed class AttributeLogicalNameAttribute : Attribute
{
    /// <summary>Marks the property with the column's logical name.</summary>
    public AttributeLogicalNameAttribute(string logicalName) { LogicalName = logicalName; }

    /// <summary>The column's logical name.</summary>
    public string LogicalName { get; }
}

/// <summary>The relationship schema name of an early-bound navigation property.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class RelationshipSchemaNameAttribute : Attribute
{
    /// <summary>Marks the property with the relationship's schema name.</summary>
    public RelationshipSchemaNameAttribute(string schemaName) { SchemaName = schemaName; }

    /// <summary>Marks the property with the relationship's schema name and the primary table's role.</summary>
    public RelationshipSchemaNameAttribute(string schemaName, EntityRole primaryEntityRole) : this(schemaName) { PrimaryEntityRole = primaryEntityRole; }

    /// <summary>The relationship's schema name.</summary>
    public string SchemaName { get; }

    /// <summary>The primary table's role, when set.</summary>
    public EntityRole? PrimaryEntityRole { get; }
}
