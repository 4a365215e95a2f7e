using System;

namespace CrmCx.Domain.Nps;

/// <summary>The formulas of cx-scoring.md: NPS, its adjusted-Wald margin of error, and when a change is more than noise.</summary>
public static class NpsMath
{
    /// <summary>z for a 95 % confidence interval.</summary>
    public const double Z95 = 1.96;

    /// <summary>
    /// NPS = 100 × (P − D) / n rounded to one decimal, half away from zero (12.25 → 12.3, −12.25 → −12.3);
    /// null when n = 0, because "no data" is not "neutral".
    /// </summary>
    public static decimal? Score(int promoters, int detractors, int responses)
    {
        CheckCounts(promoters, detractors, responses);
        if (responses == 0) return null;
        // Decimal arithmetic: 100 × k / n is exact to 28 digits, so the one rounding is the only one.
        return Math.Round(100m * (promoters - detractors) / responses, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// The 95 % margin of error in NPS points, adjusted-Wald (Rocks 2016): n' = n + 3, p' = (P + 0.75) / n',
    /// d' = (D + 0.75) / n', MOE = 1.96 × √((p' + d' − (p' − d')²) / n') × 100, rounded to one decimal; null when n = 0.
    /// </summary>
    public static decimal? Margin(int promoters, int detractors, int responses)
    {
        CheckCounts(promoters, detractors, responses);
        if (responses == 0) return null;
        var n = responses + 3.0;
        var p = (promoters + 0.75) / n;
        var d = (detractors + 0.75) / n;
        var moe = Z95 * Math.Sqrt((p + d - (p - d) * (p - d)) / n) * 100.0;
        // Through decimal so the rounding of the last digit is decimal rounding, not binary.
        return Math.Round((decimal)moe, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// Whether the change from the previous window is more than noise: |NPS − NPS_prev| &gt; √(MOE² + MOE_prev²),
    /// on the stored (rounded) figures so the panel and the plugin agree; null when either window is empty.
    /// </summary>
    public static bool? IsSignificantChange(decimal? nps, decimal? margin, decimal? previousNps, decimal? previousMargin)
    {
        if (!nps.HasValue || !margin.HasValue || !previousNps.HasValue || !previousMargin.HasValue) return null;
        var difference = Math.Abs((double)(nps.Value - previousNps.Value));
        var noise = Math.Sqrt((double)(margin.Value * margin.Value + previousMargin.Value * previousMargin.Value));
        return difference > noise;
    }

    /// <summary>Fewer responses than this are "low confidence" (cx-scoring.md; the panel's LowConfidence.minResponses).</summary>
    public const int LowConfidenceMinResponses = 10;

    /// <summary>A margin of error above this (NPS points) is "low confidence" (cx-scoring.md; the panel's LowConfidence.maxMargin).</summary>
    public const decimal LowConfidenceMaxMargin = 20m;

    /// <summary>Whether the panel calls the figures low confidence: fewer than 10 responses, or a margin above 20 points or none.</summary>
    public static bool IsLowConfidence(int responses, decimal? margin) =>
        responses < LowConfidenceMinResponses || !margin.HasValue || margin.Value > LowConfidenceMaxMargin;

    private static void CheckCounts(int promoters, int detractors, int responses)
    {
        if (promoters < 0 || detractors < 0 || promoters + detractors > responses)
            throw new ArgumentException("Counts must satisfy 0 ≤ P, 0 ≤ D and P + D ≤ n; got P=" + promoters + ", D=" + detractors + ", n=" + responses + ".");
    }
}
