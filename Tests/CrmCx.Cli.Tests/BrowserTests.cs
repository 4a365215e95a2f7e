using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CrmCx.Cli.Seeding;
using CrmCx.Cli.Serving;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCx.Cli.Tests;

/// <summary>
/// A small demo org served for the browser tests, with Chromium's prerequisites installed once. Until the plug-ins
/// write cx_riskreasonsjson (issue 14, built on another branch), the story journey gets the codes of its own reasons
/// written through the organization service, as the plug-in would write them; once the plug-ins write them, their
/// value is kept.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    internal static readonly string Root = BrowserTests.RepositoryRoot();

    internal DemoLoad Load { get; private set; } = null!;

    internal PanelServer Server { get; private set; } = null!;

    internal Entity StoryAccount { get; private set; } = null!;

    internal Entity StoryJourney { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        BrowserTests.Run("bash", $"\"{Path.Combine(Root, "Cli", "CrmCx.Cli", "scripts", "ensure-browser-prereqs.sh")}\"", TimeSpan.FromMinutes(8));
        Environment.SetEnvironmentVariable("CRMCX_WEBRESOURCES", Path.Combine(Root, "WebResources", "dist"));
        Load = Commands.DemoCommand.Load(new DemoSize(4, 200, 11), TextWriter.Null, TextWriter.Null, interactive: false);
        Server = await PanelServer.StartAsync(Load.Org, 0, default);
        StoryAccount = Load.Org.Snapshot(CustomerSchema.Account).Single(a => a.GetAttributeValue<string>(CustomerSchema.AccountName) == NameBank.StoryAccount);
        StoryJourney = Load.Org.Snapshot(JourneySchema.EntityName).Single(j => j.GetAttributeValue<string>(JourneySchema.Name) == "Onboarding – Harbor Point Logistics");
        if (string.IsNullOrEmpty(StoryJourney.GetAttributeValue<string>("cx_riskreasonsjson")))
        {
            var stages = Load.Org.Snapshot(StageScoreSchema.EntityName)
                .Where(s => s.GetAttributeValue<EntityReference>(StageScoreSchema.Journey)?.Id == StoryJourney.Id && s.GetAttributeValue<decimal?>(StageScoreSchema.Score) is not null)
                .OrderBy(s => s.GetAttributeValue<OptionSetValue>(StageScoreSchema.Stage).Value).ToList();
            var (first, last) = (stages.First(), stages.Last());
            decimal Score(Entity s) => Math.Round(s.GetAttributeValue<decimal>(StageScoreSchema.Score));
            var codes = System.Text.Json.JsonSerializer.Serialize(new object[]
            {
                new
                {
                    code = "satisfaction-fell", from = Score(first), to = Score(last),
                    fromStage = first.GetAttributeValue<OptionSetValue>(StageScoreSchema.Stage).Value,
                    toStage = last.GetAttributeValue<OptionSetValue>(StageScoreSchema.Stage).Value,
                    percent = Math.Round((Score(last) - Score(first)) / Score(first) * 100),
                },
                new { code = "repeat-contacts", count = 1, days = 14 },
            });
            Load.Org.GetService().Update(new Entity(JourneySchema.EntityName, StoryJourney.Id) { ["cx_riskreasonsjson"] = codes });
        }
    }

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

/// <summary>
/// crmcx demo --serve in a real browser: Debian's Chromium, headless, no driver (its --dump-dom and --screenshot
/// switches are enough), on the account, contact, journey and case pages in English and French. The screenshot
/// lands in artifacts/panel-serve.png for a person to look at.
/// </summary>
public sealed class BrowserTests(BrowserFixture served) : IClassFixture<BrowserFixture>
{
    private static readonly string Root = BrowserFixture.Root;
    private static readonly System.Globalization.CultureInfo Invariant = System.Globalization.CultureInfo.InvariantCulture;

    [Fact]
    public async Task Chromium_renders_the_account_page_with_the_panel_showing_the_org_figures_and_saves_a_screenshot()
    {
        var account = served.StoryAccount;
        var url = $"{served.Server.BaseUrl}/account/{account.Id}";

        var panel = await PanelText(url);
        // The story journey's name and its decline reason come from the org, through the fake Xrm, into the panel.
        Assert.Contains("Onboarding – Harbor Point Logistics", panel);
        Assert.Contains("Satisfaction fell from", panel);
        // The NPS figures the plugins computed, as the panel formats them (English user).
        // The panel shows at most one decimal and drops a trailing zero (a margin of 34.0 reads "± 34 points").
        Assert.Contains($"± {account.GetAttributeValue<decimal>(CustomerSchema.NpsMargin).ToString("0.#", Invariant)} points", panel);
        Assert.Contains($"{account.GetAttributeValue<int>(CustomerSchema.NpsResponses).ToString(Invariant)} responses", panel);
        Assert.Contains($"Promoters: {account.GetAttributeValue<int>(CustomerSchema.Promoters).ToString(Invariant)} (", panel);
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

    [Theory]
    [InlineData(1033)]
    [InlineData(1036)]
    public async Task Chromium_shows_every_months_response_count_of_the_account_trend_as_the_plugins_wrote_it(int lcid)
    {
        var panel = await PanelText($"{served.Server.BaseUrl}/account/{served.StoryAccount.Id}?lcid={lcid}");
        var history = System.Text.Json.JsonDocument.Parse(served.StoryAccount.GetAttributeValue<string>(CustomerSchema.NpsHistory)).RootElement.EnumerateArray().ToList();
        var months = lcid == 1036
            ? new[] { "janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc." }
            : new[] { "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

        Assert.NotEmpty(history);
        foreach (var month in history.TakeLast(12))
        {
            var key = month.GetProperty("month").GetString()!;
            var label = $"{months[int.Parse(key[5..], Invariant) - 1]} {key[..4]}";
            var n = month.GetProperty("n").GetInt32().ToString(Invariant);
            // The trend's table row: month, NPS, margin, responses, confidence.
            Assert.Matches(new Regex($"{Regex.Escape(label)}\t[^\t\n]*\t[^\t\n]*\t{n}\t"), panel);
        }
    }

    [Fact]
    public async Task Chromium_shows_a_French_reader_the_account_in_French_with_the_reasons_the_plugins_coded_and_French_plurals()
    {
        var account = served.StoryAccount;
        var dom = await Dump($"{served.Server.BaseUrl}/account/{account.Id}?lcid=1036");
        var panel = Section(dom, "panel-text");

        Assert.Contains("Expérience client", panel);
        Assert.Contains($"{account.GetAttributeValue<int>(CustomerSchema.NpsResponses).ToString(Invariant)} réponses", panel);
        Assert.DoesNotMatch(@"(?<![\d\u202f\u00a0 ])1 réponses", panel);
        // The story journey's reasons, from their codes, in French; no English sentence of the plug-ins is left.
        Assert.Contains("La satisfaction est passée de", panel);
        Assert.DoesNotContain("Satisfaction fell", panel);
        Assert.DoesNotContain(" responses", panel);
        Assert.Contains("Parcours à risque élevé", Section(dom, "notification-text"));
        Assert.Contains("La satisfaction est passée de", Section(dom, "notification-text"));
    }

    [Theory]
    [InlineData(1033, "responses", "Latest verbatims")]
    [InlineData(1036, "réponses", "Derniers verbatims")]
    public async Task Chromium_renders_the_contact_page_with_the_contacts_own_figures(int lcid, string responses, string verbatims)
    {
        var contact = served.Load.Org.Snapshot(CustomerSchema.Contact)
            .OrderByDescending(c => c.GetAttributeValue<int?>(CustomerSchema.NpsResponses) ?? 0).First();
        var panel = await PanelText($"{served.Server.BaseUrl}/contact/{contact.Id}?lcid={lcid}");

        Assert.Contains($"{contact.GetAttributeValue<int>(CustomerSchema.NpsResponses).ToString(Invariant)} {responses}", panel);
        Assert.Contains(verbatims, panel);
    }

    [Theory]
    [InlineData(1033, new[] { "Order", "Welcome", "Installation", "Activation", "First invoice", "Adoption" })]
    [InlineData(1036, new[] { "Commande", "Accueil", "Installation", "Activation", "Première facture", "Adoption" })]
    public async Task Chromium_draws_the_journey_page_stage_by_stage_with_the_orgs_touchpoint_and_response_counts(int lcid, string[] stageNames)
    {
        var panel = await PanelText($"{served.Server.BaseUrl}/journey/{served.StoryJourney.Id}?lcid={lcid}");
        var stages = served.Load.Org.Snapshot(StageScoreSchema.EntityName)
            .Where(s => s.GetAttributeValue<EntityReference>(StageScoreSchema.Journey)?.Id == served.StoryJourney.Id).ToList();

        Assert.NotEmpty(stages);
        foreach (var stage in stages)
        {
            var name = stageNames[stage.GetAttributeValue<OptionSetValue>(StageScoreSchema.Stage).Value % 100 - 1];
            var touchpoints = (stage.GetAttributeValue<int?>(StageScoreSchema.TouchpointCount) ?? 0).ToString(Invariant);
            var responses = (stage.GetAttributeValue<int?>(StageScoreSchema.ResponseCount) ?? 0).ToString(Invariant);
            // The stage table's row: stage, satisfaction, touchpoints, responses.
            Assert.Matches(new Regex($"{Regex.Escape(name)}\t[^\t\n]+\t{touchpoints}\t{responses}"), panel);
        }
        Assert.Contains(lcid == 1036 ? "La satisfaction est passée de" : "Satisfaction fell from", panel);
    }

    [Theory]
    [InlineData(1033, "Case stage: ", new[] { "No risk", "Low risk", "Medium risk", "High risk" })]
    [InlineData(1036, "Étape du dossier\u00a0: ", new[] { "Aucun risque", "Risque faible", "Risque moyen", "Risque élevé" })]
    public async Task Chromium_shows_the_case_page_with_its_journey_its_stage_and_the_journeys_risk(int lcid, string stagePrefix, string[] risks)
    {
        // A case of the riskiest journey that has cases.
        var journeys = served.Load.Org.Snapshot(JourneySchema.EntityName).ToDictionary(j => j.Id);
        var incident = served.Load.Org.Snapshot("incident")
            .Where(c => c.GetAttributeValue<EntityReference>(TouchpointSchema.Journey) is { } j && journeys.ContainsKey(j.Id))
            .OrderByDescending(c => journeys[c.GetAttributeValue<EntityReference>(TouchpointSchema.Journey).Id].GetAttributeValue<OptionSetValue>(JourneySchema.RiskLevel)?.Value ?? 0)
            .First();
        var journey = journeys[incident.GetAttributeValue<EntityReference>(TouchpointSchema.Journey).Id];
        var panel = await PanelText($"{served.Server.BaseUrl}/case/{incident.Id}?lcid={lcid}");

        Assert.Contains(journey.GetAttributeValue<string>(JourneySchema.Name), panel);
        Assert.Contains(stagePrefix, panel);
        Assert.Contains(risks[journey.GetAttributeValue<OptionSetValue>(JourneySchema.RiskLevel).Value - 964000000], panel);
    }

    private async Task<string> PanelText(string url) => Section(await Dump(url), "panel-text");

    private static async Task<string> Dump(string url)
    {
        var dom = await Task.Run(() => Chromium(url, "--dump-dom"));
        Assert.Contains("data-ready=\"true\"", dom);
        return dom;
    }

    /// <summary>The text of one of the host page's mirror elements (pre#panel-text, pre#notification-text).</summary>
    private static string Section(string dom, string id)
    {
        var start = dom.IndexOf($"<pre id=\"{id}\"", StringComparison.Ordinal);
        Assert.True(start >= 0, $"{id} is on the page");
        var end = dom.IndexOf("</pre>", start, StringComparison.Ordinal);
        return WebUtility.HtmlDecode(dom[start..end]);
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

    internal static string Run(string file, string args, TimeSpan timeout)
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

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CrmCx.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("The tests run from inside the repository.");
    }
}
