using System;
using System.Collections.Generic;
using CrmCx.Cli.Seeding;
using CrmCx.Dataverse.InMemory;
using CrmCx.Domain.Choices;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace CrmCx.Cli.Benchmarks;

/// <summary>A fresh org with customers, history and journeys of a given size, built through the real pipeline.</summary>
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
            var account = Service.Create(new Entity(CustomerSchema.Account) { [CustomerSchema.AccountName] = $"Bench account {i}" });
            Accounts.Add(account);
            Contacts.Add(Service.Create(new Entity(CustomerSchema.Contact)
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

    /// <summary>A response of customer <paramref name="i"/>, dated within the past year; keyed for Upsert when asked.</summary>
    public Entity Response(int i, DateTime respondedOn, bool keyed = false, Guid? journey = null, int? stage = null)
    {
        var id = "B-" + (++external).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var entity = keyed
            ? new Entity(SurveyResponseSchema.EntityName, new KeyAttributeCollection { { SurveyResponseSchema.Source, "Bench" }, { SurveyResponseSchema.ExternalId, id } })
            : new Entity(SurveyResponseSchema.EntityName);
        entity[SurveyResponseSchema.Source] = "Bench";
        entity[SurveyResponseSchema.ExternalId] = id;
        entity[SurveyResponseSchema.Contact] = new EntityReference(CustomerSchema.Contact, Contacts[i]);
        entity[SurveyResponseSchema.Score] = random.Next(11);
        entity[SurveyResponseSchema.Csat] = 1 + random.Next(5);
        entity[SurveyResponseSchema.RespondedOn] = respondedOn;
        if (journey is { } j)
        {
            entity[SurveyResponseSchema.Journey] = new EntityReference(JourneySchema.EntityName, j);
            if (stage is { } s) entity[SurveyResponseSchema.JourneyStage] = new OptionSetValue(s);
        }
        return entity;
    }

    /// <summary>Loads <paramref name="count"/> earlier responses of customer 0 over the past year, in CreateMultiple batches, and runs their rollups.</summary>
    public void History(int count)
    {
        Org.Clock.Set(DemoSize.Now);
        for (var done = 0; done < count;)
        {
            var targets = new EntityCollection { EntityName = SurveyResponseSchema.EntityName };
            for (var k = 0; k < 1000 && done < count; k++, done++)
                targets.Entities.Add(Response(0, DemoSize.Now.AddDays(-360 * (done + 1.0) / (count + 1))));
            Service.Execute(new CreateMultipleRequest { Targets = targets });
        }
        Org.DrainAsyncQueue();
    }

    /// <summary>An onboarding journey of customer 0 with <paramref name="touchpoints"/> linked phone calls and a response per stage.</summary>
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
        {
            var stage = stages[Math.Min(stages.Count - 1, t * stages.Count / Math.Max(1, touchpoints))].Value;
            Service.Create(Touchpoint(journey, stage));
            if (t % Math.Max(1, touchpoints / stages.Count) == 0) Service.Create(Response(0, Org.Clock.UtcNow, journey: journey, stage: stage));
        }
        Org.Clock.Set(DemoSize.Now);
        Org.DrainAsyncQueue();
        return journey;
    }

    /// <summary>One touchpoint as the demo writes it: a phone call regarding the account, linked by the plugins' JourneyLinkService.</summary>
    public void LinkCall(int stage)
    {
        var call = Service.Create(new Entity("phonecall")
        {
            ["subject"] = "Bench call",
            ["regardingobjectid"] = new EntityReference(CustomerSchema.Account, Accounts[0]),
        });
        linking.Link(new EntityReference("phonecall", call), (int)JourneyType.Onboarding, stage, createIfMissing: true, Org.Clock.UtcNow);
    }

    /// <summary>A phone call linked to the journey at a stage.</summary>
    public Entity Touchpoint(Guid journey, int stage) => new("phonecall")
    {
        ["subject"] = "Bench call",
        ["regardingobjectid"] = new EntityReference(CustomerSchema.Account, Accounts[0]),
        [TouchpointSchema.Journey] = new EntityReference(JourneySchema.EntityName, journey),
        [TouchpointSchema.JourneyStage] = new OptionSetValue(stage),
    };
}
