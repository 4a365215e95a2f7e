using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Domain.Drivers;
using Xunit;

namespace CrmCx.Domain.Tests.Drivers;

public class DriverStatisticsTests
{
    private static DriverTally Tally(int promoters, int passives, int detractors)
    {
        var tally = new DriverTally();
        for (var i = 0; i < promoters; i++) tally.Add(10, null);
        for (var i = 0; i < passives; i++) tally.Add(8, null);
        for (var i = 0; i < detractors; i++) tally.Add(3, null);
        return tally;
    }

    private static IReadOnlyList<DriverRow> Compare(params (string Key, DriverTally Tally)[] values) =>
        DriverStatistics.Compare(DriverDimension.Owner, values.ToDictionary(v => v.Key, v => v.Tally), k => "User " + k);

    [Fact]
    public void An_owner_far_below_the_rest_is_flagged_significant_with_hand_computed_figures()
    {
        // A: n = 20, P = 4, D = 10: NPS = 100 × (4 − 10) / 20 = −30.0.
        //   n' = 23, p' = 4.75 / 23 = 0.20652, d' = 10.75 / 23 = 0.46739,
        //   MOE = 1.96 × √((0.20652 + 0.46739 − (0.20652 − 0.46739)²) / 23) × 100 = 1.96 × √(0.60586 / 23) × 100 = 31.8.
        // Rest (B): n = 80, P = 40, D = 10: NPS = 37.5; n' = 83, p' = 0.49096, d' = 0.12952,
        //   MOE = 1.96 × √((0.62048 − 0.36145²) / 83) × 100 = 15.1.
        // Delta = −30.0 − 37.5 = −67.5; noise = √(31.8² + 15.1²) = √1239.25 = 35.2 < 67.5: significant.
        var rows = Compare(("a", Tally(4, 6, 10)), ("b", Tally(40, 30, 10)));

        var a = rows.Single(r => r.Key == "a");
        Assert.Equal(-30.0m, a.Nps);
        Assert.Equal(31.8m, a.NpsMargin);
        Assert.Equal(-67.5m, a.Delta);
        Assert.True(a.Significant);
        var b = rows.Single(r => r.Key == "b");
        Assert.Equal(37.5m, b.Nps);
        Assert.Equal(15.1m, b.NpsMargin);
        Assert.Equal(67.5m, b.Delta);
        Assert.True(b.Significant);
    }

    [Fact]
    public void A_gap_within_noise_is_not_significant()
    {
        // A: n = 10, P = 5, D = 2: NPS 30.0, n' = 13, p' = 0.44231, d' = 0.21154, MOE = 1.96 × √((0.65385 − 0.05325) / 13) × 100 = 42.1.
        // Rest: n = 40, P = 20, D = 5: NPS 37.5, n' = 43, MOE = 21.0.
        // Delta −7.5; noise √(42.1² + 21.0²) = √2213.41 = 47.0 > 7.5: in line.
        var rows = Compare(("a", Tally(5, 3, 2)), ("b", Tally(20, 15, 5)));

        var a = rows.Single(r => r.Key == "a");
        Assert.Equal(30.0m, a.Nps);
        Assert.Equal(42.1m, a.NpsMargin);
        Assert.Equal(-7.5m, a.Delta);
        Assert.False(a.Significant);
        // 10 responses with a 42-point margin: a small sample.
        Assert.True(a.LowConfidence);
    }

    [Fact]
    public void The_only_value_has_no_delta_and_is_never_significant()
    {
        var rows = Compare(("a", Tally(3, 0, 0)));

        Assert.Null(rows.Single().Delta);
        Assert.False(rows.Single().Significant);
        Assert.True(rows.Single().LowConfidence);
    }

    [Fact]
    public void Mean_satisfaction_carries_the_margin_of_a_mean()
    {
        // 60, 80, 100: mean 80; s = √(((60 − 80)² + 0 + (100 − 80)²) / 2) = 20; margin = 1.96 × 20 / √3 = 22.63 → 22.6.
        var tally = new DriverTally();
        tally.Add(6, 60m);
        tally.Add(8, 80m);
        tally.Add(10, 100m);

        Assert.Equal(80.0m, DriverStatistics.Mean(tally));
        Assert.Equal(22.6m, DriverStatistics.MeanMargin(tally));
    }

    [Fact]
    public void One_satisfaction_has_a_mean_but_no_margin()
    {
        var tally = new DriverTally();
        tally.Add(9, 77.5m);

        Assert.Equal(77.5m, DriverStatistics.Mean(tally));
        Assert.Null(DriverStatistics.MeanMargin(tally));
    }

    [Fact]
    public void The_json_carries_the_names_of_the_issue_and_reads_as_a_table_ordered_by_key()
    {
        // One detractor (a) against one promoter (b): NPS −100 and +100; n' = 4, p' = 0.1875, d' = 0.4375,
        // MOE = 1.96 × √((0.625 − 0.0625) / 4) × 100 = 1.96 × 0.375 × 100 = 73.5 each; delta ∓200 > √(2 × 73.5²) = 103.9.
        var json = DriverStatistics.ToJson(Compare(("b", Tally(1, 0, 0)), ("a", Tally(0, 0, 1))));

        Assert.Equal(
            "[{\"dimension\":\"owner\",\"key\":\"a\",\"label\":\"User a\",\"responses\":1,\"satisfaction\":null,\"satisfactionMargin\":null,\"nps\":-100.0,\"npsMargin\":73.5,\"delta\":-200.0,\"significant\":true,\"lowConfidence\":true}," +
            "{\"dimension\":\"owner\",\"key\":\"b\",\"label\":\"User b\",\"responses\":1,\"satisfaction\":null,\"satisfactionMargin\":null,\"nps\":100.0,\"npsMargin\":73.5,\"delta\":200.0,\"significant\":true,\"lowConfidence\":true}]",
            json);
    }
}
