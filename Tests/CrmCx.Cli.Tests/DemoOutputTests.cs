using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using CrmCx.Cli.Commands;
using CrmCx.Cli.Seeding;
using Xunit;

namespace CrmCx.Cli.Tests;

/// <summary>Runs the small demo once for the tests that only read its output.</summary>
public sealed class SmallDemo : IAsyncLifetime
{
    public static readonly string[] Args = { "demo", "--accounts", "4", "--responses", "200", "--seed", "11" };

    internal CliRun Run { get; private set; } = new(-1, "", "");

    public async Task InitializeAsync() => Run = await CliRun.Of(Args);

    public Task DisposeAsync() => Task.CompletedTask;
}

public sealed class DemoOutputTests(SmallDemo demo) : IClassFixture<SmallDemo>
{
    [Fact]
    public void The_demo_with_a_small_seed_prints_a_scorecard_with_a_high_risk_onboarding_journey_whose_reasons_include_the_falling_satisfaction_rule()
    {
        var output = demo.Run.Stdout;
        Assert.Equal(CliApplication.Ok, demo.Run.ExitCode);
        Assert.Contains("NPS scorecard as of 2026-11-20 09:00 UTC", output);
        Assert.Matches(new Regex(@"^Harbor Point Logistics\s+[+-]?\d+\.\d ± \d+\.\d\s+[+-]?\d+\.\d\s+(significant|within noise)\s+\d+\s+High\s+[1-9]", RegexOptions.Multiline), output);

        var lines = output.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        var story = lines.FindIndex(l => Regex.IsMatch(l, @"^\s*\d+\. Onboarding – Harbor Point Logistics\s+\[High, risk \d+/100\]"));
        Assert.True(story >= 0, "The onboarding story is listed among the top at-risk journeys at High risk.\n" + output);
        var details = lines.Skip(story + 1).TakeWhile(l => l.StartsWith("      ", StringComparison.Ordinal)).ToList();
        Assert.Matches(@"^      stages: Order \d+ > Welcome \d+ > Installation \d+ > Activation \d+ > First invoice \d+ > Adoption \d+$", details[0]);
        var reasons = details.Where(l => l.StartsWith("      - ", StringComparison.Ordinal)).ToList();
        Assert.Contains(reasons, r => Regex.IsMatch(r, @"Satisfaction fell from \d+ at Order to \d+ at Adoption \(−\d+ %\)"));
    }

    [Fact]
    public async Task The_same_seed_prints_the_same_output()
    {
        var again = await CliRun.Of(SmallDemo.Args);
        Assert.Equal(demo.Run.Stdout, again.Stdout);
    }

    [Fact]
    public async Task Another_seed_prints_another_data_set()
    {
        var other = await CliRun.Of("demo", "--accounts", "4", "--responses", "200", "--seed", "12");
        Assert.NotEqual(demo.Run.Stdout, other.Stdout);
    }

    [Fact]
    public void The_daily_recalculation_keeps_every_figure_true_at_the_demo_clock()
    {
        var output = demo.Run.Stdout;
        Assert.Matches(@"\d+ daily runs of cx_Recalculate \(due, \d+ calls\): \d+ rows recomputed as time passed", output);
        Assert.Contains("against a fresh computation over the rows: all true", output);
        Assert.Matches(@"(\d+) of \1 accounts and contacts true; (\d+) of \2 open journeys past their expected duration flagged", output);
    }

    [Fact]
    public void A_failing_row_is_reported_with_its_record_step_and_message_and_counted_at_the_end()
    {
        var output = demo.Run.Stdout;
        Assert.Matches(@"! CreateMultiple of \d+ responses refused as a whole: cx_score must be a whole number from 0 to 10; got 11", output);
        Assert.Contains("! Refused: cx_surveyresponse SurveyHub:SH-BAD-1", output);
        var at = output.IndexOf("SH-BAD-1", StringComparison.Ordinal);
        var block = output.Substring(at, Math.Min(600, output.Length - at));
        Assert.Matches(@"step:\s+CrmCx NPS: .+PreOperation", block);
        Assert.Contains("message: cx_score must be a whole number from 0 to 10; got 11", block);
        Assert.Contains("SH-BAD-2", output);
        Assert.Contains("3 failures (listed above as they happened); everything else loaded", output);
    }

    [Fact]
    public void Progress_goes_to_the_error_stream_and_stays_out_of_the_scorecard()
    {
        Assert.Contains("Loading 2026-", demo.Run.Stderr);
        Assert.DoesNotContain("[####", demo.Run.Stdout);
    }
}

public sealed class DemoLoadTests
{
    [Fact]
    public void Every_good_row_is_stored_when_bad_rows_are_refused()
    {
        var size = new DemoSize(3, 150, 5);
        var plan = DemoPlanner.Plan(size);
        var load = DemoCommand.Load(size, TextWriter.Null, TextWriter.Null, interactive: false);

        var planned = plan.Responses.Count + plan.Journeys.Sum(j => j.Responses.Count);
        var bad = plan.Responses.Count(r => r.Flaw is not null);
        Assert.Equal(3, bad);
        Assert.Equal(bad, load.Failures.Count);
        Assert.Equal(planned - bad, load.Org.Snapshot(Schema.SurveyResponseSchema.EntityName).Count);
        Assert.Equal(DemoSize.Now, load.Org.Clock.UtcNow);
    }

    [Fact]
    public void Responses_are_ingested_with_both_Upsert_and_CreateMultiple_and_a_redelivery_creates_no_duplicate()
    {
        var size = new DemoSize(2, 600, 3);
        var load = DemoCommand.Load(size, TextWriter.Null, TextWriter.Null, interactive: false);

        Assert.True(load.CreateMultipleRequests > 0);
        Assert.True(load.UpsertRequests > 0);
        var rows = load.Org.Snapshot(Schema.SurveyResponseSchema.EntityName);
        var keys = rows.Select(r => (r.GetAttributeValue<string>("cx_source"), r.GetAttributeValue<string>("cx_externalid"))).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.True(load.RedeliveredWithoutDuplicate > 0);
    }
}
