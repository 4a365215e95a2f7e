using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CrmCx.Cli.Commands;
using Xunit;

namespace CrmCx.Cli.Tests;

/// <summary>
/// crmcx bench --quick: the one table has the rows of issues 3 and 4 and its columns; calls are equal across sizes where
/// the design promises constant calls. Times are never asserted.
/// </summary>
public sealed class BenchTests
{
    private static readonly Task<CliRun> Run = CliRun.Of("bench", "--quick");

    private const string Cells = @"\s+(?<client>\d+(\.\d)?)\s+(?<plugins>\d+(\.\d)?)\s+\d+\.\d\d m?s\s+\d+\.\d [KM]B\s+";

    [Fact]
    public async Task Bench_prints_one_table_with_the_columns_of_both_issues()
    {
        var run = await Run;

        Assert.Equal(CliApplication.Ok, run.ExitCode);
        Assert.Single(Regex.Matches(run.Stdout, @"^Scenario\s+Size\s+Per\s+Client calls\s+Plugin calls\s+Time\s+Allocated\s+Target\s+Notes$", RegexOptions.Multiline));
    }

    [Theory]
    [InlineData("NPS: create 1 response, score 8")]
    [InlineData("NPS: create 1 detractor, score 3")]
    public async Task Responses_cost_the_same_calls_at_every_history_size(string scenario)
    {
        var output = (await Run).Stdout;

        var small = Row(output, scenario, "history 10", "response");
        var large = Row(output, scenario, "history 100", "response");
        Assert.Equal(1, small.Client);
        Assert.Equal(small, large);
        Assert.Matches(Regex.Escape(scenario) + @"\s+history 100\s.*constant: met", output);
    }

    [Fact]
    public async Task Bulk_row_judges_calls_per_response_recomputes_per_customer_and_memory()
    {
        var output = (await Run).Stdout;

        Row(output, "NPS: CreateMultiple 200 responses", "20 contacts", "request");
        Assert.Matches(@"NPS: CreateMultiple 200 responses\s.*≤ 2 plugin calls per response: (NOT )?met; each customer ≤ 2 recomputes: met; ≤ 200 MB: (NOT )?met\s+\d+\.\d\d plugin calls per response; 1\.00 recomputes per affected customer; 40 of 40 affected customers recomputed", output);
    }

    [Fact]
    public async Task Calculator_row_reports_the_pure_run_without_calls()
    {
        var output = (await Run).Stdout;

        Assert.Equal((0, 0), Row(output, "NPS: NpsCalculator.FromResponses", "10,000 responses", "run"));
    }

    [Theory]
    [InlineData("Journey: link 1 touchpoint", "link")]
    [InlineData("Journey: 1 response on the journey, score 8", "response")]
    public async Task Journey_operations_cost_the_same_calls_at_every_journey_size(string scenario, string per)
    {
        var output = (await Run).Stdout;

        var small = Row(output, scenario, "journey 5", per);
        var large = Row(output, scenario, "journey 50", per);
        Assert.True(small.Plugins > 0);
        Assert.Equal(small, large);
        Assert.Matches(Regex.Escape(scenario) + @"\s+journey 50\s.*constant: met", output);
    }

    private static (double Client, double Plugins) Row(string output, string scenario, string size, string per)
    {
        var match = Regex.Match(output, "^" + Regex.Escape(scenario) + @"\s+" + Regex.Escape(size) + @"\s+" + Regex.Escape(per) + Cells, RegexOptions.Multiline);
        Assert.True(match.Success, $"no row \"{scenario}\" at \"{size}\" per {per} in:\n{output}");
        return (double.Parse(match.Groups["client"].Value, CultureInfo.InvariantCulture), double.Parse(match.Groups["plugins"].Value, CultureInfo.InvariantCulture));
    }
}
