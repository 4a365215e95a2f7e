using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Domain.Choices;
using CrmCx.Domain.Text;

namespace CrmCx.Domain.Risk;

/// <summary>A journey's risk: score 0–100, level and one reason per rule that fired.</summary>
public sealed class RiskAssessment
{
    /// <summary>The highest risk score.</summary>
    public const int MaximumScore = 100;

    /// <summary>Creates an assessment from the reasons that fired; the score is their points capped at 100.</summary>
    public RiskAssessment(IReadOnlyList<RiskReason> reasons)
    {
        Reasons = reasons ?? throw new ArgumentNullException(nameof(reasons));
        Score = Math.Min(MaximumScore, reasons.Sum(r => r.Points));
        Level = LevelOf(Score);
    }

    /// <summary>Risk score 0–100.</summary>
    public int Score { get; }
    /// <summary>Risk level of the score.</summary>
    public RiskLevel Level { get; }
    /// <summary>The rules that fired, in rule order.</summary>
    public IReadOnlyList<RiskReason> Reasons { get; }
    /// <summary>The English reason lines joined by line feeds; empty when nothing fired.</summary>
    public string ReasonText => ReasonTextIn(TextCatalog.English);
    /// <summary>The reason lines in a language, as cx_riskreasons holds them (the organization's base language).</summary>
    public string ReasonTextIn(TextCatalog text) => (text ?? throw new ArgumentNullException(nameof(text))).Reasons(Reasons.Select(r => r.Data));
    /// <summary>The reasons as cx_riskreasonsjson holds them.</summary>
    public string ReasonJson => ReasonData.ToJson(Reasons.Select(r => r.Data));

    /// <summary>Level bands: 0 None, 1–29 Low, 30–59 Medium, 60+ High.</summary>
    public static RiskLevel LevelOf(int score)
    {
        if (score <= 0) return RiskLevel.None;
        if (score < 30) return RiskLevel.Low;
        if (score < 60) return RiskLevel.Medium;
        return RiskLevel.High;
    }

    /// <summary>Whether a level counts as "at risk" for a customer's cx_atriskjourneys (Medium or High).</summary>
    public static bool IsAtRisk(RiskLevel level) => level == RiskLevel.Medium || level == RiskLevel.High;
}
