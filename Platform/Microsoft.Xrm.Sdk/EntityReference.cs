using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>A reference to a record: table logical name and id (or alternate key values).</summary>
public sealed class EntityReference : IExtensibleDataObject
{
    private KeyAttributeCollection _keyAttributes;

    /// <summary>Creates an empty reference.</summary>
    public EntityReference() { }

    /// <summary>Creates a reference to a table without an id.</summary>
    public EntityReference(string logicalName) { LogicalName = logicalName; }

    /// <summary>Creates a reference to a record.</summary>
    public EntityReference(string logicalName, Guid id) : this(logicalName) { Id = id; }

    /// <summary>Creates a reference to a record by one alternate key value.</summary>
    public EntityReference(string logicalName, string keyName, object keyValue) : this(logicalName)
    {
        KeyAttributes[keyName] = keyValue;
    }

    /// <summary>Creates a reference to a record by alternate key values.</summary>
    public EntityReference(string logicalName, KeyAttributeCollection keyAttributeCollection) : this(logicalName)
    {
        _keyAttributes = keyAttributeCollection;
    }

    /// <summary>The record id.</summary>
    public Guid Id { get; set; }

    /// <summary>The table's logical name.</summary>
    public string LogicalName { get; set; }

    /// <summary>The record's primary name (informational).</summary>
    public string Name { get; set; }

    /// <summary>The alternate key values.</summary>
    public KeyAttributeCollection KeyAttributes
    {
        get { return _keyAttributes ?? (_keyAttributes = new KeyAttributeCollection()); }
        set { _keyAttributes = value; }
    }

    /// <summary>The row version.</summary>
    public string RowVersion { get; set; }

    /// <summary>Data-contract extension data.</summary>
    public ExtensionDataObject ExtensionData { get; set; }

    /// <summary>Equal when logical name and id are equal.</summary>
    public override bool Equals(object obj)
    {
        var other = obj as EntityReference;
        if (other == null) return false;
        if (ReferenceEquals(this, other)) return true;
        return Id == other.Id && string.Equals(LogicalName, other.LogicalName, StringComparison.Ordinal);
    }

    /// <summary>Hash of logical name and id.</summary>
    public override int GetHashCode() => Id.GetHashCode() ^ (LogicalName == null ? 0 : LogicalName.GetHashCode());
}
