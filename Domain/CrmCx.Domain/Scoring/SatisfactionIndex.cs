using System;

namespace CrmCx.Domain.Scoring;

/// <summary>The satisfaction index of one response (cx-scoring.md): the mean of the measures it carries, each brought to 0–100.</summary>
public static class SatisfactionIndex
{
    /// <summary>
    /// score × 10, (csat − 1) × 25 and (effort − 1) × 100 / 6, averaged over those present, rounded to two decimals
    /// (half away from zero, as a person rounds); null when the response carries no measure at all.
    /// Values outside their scales are refused: validation runs first, so reaching here with one is a bug.
    /// </summary>
    public static decimal? Compute(int? score, int? csat, int? effort)
    {
        decimal sum = 0;
        var count = 0;
        if (score.HasValue)
        {
            Check(score.Value, 0, 10, nameof(score));
            sum += score.Value * 10m;
            count++;
        }
        if (csat.HasValue)
        {
            Check(csat.Value, 1, 5, nameof(csat));
            sum += (csat.Value - 1) * 25m;
            count++;
        }
        if (effort.HasValue)
        {
            Check(effort.Value, 1, 7, nameof(effort));
            // Divide last: (effort − 1) × 100 / 6 keeps full decimal precision until the single final rounding.
            sum += (effort.Value - 1) * 100m / 6m;
            count++;
        }
        if (count == 0) return null;
        return Math.Round(sum / count, 2, MidpointRounding.AwayFromZero);
    }

    private static void Check(int value, int min, int max, string name)
    {
        if (value < min || value > max) throw new ArgumentOutOfRangeException(name, value, name + " must be from " + min + " to " + max + ".");
    }
}
