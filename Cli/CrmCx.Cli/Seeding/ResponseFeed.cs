using System;
using System.Collections.Generic;
using System.Globalization;
using System.ServiceModel;
using CrmCx.Cli.Output;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace CrmCx.Cli.Seeding;

/// <summary>
/// Delivers survey responses the way a survey tool integration does: Upsert on the alternate key (cx_source,
/// cx_externalid) for live answers, CreateMultiple batches for the backlog; a refused batch is retried row by row,
/// so one bad row costs only itself.
/// </summary>
internal sealed class ResponseFeed(IOrganizationService service, FailureProbe probe, Func<PlannedResponse, string> describe)
{
    /// <summary>Rows refused so far.</summary>
    public List<LoadFailure> Failures { get; } = new();

    /// <summary>Rows written (created or, on redelivery, updated in place).</summary>
    public int Delivered { get; private set; }

    /// <summary>Upsert requests sent.</summary>
    public int Upserts { get; private set; }

    /// <summary>CreateMultiple requests sent.</summary>
    public int Batches { get; private set; }

    /// <summary>Redeliveries that found their row by key and created nothing.</summary>
    public int RedeliveredWithoutDuplicate { get; private set; }

    /// <summary>Raised when a whole CreateMultiple batch is refused (row count, the platform's message), before the rows are retried.</summary>
    public event Action<int, string>? BatchRefused;

    /// <summary>Raised for each refused row, to print it while the load goes on.</summary>
    public event Action<LoadFailure>? Refused;

    /// <summary>The record as the survey tool sends it, keyed by its alternate key.</summary>
    public static Entity ToEntity(PlannedResponse response, bool keyed, Func<int, Guid> accountId, Func<int, Guid> contactId, Func<int, Guid> journeyId)
    {
        // Upsert finds the row by its alternate key; CreateMultiple only creates, so its rows carry the key columns alone.
        var entity = keyed
            ? new Entity(SurveyResponseSchema.EntityName, new KeyAttributeCollection
            {
                { SurveyResponseSchema.Source, response.Source },
                { SurveyResponseSchema.ExternalId, response.ExternalId },
            })
            : new Entity(SurveyResponseSchema.EntityName);
        entity[SurveyResponseSchema.Source] = response.Source;
        entity[SurveyResponseSchema.ExternalId] = response.ExternalId;
        entity[SurveyResponseSchema.Score] = response.Score;
        entity[SurveyResponseSchema.RespondedOn] = response.RespondedOn;
        entity[SurveyResponseSchema.Channel] = new OptionSetValue(response.Channel);
        if (response.Csat is { } csat) entity[SurveyResponseSchema.Csat] = csat;
        if (response.Effort is { } effort) entity[SurveyResponseSchema.Effort] = effort;
        if (response.Comment is { } comment) entity[SurveyResponseSchema.Comment] = comment;
        if (response.ContactIndex is { } contact) entity[SurveyResponseSchema.Contact] = new EntityReference(CustomerSchema.Contact, contactId(contact));
        var account = response.WrongAccountIndex ?? (response.NamesAccount ? response.AccountIndex : (int?)null);
        if (account is { } a) entity[SurveyResponseSchema.Account] = new EntityReference(CustomerSchema.Account, accountId(a));
        if (response.JourneyIndex is { } journey)
        {
            entity[SurveyResponseSchema.Journey] = new EntityReference(JourneySchema.EntityName, journeyId(journey));
            if (response.Stage is { } stage) entity[SurveyResponseSchema.JourneyStage] = new OptionSetValue(stage);
        }
        return entity;
    }

    /// <summary>Delivers one response with Upsert; false when refused.</summary>
    public bool Upsert(PlannedResponse response, Entity entity, bool redelivery = false, string via = "Upsert")
    {
        Upserts++;
        probe.Mark();
        try
        {
            var result = (UpsertResponse)service.Execute(new UpsertRequest { Target = entity });
            Delivered++;
            if (redelivery && !result.RecordCreated) RedeliveredWithoutDuplicate++;
            return true;
        }
        catch (FaultException<OrganizationServiceFault> fault)
        {
            Refuse(probe.Describe($"{describe(response)} via {via}", fault));
            return false;
        }
    }

    /// <summary>Delivers a batch with CreateMultiple; when the batch is refused, retries its rows one by one with Upsert.</summary>
    public void CreateMultiple(IReadOnlyList<(PlannedResponse Response, Entity Entity, Func<Entity> Keyed)> batch)
    {
        if (batch.Count == 0) return;
        var targets = new EntityCollection { EntityName = SurveyResponseSchema.EntityName };
        foreach (var (_, entity, _) in batch) targets.Entities.Add(entity);
        Batches++;
        probe.Mark();
        try
        {
            service.Execute(new CreateMultipleRequest { Targets = targets });
            Delivered += batch.Count;
        }
        catch (FaultException<OrganizationServiceFault> fault)
        {
            BatchRefused?.Invoke(batch.Count, (fault.Detail?.Message ?? fault.Message).Split('\n')[0].Trim());
            // Dataverse refuses the whole batch for one bad row; an integration then sends the rows one by one so the
            // good ones still land and only the bad one is reported.
            foreach (var (response, _, keyed) in batch) Upsert(response, keyed(), via: "Upsert, retrying a refused CreateMultiple batch");
        }
    }

    /// <summary>Reports a refusal of something other than a response (a touchpoint, a journey).</summary>
    public void Refuse(LoadFailure failure)
    {
        Failures.Add(failure);
        Refused?.Invoke(failure);
    }

    /// <summary>How a response is named in messages: its key, customer and date.</summary>
    public static string Describe(PlannedResponse response, string accountName) =>
        string.Format(CultureInfo.InvariantCulture, SurveyResponseSchema.EntityName + " {0}:{1} ({2}, score {3}, responded {4:yyyy-MM-dd})",
            response.Source, response.ExternalId, accountName, response.Score, response.RespondedOn);
}
