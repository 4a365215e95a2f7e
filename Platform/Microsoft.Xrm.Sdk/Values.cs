using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>The value of a choice column.</summary>
public sealed class OptionSetValue : IExtensibleDataObject
{
    /// <summary>Creates a value of 0.</summary>
    public OptionSetValue() { }

    /// <summary>Creates a value.</summary>
    public OptionSetValue(int value) { Value = value; }

    /// <summary>The numeric choice value.</summary>
    public int Value { get; set; }

    /// <summary>Data-contract extension data.</summary>
    public ExtensionDataObject ExtensionData { get; set; }

    /// <summary>Equal when the values are equal.</summary>
    public override bool Equals(object obj) => obj is OptionSetValue other && other.Value == Value;

    /// <summary>Hash of the value.</summary>
    public override int GetHashCode() => Value.GetHashCode();
}

/// <summary>The value of a currency column.</summary>
public sealed class Money : IExtensibleDataObject
{
    /// <summary>Creates an amount of 0.</summary>
    public Money() { }

    /// <summary>Creates an amount.</summary>
    public Money(decimal amount) { Value = amount; }

    /// <summary>The amount.</summary>
    public decimal Value { get; set; }

    /// <summary>Data-contract extension data.</summary>
    public ExtensionDataObject ExtensionData { get; set; }

    /// <summary>Equal when the amounts are equal.</summary>
    public override bool Equals(object obj) => obj is Money other && other.Value == Value;

    /// <summary>Hash of the amount.</summary>
    public override int GetHashCode() => Value.GetHashCode();
}

/// <summary>A value of a linked (aliased) table's column in a query result.</summary>
public sealed class AliasedValue : IExtensibleDataObject
{
    /// <summary>Creates an empty value.</summary>
    public AliasedValue() { }

    /// <summary>Creates a value of a linked table's column.</summary>
    public AliasedValue(string entityLogicalName, string attributeLogicalName, object value)
    {
        EntityLogicalName = entityLogicalName;
        AttributeLogicalName = attributeLogicalName;
        Value = value;
    }

    /// <summary>The column's logical name.</summary>
    public string AttributeLogicalName { get; private set; }

    /// <summary>The table's logical name.</summary>
    public string EntityLogicalName { get; private set; }

    /// <summary>The value.</summary>
    public object Value { get; private set; }

    /// <summary>Data-contract extension data.</summary>
    public ExtensionDataObject ExtensionData { get; set; }
}

/// <summary>A relationship by schema name, with the primary table's role for self-referencing relationships.</summary>
public sealed class Relationship : IExtensibleDataObject
{
    /// <summary>Creates an empty relationship.</summary>
    public Relationship() { }

    /// <summary>Creates a relationship by schema name.</summary>
    public Relationship(string schemaName) { SchemaName = schemaName; }

    /// <summary>The relationship's schema name.</summary>
    public string SchemaName { get; set; }

    /// <summary>The primary table's role (self-referencing relationships).</summary>
    public EntityRole? PrimaryEntityRole { get; set; }

    /// <summary>Data-contract extension data.</summary>
    public ExtensionDataObject ExtensionData { get; set; }

    /// <summary>Equal when schema name and role are equal.</summary>
    public override bool Equals(object obj)
        => obj is Relationship other
           && string.Equals(SchemaName, other.SchemaName, StringComparison.Ordinal)
           && PrimaryEntityRole == other.PrimaryEntityRole;

    /// <summary>Hash of schema name and role.</summary>
    public override int GetHashCode() => (SchemaName == null ? 0 : SchemaName.GetHashCode()) ^ PrimaryEntityRole.GetHashCode();

    /// <summary>The schema name, with the role when set.</summary>
    public override string ToString() => PrimaryEntityRole.HasValue ? SchemaName + "." + PrimaryEntityRole.Value : SchemaName;
}
