using System;
using System.Globalization;
using System.Linq;
using CrmCx.Domain.Choices;
using CrmCx.Domain.Journeys;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCx.Journeys;

/// <summary>What linking a record did.</summary>
public sealed class JourneyLinkResult
{
    internal JourneyLinkResult(EntityReference journey, bool created, int stage, RiskLevel riskLevel, bool recordChanged, string message)
    {
        Journey = journey;
        Created = created;
        Stage = stage;
        RiskLevel = riskLevel;
        RecordChanged = recordChanged;
        Message = message;
    }

    /// <summary>The journey the record is linked to.</summary>
    public EntityReference Journey { get; }
    /// <summary>Whether the journey was started by this link.</summary>
    public bool Created { get; }
    /// <summary>The stage written on the record.</summary>
    public int Stage { get; }
    /// <summary>The journey's stored risk level (recomputed asynchronously after the link).</summary>
    public RiskLevel RiskLevel { get; }
    /// <summary>Whether the record's journey or stage changed.</summary>
    public bool RecordChanged { get; }
    /// <summary>What happened, in words.</summary>
    public string Message { get; }
}

/// <summary>
/// Links a case or activity to its customer's journey of a type (the SDK half of <see cref="JourneyLinking"/>): reads the
/// record and its customer, the customer's open journeys of the type, then writes the record's journey and stage, the new
/// journey or its forward-moving current stage. A refusal throws <see cref="InvalidPluginExecutionException"/> before any write.
/// Used by the "Link to customer journey" workflow activity, the CLI and the demo.
/// </summary>
public sealed class JourneyLinkService
{
    // Bounds the read of a customer's open journeys of one type: normally one, a handful after manual data entry.
    private const int OpenJourneysRead = 20;

    private readonly IOrganizationService service;

    /// <summary>Creates the service on the caller's organization service (links are written with the caller's rights).</summary>
    public JourneyLinkService(IOrganizationService service)
    {
        this.service = service ?? throw new ArgumentNullException(nameof(service));
    }

    /// <summary>Links the record; <paramref name="now"/> becomes a new journey's cx_startedon.</summary>
    /// <param name="record">An incident, phonecall, email, appointment or task.</param>
    /// <param name="journeyType">cx_journeytype value.</param>
    /// <param name="stage">cx_journeystage value, or null for the journey's current stage.</param>
    /// <param name="createIfMissing">Start a journey when the customer has none open of the type.</param>
    /// <param name="now">The operation time (UTC).</param>
    public JourneyLinkResult Link(EntityReference record, int journeyType, int? stage, bool createIfMissing, DateTime now)
    {
        if (record == null) throw new ArgumentNullException(nameof(record));
        var name = record.LogicalName + " " + record.Id.ToString("D");
        if (!TouchpointSchema.Tables.Contains(record.LogicalName))
            throw Refuse(string.Format(CultureInfo.InvariantCulture, "Cannot link {0} to a journey: only cases and activities (incident, phonecall, email, appointment, task) are journey touchpoints.", name));

        var row = RetrieveRecord(record, name);
        var customer = CustomerOf(row);
        var request = new JourneyLinkRequest(name, customer, journeyType, stage, createIfMissing, CurrentJourney(row),
            row.GetAttributeValue<OptionSetValue>(TouchpointSchema.JourneyStage)?.Value);
        var precheck = JourneyLinking.Precheck(request);
        if (precheck != null) throw Refuse(precheck);

        var decision = JourneyLinking.Decide(request, OpenJourneys(customer, journeyType));
        if (decision.Outcome == JourneyLinkOutcome.Refused) throw Refuse(decision.Message);

        var created = decision.Outcome == JourneyLinkOutcome.Created;
        var level = RiskLevel.None;
        Guid journeyId;
        if (created)
        {
            journeyId = CreateJourney(customer, (JourneyType)journeyType, decision.Stage!.Value, now);
        }
        else
        {
            var journey = decision.Journey!;
            journeyId = journey.Id;
            level = Enum.IsDefined(typeof(RiskLevel), journey.RiskLevel) ? (RiskLevel)journey.RiskLevel : RiskLevel.None;
            if (decision.AdvanceJourneyTo.HasValue)
            {
                var advance = new Entity(JourneySchema.EntityName, journeyId);
                advance[JourneySchema.CurrentStage] = new OptionSetValue(decision.AdvanceJourneyTo.Value);
                service.Update(advance);
            }
        }

        if (decision.RecordChanges)
        {
            var update = new Entity(record.LogicalName, record.Id);
            update[TouchpointSchema.Journey] = new EntityReference(JourneySchema.EntityName, journeyId);
            update[TouchpointSchema.JourneyStage] = new OptionSetValue(decision.Stage!.Value);
            service.Update(update);
        }
        return new JourneyLinkResult(new EntityReference(JourneySchema.EntityName, journeyId), created, decision.Stage!.Value, level, decision.RecordChanges, decision.Message);
    }

    private Entity RetrieveRecord(EntityReference record, string name)
    {
        var customerColumn = record.LogicalName == TouchpointSchema.Incident ? "customerid" : "regardingobjectid";
        var query = new QueryExpression(record.LogicalName)
        {
            ColumnSet = new ColumnSet(customerColumn, TouchpointSchema.Journey, TouchpointSchema.JourneyStage),
            TopCount = 1,
        };
        query.Criteria.AddCondition(record.LogicalName == TouchpointSchema.Incident ? "incidentid" : "activityid", ConditionOperator.Equal, record.Id);
        var row = service.RetrieveMultiple(query).Entities.FirstOrDefault();
        if (row == null) throw Refuse("Cannot link " + name + " to a journey: the record does not exist.");
        return row;
    }

    // The customer is the case's customer, or the account, contact or case an activity is regarding; a contact's parent
    // account makes the journey the account's, so every contact of the account shares it.
    private JourneyCustomer CustomerOf(Entity row)
    {
        var reference = row.GetAttributeValue<EntityReference>("customerid") ?? row.GetAttributeValue<EntityReference>("regardingobjectid");
        if (reference != null && reference.LogicalName == TouchpointSchema.Incident)
        {
            reference = service.Retrieve(TouchpointSchema.Incident, reference.Id, new ColumnSet("customerid")).GetAttributeValue<EntityReference>("customerid");
        }
        if (reference == null) return new JourneyCustomer(null, null);
        if (reference.LogicalName == CustomerSchema.Account) return new JourneyCustomer(reference.Id, null);
        if (reference.LogicalName != CustomerSchema.Contact) return new JourneyCustomer(null, null);
        var parent = service.Retrieve(CustomerSchema.Contact, reference.Id, new ColumnSet(CustomerSchema.ParentCustomer)).GetAttributeValue<EntityReference>(CustomerSchema.ParentCustomer);
        return new JourneyCustomer(parent != null && parent.LogicalName == CustomerSchema.Account ? parent.Id : (Guid?)null, reference.Id);
    }

    private static JourneySnapshot? CurrentJourney(Entity row)
    {
        var current = row.GetAttributeValue<EntityReference>(TouchpointSchema.Journey);
        // Only the id matters: the journey is reused only if it is among the customer's open journeys of the type.
        return current == null ? null : new JourneySnapshot(current.Id, 0, null, null, false, null);
    }

    private JourneySnapshot[] OpenJourneys(JourneyCustomer customer, int journeyType)
    {
        var query = new QueryExpression(JourneySchema.EntityName)
        {
            ColumnSet = new ColumnSet(JourneySchema.JourneyType, JourneySchema.Account, JourneySchema.Contact, JourneySchema.StateCode, JourneySchema.CurrentStage, JourneySchema.RiskLevel),
            TopCount = OpenJourneysRead,
        };
        query.Criteria.AddCondition(JourneySchema.StateCode, ConditionOperator.Equal, 0);
        query.Criteria.AddCondition(JourneySchema.JourneyType, ConditionOperator.Equal, journeyType);
        if (customer.AccountId.HasValue)
        {
            query.Criteria.AddCondition(JourneySchema.Account, ConditionOperator.Equal, customer.AccountId.Value);
        }
        else
        {
            query.Criteria.AddCondition(JourneySchema.Contact, ConditionOperator.Equal, customer.ContactId!.Value);
            query.Criteria.AddCondition(JourneySchema.Account, ConditionOperator.Null);
        }
        query.AddOrder(JourneySchema.StartedOn, OrderType.Descending);
        query.AddOrder("createdon", OrderType.Descending);
        return service.RetrieveMultiple(query).Entities.Select(e => new JourneySnapshot(
            e.Id,
            e.GetAttributeValue<OptionSetValue>(JourneySchema.JourneyType)?.Value ?? 0,
            e.GetAttributeValue<EntityReference>(JourneySchema.Account)?.Id,
            e.GetAttributeValue<EntityReference>(JourneySchema.Contact)?.Id,
            (e.GetAttributeValue<OptionSetValue>(JourneySchema.StateCode)?.Value ?? 0) == 0,
            e.GetAttributeValue<OptionSetValue>(JourneySchema.CurrentStage)?.Value,
            e.GetAttributeValue<OptionSetValue>(JourneySchema.RiskLevel)?.Value ?? (int)RiskLevel.None)).ToArray();
    }

    private Guid CreateJourney(JourneyCustomer customer, JourneyType type, int stage, DateTime now)
    {
        string? customerName = null;
        if (customer.AccountId.HasValue)
            customerName = service.Retrieve(CustomerSchema.Account, customer.AccountId.Value, new ColumnSet(CustomerSchema.AccountName)).GetAttributeValue<string>(CustomerSchema.AccountName);
        else if (customer.ContactId.HasValue)
            customerName = service.Retrieve(CustomerSchema.Contact, customer.ContactId.Value, new ColumnSet(CustomerSchema.ContactFullName)).GetAttributeValue<string>(CustomerSchema.ContactFullName);

        var name = JourneyLinking.TypeLabel(type) + (string.IsNullOrWhiteSpace(customerName) ? string.Empty : " – " + customerName);
        var journey = new Entity(JourneySchema.EntityName);
        journey[JourneySchema.Name] = name.Length <= 200 ? name : name.Substring(0, 200);
        journey[JourneySchema.JourneyType] = new OptionSetValue((int)type);
        if (customer.AccountId.HasValue) journey[JourneySchema.Account] = new EntityReference(CustomerSchema.Account, customer.AccountId.Value);
        if (customer.ContactId.HasValue) journey[JourneySchema.Contact] = new EntityReference(CustomerSchema.Contact, customer.ContactId.Value);
        journey[JourneySchema.CurrentStage] = new OptionSetValue(stage);
        journey[JourneySchema.StartedOn] = now;
        journey[JourneySchema.RiskLevel] = new OptionSetValue((int)RiskLevel.None);
        return service.Create(journey);
    }

    private static InvalidPluginExecutionException Refuse(string message) => new InvalidPluginExecutionException(message);
}
