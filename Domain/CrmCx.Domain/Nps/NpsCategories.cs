using System;
using CrmCx.Domain.Choices;

namespace CrmCx.Domain.Nps;

/// <summary>The category of a response from its cx_score: 9–10 promoter, 7–8 passive, 0–6 detractor.</summary>
public static class NpsCategories
{
    /// <summary>The lowest score, inclusive.</summary>
    public const int MinScore = 0;
    /// <summary>The highest score, inclusive.</summary>
    public const int MaxScore = 10;

    /// <summary>The category of a valid score; throws for a score outside 0–10 (validation runs first).</summary>
    public static NpsCategory FromScore(int score)
    {
        if (score < MinScore || score > MaxScore) throw new ArgumentOutOfRangeException(nameof(score), score, "An NPS score is a whole number from 0 to 10.");
        if (score >= 9) return NpsCategory.Promoter;
        return score >= 7 ? NpsCategory.Passive : NpsCategory.Detractor;
    }

    /// <summary>Whether the score makes a promoter (9–10).</summary>
    public static bool IsPromoter(int score) => score >= 9 && score <= MaxScore;

    /// <summary>Whether the score makes a detractor (0–6).</summary>
    public static bool IsDetractor(int score) => score >= MinScore && score <= 6;

    /// <summary>Whether the value is a valid score.</summary>
    public static bool IsValidScore(int score) => score >= MinScore && score <= MaxScore;
}
