using System;

namespace CrmCx.Dataverse.InMemory.Query.Values;

/// <summary>A tuple of scalars usable as a dictionary key (group-by values), equal as SQL's GROUP BY compares them.</summary>
internal readonly struct ScalarKey : IEquatable<ScalarKey>
{
    private readonly Scalar[] values;
    private readonly int hash;

    public ScalarKey(Scalar[] values)
    {
        this.values = values;
        var h = new HashCode();
        foreach (var v in values) h.Add(v);
        hash = h.ToHashCode();
    }

    public Scalar this[int index] => values[index];

    public bool Equals(ScalarKey other)
    {
        if (values.Length != other.values.Length) return false;
        for (var i = 0; i < values.Length; i++)
            if (!values[i].Equals(other.values[i])) return false;
        return true;
    }

    public override bool Equals(object? obj) => obj is ScalarKey other && Equals(other);
    public override int GetHashCode() => hash;
}
