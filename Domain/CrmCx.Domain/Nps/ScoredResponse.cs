using System;

namespace CrmCx.Domain.Nps;

/// <summary>The two facts of one response that NPS needs: its score and when it was given (UTC).</summary>
public struct ScoredResponse
{
    /// <summary>Creates the response.</summary>
    public ScoredResponse(int score, DateTime respondedOn)
    {
        Score = score;
        RespondedOn = respondedOn;
    }

    /// <summary>cx_score.</summary>
    public int Score { get; }

    /// <summary>cx_respondedon (UTC).</summary>
    public DateTime RespondedOn { get; }
}
