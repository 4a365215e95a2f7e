using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmCx.Domain.Choices;

namespace CrmCx.Domain.Journeys;

/// <summary>The customer a case or activity belongs to: an account, a contact, or both.</summary>
public sealed class JourneyCustomer
{
    /// <summary>Creates it.</summary>
    public JourneyCustomer(Guid? accountId, Guid? contactId)
    {
        AccountId = accountId == Guid.Empty ? null : accountId;
        ContactId = contactId == Guid.Empty ? null : contactId;
    }

    /// <summary>The account, when known.</summary>
    public Guid? AccountId { get; }
    /// <summary>The contact, when known.</summary>
    public Guid? ContactId { get; }
    /// <summary>Whether neither is known.</summary>
    public bool IsEmpty => !AccountId.HasValue && !ContactId.HasValue;

    /// <summary>
    /// Whether a journey belongs to this customer: the account decides when the record names one (a journey is the
    /// account's even when another of its contacts called); otherwise the contact does.
    /// </summary>
    public bool Owns(JourneySnapshot journey)
    {
        if (journey == null) throw new ArgumentNullException(nameof(journey));
        if (AccountId.HasValue) return journey.AccountId == AccountId;
        return ContactId.HasValue && journey.ContactId == ContactId && !journey.AccountId.HasValue;
    }
}

/// <summary>What linking needs to know of an existing journey.</summary>
public sealed class JourneySnapshot
{
    /// <summary>Creates it.</summary>
    public JourneySnapshot(Guid id, int journeyType, Guid? accountId, Guid? contactId, bool isOpen, int? currentStage, int riskLevel = (int)Choices.RiskLevel.None)
    {
        Id = id;
        JourneyType = journeyType;
        AccountId = accountId;
        ContactId = contactId;
        IsOpen = isOpen;
        CurrentStage = currentStage;
        RiskLevel = riskLevel;
    }

    /// <summary>cx_customerjourneyid.</summary>
    public Guid Id { get; }
    /// <summary>cx_journeytype value.</summary>
    public int JourneyType { get; }
    /// <summary>cx_accountid.</summary>
    public Guid? AccountId { get; }
    /// <summary>cx_contactid.</summary>
    public Guid? ContactId { get; }
    /// <summary>statecode Active.</summary>
    public bool IsOpen { get; }
    /// <summary>cx_currentstage.</summary>
    public int? CurrentStage { get; }
    /// <summary>cx_risklevel value.</summary>
    public int RiskLevel { get; }
}

/// <summary>A request to link one case or activity to its customer's journey of a type.</summary>
public sealed class JourneyLinkRequest
{
    /// <summary>Creates it.</summary>
    /// <param name="record">How messages name the record, e.g. "phonecall 5f0c…".</param>
    /// <param name="customer">The record's customer.</param>
    /// <param name="journeyType">Requested cx_journeytype value.</param>
    /// <param name="stage">Requested cx_journeystage value, or null for the journey's current stage.</param>
    /// <param name="createIfMissing">Start a journey when the customer has no open one of the type.</param>
    /// <param name="currentJourney">The journey the record is linked to now, when any (null also when it no longer exists).</param>
    /// <param name="currentStage">The record's cx_journeystage now.</param>
    public JourneyLinkRequest(string record, JourneyCustomer customer, int journeyType, int? stage, bool createIfMissing, JourneySnapshot? currentJourney = null, int? currentStage = null)
    {
        Record = string.IsNullOrEmpty(record) ? "the record" : record;
        Customer = customer ?? throw new ArgumentNullException(nameof(customer));
        JourneyType = journeyType;
        Stage = stage;
        CreateIfMissing = createIfMissing;
        CurrentJourney = currentJourney;
        CurrentStage = currentStage;
    }

    /// <summary>The record's description for messages.</summary>
    public string Record { get; }
    /// <summary>The record's customer.</summary>
    public JourneyCustomer Customer { get; }
    /// <summary>Requested type.</summary>
    public int JourneyType { get; }
    /// <summary>Requested stage.</summary>
    public int? Stage { get; }
    /// <summary>Start one when missing.</summary>
    public bool CreateIfMissing { get; }
    /// <summary>The journey the record points at now.</summary>
    public JourneySnapshot? CurrentJourney { get; }
    /// <summary>The record's stage now.</summary>
    public int? CurrentStage { get; }
}

/// <summary>What linking decided.</summary>
public enum JourneyLinkOutcome
{
    /// <summary>Linked to an existing open journey.</summary>
    Linked,
    /// <summary>A new journey is to be started and the record linked to it.</summary>
    Created,
    /// <summary>Refused: <see cref="JourneyLinkDecision.Message"/> names the record and the rule; nothing is written.</summary>
    Refused,
}

/// <summary>The decision of <see cref="JourneyLinking.Decide"/>: what to write, or why nothing is.</summary>
public sealed class JourneyLinkDecision
{
    private JourneyLinkDecision(JourneyLinkOutcome outcome, string message, JourneySnapshot? journey, int? stage, int? advanceJourneyTo, bool recordChanges)
    {
        Outcome = outcome;
        Message = message;
        Journey = journey;
        Stage = stage;
        AdvanceJourneyTo = advanceJourneyTo;
        RecordChanges = recordChanges;
    }

    /// <summary>The outcome.</summary>
    public JourneyLinkOutcome Outcome { get; }
    /// <summary>Why (always set; the refusal message when refused).</summary>
    public string Message { get; }
    /// <summary>The journey to link to; null when one is to be created, or nothing is written.</summary>
    public JourneySnapshot? Journey { get; }
    /// <summary>The stage to write on the record.</summary>
    public int? Stage { get; }
    /// <summary>The journey's new current stage, when it moves forward (or is set on a new journey).</summary>
    public int? AdvanceJourneyTo { get; }
    /// <summary>Whether the record's journey or stage changes.</summary>
    public bool RecordChanges { get; }

    internal static JourneyLinkDecision Refuse(string message) => new JourneyLinkDecision(JourneyLinkOutcome.Refused, message, null, null, null, false);
    internal static JourneyLinkDecision Link(JourneySnapshot journey, int stage, int? advance, bool recordChanges, string message) =>
        new JourneyLinkDecision(JourneyLinkOutcome.Linked, message, journey, stage, advance, recordChanges);
    internal static JourneyLinkDecision Create(int stage, string message) =>
        new JourneyLinkDecision(JourneyLinkOutcome.Created, message, null, stage, stage, true);
}

/// <summary>
/// The linking rules, free of the SDK: reuse the customer's open journey of the type or start one; a stage of another
/// type is refused; the journey's current stage moves forward, never back; another customer's journey is never used;
/// a completed or abandoned journey is never reopened.
/// </summary>
public static class JourneyLinking
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Checks what can be checked before any journey is read; null when the request may proceed.</summary>
    public static string? Precheck(JourneyLinkRequest request)
    {
        if (request == null) throw new ArgumentNullException(nameof(request));
        if (!JourneyStages.IsJourneyType(request.JourneyType))
            return string.Format(Invariant, "Cannot link {0}: {1} is not a journey type (cx_journeytype).", request.Record, request.JourneyType);
        var type = (JourneyType)request.JourneyType;
        if (request.Customer.IsEmpty)
            return string.Format(Invariant, "Cannot link {0} to a journey: it has no customer (account or contact), and a record joins only its own customer's journey.", request.Record);
        if (request.Stage.HasValue && !JourneyStages.Belongs(request.Stage.Value, type))
        {
            var stage = JourneyStages.Find(request.Stage.Value);
            var what = stage == null
                ? string.Format(Invariant, "{0} is not a journey stage", request.Stage.Value)
                : string.Format(Invariant, "stage {0} ({1}) belongs to {2} journeys", stage.Label, stage.Value, TypeLabel(stage.Type));
            return string.Format(Invariant, "Cannot link {0} to a {1} journey: {2}, and a journey uses only its own type's stages.", request.Record, TypeLabel(type), what);
        }
        return null;
    }

    /// <summary>Decides the link given the customer's open journeys of the requested type.</summary>
    public static JourneyLinkDecision Decide(JourneyLinkRequest request, IEnumerable<JourneySnapshot> openJourneysOfType)
    {
        if (request == null) throw new ArgumentNullException(nameof(request));
        if (openJourneysOfType == null) throw new ArgumentNullException(nameof(openJourneysOfType));
        var refusal = Precheck(request);
        if (refusal != null) return JourneyLinkDecision.Refuse(refusal);
        var type = (JourneyType)request.JourneyType;

        // Only open journeys of this customer and type qualify, whatever the query returned.
        var candidates = openJourneysOfType.Where(j => j.IsOpen && j.JourneyType == request.JourneyType && request.Customer.Owns(j)).ToList();
        var current = request.CurrentJourney;
        var journey = current != null && candidates.Any(c => c.Id == current.Id)
            ? candidates.First(c => c.Id == current.Id)
            : candidates.FirstOrDefault();

        if (journey == null)
        {
            if (!request.CreateIfMissing)
                return JourneyLinkDecision.Refuse(string.Format(Invariant, "Cannot link {0}: its customer has no open {1} journey, and create-if-missing is off, so none is started.", request.Record, TypeLabel(type)));
            var firstStage = request.Stage ?? JourneyStages.First(type).Value;
            return JourneyLinkDecision.Create(firstStage, string.Format(Invariant, "{0} starts a new {1} journey at {2}.", request.Record, TypeLabel(type), Label(firstStage)));
        }

        var stage = request.Stage
            ?? (journey.CurrentStage.HasValue && JourneyStages.Belongs(journey.CurrentStage.Value, type) ? journey.CurrentStage.Value : JourneyStages.First(type).Value);
        var advance = MovesForward(journey.CurrentStage, stage, type) ? stage : (int?)null;
        var recordChanges = current == null || current.Id != journey.Id || request.CurrentStage != stage;
        return JourneyLinkDecision.Link(journey, stage, advance, recordChanges,
            string.Format(Invariant, "{0} is linked to the open {1} journey at {2}.", request.Record, TypeLabel(type), Label(stage)));
    }

    /// <summary>Whether a journey at <paramref name="current"/> moves to <paramref name="stage"/>: only forward in stage order.</summary>
    public static bool MovesForward(int? current, int stage, JourneyType type)
    {
        var next = JourneyStages.Find(stage);
        if (next == null || next.Type != type) return false;
        var now = current.HasValue ? JourneyStages.Find(current.Value) : null;
        return now == null || now.Type != type || next.Order > now.Order;
    }

    /// <summary>The English label of a journey type ("Onboarding", "Technical issue").</summary>
    public static string TypeLabel(JourneyType type) => type == JourneyType.TechnicalIssue ? "Technical issue" : type.ToString();

    private static string Label(int stage) => JourneyStages.Find(stage)?.Label ?? stage.ToString(Invariant);
}
