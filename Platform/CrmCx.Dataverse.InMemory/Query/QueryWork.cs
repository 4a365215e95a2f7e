using System.Collections.Generic;

namespace CrmCx.Dataverse.InMemory.Query;

/// <summary>
/// What an engine's queries cost, counted as work rather than time, so tests can pin the complexity of joins and
/// grouping without a stopwatch (a timed test flakes on a shared machine; speed is measured by the benchmarks).
/// Counts add up over every query of one engine.
/// </summary>
internal sealed class QueryWork
{
    /// <summary>Rows read from the row source: the root table's scan and each link's index build.</summary>
    public long RowsRead { get; internal set; }

    /// <summary>Join-key and group-key equality tests made by the join indexes and the grouping.</summary>
    public long KeyComparisons { get; internal set; }

    /// <summary>An equality comparer that delegates to the default one and counts every equality test in <see cref="KeyComparisons"/>.</summary>
    public IEqualityComparer<T> Counting<T>() => new CountingComparer<T>(this);

    private sealed class CountingComparer<T>(QueryWork work) : IEqualityComparer<T>
    {
        private readonly EqualityComparer<T> inner = EqualityComparer<T>.Default;

        public bool Equals(T? x, T? y)
        {
            work.KeyComparisons++;
            return inner.Equals(x, y);
        }

        public int GetHashCode(T obj) => obj is null ? 0 : inner.GetHashCode(obj);
    }
}
