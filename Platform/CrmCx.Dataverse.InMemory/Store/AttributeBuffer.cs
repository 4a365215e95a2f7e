using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Store;

/// <summary>
/// Gathers the columns of a row being built, then hands them to its collection in one AddRange, which makes the
/// collection's dictionary at its size: a row of 25 columns added one by one grows it four times (a third of what the
/// in-memory organization allocates for a bulk import went into those growths).
/// </summary>
internal sealed class AttributeBuffer
{
    // One per thread, taken while in use: a nested build (a value that is itself a row) makes its own.
    [System.ThreadStatic] private static AttributeBuffer? spare;

    private readonly List<KeyValuePair<string, object>> pairs = new(64);

    private AttributeBuffer() { }

    /// <summary>A buffer for one row; give it back with <see cref="CopyTo"/>.</summary>
    public static AttributeBuffer Take()
    {
        var buffer = spare ?? new AttributeBuffer();
        spare = null;
        return buffer;
    }

    /// <summary>Adds a column (a later one of the same name replaces it, as the indexer does).</summary>
    public void Add(string name, object? value)
    {
        // A row has a few dozen columns at most: a scan is cheaper than a set.
        for (var i = 0; i < pairs.Count; i++)
        {
            if (!string.Equals(pairs[i].Key, name, System.StringComparison.Ordinal)) continue;
            pairs[i] = new KeyValuePair<string, object>(name, value!);
            return;
        }
        pairs.Add(new KeyValuePair<string, object>(name, value!));
    }

    /// <summary>Reserves a column the caller sets later (null until then), unless it was added already.</summary>
    public void Reserve(string name)
    {
        for (var i = 0; i < pairs.Count; i++)
            if (string.Equals(pairs[i].Key, name, System.StringComparison.Ordinal)) return;
        pairs.Add(new KeyValuePair<string, object>(name, null!));
    }

    /// <summary>Writes the columns into the collection, in order, and returns the buffer for the next row.</summary>
    public void CopyTo(AttributeCollection attributes)
    {
        if (attributes.Count == 0) attributes.AddRange(pairs);
        else foreach (var pair in pairs) attributes[pair.Key] = pair.Value;
        pairs.Clear();
        spare = this;
    }
}
