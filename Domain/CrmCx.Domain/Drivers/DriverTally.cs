using System;

namespace CrmCx.Domain.Drivers;

/// <summary>
/// Counts and sums of a set of responses, enough for NPS and its margin and for the mean satisfaction index and its
/// margin: the content of one summary row, and what adding rows up gives.
/// </summary>
public sealed class DriverTally
{
    /// <summary>Responses counted.</summary>
    public int Responses { get; private set; }
    /// <summary>Of which scored 9–10.</summary>
    public int Promoters { get; private set; }
    /// <summary>Of which scored 0–6.</summary>
    public int Detractors { get; private set; }
    /// <summary>Responses with a satisfaction index.</summary>
    public int SatisfactionCount { get; private set; }
    /// <summary>Sum of their satisfaction indexes.</summary>
    public decimal SatisfactionSum { get; private set; }
    /// <summary>Sum of the squares of their satisfaction indexes (for the standard deviation).</summary>
    public decimal SatisfactionSquares { get; private set; }

    /// <summary>An empty tally.</summary>
    public DriverTally() { }

    /// <summary>A tally of stored values (a summary row).</summary>
    public DriverTally(int responses, int promoters, int detractors, int satisfactionCount, decimal satisfactionSum, decimal satisfactionSquares)
    {
        if (responses < 0 || promoters < 0 || detractors < 0 || promoters + detractors > responses || satisfactionCount < 0 || satisfactionCount > responses)
            throw new ArgumentException("A driver tally needs 0 ≤ promoters + detractors ≤ responses and 0 ≤ satisfaction count ≤ responses; got " +
                responses + " responses, " + promoters + " promoters, " + detractors + " detractors, " + satisfactionCount + " with satisfaction.");
        Responses = responses;
        Promoters = promoters;
        Detractors = detractors;
        SatisfactionCount = satisfactionCount;
        SatisfactionSum = satisfactionSum;
        SatisfactionSquares = satisfactionSquares;
    }

    /// <summary>Counts one response (score 0–10; satisfaction index 0–100 when it has one).</summary>
    public void Add(int score, decimal? satisfaction)
    {
        if (score < 0 || score > 10) throw new ArgumentOutOfRangeException(nameof(score), score, "A score is 0 to 10.");
        Responses++;
        if (score >= 9) Promoters++;
        else if (score <= 6) Detractors++;
        if (satisfaction.HasValue)
        {
            SatisfactionCount++;
            SatisfactionSum += satisfaction.Value;
            SatisfactionSquares += satisfaction.Value * satisfaction.Value;
        }
    }

    /// <summary>Adds another tally to this one.</summary>
    public void Add(DriverTally other)
    {
        if (other == null) throw new ArgumentNullException(nameof(other));
        Responses += other.Responses;
        Promoters += other.Promoters;
        Detractors += other.Detractors;
        SatisfactionCount += other.SatisfactionCount;
        SatisfactionSum += other.SatisfactionSum;
        SatisfactionSquares += other.SatisfactionSquares;
    }

    /// <summary>This tally minus a part of it (the rest of a query beside one value).</summary>
    public DriverTally Minus(DriverTally part)
    {
        if (part == null) throw new ArgumentNullException(nameof(part));
        return new DriverTally(Responses - part.Responses, Promoters - part.Promoters, Detractors - part.Detractors,
            SatisfactionCount - part.SatisfactionCount, SatisfactionSum - part.SatisfactionSum, SatisfactionSquares - part.SatisfactionSquares);
    }

    /// <summary>Whether both count the same.</summary>
    public bool SameAs(DriverTally other) =>
        other != null && Responses == other.Responses && Promoters == other.Promoters && Detractors == other.Detractors
        && SatisfactionCount == other.SatisfactionCount && SatisfactionSum == other.SatisfactionSum && SatisfactionSquares == other.SatisfactionSquares;
}
