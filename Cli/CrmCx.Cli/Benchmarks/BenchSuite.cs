using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using CrmCx.Cli.Output;
using CrmCx.Cli.Seeding;
using CrmCx.Dataverse.InMemory.Diagnostics;
using CrmCx.Domain.Choices;
using CrmCx.Domain.Nps;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace CrmCx.Cli.Benchmarks;

/// <summary>Sizes of one bench run: the issues' sizes by default, small ones for smoke tests.</summary>
public sealed record BenchSizes(int[] Histories, int[] JourneySizes, int BulkResponses, int BulkCustomers, int CalculatorResponses, int Repeats,
    int DailyCustomers = 10_000, int RebuildCustomers = 1_000, int RebuildResponses = 100_000, int DriversRawResponses = 10_000, int DriversSummarizedResponses = 1_000_000)
{
    /// <summary>
    /// The issues' sizes: 10 / 1,000 / 100,000 earlier responses; journeys of 5 / 50 / 500 touchpoints; CreateMultiple of
    /// 10,000 responses over 500 customers; the calculator over 1,000,000 responses.
    /// </summary>
    public static readonly BenchSizes Full = new(new[] { 10, 1_000, 100_000 }, new[] { 5, 50, 500 }, 10_000, 500, 1_000_000, 10);

    /// <summary>Small sizes that run in seconds (the tests use them).</summary>
    public static readonly BenchSizes Quick = new(new[] { 10, 100 }, new[] { 5, 50 }, 200, 20, 10_000, 3, 500, 20, 2_000, 1_000, 20_000);

    /// <summary>Repeats for a size: fewer on the big histories, whose operations scan the in-memory table.</summary>
    public int RepeatsFor(int size) => size >= 10_000 ? Math.Max(1, Repeats / 3) : Repeats;
}

/// <summary>
/// One line of the bench table: what one operation (<paramref name="Per"/>) cost on average. Client calls are the caller's
/// own requests, plugin calls those of the plugins the operation set off (synchronous and asynchronous);
/// <paramref name="ByPlugin"/> splits the latter by plugin type.
/// </summary>
public sealed record BenchRow(
    string Scenario, string Size, string Per, double ClientCalls, double PluginCalls, double MillisecondsPerOp, double BytesPerOp,
    string Target, string Notes, IReadOnlyDictionary<string, double> ByPlugin);

/// <summary>
/// The benchmarks of the NPS issue (responses at growing history, a bulk load, the pure calculator) and of the journeys
/// issue (links and responses on journeys of growing size), measured with Stopwatch, org.Calls (split by caller) and the
/// allocation counter of the running thread (the org runs plugins and drained async jobs on the caller's thread). An
/// operation includes the asynchronous rollups it causes (the queue is drained inside the measurement), because that is
/// the cost Dataverse pays for it. Figures are printed, never asserted.
/// </summary>
public static class BenchSuite
{
    /// <summary>The issue's target: plugin calls per survey response.</summary>
    public const int MaxPluginCallsPerResponse = 10;

    /// <summary>The issue's target for the calculator over a million responses.</summary>
    public static readonly TimeSpan CalculatorTarget = TimeSpan.FromSeconds(1);

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>What the NPS aggregate reader traces when Dataverse refuses an aggregate over more than 50,000 rows.</summary>
    private const string AggregateSplitTrace = "Aggregate over more than 50,000 responses";

    /// <summary>Runs every scenario; <paramref name="progress"/> hears which one runs.</summary>
    public static IReadOnlyList<BenchRow> Run(BenchSizes sizes, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(progress);
        var rows = new List<BenchRow>();
        rows.AddRange(Responses(sizes, progress));
        progress.WriteLine($"bench: CreateMultiple of {sizes.BulkResponses:N0} responses over {sizes.BulkCustomers:N0} customers");
        rows.Add(Bulk(sizes));
        progress.WriteLine($"bench: NpsCalculator.FromResponses over {sizes.CalculatorResponses:N0} responses");
        rows.Add(Calculator(sizes.CalculatorResponses));
        rows.AddRange(Journeys(sizes, progress));
        progress.WriteLine($"bench: daily cx_Recalculate over {sizes.DailyCustomers:N0} customers, 1 % due");
        rows.Add(DailyRun(sizes.DailyCustomers));
        progress.WriteLine($"bench: cx_Recalculate all over {sizes.RebuildResponses:N0} responses of {sizes.RebuildCustomers:N0} customers");
        rows.Add(Rebuild(sizes.RebuildCustomers, sizes.RebuildResponses));
        progress.WriteLine($"bench: cx_GetDrivers over {sizes.DriversRawResponses:N0} and {sizes.DriversSummarizedResponses:N0} responses");
        rows.Add(Drivers(sizes.DriversRawResponses, summarizeFromRows: true));
        rows.Add(Drivers(sizes.DriversSummarizedResponses, summarizeFromRows: false));
        return rows;
    }

    /// <summary>The issue's target: plugin calls per due customer of a daily recalculation.</summary>
    public const int MaxCallsPerDueCustomer = 4;

    /// <summary>
    /// A daily run of the shipped flow's API over <paramref name="customers"/> accounts (and as many contacts) of which 1 %
    /// have a response leaving the window since the last run: calls per due customer and in all.
    /// </summary>
    private static BenchRow DailyRun(int customers)
    {
        var fixture = new BenchFixture(customers / 2);
        var now = DemoSize.Now;
        var due = Math.Max(1, customers / 100);
        // Every customer was computed yesterday; the due ones have a detractor that left the window overnight.
        fixture.Org.Clock.Set(now.AddMinutes(-30));
        var all = fixture.Accounts.Select(a => (CustomerSchema.Account, a)).Concat(fixture.Contacts.Select(c => (CustomerSchema.Contact, c))).ToList();
        for (var i = 0; i < all.Count; i++)
        {
            var (table, id) = all[i];
            var isDue = i % (all.Count / due) == 0;
            var column = table == CustomerSchema.Account ? SurveyResponseSchema.Account : SurveyResponseSchema.Contact;
            fixture.Org.Seed(new Entity(SurveyResponseSchema.EntityName)
            {
                [column] = new EntityReference(table, id),
                [SurveyResponseSchema.Score] = isDue ? 0 : 9,
                [SurveyResponseSchema.NpsCategory] = new OptionSetValue(isDue ? 964000002 : 964000000),
                [SurveyResponseSchema.RespondedOn] = isDue ? now.AddDays(-365).AddHours(-3) : now.AddDays(-20),
            });
            // No step runs on account or contact updates: this only sets when each customer is due.
            fixture.Service.Update(new Entity(table, id) { [CustomerSchema.RecalculateOn] = isDue ? now.AddHours(-3) : now.AddDays(11) });
        }
        fixture.Org.Clock.Set(now);
        var service = fixture.Org.GetService();
        fixture.Org.Calls.Reset();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var totals = Recalculation.ScheduledRecalculation.Run(service, "due");
        watch.Stop();
        var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var calls = new CallTally();
        calls.Add(fixture.Org.Calls);
        var row = calls.Row("Recalc: daily due run", $"{all.Count:N0} customers", "run", 1, watch.Elapsed.TotalMilliseconds, bytes);
        var perDue = (row.PluginCalls + row.ClientCalls - totals.Calls) / Math.Max(1, totals.Processed);
        return row with
        {
            Target = $"≤ {MaxCallsPerDueCustomer} calls per due customer: {(perDue <= MaxCallsPerDueCustomer ? "met" : "NOT met")}",
            Notes = string.Format(Invariant, "{0:N0} due of {1:N0}; {2:0.00} plugin calls per due customer; {3:N0} API calls, {4:N0} rows changed; {5}",
                totals.Processed, all.Count, perDue, totals.Calls, totals.Changed, Breakdown(row)),
        };
    }

    /// <summary>cx_Recalculate all after a migration: <paramref name="responses"/> responses of <paramref name="customers"/> contacts imported with plug-ins off.</summary>
    private static BenchRow Rebuild(int customers, int responses)
    {
        var fixture = new BenchFixture(customers);
        var now = DemoSize.Now;
        var random = new Random(17);
        fixture.Org.Clock.Set(now.AddHours(-1));
        for (var i = 0; i < responses; i++)
        {
            var customer = i % customers;
            var score = random.Next(11);
            fixture.Org.Seed(new Entity(SurveyResponseSchema.EntityName)
            {
                [SurveyResponseSchema.Contact] = new EntityReference(CustomerSchema.Contact, fixture.Contacts[customer]),
                [SurveyResponseSchema.Account] = new EntityReference(CustomerSchema.Account, fixture.Accounts[customer]),
                [SurveyResponseSchema.Score] = score,
                [SurveyResponseSchema.NpsCategory] = new OptionSetValue((int)NpsCategories.FromScore(score)),
                [SurveyResponseSchema.RespondedOn] = now.AddMinutes(-random.Next(2 * 365 * 24 * 60)),
            });
        }
        fixture.Org.Clock.Set(now);
        var service = fixture.Org.GetService();
        fixture.Org.Calls.Reset();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var totals = Recalculation.ScheduledRecalculation.Run(service, "all");
        watch.Stop();
        var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var calls = new CallTally();
        calls.Add(fixture.Org.Calls);
        var row = calls.Row("Recalc: all (after a migration)", $"{responses:N0} responses", "run", 1, watch.Elapsed.TotalMilliseconds, bytes);
        var rebuilt = customers * 2;
        return row with
        {
            Target = "calls per customer shown (no target)",
            Notes = string.Format(Invariant, "{0:N0} customers and journeys rebuilt; {1:0.0} plugin calls per customer (one Create per day with responses); {2:N0} API calls; {3}",
                totals.Processed, row.PluginCalls / rebuilt, totals.Calls, Breakdown(row)),
        };
    }

    /// <summary>Owners of the drivers bench: each owns the installation touchpoints of one journey.</summary>
    private const int DriverOwners = 20;

    /// <summary>
    /// One cx_GetDrivers (Dimension owner, the default 365-day window) over <paramref name="responses"/> responses of
    /// the window, a 365th of them today (read raw). The closed days' summaries are either written by the daily run's
    /// summary service from raw responses imported with plug-ins off, or, for the large size, seeded straight into
    /// cx_driverday (seeding a million raw rows and summarizing them takes too long on the in-memory org).
    /// </summary>
    private static BenchRow Drivers(int responses, bool summarizeFromRows)
    {
        var fixture = new BenchFixture(DriverOwners);
        var now = DemoSize.Now;
        var org = fixture.Org;
        const int installation = 964000103;
        var owners = Enumerable.Range(0, DriverOwners).Select(i => org.CreateUser("Bench owner " + i.ToString(Invariant))).ToList();
        var journeys = new List<Guid>();
        org.Clock.Set(now.AddDays(-370));
        for (var i = 0; i < DriverOwners; i++)
        {
            var journey = org.Seed(new Entity(JourneySchema.EntityName)
            {
                [JourneySchema.Name] = "Bench onboarding " + i.ToString(Invariant),
                [JourneySchema.JourneyType] = new OptionSetValue((int)JourneyType.Onboarding),
                [JourneySchema.Account] = new EntityReference(CustomerSchema.Account, fixture.Accounts[i]),
                [JourneySchema.StartedOn] = org.Clock.UtcNow,
            });
            journeys.Add(journey);
            var call = fixture.Touchpoint(journey, installation);
            call["ownerid"] = new EntityReference("systemuser", owners[i]);
            org.Seed(call);
        }
        var random = new Random(23);
        Entity Raw(int i, DateTime on)
        {
            var score = random.Next(11);
            return new Entity(SurveyResponseSchema.EntityName)
            {
                [SurveyResponseSchema.Account] = new EntityReference(CustomerSchema.Account, fixture.Accounts[i % DriverOwners]),
                [SurveyResponseSchema.Journey] = new EntityReference(JourneySchema.EntityName, journeys[i % DriverOwners]),
                [SurveyResponseSchema.JourneyStage] = new OptionSetValue(installation),
                [SurveyResponseSchema.Score] = score,
                [SurveyResponseSchema.NpsCategory] = new OptionSetValue((int)NpsCategories.FromScore(score)),
                [SurveyResponseSchema.RespondedOn] = on,
            };
        }
        var today = responses / 365;
        var closed = responses - today;
        org.Clock.Set(now.AddHours(-1));
        if (summarizeFromRows)
        {
            for (var i = 0; i < closed; i++) org.Seed(Raw(i, now.Date.AddDays(-1 - i % 364).AddHours(1 + i % 20)));
            var summaries = new CrmCx.Drivers.DriverSummaryService(org.GetService());
            for (var d = 1; d <= 364; d++) summaries.SummarizeDay(UtcDay.Of(now.Date.AddDays(-d)));
        }
        else
        {
            for (var d = 1; d <= 364; d++)
            {
                var day = UtcDay.Of(now.Date.AddDays(-d));
                for (var o = 0; o < DriverOwners; o++)
                {
                    var n = closed / 364 / DriverOwners + (d == 1 && o == 0 ? closed - closed / 364 / DriverOwners * 364 * DriverOwners : 0);
                    var row = new Entity(CrmCx.Drivers.DriverDaySchema.EntityName)
                    {
                        [CrmCx.Drivers.DriverDaySchema.Name] = "bench",
                        [CrmCx.Drivers.DriverDaySchema.Key] = new CrmCx.Domain.Drivers.DriverKey(CrmCx.Domain.Drivers.DriverDimension.Owner, owners[o].ToString("D"), (int)JourneyType.Onboarding, null).RowKey(day.Number),
                        [CrmCx.Drivers.DriverDaySchema.Day] = day.Number,
                        [CrmCx.Drivers.DriverDaySchema.Dimension] = "owner",
                        [CrmCx.Drivers.DriverDaySchema.Value] = owners[o].ToString("D"),
                        [CrmCx.Drivers.DriverDaySchema.JourneyType] = (int)JourneyType.Onboarding,
                    };
                    var tally = new CrmCx.Domain.Drivers.DriverTally(n, n * 4 / 10, n * 3 / 10, 0, 0m, 0m);
                    CrmCx.Drivers.DriverSummaryService.SetCounts(row, tally);
                    org.Seed(row);
                }
            }
        }
        for (var i = 0; i < today; i++) org.Seed(Raw(i, now.Date.AddMinutes(1 + i % 500)));
        org.Clock.Set(now);
        var service = org.GetService();
        var request = new OrganizationRequest(CrmCx.Drivers.GetDriversPlugin.MessageName) { [CrmCx.Drivers.GetDriversPlugin.Dimension] = "owner" };
        // A first call reads the settings (kept five minutes) and warms the code: not part of the figures.
        service.Execute(request);
        org.Calls.Reset();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var json = (string)service.Execute(request).Results[CrmCx.Drivers.GetDriversPlugin.Drivers];
        watch.Stop();
        var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var counted = System.Text.Json.JsonDocument.Parse(json).RootElement.EnumerateArray().Sum(e => e.GetProperty("responses").GetInt32());
        var calls = new CallTally();
        calls.Add(org.Calls);
        var row2 = calls.Row("Drivers: cx_GetDrivers, owner", $"{responses:N0} responses", "request", 1, watch.Elapsed.TotalMilliseconds, bytes);
        var summaryRows = org.Snapshot(CrmCx.Drivers.DriverDaySchema.EntityName).Count(r => r.GetAttributeValue<string>(CrmCx.Drivers.DriverDaySchema.Dimension) == "owner" && r.GetAttributeValue<EntityReference>(CrmCx.Drivers.DriverDaySchema.Account) == null);
        return row2 with
        {
            Target = "constant calls; no aggregate over 50,000 rows",
            Notes = string.Format(Invariant, "{0:N0} responses counted ({1:N0} today, read raw); {2:N0} owner summary rows read in 12 aggregates of at most 31 days; {3}; {4}",
                counted, today, summaryRows,
                summarizeFromRows ? "summaries written by the daily run's DriverSummaryService from raw rows" : "summaries seeded straight into cx_driverday (a million raw rows take too long to seed here)",
                Breakdown(row2)),
        };
    }

    /// <summary>Writes the one table and what its columns mean.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<BenchRow> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        var table = new TextTable(("Scenario", false), ("Size", false), ("Per", false), ("Client calls", true), ("Plugin calls", true),
            ("Time", true), ("Allocated", true), ("Target", false), ("Notes", false));
        foreach (var row in rows)
        {
            table.Add(row.Scenario, row.Size, row.Per, Calls(row.ClientCalls), Calls(row.PluginCalls), Time(row.MillisecondsPerOp), Bytes(row.BytesPerOp),
                row.Target, row.Notes);
        }
        table.WriteTo(writer);
        writer.WriteLine();
        writer.WriteLine("Calls, time and allocated bytes are per the unit in \"Per\", averaged over the measured repeats; plugin calls include the");
        writer.WriteLine("asynchronous rollups (drained inside the measurement). History N: N earlier responses of the customer (contact and its");
        writer.WriteLine("account) spread evenly over the past 720 days, so each 365-day window holds half. Each measured record is deleted again");
        writer.WriteLine("outside the figures, so every repeat starts from the same size. Times are the in-memory org's, whose queries scan tables.");
    }

    private static IEnumerable<BenchRow> Responses(BenchSizes sizes, TextWriter progress)
    {
        var promoterRows = new List<BenchRow>();
        var detractorRows = new List<BenchRow>();
        foreach (var history in sizes.Histories)
        {
            progress.WriteLine($"bench: responses with {history:N0} earlier responses of the customer");
            var fixture = new BenchFixture(1);
            fixture.History(history);
            var date = DemoSize.Now.AddHours(-1);
            var size = $"history {history:N0}";
            var repeats = sizes.RepeatsFor(history);
            promoterRows.Add(Measure("NPS: create 1 response, score 8", size, "response", repeats, fixture,
                () => Created(SurveyResponseSchema.EntityName, fixture.Service.Create(fixture.Response(0, date, score: 8)))));
            detractorRows.Add(Measure("NPS: create 1 detractor, score 3", size, "response", repeats, fixture,
                () => Created(SurveyResponseSchema.EntityName, fixture.Service.Create(fixture.Response(0, date, score: 3)))));
        }
        var coldRows = new List<BenchRow>();
        foreach (var history in sizes.Histories)
        {
            // The history is seeded with plugins off, as a data migration writes it: the first rollup builds the
            // customer's day summaries. Measured once, without the warm-up run that the rows above start with.
            progress.WriteLine($"bench: first response after importing {history:N0} responses with plugins off");
            var fixture = new BenchFixture(1);
            fixture.History(history);
            var date = DemoSize.Now.AddHours(-1);
            var row = Measure("NPS: first response after a migration", $"history {history:N0}", "response", 1, fixture,
                () => Created(SurveyResponseSchema.EntityName, fixture.Service.Create(fixture.Response(0, date, score: 8))), warm: false);
            coldRows.Add(row with { Target = "once per customer (builds its day summaries)", Notes = row.Notes + Breakdown(row) });
        }
        return WithResponseTargets(promoterRows, FewestCallsPerResponse).Concat(WithResponseTargets(detractorRows, FewestCallsPerResponse + 1)).Concat(coldRows);
    }

    /// <summary>Issue 16's target: plugin calls per response (one more for a detractor, whose task is a write).</summary>
    public const int FewestCallsPerResponse = 4;

    /// <summary>
    /// Adds the targets: at most 10 plugin calls per response (issue 3), at most <paramref name="fewest"/> (issue 16), the
    /// same at every history size.
    /// </summary>
    private static IEnumerable<BenchRow> WithResponseTargets(List<BenchRow> rows, int fewest)
    {
        foreach (var row in rows)
        {
            var atMost = row.PluginCalls <= MaxPluginCallsPerResponse;
            var target = $"≤ {MaxPluginCallsPerResponse} plugin calls: {(atMost ? "met" : "NOT met")}; ≤ {fewest}: {(row.PluginCalls <= fewest ? "met" : "NOT met")}; {Constant(row, rows[0])}";
            yield return row with { Target = target, Notes = row.Notes + Breakdown(row) };
        }
    }

    private static IEnumerable<BenchRow> Journeys(BenchSizes sizes, TextWriter progress)
    {
        var links = new List<BenchRow>();
        var responses = new List<BenchRow>();
        var last = JourneyStages.Of(JourneyType.Onboarding)[^1].Value;
        foreach (var touchpoints in sizes.JourneySizes)
        {
            progress.WriteLine($"bench: links and responses on a journey of {touchpoints:N0} touchpoints");
            var fixture = new BenchFixture(1);
            var journey = fixture.Journey(touchpoints);
            var size = $"journey {touchpoints:N0}";
            links.Add(Measure("Journey: link 1 touchpoint", size, "link", sizes.Repeats, fixture, () => fixture.LinkCall(last)));
            var date = DemoSize.Now.AddHours(-1);
            responses.Add(Measure("Journey: 1 response on the journey, score 8", size, "response", sizes.Repeats, fixture,
                () => Created(SurveyResponseSchema.EntityName, fixture.Service.Create(fixture.Response(0, date, score: 8, journey: journey, stage: last)))));
        }
        return WithConstantTarget(links, "client: create call + JourneyLinkService.Link; ", row => AtMost("plugin calls", row.PluginCalls, MaxPluginCallsPerLink))
            .Concat(WithConstantTarget(responses, "", row => AtMost("journey plugin calls", JourneyCalls(row), MaxJourneyCallsPerResponse)
                + "; " + AtMost("plugin calls", row.PluginCalls, MaxPluginCallsPerJourneyResponse)));
    }

    // The journeys issue's targets: a touchpoint link, the journey part of a response on a journey and the whole response.
    private const int MaxPluginCallsPerLink = 10, MaxJourneyCallsPerResponse = 7, MaxPluginCallsPerJourneyResponse = 12;

    private static double JourneyCalls(BenchRow row) =>
        row.ByPlugin.Where(p => p.Key.StartsWith("CrmCx.Journeys.", StringComparison.Ordinal)).Sum(p => p.Value);

    private static string AtMost(string what, double calls, int target) => $"≤ {target} {what}: {(calls <= target ? "met" : $"NOT met ({Calls(calls)})")}";

    /// <summary>Adds the target of issue 4: the same calls whatever the journey's size.</summary>
    private static IEnumerable<BenchRow> WithConstantTarget(List<BenchRow> rows, string what, Func<BenchRow, string>? target = null)
    {
        foreach (var row in rows)
            yield return row with { Target = (target == null ? "" : target(row) + "; ") + Constant(row, rows[0]), Notes = row.Notes + what + Breakdown(row) };
    }

    /// <summary>"constant: met" when the row costs the calls of the smallest size, else by how many calls it differs.</summary>
    private static string Constant(BenchRow row, BenchRow smallest)
    {
        var difference = row.ClientCalls + row.PluginCalls - smallest.ClientCalls - smallest.PluginCalls;
        return difference == 0 ? "constant: met" : $"constant: NOT met ({(difference > 0 ? "+" : "")}{Calls(difference)} calls vs {smallest.Size})";
    }

    /// <summary>
    /// Runs the operation once unmeasured (JIT, first-use caches, and the first rollups over seeded rows) unless
    /// <paramref name="warm"/> is false, then <paramref name="repeats"/> times measured. After each run the record it created is removed again, with its
    /// rollups, outside the figures: every measured run starts from the same size and state.
    /// </summary>
    private static BenchRow Measure(string scenario, string size, string per, int repeats, BenchFixture fixture, Func<EntityReference> operation, bool warm = true)
    {
        if (warm) fixture.Remove(operation());
        var calls = new CallTally();
        long bytes = 0;
        var elapsed = TimeSpan.Zero;
        var tasks = 0;
        var splits = 0;
        for (var i = 0; i < repeats; i++)
        {
            var traced = fixture.Org.Traces.Count;
            fixture.Org.Calls.Reset();
            var allocated = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            var created = operation();
            fixture.Org.DrainAsyncQueue();
            watch.Stop();
            bytes += GC.GetAllocatedBytesForCurrentThread() - allocated;
            elapsed += watch.Elapsed;
            calls.Add(fixture.Org.Calls);
            splits += fixture.Org.Traces.Skip(traced).SelectMany(t => t?.Lines ?? Array.Empty<string>()).Count(l => l.Contains(AggregateSplitTrace, StringComparison.Ordinal));
            tasks += fixture.Remove(created);
        }
        var row = calls.Row(scenario, size, per, repeats, elapsed.TotalMilliseconds / repeats, bytes / (double)repeats);
        var notes = "";
        if (tasks > 0) notes += string.Format(Invariant, "{0:0.##} follow-up task opened per {1}; ", tasks / (double)repeats, per);
        if (splits > 0)
            notes += string.Format(Invariant, "{0:0.##} aggregates refused over 50,000 rows (AggregateQueryRecordLimit) and split per {1}; ", splits / (double)repeats, per);
        return row with { Notes = notes };
    }

    private static EntityReference Created(string table, Guid id) => new(table, id);

    private static BenchRow Bulk(BenchSizes sizes)
    {
        var fixture = new BenchFixture(sizes.BulkCustomers);
        fixture.Org.Clock.Set(DemoSize.Now);
        var start = fixture.Org.Clock.UtcNow;
        var random = new Random(11);
        var targets = new EntityCollection { EntityName = SurveyResponseSchema.EntityName };
        var touched = new HashSet<int>();
        for (var i = 0; i < sizes.BulkResponses; i++)
        {
            var customer = i < sizes.BulkCustomers ? i : random.Next(sizes.BulkCustomers);
            touched.Add(customer);
            targets.Entities.Add(fixture.Response(customer, start.AddDays(-random.Next(300)).AddMinutes(-5)));
        }
        // Each contact's account is affected too: contacts and accounts are separate customers.
        var affected = touched.Count * 2;
        fixture.Org.Clock.Advance(TimeSpan.FromMinutes(1));
        var stamp = fixture.Org.Clock.UtcNow;
        fixture.Org.Calls.Reset();
        var calls = new CallTally();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        fixture.Service.Execute(new CreateMultipleRequest { Targets = targets });
        var jobs = fixture.Org.DrainAsyncQueue();
        watch.Stop();
        var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        calls.Add(fixture.Org.Calls);
        var recomputed = fixture.Org.Snapshot(CustomerSchema.Account).Concat(fixture.Org.Snapshot(CustomerSchema.Contact))
            .Count(c => c.GetAttributeValue<DateTime?>(CustomerSchema.NpsUpdatedOn) is { } on && on >= stamp);
        // Each recompute ends in one Update of the customer row: their count says how often customers were recomputed.
        var customerWrites = fixture.Org.Calls.Records.Count(r => r.MessageName == "Update" && r.Caller != "client"
            && (r.Table == CustomerSchema.Account || r.Table == CustomerSchema.Contact));
        var row = calls.Row($"NPS: CreateMultiple {sizes.BulkResponses:N0} responses", $"{sizes.BulkCustomers:N0} contacts", "request", 1,
            watch.Elapsed.TotalMilliseconds, bytes);
        var perResponse = row.PluginCalls / sizes.BulkResponses;
        var perCustomer = customerWrites / (double)affected;
        var judged = new[]
        {
            $"≤ 2 plugin calls per response: {(perResponse <= 2 ? "met" : "NOT met")}",
            $"each customer ≤ 2 recomputes: {(recomputed == affected && perCustomer <= 2 ? "met" : "NOT met")}",
            $"≤ 200 MB: {(bytes <= 200L * 1024 * 1024 ? "met" : "NOT met")}",
        };
        return row with
        {
            Target = string.Join("; ", judged),
            Notes = string.Format(Invariant,
                "{0:0.00} plugin calls per response; {1:0.00} recomputes per affected customer; {2:N0} of {3:N0} affected customers recomputed; {4:N0} responses/s; {5:N0} async jobs; {6}",
                perResponse, perCustomer, recomputed, affected, sizes.BulkResponses / Math.Max(watch.Elapsed.TotalSeconds, 1e-9), jobs, Breakdown(row)),
        };
    }

    private static BenchRow Calculator(int count)
    {
        var random = new Random(13);
        var periods = NpsPeriods.For(DemoSize.Now, 365);
        var responses = new ScoredResponse[count];
        for (var i = 0; i < count; i++) responses[i] = new ScoredResponse(random.Next(11), DemoSize.Now.AddMinutes(-random.Next(2 * 365 * 24 * 60)));
        NpsCalculator.FromResponses(periods, responses.Take(1000)); // JIT
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        var figures = NpsCalculator.FromResponses(periods, responses);
        watch.Stop();
        var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var target = count >= 1_000_000 ? $"< 1 s for 1,000,000: {(watch.Elapsed < CalculatorTarget ? "met" : "NOT met")}" : "< 1 s for 1,000,000 (full run)";
        return new BenchRow("NPS: NpsCalculator.FromResponses", $"{count:N0} responses", "run", 0, 0, watch.Elapsed.TotalMilliseconds, bytes, target,
            string.Format(Invariant, "pure, in memory; {0:0.0} ns per response; NPS {1:0.0} over {2:N0} responses in the window",
                watch.Elapsed.TotalMilliseconds * 1e6 / Math.Max(1, count), figures.Nps, figures.Responses),
            new Dictionary<string, double>());
    }

    /// <summary>Plugin calls by plugin type (short names), e.g. "NpsRollup 6, SurveyResponseValidation 1".</summary>
    private static string Breakdown(BenchRow row) =>
        row.ByPlugin.Count == 0
            ? "no plugin calls"
            : string.Join(", ", row.ByPlugin.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key[(p.Key.LastIndexOf('.') + 1)..]} {Calls(p.Value)}"));

    private static string Calls(double calls) => calls.ToString(calls == Math.Floor(calls) ? "0" : "0.0", Invariant);

    private static string Time(double ms) => ms >= 1000 ? (ms / 1000).ToString("0.00", Invariant) + " s" : ms.ToString("0.00", Invariant) + " ms";

    private static string Bytes(double bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024 * 1024)).ToString("0.0", Invariant) + " MB"
        : (bytes / 1024).ToString("0.0", Invariant) + " KB";

    /// <summary>Calls summed over repeats, by caller.</summary>
    private sealed class CallTally
    {
        private readonly Dictionary<string, int> byCaller = new(StringComparer.Ordinal);

        public void Add(CallCounter counter)
        {
            foreach (var record in counter.Records) byCaller[record.Caller] = byCaller.GetValueOrDefault(record.Caller) + 1;
        }

        public BenchRow Row(string scenario, string size, string per, int repeats, double milliseconds, double bytes)
        {
            var client = byCaller.GetValueOrDefault(CallCounter.Client) / (double)repeats;
            var plugins = byCaller.Where(p => p.Key != CallCounter.Client).ToDictionary(p => p.Key, p => p.Value / (double)repeats, StringComparer.Ordinal);
            return new BenchRow(scenario, size, per, client, plugins.Values.Sum(), milliseconds, bytes, "", "", plugins);
        }
    }
}
