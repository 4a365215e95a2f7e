using System.Collections.Generic;
using System.Collections.ObjectModel;

namespace Microsoft.Xrm.Sdk;

/// <summary>A list of SDK values (entities, references, requests, columns...).</summary>
public class DataCollection<T> : Collection<T>
{
    internal DataCollection() { }

    internal DataCollection(IList<T> list) : base(new List<T>(list ?? new List<T>())) { }

    /// <summary>Adds every item in order.</summary>
    public void AddRange(params T[] items)
    {
        if (items == null) return;
        foreach (var item in items) Add(item);
    }

    /// <summary>Adds every item in order.</summary>
    public void AddRange(IEnumerable<T> items)
    {
        if (items == null) return;
        foreach (var item in items) Add(item);
    }

    /// <summary>Copies the items into a new array.</summary>
    public T[] ToArray()
    {
        var array = new T[Count];
        CopyTo(array, 0);
        return array;
    }
}
