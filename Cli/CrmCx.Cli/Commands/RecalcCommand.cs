using CrmCx.Schema;
using System;
using System.Globalization;
using System.IO;
using CrmCx.Cli.Output;
using CrmCx.Cli.Recalculation;
using CrmCx.Cli.Seeding;

namespace CrmCx.Cli.Commands;

/// <summary>
/// crmcx recalc: loads the demo data (with its daily runs), then runs cx_Recalculate once more with the given scope
/// exactly as the shipped flow calls it, with a progress line on stderr, and prints what it did and the truth check.
/// </summary>
internal sealed record RecalcCommand(string Scope, DemoSize Size)
{
    /// <summary>Reads the options: --scope due|all, and the demo's --accounts, --responses and --seed.</summary>
    public static RecalcCommand Parse(string[] args)
    {
        var options = new OptionReader("recalc", args, new[] { "scope", "accounts", "responses", "seed" }, Array.Empty<string>());
        var scope = options.Text("scope", "due")!;
        if (scope != "due" && scope != "all") throw new UsageException($"--scope must be due or all; got '{scope}'.");
        return new RecalcCommand(scope, new DemoSize(
            options.Int("accounts", 50, 1, 1000),
            options.Int("responses", 5000, 0, 200_000),
            options.Int("seed", 2026, int.MinValue, int.MaxValue)));
    }

    /// <summary>Runs it; the totals and the truth check on stdout.</summary>
    public int Run(TextWriter stdout, TextWriter stderr)
    {
        var load = DemoCommand.Load(Size, TextWriter.Null, stderr, interactive: false);
        var service = load.Org.GetService();
        var totals = ScheduledRecalculation.Run(service, Scope, t =>
            stderr.Write(string.Format(CultureInfo.InvariantCulture, "\rcx_Recalculate {0} [{1}] call {2:N0}: {3:N0} rows, {4:N0} changed ",
                Scope, new string('#', Math.Min(20, t.Calls)).PadRight(20, '.'), t.Calls, t.Processed, t.Changed)));
        stderr.WriteLine();
        stdout.WriteLine(string.Format(CultureInfo.InvariantCulture, ComponentSchema.Recalculate + " (Scope {0}) on the in-memory org at {1:yyyy-MM-dd HH:mm} UTC: {2:N0} calls, {3:N0} rows processed, {4:N0} changed",
            Scope, load.Org.Clock.UtcNow, totals.Calls, totals.Processed, totals.Changed));
        var truth = TruthCheck.Run(load.Org);
        DemoReport.WriteTruth(stdout, truth);
        return truth.AllTrue ? CliApplication.Ok : CliApplication.Failed;
    }
}
