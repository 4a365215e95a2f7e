using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using CrmCx.Cli.Output;
using CrmCx.Cli.Recalculation;
using CrmCx.Dataverse.InMemory;
using CrmCx.Dataverse.InMemory.Diagnostics;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Cli.Seeding;

/// <summary>What a load did: the org it filled and what the integration saw.</summary>
public sealed record DemoLoad(
    InMemoryOrganization Org,
    DemoSize Size,
    int ResponsesDelivered,
    int UpsertRequests,
    int CreateMultipleRequests,
    int RedeliveredWithoutDuplicate,
    int Touchpoints,
    int JourneysStarted,
    int AsyncJobsRun,
    IReadOnlyList<LoadFailure> Failures,
    RecalculationTotals Recalculations,
    int RecalculationDays);

/// <summary>
/// Plays the plan on the org in time order, moving the org clock with it: accounts and contacts first, then two years of
/// weekly survey batches (CreateMultiple), live answers and redeliveries (Upsert), journeys and their touchpoints; the
/// async queue drains at each month end, as the asynchronous service would have run them by then.
/// </summary>
internal sealed class DemoLoader
{
    private const int BatchSize = 250;
    private static readonly TimeSpan LiveWindow = TimeSpan.FromDays(30);

    private readonly InMemoryOrganization org;
    private readonly DemoPlan plan;
    private readonly ProgressLine progress;
    private readonly IOrganizationService service;
    private readonly FailureProbe probe;
    private readonly ResponseFeed feed;
    private readonly JourneyLinker linker;
    private readonly List<Guid> managers = new();
    private readonly List<Guid> agents = new();
    private readonly List<Guid> technicians = new();
    private int jobsSeen;
    private int asyncJobsRun;
    private DateTime? lastRecalculation;
    private int recalculationDays, recalculationCalls, recalculationProcessed, recalculationChanged;
    private int responsesDone;
    private int journeysStarted;
    private int touchpoints;

    public DemoLoader(InMemoryOrganization org, DemoPlan plan, ProgressLine progress, Action<LoadFailure> onFailure, Action<int, string> onBatchRefused)
    {
        this.org = org;
        this.plan = plan;
        this.progress = progress;
        service = org.GetService();
        probe = new FailureProbe(org);
        feed = new ResponseFeed(service, probe, r => ResponseFeed.Describe(r, plan.Accounts[r.AccountIndex].Name));
        feed.Refused += onFailure;
        feed.BatchRefused += onBatchRefused;
        linker = new JourneyLinker(service);
    }

    /// <summary>Runs the whole load and returns its outcome; the org clock ends at <see cref="DemoSize.Now"/>.</summary>
    public DemoLoad Run(System.Threading.CancellationToken cancel = default)
    {
        SeedCustomers();
        var events = Timeline();
        var totalResponses = plan.Responses.Count + plan.Journeys.Sum(j => j.Responses.Count);
        var month = -1;
        foreach (var (at, _, run) in events)
        {
            var monthOf = at.Year * 12 + at.Month;
            if (monthOf != month)
            {
                if (month >= 0) Drain();
                month = monthOf;
                progress.Report(at, responsesDone, totalResponses, journeysStarted, plan.Journeys.Count, asyncJobsRun);
            }
            cancel.ThrowIfCancellationRequested();
            RecalculateDaysBefore(at);
            MoveClock(at);
            run();
        }
        RecalculateDaysBefore(DemoSize.Now);
        MoveClock(DemoSize.Now);
        Drain();
        // The flow run at the demo's clock (as an admin runs it by hand before a review), so the check below is of now.
        RecalculateAt(DemoSize.Now);
        progress.Report(DemoSize.Now, responsesDone, totalResponses, journeysStarted, plan.Journeys.Count, asyncJobsRun);
        progress.Done();
        return new DemoLoad(org, plan.Size, feed.Delivered, feed.Upserts, feed.Batches, feed.RedeliveredWithoutDuplicate, touchpoints,
            journeysStarted, asyncJobsRun, feed.Failures, new RecalculationTotals(recalculationCalls, recalculationProcessed, recalculationChanged), recalculationDays);
    }

    private void SeedCustomers()
    {
        MoveClock(DemoSize.HistoryStart.AddDays(-1));
        foreach (var name in NameBank.AccountManagers) managers.Add(org.CreateUser(name));
        foreach (var name in NameBank.ServiceAgents) agents.Add(org.CreateUser(name));
        // The field teams are business units of their own, with fixed ids so that a seed gives the same org.
        var teams = NameBank.FieldTeams.Select((name, i) => org.Seed(new Entity("businessunit", new Guid(0x7ea30000 + i, 0, 0, new byte[8]))
        {
            ["name"] = name,
            ["parentbusinessunitid"] = new EntityReference("businessunit", org.BusinessUnitId),
        })).ToList();
        for (var i = 0; i < NameBank.Technicians.Length; i++)
        {
            var parts = NameBank.Technicians[i].Split(' ', 2);
            technicians.Add(org.Seed(new Entity("systemuser", new Guid(0x7ec40000 + i, 0, 0, new byte[8]))
            {
                ["fullname"] = NameBank.Technicians[i],
                ["firstname"] = parts[0],
                ["lastname"] = parts[1],
                ["businessunitid"] = new EntityReference("businessunit", teams[NameBank.TechnicianTeam[i]]),
            }));
        }
        foreach (var account in plan.Accounts)
        {
            service.Create(new Entity(CustomerSchema.Account, account.Id)
            {
                [CustomerSchema.AccountName] = account.Name,
                ["address1_city"] = account.City,
                [CustomerSchema.Owner] = new EntityReference("systemuser", managers[account.ManagerIndex]),
            });
        }
        foreach (var contact in plan.Contacts)
        {
            var account = plan.Accounts[contact.AccountIndex];
            service.Create(new Entity(CustomerSchema.Contact, contact.Id)
            {
                ["firstname"] = contact.FirstName,
                ["lastname"] = contact.LastName,
                [CustomerSchema.ContactFullName] = $"{contact.FirstName} {contact.LastName}",
                [CustomerSchema.ParentCustomer] = new EntityReference(CustomerSchema.Account, account.Id),
                [CustomerSchema.Owner] = new EntityReference("systemuser", managers[account.ManagerIndex]),
            });
        }
    }

    /// <summary>Every write of the load, in time order (ties keep the order they were planned in).</summary>
    private List<(DateTime At, int Seq, Action Run)> Timeline()
    {
        var events = new List<(DateTime At, int Seq, Action Run)>();
        void Add(DateTime at, Action run) => events.Add((at, events.Count, run));

        var liveFrom = DemoSize.Now - LiveWindow;
        var weeks = plan.Responses.Where(r => r.RespondedOn < liveFrom)
            .GroupBy(r => (int)((r.RespondedOn - DemoSize.HistoryStart).TotalDays / 7));
        foreach (var week in weeks)
        {
            // The survey tool's weekly sync runs an hour after each week closes and sends the week's answers in batches.
            var at = DemoSize.HistoryStart.AddDays((week.Key + 1) * 7).AddHours(1);
            foreach (var chunk in week.Chunk(BatchSize)) Add(at, () => SendBatch(chunk));
        }
        var live = 0;
        foreach (var response in plan.Responses.Where(r => r.RespondedOn >= liveFrom))
        {
            var r = response;
            Add(Min(r.RespondedOn.AddMinutes(5), DemoSize.Now), () => SendLive(r, redelivery: false));
            // A webhook that times out is delivered again; the alternate key makes the retry harmless.
            if (++live % 10 == 0 && r.Flaw is null) Add(Min(r.RespondedOn.AddHours(2), DemoSize.Now), () => SendLive(r, redelivery: true));
        }
        foreach (var journey in plan.Journeys)
        {
            var j = journey;
            Add(j.StartedOn, () => StartJourney(j));
            foreach (var touchpoint in j.Touchpoints)
            {
                var t = touchpoint;
                Add(t.At, () => Touch(j, t));
            }
            foreach (var response in j.Responses)
            {
                var r = response;
                Add(Min(r.RespondedOn.AddMinutes(10), DemoSize.Now), () => SendLive(r, redelivery: false));
            }
            if (j.CompletedOn is { } completed) Add(completed, () => Complete(j, completed));
        }
        events.Sort((a, b) => a.At != b.At ? a.At.CompareTo(b.At) : a.Seq.CompareTo(b.Seq));
        return events;
    }

    private Entity ToEntity(PlannedResponse response, bool keyed) => ResponseFeed.ToEntity(response, keyed,
        a => plan.Accounts[a].Id, c => plan.Contacts[c].Id, j => plan.Journeys[j].Id);

    private void SendBatch(PlannedResponse[] chunk)
    {
        feed.CreateMultiple(chunk.Select(r => (r, ToEntity(r, keyed: false), (Func<Entity>)(() => ToEntity(r, keyed: true)))).ToList());
        responsesDone += chunk.Length;
    }

    private void SendLive(PlannedResponse response, bool redelivery)
    {
        feed.Upsert(response, ToEntity(response, keyed: true), redelivery);
        if (!redelivery) responsesDone++;
    }

    private void StartJourney(PlannedJourney journey)
    {
        var account = plan.Accounts[journey.AccountIndex];
        var owner = journey.IsStory ? agents[0] : agents[journey.AgentIndex];
        Guard($"{JourneySchema.EntityName} {journey.Id} ({account.Name})",
            () => linker.Start(journey, account.Name, account.Id, plan.Contacts[journey.ContactIndex].Id, owner));
        journeysStarted++;
    }

    private void Touch(PlannedJourney journey, PlannedTouchpoint touchpoint)
    {
        var account = plan.Accounts[journey.AccountIndex];
        Guard($"{touchpoint.Table} \"{touchpoint.Subject}\" ({account.Name})", () =>
        {
            var owner = touchpoint.Technician is { } technician ? technicians[technician] : journey.IsStory ? agents[0] : agents[journey.AgentIndex];
            linker.Link(journey, touchpoint, account.Id, plan.Contacts[journey.ContactIndex].Id, owner, org.Clock.UtcNow);
        });
        touchpoints++;
    }

    private void Complete(PlannedJourney journey, DateTime completedOn) =>
        Guard($"{JourneySchema.EntityName} {journey.Id} ({plan.Accounts[journey.AccountIndex].Name})", () => linker.Complete(journey, completedOn));

    private void Guard(string record, Action write)
    {
        probe.Mark();
        try
        {
            write();
        }
        catch (FaultException<OrganizationServiceFault> fault)
        {
            feed.Refuse(probe.Describe(record, fault));
        }
        catch (InvalidPluginExecutionException refusal)
        {
            // The linking service refuses before writing, like the workflow activity would.
            feed.Refuse(new LoadFailure(record, "JourneyLinkService (called by the client)", refusal.Message));
        }
    }

    /// <summary>
    /// The shipped daily flow, once per simulated day at <see cref="RecalculationHour"/> UTC before <paramref name="until"/>:
    /// cx_Recalculate with Scope due, repeated on its continuation.
    /// </summary>
    private void RecalculateDaysBefore(DateTime until)
    {
        var next = lastRecalculation.HasValue ? lastRecalculation.Value.AddDays(1) : DemoSize.HistoryStart.Date.AddHours(RecalculationHour);
        for (; next <= until; next = next.AddDays(1))
        {
            MoveClock(next);
            // By 02:00 the asynchronous service has run the jobs of the day before.
            Drain();
            RecalculateAt(next);
            lastRecalculation = next;
        }
    }

    private void RecalculateAt(DateTime at)
    {
        MoveClock(at);
        var totals = ScheduledRecalculation.Run(service, "due");
        recalculationDays++;
        recalculationCalls += totals.Calls;
        recalculationProcessed += totals.Processed;
        recalculationChanged += totals.Changed;
    }

    /// <summary>The hour (UTC) the daily recalculation flow runs at by default.</summary>
    public const int RecalculationHour = 2;

    private void Drain()
    {
        asyncJobsRun += org.DrainAsyncQueue();
        var jobs = org.SystemJobs;
        for (; jobsSeen < jobs.Count; jobsSeen++)
        {
            if (jobs[jobsSeen].Status == SystemJobStatus.Failed) feed.Refuse(FailureProbe.FromJob(jobs[jobsSeen]));
        }
    }

    private void MoveClock(DateTime at)
    {
        // The org clock only moves forward: events planned at the same instant keep it where it is.
        if (at > org.Clock.UtcNow) org.Clock.Set(at);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
