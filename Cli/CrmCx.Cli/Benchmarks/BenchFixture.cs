using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Cli.Seeding;
using CrmCx.Dataverse.InMemory;
using CrmCx.Domain.Choices;
using CrmCx.Domain.Nps;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Cli.Benchmarks;

/// <summary>
/// A fresh org with the CrmCx model and plugins, customers, and history or a journey of a given size. Large setups are
/// seeded straight into the store (org.Seed: no plugins, no calls), as an import with plugins off would load them;
/// the first, unmeasured operation of each scenario then runs the rollups over them.
/// </summary>
internal sealed class BenchFixture
{
    private readonly Random random = new(7);
    private int external;
    private readonly CrmCx.Journeys.JourneyLinkService linking;

    public BenchFixture(int customers)
    {
        Org = DemoOrganization.Create(DemoSize.Now.AddDays(-400));
        Service = Org.GetService();
        linking = new CrmCx.Journeys.JourneyLinkService(Service);
        for (var i = 0; i < customers; i++)
        {
            var account = Org.Seed(new Entity(CustomerSchema.Account) { [CustomerSchema.AccountName] = $"Bench account {i}" });
            Accounts.Add(account);
            Contacts.Add(Org.Seed(new Entity(CustomerSchema.Contact)
            {
                ["lastname"] = $"Bench contact {i}",
                [CustomerSchema.ParentCustomer] = new EntityReference(CustomerSchema.Account, account),
            }));
        }
    }

    public InMemoryOrganization Org { get; }

    public IOrganizationService Service { get; }

    public List<Guid> Accounts { get; } = new();

    public List<Guid> Contacts { get; } = new();

    /// <summary>A response of customer <paramref name="i"/> (its contact; the validation step fills the account); random score unless given.</summary>
    public Entity Response(int i, DateTime respondedOn, int? score = null, Guid? journey = null, int? stage = null)
    {
        var entity = new Entity(SurveyResponseSchema.EntityName);
        entity[SurveyResponseSchema.Source] = "Bench";
        entity[SurveyResponseSchema.ExternalId] = "B-" + (++external).ToString(System.Globalization.CultureInfo.InvariantCulture);
        entity[SurveyResponseSchema.Contact] = new EntityReference(CustomerSchema.Contact, Contacts[i]);
        entity[SurveyResponseSchema.Score] = score ?? random.Next(11);
        entity[SurveyResponseSchema.Csat] = 1 + random.Next(5);
        entity[SurveyResponseSchema.RespondedOn] = respondedOn;
        if (journey is { } j)
        {
            entity[SurveyResponseSchema.Journey] = new EntityReference(JourneySchema.EntityName, j);
            if (stage is { } s) entity[SurveyResponseSchema.JourneyStage] = new OptionSetValue(s);
        }
        return entity;
    }

    /// <summary>
    /// Seeds <paramref name="count"/> earlier responses of customer 0 (contact and account, as the validation step would
    /// have filled them) spread over the past two years, without plugins or calls.
    /// </summary>
    public void History(int count)
    {
        // The import ran a while before the measured responses (longer than the two minutes a request can take), as a
        // migration does: its rows are not taken for rows of the measured requests.
        Org.Clock.Set(DemoSize.Now.AddMinutes(-10));
        var contact = new EntityReference(CustomerSchema.Contact, Contacts[0]);
        var account = new EntityReference(CustomerSchema.Account, Accounts[0]);
        for (var done = 0; done < count; done++)
        {
            var score = random.Next(11);
            Org.Seed(new Entity(SurveyResponseSchema.EntityName)
            {
                [SurveyResponseSchema.Name] = "Bench history " + done.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [SurveyResponseSchema.Source] = "BenchHistory",
                [SurveyResponseSchema.ExternalId] = "H-" + done.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [SurveyResponseSchema.Contact] = contact,
                [SurveyResponseSchema.Account] = account,
                [SurveyResponseSchema.Score] = score,
                [SurveyResponseSchema.NpsCategory] = new OptionSetValue((int)NpsCategories.FromScore(score)),
                [SurveyResponseSchema.Csat] = 1 + random.Next(5),
                [SurveyResponseSchema.RespondedOn] = DemoSize.Now.AddDays(-720 * (done + 1.0) / (count + 1)),
            });
        }
        Org.Clock.Set(DemoSize.Now);
    }

    /// <summary>
    /// An onboarding journey of customer 0 with <paramref name="touchpoints"/> linked phone calls spread over its stages
    /// (seeded) and one response at each of its stages (through the pipeline; scores falling from 10 to 5); its rollups run once.
    /// </summary>
    public Guid Journey(int touchpoints)
    {
        Org.Clock.Set(DemoSize.Now.AddDays(-80));
        var journey = Service.Create(new Entity(JourneySchema.EntityName)
        {
            [JourneySchema.Name] = "Bench onboarding",
            [JourneySchema.JourneyType] = new OptionSetValue((int)JourneyType.Onboarding),
            [JourneySchema.Account] = new EntityReference(CustomerSchema.Account, Accounts[0]),
            [JourneySchema.Contact] = new EntityReference(CustomerSchema.Contact, Contacts[0]),
            [JourneySchema.StartedOn] = DemoSize.Now.AddDays(-80),
        });
        var stages = JourneyStages.Of(JourneyType.Onboarding);
        for (var t = 0; t < touchpoints; t++)
            Org.Seed(Touchpoint(journey, stages[Math.Min(stages.Count - 1, t * stages.Count / Math.Max(1, touchpoints))].Value));
        // One response at every stage, whatever the size: every journey has a row per stage, the size is its touchpoints.
        for (var s = 0; s < stages.Count; s++)
            Service.Create(Response(0, Org.Clock.UtcNow, score: 10 - s, journey: journey, stage: stages[s].Value));
        Org.Clock.Set(DemoSize.Now);
        Org.DrainAsyncQueue();
        return journey;
    }

    /// <summary>One touchpoint as the demo writes it: a phone call regarding the account, linked by the plugins' JourneyLinkService.</summary>
    public EntityReference LinkCall(int stage)
    {
        var call = Service.Create(new Entity("phonecall")
        {
            ["subject"] = "Bench call",
            ["regardingobjectid"] = new EntityReference(CustomerSchema.Account, Accounts[0]),
        });
        var reference = new EntityReference("phonecall", call);
        linking.Link(reference, (int)JourneyType.Onboarding, stage, createIfMissing: true, Org.Clock.UtcNow);
        return reference;
    }

    /// <summary>A phone call linked to the journey at a stage.</summary>
    public Entity Touchpoint(Guid journey, int stage) => new("phonecall")
    {
        ["subject"] = "Bench call",
        ["regardingobjectid"] = new EntityReference(CustomerSchema.Account, Accounts[0]),
        [TouchpointSchema.Journey] = new EntityReference(JourneySchema.EntityName, journey),
        [TouchpointSchema.JourneyStage] = new OptionSetValue(stage),
    };

    /// <summary>
    /// Deletes a record an operation created, and the follow-up tasks regarding it, and runs the rollups this causes
    /// (outside any measurement), so the next operation starts from the same history, journey and open tasks.
    /// </summary>
    /// <returns>How many follow-up tasks regarding the record there were.</returns>
    public int Remove(EntityReference record)
    {
        Org.DrainAsyncQueue();
        var tasks = Org.Snapshot("task").Where(t => t.GetAttributeValue<EntityReference>("regardingobjectid")?.Id == record.Id).ToList();
        foreach (var task in tasks) Service.Delete("task", task.Id);
        Service.Delete(record.LogicalName, record.Id);
        Org.DrainAsyncQueue();
        return tasks.Count;
    }
}
