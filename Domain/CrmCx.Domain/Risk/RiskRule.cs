using System;
using CrmCx.Domain.Text;

namespace CrmCx.Domain.Risk;

/// <summary>The journey risk rules of cx-scoring.md, in the order their reasons are written.</summary>
public enum RiskRule
{
    /// <summary>Trend at or below minus the configured drop: 35 points.</summary>
    Decline,
    /// <summary>Detractor responses in the journey: 15 each, at most 30.</summary>
    Detractors,
    /// <summary>The latest response is a detractor: 10.</summary>
    LatestDetractor,
    /// <summary>Journey score below the configured floor with at least 3 responses: 20.</summary>
    LowSatisfaction,
    /// <summary>More touchpoints than the type's expectation: 20.</summary>
    TooManyContacts,
    /// <summary>At least the configured number of repeat contacts: 15.</summary>
    RepeatContacts,
    /// <summary>Open longer than the type's expected duration: 15.</summary>
    Overdue,
}

/// <summary>One rule that fired: its points and its reason as data (code and values, docs/risk-reasons.md).</summary>
public sealed class RiskReason
{
    /// <summary>Creates a reason.</summary>
    public RiskReason(RiskRule rule, int points, ReasonData data)
    {
        Rule = rule;
        Points = points;
        Data = data ?? throw new ArgumentNullException(nameof(data));
    }

    /// <summary>The rule.</summary>
    public RiskRule Rule { get; }
    /// <summary>Points it adds (before the cap at 100).</summary>
    public int Points { get; }
    /// <summary>The reason's code and values.</summary>
    public ReasonData Data { get; }
    /// <summary>The English reason line, e.g. "2 detractor responses" (other languages: <see cref="TextCatalog.Reason"/>).</summary>
    public string Text => TextCatalog.English.Reason(Data);

    /// <inheritdoc />
    public override string ToString() => Text;
}
