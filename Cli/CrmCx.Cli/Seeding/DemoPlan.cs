using System;
using System.Collections.Generic;

namespace CrmCx.Cli.Seeding;

/// <summary>The scale of a demo data set: accounts and responses come from the options, the rest follows from them.</summary>
public sealed record DemoSize(int Accounts, int Responses, int Seed)
{
    /// <summary>"Now" at the end of the load: the org clock stops here and the scorecard is as of this instant.</summary>
    public static readonly DateTime Now = new(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>History starts two years before now.</summary>
    public static readonly DateTime HistoryStart = Now.AddDays(-730);

    /// <summary>Four contacts per account.</summary>
    public int Contacts => Accounts * 4;

    /// <summary>2.4 journeys per account (120 for the default 50 accounts), at least the onboarding story.</summary>
    public int Journeys => Math.Max(1, (int)Math.Round(Accounts * 2.4));
}

/// <summary>A demo account: how its customers feel is decided here, the plugins then measure it.</summary>
internal sealed record PlannedAccount(int Index, Guid Id, string Name, string City, bool French, int ManagerIndex, double PromoterShare, double DetractorShare, double Drift);

/// <summary>A demo contact of an account.</summary>
internal sealed record PlannedContact(int Index, Guid Id, int AccountIndex, string FirstName, string LastName, bool French);

/// <summary>One survey response as the survey tool would deliver it.</summary>
internal sealed record PlannedResponse(
    string Source,
    string ExternalId,
    DateTime RespondedOn,
    int AccountIndex,
    int? ContactIndex,
    bool NamesAccount,
    int Score,
    int? Csat,
    int? Effort,
    int Channel,
    string? Comment,
    int? JourneyIndex,
    int? Stage)
{
    /// <summary>Why the row is deliberately bad (null for good rows): the demo shows how a refused row is reported.</summary>
    public string? Flaw { get; init; }

    /// <summary>Account of another customer named with the contact (a contact/account mismatch), for a bad row.</summary>
    public int? WrongAccountIndex { get; init; }
}

/// <summary>A case or activity of a journey: the table, when it happened, the stage and what it was about.</summary>
internal sealed record PlannedTouchpoint(string Table, Guid Id, DateTime At, int Stage, string Subject)
{
    /// <summary>The field technician (index into NameBank.Technicians) who owns it; null: the journey's agent does.</summary>
    public int? Technician { get; init; }
}

/// <summary>A journey with its touchpoints and its touchpoint surveys.</summary>
internal sealed record PlannedJourney(
    int Index,
    Guid Id,
    int JourneyType,
    int AccountIndex,
    int ContactIndex,
    int AgentIndex,
    DateTime StartedOn,
    DateTime? CompletedOn,
    bool IsStory,
    IReadOnlyList<PlannedTouchpoint> Touchpoints,
    IReadOnlyList<PlannedResponse> Responses);

/// <summary>The whole deterministic data set of one seed.</summary>
internal sealed record DemoPlan(
    DemoSize Size,
    IReadOnlyList<PlannedAccount> Accounts,
    IReadOnlyList<PlannedContact> Contacts,
    IReadOnlyList<PlannedJourney> Journeys,
    IReadOnlyList<PlannedResponse> Responses);
