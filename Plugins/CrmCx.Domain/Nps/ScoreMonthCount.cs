using System;

namespace CrmCx.Domain.Nps
{
    /// <summary>One row of an NPS aggregate: how many responses of one span had this score in this month, and the newest of them when known.</summary>
    public sealed class ScoreMonthCount
    {
        /// <summary>Creates the row.</summary>
        public ScoreMonthCount(int score, YearMonth month, int count, DateTime? newest = null)
        {
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), count, "A count cannot be negative.");
            Score = score;
            Month = month;
            Count = count;
            Newest = newest;
        }

        /// <summary>cx_score (rows outside 0–10, possible in imported data, are not counted by the calculator).</summary>
        public int Score { get; }

        /// <summary>The calendar month (UTC) of cx_respondedon.</summary>
        public YearMonth Month { get; }

        /// <summary>Number of responses.</summary>
        public int Count { get; }

        /// <summary>The newest cx_respondedon among them, when the aggregate reported it.</summary>
        public DateTime? Newest { get; }
    }

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
}
