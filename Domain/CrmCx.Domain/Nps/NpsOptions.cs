using CrmCx.Domain.Configuration;

namespace CrmCx.Domain.Nps;

/// <summary>
/// What an admin can change of NPS in the CrmCx settings (<see cref="CrmCx.Domain.Configuration.CrmCxSettings"/>; cx-scoring.md's defaults in italics), e.g.
/// <c>{"windowDays": 365, "followUpEnabled": true, "followUpDueDays": 2}</c>.
/// </summary>
/// <remarks>
/// The low-confidence thresholds (fewer than 10 responses, a margin above 20) are not options: only the panel applies
/// them, and they are the same in every environment, so a key here would change nothing a user sees. They
/// are fixed in <see cref="NpsMath"/> and, for the panel, in WebResources/src/cx/nps.ts.
/// </remarks>
public sealed class NpsOptions
{
    /// <summary>Length of the rolling window in days (previous window: the same length before it).</summary>
    public const string WindowDaysKey = "windowDays";
    /// <summary>Whether a detractor response creates a follow-up task.</summary>
    public const string FollowUpEnabledKey = "followUpEnabled";
    /// <summary>Days from the response to the follow-up task's due date.</summary>
    public const string FollowUpDueDaysKey = "followUpDueDays";

    /// <summary>
    /// Most responses a customer may have in the two windows for its figures to be read straight from them in one
    /// query; above it (or at 0) they come from its day summaries. At most 5,000, the largest page Dataverse returns.
    /// </summary>
    public const string SummarizeDaysAboveKey = "summarizeDaysAbove";

    /// <summary>The largest <see cref="SummarizeDaysAbove"/>: one page of RetrieveMultiple.</summary>
    public const int MostResponsesReadAtOnce = 5000;

    /// <summary>Every key the configuration may carry.</summary>
    public static readonly string[] Keys = { WindowDaysKey, FollowUpEnabledKey, FollowUpDueDaysKey, SummarizeDaysAboveKey };

    /// <summary>Creates options; the defaults are cx-scoring.md's.</summary>
    public NpsOptions(int windowDays = 365, bool followUpEnabled = true, int followUpDueDays = 2, int summarizeDaysAbove = MostResponsesReadAtOnce)
    {
        SummarizeDaysAbove = summarizeDaysAbove;
        WindowDays = windowDays;
        FollowUpEnabled = followUpEnabled;
        FollowUpDueDays = followUpDueDays;
    }

    /// <summary>The defaults of cx-scoring.md.</summary>
    public static NpsOptions Default => new NpsOptions();

    /// <summary>The rolling window in days (default 365).</summary>
    public int WindowDays { get; }
    /// <summary>Whether detractors get a follow-up task (default on).</summary>
    public bool FollowUpEnabled { get; }
    /// <summary>Days until the follow-up task is due (default 2).</summary>
    public int FollowUpDueDays { get; }
    /// <summary>Responses in the two windows above which a customer's figures come from day summaries (default 5,000; 0: always).</summary>
    public int SummarizeDaysAbove { get; }

    /// <summary>Reads NPS settings alone (tests, tools); an unknown key or a bad value throws <see cref="ConfigurationException"/> naming it.</summary>
    public static NpsOptions Parse(string? json)
    {
        var c = JsonSettings.Parse(json);
        c.EnsureOnlyKnownKeys(Keys);
        return From(c);
    }

    /// <summary>Reads the NPS keys of parsed settings (other keys are the caller's to check).</summary>
    public static NpsOptions From(JsonSettings c)
    {
        if (c == null) throw new System.ArgumentNullException(nameof(c));
        // Bounds: a window up to ten years; a follow-up due within a year.
        return new NpsOptions(
            c.GetInt(WindowDaysKey, 365, 1, 3650),
            c.GetBool(FollowUpEnabledKey, true),
            c.GetInt(FollowUpDueDaysKey, 2, 0, 365),
            c.GetInt(SummarizeDaysAboveKey, MostResponsesReadAtOnce, 0, MostResponsesReadAtOnce));
    }
}
