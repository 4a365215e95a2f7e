using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CrmCx.Cli.Output;
using CrmCx.Cli.Seeding;
using CrmCx.Cli.Serving;

namespace CrmCx.Cli.Commands;

/// <summary>crmcx demo: load the data set through the real plugins, print the scorecard, optionally serve the panel.</summary>
internal sealed record DemoCommand(DemoSize Size, bool Serve, int Port)
{
    /// <summary>Default port of --serve.</summary>
    public const int DefaultPort = 5057;

    /// <summary>Reads the demo's options.</summary>
    public static DemoCommand Parse(string[] args)
    {
        var options = new OptionReader("demo", args, new[] { "accounts", "responses", "seed", "port" }, new[] { "serve" });
        var size = new DemoSize(
            options.Int("accounts", 50, 1, 1000),
            options.Int("responses", 5000, 0, 200_000),
            options.Int("seed", 2026, int.MinValue, int.MaxValue));
        var serve = options.Flag("serve");
        if (options.Has("port") && !serve) throw new UsageException("--port is only used with --serve.");
        return new DemoCommand(size, serve, options.Int("port", DefaultPort, 0, 65535));
    }

    /// <summary>Runs the demo; with --serve, returns when <paramref name="cancel"/> fires (Ctrl+C).</summary>
    public async Task<int> RunAsync(TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        DemoLoad load;
        try
        {
            load = Load(Size, stdout, stderr, interactive: ReferenceEquals(stderr, Console.Error) && !Console.IsErrorRedirected, cancel);
        }
        catch (OperationCanceledException)
        {
            await stderr.WriteLineAsync().ConfigureAwait(false);
            await stderr.WriteLineAsync("crmcx demo: cancelled during the load.").ConfigureAwait(false);
            return CliApplication.Cancelled;
        }
        if (!Serve) return CliApplication.Ok;

        PanelServer server;
        try
        {
            server = await PanelServer.StartAsync(load.Org, Port, cancel).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            // Kestrel reports a taken port as an IOException; say what to do instead of a stack trace.
            await stderr.WriteLineAsync($"crmcx demo: cannot listen on 127.0.0.1:{Port} ({e.Message}); pass --port 0 for a free port.").ConfigureAwait(false);
            return CliApplication.Failed;
        }
        catch (OperationCanceledException)
        {
            return CliApplication.Cancelled;
        }
        await using var running = server;
        if (server.WebResourcesRoot is null)
            await stderr.WriteLineAsync("crmcx demo: WebResources/dist not found; run npm ci && npm run build in WebResources to see the panel.").ConfigureAwait(false);
        await stdout.WriteLineAsync().ConfigureAwait(false);
        await stdout.WriteLineAsync($"Serving the CX panel on {server.BaseUrl} (Ctrl+C to stop)").ConfigureAwait(false);
        foreach (var (name, url) in server.SampleAccountUrls(3)) await stdout.WriteLineAsync($"  {name}: {url}").ConfigureAwait(false);
        await stdout.FlushAsync().ConfigureAwait(false);
        try
        {
            await Task.Delay(Timeout.Infinite, cancel).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C is the normal way to stop serving.
        }
        await stdout.WriteLineAsync("Stopped.").ConfigureAwait(false);
        return CliApplication.Ok;
    }

    /// <summary>Builds the org, loads the plan and prints the report; the org is returned for serving or inspection.</summary>
    public static DemoLoad Load(DemoSize size, TextWriter stdout, TextWriter stderr, bool interactive, CancellationToken cancel = default)
    {
        ArgumentNullException.ThrowIfNull(size);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var org = DemoOrganization.Create(DemoSize.HistoryStart.AddDays(-2));
        var plan = DemoPlanner.Plan(size);
        stdout.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "CrmCx demo: in-memory org, CrmCx model, {0} plugin steps from {1}; seed {2}",
            DemoOrganization.StepCount(org), DemoOrganization.PluginAssembly.GetName().Name, size.Seed));
        stdout.WriteLine(string.Format(CultureInfo.InvariantCulture,
            "Loading {0:N0} accounts, {1:N0} contacts, {2:N0} journeys and {3:N0} survey responses from {4:yyyy-MM-dd} to {5:yyyy-MM-dd}",
            size.Accounts, size.Contacts, plan.Journeys.Count, plan.Responses.Count + SumJourneyResponses(plan), DemoSize.HistoryStart, DemoSize.Now));
        var load = new DemoLoader(org, plan, new ProgressLine(stderr, interactive), f => DemoReport.WriteFailure(stdout, f),
            (rows, message) => DemoReport.WriteBatchRefusal(stdout, rows, message)).Run(cancel);
        DemoReport.Write(stdout, load);
        return load;
    }

    private static int SumJourneyResponses(DemoPlan plan)
    {
        var n = 0;
        foreach (var j in plan.Journeys) n += j.Responses.Count;
        return n;
    }
}
