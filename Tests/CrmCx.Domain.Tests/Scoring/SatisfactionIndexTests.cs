using System;
using CrmCx.Domain.Scoring;
using Xunit;

namespace CrmCx.Domain.Tests.Scoring;

public class SatisfactionIndexTests
{
    [Theory]
    [InlineData(10, null, null, "100")]
    [InlineData(0, null, null, "0")]
    [InlineData(7, null, null, "70")]
    // (70 + (4 − 1) × 25) / 2 = (70 + 75) / 2 = 72.5
    [InlineData(7, 4, null, "72.5")]
    // (70 + 75 + (2 − 1) × 100 / 6) / 3 = (145 + 16.666…) / 3 = 53.888… → 53.89
    [InlineData(7, 4, 2, "53.89")]
    // (0 + 0 + 0) / 3
    [InlineData(0, 1, 1, "0")]
    // (100 + 100 + 100) / 3
    [InlineData(10, 5, 7, "100")]
    // (70 + 16.666…) / 2 = 43.333… → 43.33
    [InlineData(7, null, 2, "43.33")]
    // (50 + (6 − 1) × 100 / 6) / 2 = (50 + 83.333…) / 2 = 66.666… → 66.67
    [InlineData(5, null, 6, "66.67")]
    public void The_index_is_the_mean_of_the_measures_brought_to_0_100_with_two_decimals(int score, int? csat, int? effort, string expected)
    {
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), SatisfactionIndex.Compute(score, csat, effort));
    }

    [Fact]
    public void A_response_without_any_measure_has_no_index()
    {
        Assert.Null(SatisfactionIndex.Compute(null, null, null));
        Assert.Equal(50m, SatisfactionIndex.Compute(null, 3, null));
    }

    [Fact]
    public void A_value_outside_its_scale_is_a_programming_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SatisfactionIndex.Compute(11, null, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => SatisfactionIndex.Compute(5, 0, null));
        Assert.Throws<ArgumentOutOfRangeException>(() => SatisfactionIndex.Compute(5, null, 8));
    }
}
