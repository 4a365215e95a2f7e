using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using CrmCx.Cli.Seeding;
using CrmCx.Cli.Serving;
using CrmCx.Schema;
using Xunit;

namespace CrmCx.Cli.Tests;

/// <summary>
/// crmcx demo --serve in a real browser: Debian's Chromium, headless, no driver (its --dump-dom and --screenshot
/// switches are enough). The screenshot lands in artifacts/panel-serve.png for a person to look at.
/// </summary>
public sealed class BrowserTests
{
    private static readonly string Root = RepositoryRoot();

    [Fact]
    public async Task Chromium_renders_the_account_page_with_the_panel_showing_the_org_figures_and_saves_a_screenshot()
    {
        Run("bash", $"\"{Path.Combine(Root, "Tools", "CrmCx.Cli", "scripts", "ensure-browser-prereqs.sh")}\"", TimeSpan.FromMinutes(8));
        Environment.SetEnvironmentVariable("CRMCX_WEBRESOURCES", Path.Combine(Root, "WebResources", "dist"));

        var load = Commands.DemoCommand.Load(new DemoSize(4, 200, 11), TextWriter.Null, TextWriter.Null, interactive: false);
        await using var server = await PanelServer.StartAsync(load.Org, 0, default);
        var account = load.Org.Snapshot(CustomerSchema.Account).Single(a => a.GetAttributeValue<string>(CustomerSchema.AccountName) == NameBank.StoryAccount);
        var url = $"{server.BaseUrl}/account/{account.Id}";

        var dom = await Task.Run(() => Chromium(url, "--dump-dom"));
        Assert.Contains("data-ready=\"true\"", dom);
        var panel = dom[dom.IndexOf("<pre id=\"panel-text\"", StringComparison.Ordinal)..];
        // The story journey's name and its decline reason come from the org, through the fake Xrm, into the panel.
        Assert.Contains("Onboarding – Harbor Point Logistics", panel);
        Assert.Contains("Satisfaction fell from", panel);
        // The NPS figures the plugins computed, as the panel formats them (English user).
        var invariant = System.Globalization.CultureInfo.InvariantCulture;
        // The panel shows at most one decimal and drops a trailing zero (a margin of 34.0 reads "± 34 points").
        Assert.Contains($"± {account.GetAttributeValue<decimal>(CustomerSchema.NpsMargin).ToString("0.#", invariant)} points", panel);
        Assert.Contains($"{account.GetAttributeValue<int>(CustomerSchema.NpsResponses).ToString(invariant)} responses", panel);
        Assert.Contains($"Promoters: {account.GetAttributeValue<int>(CustomerSchema.Promoters).ToString(invariant)} (", panel);
        // The NPS window as the cx_Settings environment variable names it (365 days when the demo org has no value).
        Assert.Matches(@"Over the last (\d+ months|[\d,]+ days|day)\n", panel);

        var artifacts = Path.Combine(Root, "artifacts");
        Directory.CreateDirectory(artifacts);
        var screenshot = Path.Combine(artifacts, "panel-serve.png");
        File.Delete(screenshot);
        await Task.Run(() => Chromium(url, $"--screenshot=\"{screenshot}\"", "--window-size=1280,900"));
        Assert.True(File.Exists(screenshot), "Chromium wrote the screenshot.");
        Assert.True(new FileInfo(screenshot).Length > 20_000, "The screenshot shows a rendered page, not a blank one.");
    }

    private static string Chromium(string url, params string[] options)
    {
        var profile = Path.Combine(Path.GetTempPath(), "crmcx-chromium-" + Guid.NewGuid().ToString("N"));
        try
        {
            // The flags keep a headless Chromium from calling home on a closed network (see shared build notes).
            var args = string.Join(' ', new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", $"--user-data-dir=\"{profile}\"", "--virtual-time-budget=20000",
            }.Concat(options).Append($"\"{url}\""));
            return Run("/usr/bin/chromium", args, TimeSpan.FromMinutes(2));
        }
        finally
        {
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static string Run(string file, string args, TimeSpan timeout)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {args} did not finish within {timeout}.");
        }
        Assert.True(process.ExitCode == 0, $"{file} {args} exited with {process.ExitCode}:\n{stderr.Result}");
        return stdout.Result;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CrmCx.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("The tests run from inside the repository.");
    }
}
