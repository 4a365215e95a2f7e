using System;
using CrmCx.Domain.Choices;
using CrmCx.Domain.Nps;
using Xunit;

namespace CrmCx.Domain.Tests.Nps;

public class NpsMathTests
{
    [Theory]
    [InlineData(0, NpsCategory.Detractor)]
    [InlineData(6, NpsCategory.Detractor)]
    [InlineData(7, NpsCategory.Passive)]
    [InlineData(8, NpsCategory.Passive)]
    [InlineData(9, NpsCategory.Promoter)]
    [InlineData(10, NpsCategory.Promoter)]
    public void A_score_falls_in_its_category(int score, NpsCategory category)
    {
        Assert.Equal(category, NpsCategories.FromScore(score));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(11)]
    public void A_score_outside_0_to_10_has_no_category(int score)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NpsCategories.FromScore(score));
    }

    [Theory]
    // 100 × (5 − 2) / 10 = 30
    [InlineData(5, 2, 10, "30.0")]
    // 100 × (1 − 0) / 3 = 33.333… → 33.3
    [InlineData(1, 0, 3, "33.3")]
    // 100 × (2 − 0) / 3 = 66.666… → 66.7
    [InlineData(2, 0, 3, "66.7")]
    // 100 × (0 − 1) / 3 = −33.333… → −33.3
    [InlineData(0, 1, 3, "-33.3")]
    // 100 × 1 / 8 = 12.5 exactly
    [InlineData(1, 0, 8, "12.5")]
    // 100 × 1 / 400 = 0.25: half away from zero → 0.3 (banker's rounding would give 0.2)
    [InlineData(1, 0, 400, "0.3")]
    // 100 × −1 / 400 = −0.25 → −0.3
    [InlineData(0, 1, 400, "-0.3")]
    [InlineData(10, 0, 10, "100.0")]
    [InlineData(0, 10, 10, "-100.0")]
    // passives only: 0, a neutral score, not "no data"
    [InlineData(0, 0, 4, "0.0")]
    public void The_nps_is_promoters_minus_detractors_per_hundred_with_one_decimal(int p, int d, int n, string expected)
    {
        Assert.Equal(expected, NpsMath.Score(p, d, n)!.Value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Without_responses_nps_and_margin_are_empty_not_zero()
    {
        Assert.Null(NpsMath.Score(0, 0, 0));
        Assert.Null(NpsMath.Margin(0, 0, 0));
    }

    [Theory]
    // P=5, D=2, n=10: n' = 13, p' = 5.75/13 = 0.442308, d' = 2.75/13 = 0.211538,
    // p' + d' = 0.653846, (p' − d')² = 0.230769² = 0.053254, (0.653846 − 0.053254)/13 = 0.046199,
    // √ = 0.214940, × 1.96 × 100 = 42.128 → 42.1
    [InlineData(5, 2, 10, "42.1")]
    // P=1, D=0, n=1: n' = 4, p' = 1.75/4 = 0.4375, d' = 0.75/4 = 0.1875, p' + d' = 0.625, (p' − d')² = 0.0625,
    // (0.625 − 0.0625)/4 = 0.140625, √ = 0.375 exactly, × 1.96 × 100 = 73.5
    [InlineData(1, 0, 1, "73.5")]
    // P=0, D=0, n=1 (one passive): n' = 4, p' = d' = 0.1875, variance term (0.375 − 0)/4 = 0.09375, √ = 0.306186, × 196 = 60.012 → 60.0
    [InlineData(0, 0, 1, "60.0")]
    // P=60, D=20, n=100: n' = 103, p' = 60.75/103 = 0.589806, d' = 20.75/103 = 0.201456, p' + d' = 0.791262,
    // (p' − d')² = 0.388350² = 0.150815, (0.791262 − 0.150815)/103 = 0.0062179, √ = 0.078854, × 196 = 15.455 → 15.5
    [InlineData(60, 20, 100, "15.5")]
    // P=10, D=0, n=10: n' = 13, p' = 10.75/13 = 0.826923, d' = 0.057692, p' + d' = 0.884615, (p' − d')² = 0.769231² = 0.591716,
    // (0.884615 − 0.591716)/13 = 0.022531, √ = 0.150102, × 196 = 29.420 → 29.4 (the plain Wald formula would say 0: it cannot see small-sample doubt)
    [InlineData(10, 0, 10, "29.4")]
    // the mirror image has the same margin
    [InlineData(0, 10, 10, "29.4")]
    // P=3, D=3, n=9: n' = 12, p' = d' = 3.75/12 = 0.3125, (0.625 − 0)/12 = 0.0520833, √ = 0.228218, × 196 = 44.731 → 44.7
    [InlineData(3, 3, 9, "44.7")]
    public void The_margin_is_adjusted_wald_at_95_percent(int p, int d, int n, string expected)
    {
        Assert.Equal(expected, NpsMath.Margin(p, d, n)!.Value.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Impossible_counts_are_refused()
    {
        Assert.Throws<ArgumentException>(() => NpsMath.Score(3, 3, 5));
        Assert.Throws<ArgumentException>(() => NpsMath.Margin(-1, 0, 5));
    }

    [Theory]
    // |40 − 10| = 30 > √(15² + 15²) = 21.21 → significant
    [InlineData(40.0, 15.0, 10.0, 15.0, true)]
    // |30 − 10| = 20 < 21.21 → within noise
    [InlineData(30.0, 15.0, 10.0, 15.0, false)]
    // |−10 − 20| = 30 > √(18² + 12²) = 21.63
    [InlineData(-10.0, 18.0, 20.0, 12.0, true)]
    // exactly at the noise level is not "more than" noise: |5 − 0| = 5 = √(3² + 4²)
    [InlineData(5.0, 3.0, 0.0, 4.0, false)]
    public void A_change_is_significant_only_beyond_the_combined_margins(double nps, double moe, double prev, double prevMoe, bool significant)
    {
        Assert.Equal(significant, NpsMath.IsSignificantChange((decimal)nps, (decimal)moe, (decimal)prev, (decimal)prevMoe));
    }

    [Fact]
    public void Without_a_previous_window_there_is_no_significance_to_call()
    {
        Assert.Null(NpsMath.IsSignificantChange(40m, 15m, null, null));
        Assert.Null(NpsMath.IsSignificantChange(null, null, 40m, 15m));
    }

    [Theory]
    [InlineData(9, "10.0", true)]
    [InlineData(10, "20.0", false)]
    [InlineData(10, "20.1", true)]
    [InlineData(0, null, true)]
    public void Few_responses_or_a_wide_margin_is_low_confidence(int n, string? margin, bool low)
    {
        var m = margin == null ? (decimal?)null : decimal.Parse(margin, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(low, NpsMath.IsLowConfidence(n, m));
    }
}
