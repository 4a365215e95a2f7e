using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using CrmCx.Cli.Output;
using CrmCx.Cli.Seeding;
using CrmCx.Domain.Choices;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace CrmCx.Cli.Benchmarks;

/// <summary>Sizes of one bench run: the issues' sizes by default, small ones for smoke tests.</summary>
public sealed record BenchSizes(int[] Histories, int[] JourneySizes, int BulkResponses, int BulkCustomers, int Repeats)
{
    /// <summary>History 10 / 1,000 / 5,000; journeys of 5 / 500 touchpoints; CreateMultiple of 1,000 over 100 customers.</summary>
    public static readonly BenchSizes Full = new(new[] { 10, 1000, 5000 }, new[] { 5, 500 }, 1000, 100, 20);

    /// <summary>Small sizes that run in seconds.</summary>
    public static readonly BenchSizes Quick = new(new[] { 10, 100 }, new[] { 5, 50 }, 200, 20, 5);
}

/// <summary>One line of the bench table.</summary>
public sealed record BenchRow(string Scenario, string Size, double CallsPerOp, double MillisecondsPerOp, double BytesPerOp, string Notes);

/// <summary>
/// The benchmark scenarios of the NPS and journeys issues, measured with Stopwatch, org.Calls and the allocation counter
/// of the running thread (the org runs plugins and drained async jobs on the caller's thread, and other threads' garbage
/// must not count). An operation includes the asynchronous rollups it causes (the queue is drained inside the
/// measurement), because that is the cost Dataverse pays for it. Figures are printed, never asserted.
/// </summary>
public static class BenchSuite
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Runs every scenario; <paramref name="progress"/> hears which one runs.</summary>
    public static IReadOnlyList<BenchRow> Run(BenchSizes sizes, TextWriter progress)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(progress);
        var rows = new List<BenchRow>();
        foreach (var history in sizes.Histories)
        {
            progress.WriteLine($"bench: responses with {history:N0} earlier responses of the customer");
            var fixture = new BenchFixture(1);
            fixture.History(history);
            var date = DemoSize.Now.AddHours(-1);
            rows.Add(Measure("Create 1 response (+ async rollup)", $"history {history:N0}", sizes.Repeats, fixture, () => fixture.Service.Create(fixture.Response(0, date)), ""));
            rows.Add(Measure("Upsert 1 response by alternate key", $"history {history:N0}", sizes.Repeats, fixture,
                () => fixture.Service.Execute(new UpsertRequest { Target = fixture.Response(0, date, keyed: true) }), ""));
        }
        foreach (var size in sizes.JourneySizes)
        {
            progress.WriteLine($"bench: touchpoint links on a journey of {size:N0} touchpoints");
            var fixture = new BenchFixture(1);
            fixture.Journey(size);
            var last = JourneyStages.Of(JourneyType.Onboarding)[^1].Value;
            rows.Add(Measure("Link 1 touchpoint to a journey (+ async recompute)", $"journey {size:N0}", sizes.Repeats, fixture,
                () => fixture.LinkCall(last), "create + JourneyLinkService.Link"));
        }
        progress.WriteLine($"bench: CreateMultiple of {sizes.BulkResponses:N0} responses over {sizes.BulkCustomers:N0} customers");
        rows.Add(Bulk(sizes));
        return rows;
    }

    /// <summary>Writes the one table.</summary>
    public static void Write(TextWriter writer, IReadOnlyList<BenchRow> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        var table = new TextTable(("Scenario", false), ("Size", false), ("Calls/op", true), ("Time/op", true), ("Allocated/op", true), ("Notes", false));
        foreach (var row in rows)
        {
            table.Add(row.Scenario, row.Size, row.CallsPerOp.ToString("0.0", Invariant), Time(row.MillisecondsPerOp), Bytes(row.BytesPerOp), row.Notes);
        }
        table.WriteTo(writer);
    }

    private static BenchRow Measure(string scenario, string size, int repeats, BenchFixture fixture, Action operation, string notes)
    {
        // One warm-up so JIT and first-use caches do not land in the figures.
        operation();
        fixture.Org.DrainAsyncQueue();
        fixture.Org.Calls.Reset();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < repeats; i++)
        {
            operation();
            fixture.Org.DrainAsyncQueue();
        }
        watch.Stop();
        var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        return new BenchRow(scenario, size, fixture.Org.Calls.Total / (double)repeats, watch.Elapsed.TotalMilliseconds / repeats, bytes / (double)repeats, notes);
    }

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
            var customer = random.Next(sizes.BulkCustomers);
            touched.Add(customer);
            targets.Entities.Add(fixture.Response(customer, start.AddDays(-random.Next(300)).AddMinutes(-5)));
        }
        // Each touched contact's account is affected too: contacts and accounts are separate customers.
        var affected = touched.Count * 2;
        fixture.Org.Clock.Advance(TimeSpan.FromMinutes(1));
        var stamp = fixture.Org.Clock.UtcNow;
        fixture.Org.Calls.Reset();
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();
        fixture.Service.Execute(new CreateMultipleRequest { Targets = targets });
        var jobs = fixture.Org.DrainAsyncQueue();
        watch.Stop();
        var bytes = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var recomputed = fixture.Org.Snapshot(CustomerSchema.Account).Concat(fixture.Org.Snapshot(CustomerSchema.Contact))
            .Count(c => c.GetAttributeValue<DateTime?>(CustomerSchema.NpsUpdatedOn) is { } on && on >= stamp);
        var perSecond = sizes.BulkResponses / Math.Max(watch.Elapsed.TotalSeconds, 1e-9);
        return new BenchRow($"CreateMultiple {sizes.BulkResponses:N0} responses (+ async rollups)", $"{sizes.BulkCustomers:N0} contacts",
            fixture.Org.Calls.Total, watch.Elapsed.TotalMilliseconds, bytes,
            string.Format(Invariant, "{0:N0} responses/s; {1:N0} async jobs; {2:N0} customers recomputed of {3:N0} affected; {4:0.0} calls per affected customer",
                perSecond, jobs, recomputed, affected, fixture.Org.Calls.Total / (double)affected));
    }

    private static string Time(double ms) => ms >= 1000 ? (ms / 1000).ToString("0.00", Invariant) + " s" : ms.ToString("0.00", Invariant) + " ms";

    private static string Bytes(double bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024 * 1024)).ToString("0.0", Invariant) + " MB"
        : (bytes / 1024).ToString("0.0", Invariant) + " KB";
}
