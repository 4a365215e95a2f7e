using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmCx.Domain.Nps;
using Xunit;

namespace CrmCx.Domain.Tests.Nps;

public class NpsHistoryJsonTests
{
    [Fact]
    public void History_json_writes_each_month_its_nps_with_one_decimal_and_its_count()
    {
        var history = new List<NpsMonth>
        {
            new(new YearMonth(2025, 12), -100.0m, 3),
            new(new YearMonth(2026, 1), null, 0),
            new(new YearMonth(2026, 2), 0.0m, 1234),
            new(new YearMonth(2026, 3), -0.5m, 10),
            new(new YearMonth(2026, 4), 42.5m, 12),
            new(new YearMonth(2026, 5), 7m, 9),
            new(new YearMonth(2026, 6), 100m, 1),
        };

        Assert.Equal(
            "[{\"month\":\"2025-12\",\"nps\":-100.0,\"n\":3},{\"month\":\"2026-01\",\"nps\":null,\"n\":0},{\"month\":\"2026-02\",\"nps\":0.0,\"n\":1234}," +
            "{\"month\":\"2026-03\",\"nps\":-0.5,\"n\":10},{\"month\":\"2026-04\",\"nps\":42.5,\"n\":12},{\"month\":\"2026-05\",\"nps\":7.0,\"n\":9}," +
            "{\"month\":\"2026-06\",\"nps\":100.0,\"n\":1}]",
            NpsFigures.FormatHistory(history));
    }

    [Fact]
    public void Every_nps_of_one_decimal_is_written_as_the_invariant_zero_point_zero_format_writes_it()
    {
        // Every value the rollup can write (−100.0 … 100.0 in tenths), against the framework's own "0.0".
        var values = Enumerable.Range(-1000, 2001).Select(t => t / 10m).ToList();
        var history = values.Select((v, i) => new NpsMonth(new YearMonth(2000 + i / 12, i % 12 + 1), v, i)).ToList();

        var expected = "[" + string.Join(",", history.Select(m => "{\"month\":\"" + m.Month.Year.ToString("0000", CultureInfo.InvariantCulture) + "-" +
            m.Month.Month.ToString("00", CultureInfo.InvariantCulture) + "\",\"nps\":" + m.Nps!.Value.ToString("0.0", CultureInfo.InvariantCulture) +
            ",\"n\":" + m.Responses.ToString(CultureInfo.InvariantCulture) + "}")) + "]";
        Assert.Equal(expected, NpsFigures.FormatHistory(history));
    }
}
