using System;
using CrmCx.Domain.Choices;
using CrmCx.Domain.Journeys;
using CrmCx.Journeys;
using CrmCx.Model.Tables;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Cli.Seeding;

/// <summary>
/// The demo's one integration point with journey linking: starts journeys (owned by their agent), writes cases and
/// activities and links them through the plugins' JourneyLinkService, and closes journeys. The journey plugins then
/// recompute from the rows at rest.
/// </summary>
internal sealed class JourneyLinker(IOrganizationService service)
{
    private readonly JourneyLinkService linking = new(service);

    /// <summary>Creates the journey row as an agent (or the linking service) would start it.</summary>
    public void Start(PlannedJourney journey, string accountName, Guid accountId, Guid contactId, Guid ownerId)
    {
        var type = (JourneyType)journey.JourneyType;
        var entity = new Entity(JourneySchema.EntityName, journey.Id)
        {
            [JourneySchema.Name] = $"{JourneyLinking.TypeLabel(type)} – {accountName}",
            [JourneySchema.JourneyType] = new OptionSetValue(journey.JourneyType),
            [JourneySchema.Account] = new EntityReference(CustomerSchema.Account, accountId),
            [JourneySchema.Contact] = new EntityReference(CustomerSchema.Contact, contactId),
            [JourneySchema.StartedOn] = journey.StartedOn,
            [JourneySchema.CurrentStage] = new OptionSetValue(JourneyStages.First(type).Value),
            [JourneySchema.Owner] = new EntityReference("systemuser", ownerId),
        };
        service.Create(entity);
    }

    /// <summary>
    /// Writes one case or activity as an agent would (regarding the account, or the case's customer), then links it with
    /// the plugins' JourneyLinkService: it finds the customer's open journey of the type, sets the record's journey and
    /// stage and moves the journey's current stage forward.
    /// </summary>
    public void Link(PlannedJourney journey, PlannedTouchpoint touchpoint, Guid accountId, Guid contactId, Guid ownerId, DateTime now)
    {
        var entity = new Entity(touchpoint.Table, touchpoint.Id) { ["ownerid"] = new EntityReference("systemuser", ownerId) };
        if (touchpoint.Table == TouchpointSchema.Incident)
        {
            entity["title"] = touchpoint.Subject;
            entity["customerid"] = new EntityReference(CustomerSchema.Account, accountId);
            entity["primarycontactid"] = new EntityReference(CustomerSchema.Contact, contactId);
        }
        else
        {
            entity["subject"] = touchpoint.Subject;
            entity["regardingobjectid"] = new EntityReference(CustomerSchema.Account, accountId);
            entity["actualstart"] = touchpoint.At;
            entity["actualend"] = touchpoint.At.AddMinutes(touchpoint.Table == TouchpointSchema.Appointment ? 120 : 15);
            if (touchpoint.Table == TouchpointSchema.Appointment)
            {
                entity["scheduledstart"] = touchpoint.At;
                entity["scheduledend"] = touchpoint.At.AddHours(2);
            }
        }
        service.Create(entity);
        linking.Link(new EntityReference(touchpoint.Table, touchpoint.Id), journey.JourneyType, touchpoint.Stage, createIfMissing: true, now);
    }

    /// <summary>Marks a journey Completed: it keeps its figures but no longer counts towards the customer's risk.</summary>
    public void Complete(PlannedJourney journey, DateTime completedOn)
    {
        service.Update(new Entity(JourneySchema.EntityName, journey.Id)
        {
            [JourneySchema.CompletedOn] = completedOn,
            [JourneySchema.StateCode] = new OptionSetValue(1),
            [JourneySchema.StatusCode] = new OptionSetValue(CustomerJourneyTable.Completed),
        });
    }
}
