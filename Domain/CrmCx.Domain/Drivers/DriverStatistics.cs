using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using CrmCx.Domain.Configuration;
using CrmCx.Domain.Nps;

namespace CrmCx.Domain.Drivers;

/// <summary>One value of a dimension, compared with all other responses of the same query: one element of the Drivers JSON.</summary>
public sealed class DriverRow
{
    internal DriverRow(DriverDimension dimension, string key, string label, DriverTally tally, decimal? satisfaction, decimal? satisfactionMargin,
        decimal? nps, decimal? npsMargin, decimal? delta, bool significant, bool lowConfidence)
    {
        Dimension = dimension;
        Key = key;
        Label = label;
        Responses = tally.Responses;
        Satisfaction = satisfaction;
        SatisfactionMargin = satisfactionMargin;
        Nps = nps;
        NpsMargin = npsMargin;
        Delta = delta;
        Significant = significant;
        LowConfidence = lowConfidence;
    }

    /// <summary>The dimension.</summary>
    public DriverDimension Dimension { get; }
    /// <summary>The choice value as text, the owner's or business unit's id, or the band.</summary>
    public string Key { get; }
    /// <summary>What a reader sees.</summary>
    public string Label { get; }
    /// <summary>Responses of this value.</summary>
    public int Responses { get; }
    /// <summary>Mean satisfaction index (0–100, one decimal); null without satisfaction.</summary>
    public decimal? Satisfaction { get; }
    /// <summary>Its 95 % margin (1.96 × s / √n, one decimal); null with fewer than two.</summary>
    public decimal? SatisfactionMargin { get; }
    /// <summary>NPS of this value.</summary>
    public decimal? Nps { get; }
    /// <summary>Its adjusted-Wald 95 % margin.</summary>
    public decimal? NpsMargin { get; }
    /// <summary>This value's NPS minus the NPS of all other responses of the query; null when there are no others.</summary>
    public decimal? Delta { get; }
    /// <summary>Whether the gap is beyond noise (NpsMath.IsSignificantChange on the two adjusted-Wald figures, 95 %).</summary>
    public bool Significant { get; }
    /// <summary>Small sample: fewer than 10 responses or a margin above 20 points (NpsMath.IsLowConfidence).</summary>
    public bool LowConfidence { get; }
}

/// <summary>The statistics of cx_GetDrivers: each value against the rest of the query, and the Drivers JSON.</summary>
public static class DriverStatistics
{
    /// <summary>
    /// One row per value of <paramref name="byValue"/> (value key to its tally over the query), labelled by
    /// <paramref name="label"/>, ordered by key so that the list reads as a table, not as a ranking.
    /// </summary>
    public static IReadOnlyList<DriverRow> Compare(DriverDimension dimension, IReadOnlyDictionary<string, DriverTally> byValue, Func<string, string> label)
    {
        if (byValue == null) throw new ArgumentNullException(nameof(byValue));
        if (label == null) throw new ArgumentNullException(nameof(label));
        var total = new DriverTally();
        foreach (var tally in byValue.Values) total.Add(tally);
        var rows = new List<DriverRow>();
        foreach (var pair in byValue.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var tally = pair.Value;
            if (tally.Responses == 0) continue;
            var rest = total.Minus(tally);
            var nps = NpsMath.Score(tally.Promoters, tally.Detractors, tally.Responses);
            var margin = NpsMath.Margin(tally.Promoters, tally.Detractors, tally.Responses);
            var restNps = NpsMath.Score(rest.Promoters, rest.Detractors, rest.Responses);
            var restMargin = NpsMath.Margin(rest.Promoters, rest.Detractors, rest.Responses);
            var delta = nps.HasValue && restNps.HasValue ? nps.Value - restNps.Value : (decimal?)null;
            // The existing two-sample rule on adjusted-Wald figures: |a − b| > √(MOE_a² + MOE_b²).
            var significant = NpsMath.IsSignificantChange(nps, margin, restNps, restMargin) ?? false;
            rows.Add(new DriverRow(dimension, pair.Key, label(pair.Key), tally, Mean(tally), MeanMargin(tally), nps, margin, delta, significant,
                NpsMath.IsLowConfidence(tally.Responses, margin)));
        }
        return rows;
    }

    /// <summary>Mean satisfaction index, one decimal; null without any.</summary>
    public static decimal? Mean(DriverTally tally)
    {
        if (tally.SatisfactionCount == 0) return null;
        return Math.Round(tally.SatisfactionSum / tally.SatisfactionCount, 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>95 % margin of the mean: 1.96 × s / √n with the sample standard deviation s; null with fewer than two.</summary>
    public static decimal? MeanMargin(DriverTally tally)
    {
        var n = tally.SatisfactionCount;
        if (n < 2) return null;
        var sum = (double)tally.SatisfactionSum;
        var variance = ((double)tally.SatisfactionSquares - sum * sum / n) / (n - 1);
        // Rounding of the sums can leave −0.000…: no spread.
        var s = Math.Sqrt(Math.Max(0.0, variance));
        return Math.Round((decimal)(NpsMath.Z95 * s / Math.Sqrt(n)), 1, MidpointRounding.AwayFromZero);
    }

    /// <summary>The Drivers response: a JSON array of objects with the names of issue 15, plus lowConfidence.</summary>
    public static string ToJson(IEnumerable<DriverRow> rows)
    {
        var json = new StringBuilder("[");
        var first = true;
        foreach (var row in rows)
        {
            if (!first) json.Append(',');
            first = false;
            json.Append("{\"dimension\":").Append(JsonText.Quote(DriverDimensions.Name(row.Dimension)))
                .Append(",\"key\":").Append(JsonText.Quote(row.Key))
                .Append(",\"label\":").Append(JsonText.Quote(row.Label))
                .Append(",\"responses\":").Append(row.Responses.ToString(CultureInfo.InvariantCulture))
                .Append(",\"satisfaction\":").Append(Number(row.Satisfaction))
                .Append(",\"satisfactionMargin\":").Append(Number(row.SatisfactionMargin))
                .Append(",\"nps\":").Append(Number(row.Nps))
                .Append(",\"npsMargin\":").Append(Number(row.NpsMargin))
                .Append(",\"delta\":").Append(Number(row.Delta))
                .Append(",\"significant\":").Append(row.Significant ? "true" : "false")
                .Append(",\"lowConfidence\":").Append(row.LowConfidence ? "true" : "false")
                .Append('}');
        }
        return json.Append(']').ToString();
    }

    private static string Number(decimal? value) => value.HasValue ? value.Value.ToString("0.0", CultureInfo.InvariantCulture) : "null";
}
