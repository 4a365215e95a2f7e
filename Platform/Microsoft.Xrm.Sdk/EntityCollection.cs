using System.Collections.Generic;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>A page of records returned by RetrieveMultiple, with paging information.</summary>
public sealed class EntityCollection : IExtensibleDataObject
{
    private readonly DataCollection<Entity> _entities;

    /// <summary>Creates an empty collection.</summary>
    public EntityCollection() { _entities = new DataCollection<Entity>(); }

    /// <summary>Creates a collection with the given records.</summary>
    public EntityCollection(IList<Entity> list) { _entities = new DataCollection<Entity>(list); }

    /// <summary>The records.</summary>
    public DataCollection<Entity> Entities => _entities;

    /// <summary>The record at an index.</summary>
    public Entity this[int index]
    {
        get { return _entities[index]; }
        set { _entities[index] = value; }
    }

    /// <summary>The table's logical name.</summary>
    public string EntityName { get; set; }

    /// <summary>Whether more pages exist.</summary>
    public bool MoreRecords { get; set; }

    /// <summary>The paging cookie for the next page.</summary>
    public string PagingCookie { get; set; }

    /// <summary>The minimum active row version.</summary>
    public string MinActiveRowVersion { get; set; }

    /// <summary>The total record count (when requested), or -1.</summary>
    public int TotalRecordCount { get; set; }

    /// <summary>Whether the total exceeds the count limit.</summary>
    public bool TotalRecordCountLimitExceeded { get; set; }

    /// <summary>Data-contract extension data.</summary>
    public ExtensionDataObject ExtensionData { get; set; }
}
