using System;
using System.Collections.Generic;

namespace CrmCx.Domain.Journeys;

/// <summary>The figures of one stage of a journey (one cx_journeystagescore row).</summary>
public sealed class StageFigures
{
    /// <summary>Creates the figures of a stage.</summary>
    public StageFigures(int stage, decimal? score, decimal? nps, int responseCount, int touchpointCount, DateTime? firstActivityOn, DateTime? lastActivityOn)
    {
        Stage = stage;
        Score = score;
        Nps = nps;
        ResponseCount = responseCount;
        TouchpointCount = touchpointCount;
        FirstActivityOn = firstActivityOn;
        LastActivityOn = lastActivityOn;
    }

    /// <summary>cx_journeystage value.</summary>
    public int Stage { get; }
    /// <summary>Mean satisfaction index of the stage's responses (two decimals), null without one.</summary>
    public decimal? Score { get; }
    /// <summary>NPS of the stage's responses (one decimal), null without responses.</summary>
    public decimal? Nps { get; }
    /// <summary>Responses in the stage.</summary>
    public int ResponseCount { get; }
    /// <summary>Cases and activities in the stage.</summary>
    public int TouchpointCount { get; }
    /// <summary>Earliest touchpoint or response of the stage.</summary>
    public DateTime? FirstActivityOn { get; }
    /// <summary>Latest touchpoint or response of the stage.</summary>
    public DateTime? LastActivityOn { get; }
}

/// <summary>The latest survey response of a journey: the one the "latest response is a detractor" rule reads.</summary>
public sealed class LatestResponse
{
    /// <summary>Creates it.</summary>
    public LatestResponse(int score, int? stage, DateTime? respondedOn)
    {
        Score = score;
        Stage = stage;
        RespondedOn = respondedOn;
    }

    /// <summary>cx_score.</summary>
    public int Score { get; }
    /// <summary>Its stage, or null.</summary>
    public int? Stage { get; }
    /// <summary>cx_respondedon.</summary>
    public DateTime? RespondedOn { get; }
}

/// <summary>Every computed figure of a journey, before risk (cx-scoring.md "Journey scores").</summary>
public sealed class JourneyFigures
{
    /// <summary>Creates the figures.</summary>
    public JourneyFigures(
        IReadOnlyList<StageFigures> stages,
        decimal? score,
        decimal? startScore,
        decimal? trend,
        int? startStage,
        int? latestStage,
        decimal? nps,
        int responseCount,
        int touchpointCount,
        int repeatContacts,
        int detractors,
        LatestResponse? latestResponse)
    {
        Stages = stages ?? throw new ArgumentNullException(nameof(stages));
        Score = score;
        StartScore = startScore;
        Trend = trend;
        StartStage = startStage;
        LatestStage = latestStage;
        Nps = nps;
        ResponseCount = responseCount;
        TouchpointCount = touchpointCount;
        RepeatContacts = repeatContacts;
        Detractors = detractors;
        LatestResponse = latestResponse;
    }

    /// <summary>The stages that have responses or touchpoints, in journey order.</summary>
    public IReadOnlyList<StageFigures> Stages { get; }
    /// <summary>Mean of the scored stages' scores (two decimals), null when no stage is scored.</summary>
    public decimal? Score { get; }
    /// <summary>Score of the earliest scored stage.</summary>
    public decimal? StartScore { get; }
    /// <summary>Latest scored stage minus earliest scored stage, in points; null with fewer than two scored stages.</summary>
    public decimal? Trend { get; }
    /// <summary>Earliest scored stage.</summary>
    public int? StartStage { get; }
    /// <summary>Latest scored stage.</summary>
    public int? LatestStage { get; }
    /// <summary>NPS of all the journey's responses (one decimal), null without responses.</summary>
    public decimal? Nps { get; }
    /// <summary>Responses linked to the journey.</summary>
    public int ResponseCount { get; }
    /// <summary>Cases and activities linked to the journey.</summary>
    public int TouchpointCount { get; }
    /// <summary>Touchpoints within the repeat window of the previous one.</summary>
    public int RepeatContacts { get; }
    /// <summary>Responses scored 0–6.</summary>
    public int Detractors { get; }
    /// <summary>The newest response, or null.</summary>
    public LatestResponse? LatestResponse { get; }

    /// <summary>Score of the latest scored stage (the start score when only one stage is scored).</summary>
    public decimal? LatestScore => Trend.HasValue ? StartScore + Trend : StartScore;
}
