using System.Threading.Tasks;
using CrmCx.Cli.Commands;
using Xunit;

namespace CrmCx.Cli.Tests;

public sealed class BenchTests
{
    [Fact]
    public async Task Bench_prints_one_table_with_ingestion_link_and_bulk_rows()
    {
        var run = await CliRun.Of("bench", "--quick");

        Assert.Equal(CliApplication.Ok, run.ExitCode);
        var output = run.Stdout;
        Assert.Matches(@"Scenario\s+Size\s+Calls/op\s+Time/op\s+Allocated/op\s+Notes", output);
        Assert.Matches(@"Create 1 response \(\+ async rollup\)\s+history 10\s+\d+\.\d\s+\d+\.\d\d m?s\s+\d+\.\d [KM]B", output);
        Assert.Matches(@"Upsert 1 response by alternate key\s+history 100\s", output);
        Assert.Matches(@"Link 1 touchpoint to a journey \(\+ async recompute\)\s+journey 50\s", output);
        Assert.Matches(@"CreateMultiple 200 responses \(\+ async rollups\)\s+20 contacts\s.+responses/s; \d+ async jobs; \d+ customers recomputed of \d+ affected", output);
    }
}
