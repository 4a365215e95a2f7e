using System;

namespace CrmCx.Domain.Nps;

/// <summary>Promoters, passives and detractors of a set of responses, and the newest response date among them (immutable).</summary>
public sealed class NpsCounts : IEquatable<NpsCounts>
{
    /// <summary>No responses.</summary>
    public static readonly NpsCounts None = new NpsCounts(0, 0, 0, null);

    /// <summary>Creates the counts; a negative count is refused.</summary>
    public NpsCounts(int promoters, int passives, int detractors, DateTime? newest)
    {
        if (promoters < 0) throw new ArgumentOutOfRangeException(nameof(promoters), promoters, "A count cannot be negative.");
        if (passives < 0) throw new ArgumentOutOfRangeException(nameof(passives), passives, "A count cannot be negative.");
        if (detractors < 0) throw new ArgumentOutOfRangeException(nameof(detractors), detractors, "A count cannot be negative.");
        Promoters = promoters;
        Passives = passives;
        Detractors = detractors;
        Newest = newest;
    }

    /// <summary>Responses scored 9–10.</summary>
    public int Promoters { get; }
    /// <summary>Responses scored 7–8.</summary>
    public int Passives { get; }
    /// <summary>Responses scored 0–6.</summary>
    public int Detractors { get; }
    /// <summary>All responses counted.</summary>
    public int Responses => Promoters + Passives + Detractors;
    /// <summary>The newest response date among them, when known.</summary>
    public DateTime? Newest { get; }
    /// <summary>Whether nothing is counted.</summary>
    public bool IsEmpty => Responses == 0;

    /// <summary>These counts plus <paramref name="count"/> responses of one score; a score outside 0–10 (imported data) is not counted.</summary>
    public NpsCounts Plus(int score, int count, DateTime? newest)
    {
        if (!NpsCategories.IsValidScore(score) || count <= 0) return this;
        return new NpsCounts(
            Promoters + (score >= 9 ? count : 0),
            Passives + (score >= 7 && score <= 8 ? count : 0),
            Detractors + (score <= 6 ? count : 0),
            Later(Newest, newest));
    }

    /// <summary>The sum of two sets of counts.</summary>
    public NpsCounts Plus(NpsCounts other)
    {
        if (other == null) throw new ArgumentNullException(nameof(other));
        return new NpsCounts(Promoters + other.Promoters, Passives + other.Passives, Detractors + other.Detractors, Later(Newest, other.Newest));
    }

    /// <summary>
    /// These counts without a part of them (a day minus its part after a window edge). A part larger than the whole
    /// can only come from a day summary that is behind the responses; the difference is then taken as zero.
    /// </summary>
    public NpsCounts Minus(NpsCounts part)
    {
        if (part == null) throw new ArgumentNullException(nameof(part));
        return new NpsCounts(
            Math.Max(0, Promoters - part.Promoters), Math.Max(0, Passives - part.Passives), Math.Max(0, Detractors - part.Detractors), Newest);
    }

    /// <inheritdoc />
    public bool Equals(NpsCounts? other) =>
        other != null && Promoters == other.Promoters && Passives == other.Passives && Detractors == other.Detractors
        && (Newest.HasValue ? other.Newest.HasValue && Newest.Value.Ticks == other.Newest.Value.Ticks : !other.Newest.HasValue);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as NpsCounts);

    /// <inheritdoc />
    public override int GetHashCode() => ((Promoters * 397) ^ (Passives * 31) ^ Detractors) + (Newest.HasValue ? Newest.Value.Ticks.GetHashCode() : 0);

    /// <summary>"P/Pa/D".</summary>
    public override string ToString() => Promoters + "/" + Passives + "/" + Detractors;

    private static DateTime? Later(DateTime? a, DateTime? b)
    {
        if (!a.HasValue) return b;
        if (!b.HasValue) return a;
        return a.Value >= b.Value ? a : b;
    }
}
