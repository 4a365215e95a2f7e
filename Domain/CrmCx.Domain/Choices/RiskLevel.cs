namespace CrmCx.Domain.Choices;

/// <summary>Choice cx_risklevel; the numeric order is the order of severity.</summary>
public enum RiskLevel
{
    /// <summary>Risk score 0.</summary>
    None = 964000000,
    /// <summary>Risk score 1–29.</summary>
    Low = 964000001,
    /// <summary>Risk score 30–59.</summary>
    Medium = 964000002,
    /// <summary>Risk score 60 and more.</summary>
    High = 964000003,
}
