using System.IO;
using CrmCx.Cli.Benchmarks;

namespace CrmCx.Cli.Commands;

/// <summary>crmcx bench: run the scenarios and print one table.</summary>
internal sealed record BenchCommand(BenchSizes Sizes)
{
    /// <summary>Reads the bench options.</summary>
    public static BenchCommand Parse(string[] args)
    {
        var options = new OptionReader("bench", args, System.Array.Empty<string>(), new[] { "quick" });
        return new BenchCommand(options.Flag("quick") ? BenchSizes.Quick : BenchSizes.Full);
    }

    /// <summary>Runs the scenarios; progress on stderr, the table on stdout.</summary>
    public int Run(TextWriter stdout, TextWriter stderr)
    {
        var rows = BenchSuite.Run(Sizes, stderr);
        stdout.WriteLine("crmcx bench: per operation, including the asynchronous rollups it causes (in-memory org, real plugins)");
        stdout.WriteLine();
        BenchSuite.Write(stdout, rows);
        return CliApplication.Ok;
    }
}
