using System;
using System.Globalization;
using System.IO;

namespace CrmCx.Cli.Output;

/// <summary>
/// Load progress on the error stream, so that the scorecard on standard output stays clean and identical for a seed:
/// one line rewritten in place on a terminal, a line per quarter of the simulated timeline otherwise.
/// </summary>
internal sealed class ProgressLine(TextWriter writer, bool interactive)
{
    private string? lastQuarter;
    private int width;

    /// <summary>Shows where the load stands at a simulated date.</summary>
    public void Report(DateTime simulated, int responses, int responsesTotal, int journeys, int journeysTotal, int asyncJobs)
    {
        var share = responsesTotal + journeysTotal == 0 ? 1.0 : (responses + journeys) / (double)(responsesTotal + journeysTotal);
        var bar = new string('#', (int)(share * 20)).PadRight(20, '.');
        var text = string.Format(CultureInfo.InvariantCulture,
            "Loading {0:yyyy-MM-dd} [{1}] responses {2:N0}/{3:N0}  journeys {4}/{5}  async jobs run {6:N0}",
            simulated, bar, responses, responsesTotal, journeys, journeysTotal, asyncJobs);
        if (interactive)
        {
            width = Math.Max(width, text.Length);
            writer.Write("\r" + text.PadRight(width));
            writer.Flush();
            return;
        }
        var quarter = $"{simulated.Year}-Q{(simulated.Month - 1) / 3 + 1}";
        if (quarter == lastQuarter) return;
        lastQuarter = quarter;
        writer.WriteLine(text);
    }

    /// <summary>Ends the in-place line.</summary>
    public void Done()
    {
        if (interactive && width > 0) writer.WriteLine();
    }
}
