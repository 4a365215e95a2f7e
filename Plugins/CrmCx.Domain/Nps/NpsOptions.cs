using CrmCx.Domain.Configuration;

namespace CrmCx.Domain.Nps
{
    /// <summary>
    /// What an admin can change in the NPS steps' unsecure configuration (cx-scoring.md, defaults in italics there), e.g.
    /// <c>{"windowDays": 365, "followUpEnabled": true, "followUpDueDays": 2, "lowConfidenceMinResponses": 10, "lowConfidenceMaxMargin": 20}</c>.
    /// </summary>
    public sealed class NpsOptions
    {
        /// <summary>Length of the rolling window in days (previous window: the same length before it).</summary>
        public const string WindowDaysKey = "windowDays";
        /// <summary>Whether a detractor response creates a follow-up task.</summary>
        public const string FollowUpEnabledKey = "followUpEnabled";
        /// <summary>Days from the response to the follow-up task's due date.</summary>
        public const string FollowUpDueDaysKey = "followUpDueDays";
        /// <summary>Below this many responses the figures are "low confidence".</summary>
        public const string LowConfidenceMinResponsesKey = "lowConfidenceMinResponses";
        /// <summary>Above this margin of error (NPS points) the figures are "low confidence".</summary>
        public const string LowConfidenceMaxMarginKey = "lowConfidenceMaxMargin";

        /// <summary>Every key the configuration may carry.</summary>
        public static readonly string[] Keys = { WindowDaysKey, FollowUpEnabledKey, FollowUpDueDaysKey, LowConfidenceMinResponsesKey, LowConfidenceMaxMarginKey };

        /// <summary>Creates options; the defaults are cx-scoring.md's.</summary>
        public NpsOptions(int windowDays = 365, bool followUpEnabled = true, int followUpDueDays = 2, int lowConfidenceMinResponses = 10, decimal lowConfidenceMaxMargin = 20m)
        {
            WindowDays = windowDays;
            FollowUpEnabled = followUpEnabled;
            FollowUpDueDays = followUpDueDays;
            LowConfidenceMinResponses = lowConfidenceMinResponses;
            LowConfidenceMaxMargin = lowConfidenceMaxMargin;
        }

        /// <summary>The defaults of cx-scoring.md.</summary>
        public static NpsOptions Default => new NpsOptions();

        /// <summary>The rolling window in days (default 365).</summary>
        public int WindowDays { get; }
        /// <summary>Whether detractors get a follow-up task (default on).</summary>
        public bool FollowUpEnabled { get; }
        /// <summary>Days until the follow-up task is due (default 2).</summary>
        public int FollowUpDueDays { get; }
        /// <summary>Fewer responses than this is low confidence (default 10).</summary>
        public int LowConfidenceMinResponses { get; }
        /// <summary>A margin above this is low confidence (default 20).</summary>
        public decimal LowConfidenceMaxMargin { get; }

        /// <summary>Reads the step configuration; an unknown key or a bad value throws <see cref="ConfigurationException"/> naming it.</summary>
        public static NpsOptions Parse(string? json)
        {
            var c = StepConfiguration.Parse(json);
            c.EnsureOnlyKnownKeys(Keys);
            // Bounds: a window up to ten years; a follow-up due within a year; a margin is at most 200 points wide.
            return new NpsOptions(
                c.GetInt(WindowDaysKey, 365, 1, 3650),
                c.GetBool(FollowUpEnabledKey, true),
                c.GetInt(FollowUpDueDaysKey, 2, 0, 365),
                c.GetInt(LowConfidenceMinResponsesKey, 10, 1, 1000000),
                c.GetDecimal(LowConfidenceMaxMarginKey, 20m, 0m, 200m));
        }
    }
}
