namespace CrmCx.Domain.Choices;

/// <summary>Choice cx_journeytype; the last digit numbers the type's stages (cx_journeystage).</summary>
public enum JourneyType
{
    /// <summary>Onboarding a new customer.</summary>
    Onboarding = 964000001,
    /// <summary>A move.</summary>
    Relocation = 964000002,
    /// <summary>A renewal.</summary>
    Renewal = 964000003,
    /// <summary>A technical issue.</summary>
    TechnicalIssue = 964000004,
    /// <summary>Any other journey.</summary>
    Other = 964000009,
}
