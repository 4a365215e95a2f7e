using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Dataverse.InMemory;
using CrmCx.Domain.Choices;
using CrmCx.Journeys;
using CrmCx.Plugins.Tests.Fixtures;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Plugins.Tests.Journeys;

/// <summary>The shared CrmCx org (<see cref="CrmCxOrg"/>) plus the rows and readings journey tests talk about.</summary>
internal sealed class JourneyOrg
{
    public const int Onboarding = (int)JourneyType.Onboarding;
    public const int Relocation = (int)JourneyType.Relocation;
    public const int Order = 964000101, Welcome = 964000102, Installation = 964000103, Activation = 964000104, FirstInvoice = 964000105, Adoption = 964000106;
    public const int MoveRequest = 964000201;

    public static readonly DateTime Start = new DateTime(2026, 2, 2, 9, 0, 0, DateTimeKind.Utc);

    public JourneyOrg(string? riskConfiguration = null)
    {
        Cx = CrmCxOrg.Create(options =>
        {
            options.Start = Start;
            // The environment's CrmCx settings (environment variable cx_Settings): every journey step reads them.
            if (riskConfiguration == null) return;
            options.WithSettings(riskConfiguration);
        });
        Org = Cx.Org;
        Service = Cx.Service;
    }

    /// <summary>The shared fixture underneath (model, real plugin assembly, clock).</summary>
    public CrmCxOrg Cx { get; }
    public InMemoryOrganization Org { get; }
    public IOrganizationService Service { get; }

    public void At(DateTime utc) => Org.Clock.Set(utc);
    public void Days(double days) => Org.Clock.Advance(TimeSpan.FromDays(days));

    public Guid User(string name) => Org.CreateUser(name);

    public Guid Account(string name, Guid? owner = null)
    {
        var account = new Entity(CustomerSchema.Account) { [CustomerSchema.AccountName] = name };
        if (owner.HasValue) account[CustomerSchema.Owner] = new EntityReference("systemuser", owner.Value);
        return Service.Create(account);
    }

    public Guid Contact(string lastName, Guid? account = null)
    {
        var contact = new Entity(CustomerSchema.Contact) { ["lastname"] = lastName };
        if (account.HasValue) contact[CustomerSchema.ParentCustomer] = new EntityReference(CustomerSchema.Account, account.Value);
        return Service.Create(contact);
    }

    public Guid Journey(Guid account, int type = Onboarding, int? stage = null, Guid? owner = null, string name = "Onboarding")
    {
        var journey = new Entity(JourneySchema.EntityName)
        {
            [JourneySchema.Name] = name,
            [JourneySchema.JourneyType] = new OptionSetValue(type),
            [JourneySchema.Account] = new EntityReference(CustomerSchema.Account, account),
            [JourneySchema.StartedOn] = Org.Clock.UtcNow,
        };
        if (stage.HasValue) journey[JourneySchema.CurrentStage] = new OptionSetValue(stage.Value);
        if (owner.HasValue) journey[JourneySchema.Owner] = new EntityReference("systemuser", owner.Value);
        return Service.Create(journey);
    }

    /// <summary>A case or activity regarding the account, optionally already linked to a journey stage.</summary>
    public Guid Touchpoint(string table, Guid account, Guid? journey = null, int? stage = null, string subject = "contact")
    {
        var row = new Entity(table);
        if (table == TouchpointSchema.Incident)
        {
            row["title"] = subject;
            row["customerid"] = new EntityReference(CustomerSchema.Account, account);
        }
        else
        {
            row["subject"] = subject;
            row["regardingobjectid"] = new EntityReference(CustomerSchema.Account, account);
        }
        if (journey.HasValue) row[TouchpointSchema.Journey] = new EntityReference(JourneySchema.EntityName, journey.Value);
        if (stage.HasValue) row[TouchpointSchema.JourneyStage] = new OptionSetValue(stage.Value);
        return Service.Create(row);
    }

    public Guid Response(Guid account, Guid? journey, int? stage, int score, int? csat = null, int? effort = null)
    {
        var row = new Entity(SurveyResponseSchema.EntityName)
        {
            [SurveyResponseSchema.Account] = new EntityReference(CustomerSchema.Account, account),
            [SurveyResponseSchema.Score] = score,
            [SurveyResponseSchema.RespondedOn] = Org.Clock.UtcNow,
        };
        if (journey.HasValue) row[SurveyResponseSchema.Journey] = new EntityReference(JourneySchema.EntityName, journey.Value);
        if (stage.HasValue) row[SurveyResponseSchema.JourneyStage] = new OptionSetValue(stage.Value);
        if (csat.HasValue) row[SurveyResponseSchema.Csat] = csat.Value;
        if (effort.HasValue) row[SurveyResponseSchema.Effort] = effort.Value;
        return Service.Create(row);
    }

    public void Close(Guid journey, int statuscode = 2)
    {
        Service.Update(new Entity(JourneySchema.EntityName, journey)
        {
            [JourneySchema.StateCode] = new OptionSetValue(1),
            [JourneySchema.StatusCode] = new OptionSetValue(statuscode),
        });
    }

    /// <summary>Runs the asynchronous steps and fails the test on any failed system job.</summary>
    public void Settle() => Cx.Settle();

    public Entity Row(string table, Guid id) => Org.Peek(table, id) ?? throw new InvalidOperationException(table + " " + id + " does not exist.");

    public Entity JourneyRow(Guid id) => Row(JourneySchema.EntityName, id);

    public RiskLevel? Level(Guid journey) => (RiskLevel?)JourneyRow(journey).GetAttributeValue<OptionSetValue>(JourneySchema.RiskLevel)?.Value;

    public string Reasons(Guid journey) => JourneyRow(journey).GetAttributeValue<string>(JourneySchema.RiskReasons) ?? string.Empty;

    public IReadOnlyList<Entity> Notifications() => Org.Snapshot(AppNotificationSchema.EntityName);

    public IReadOnlyList<Entity> StageRows(Guid journey) => Org.Snapshot(StageScoreSchema.EntityName)
        .Where(r => r.GetAttributeValue<EntityReference>(StageScoreSchema.Journey)?.Id == journey)
        .OrderBy(r => r.GetAttributeValue<OptionSetValue>(StageScoreSchema.Stage).Value)
        .ToList();
}
