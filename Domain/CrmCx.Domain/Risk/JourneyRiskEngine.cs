using System;
using System.Collections.Generic;
using CrmCx.Domain.Choices;
using CrmCx.Domain.Journeys;
using CrmCx.Domain.Nps;
using CrmCx.Domain.Text;

namespace CrmCx.Domain.Risk;

/// <summary>What the risk rules read of a journey besides its figures.</summary>
public sealed class JourneyRiskInput
{
    /// <summary>Creates the input.</summary>
    /// <param name="type">Journey type.</param>
    /// <param name="figures">Computed figures.</param>
    /// <param name="startedOn">cx_startedon (the journey's creation time when empty).</param>
    /// <param name="isOpen">Whether the journey is in progress (statecode Active).</param>
    /// <param name="completedOn">cx_completedon, the end of a closed journey's duration.</param>
    public JourneyRiskInput(JourneyType type, JourneyFigures figures, DateTime? startedOn, bool isOpen, DateTime? completedOn)
    {
        Type = type;
        Figures = figures ?? throw new ArgumentNullException(nameof(figures));
        StartedOn = startedOn;
        IsOpen = isOpen;
        CompletedOn = completedOn;
    }

    /// <summary>Journey type.</summary>
    public JourneyType Type { get; }
    /// <summary>Figures.</summary>
    public JourneyFigures Figures { get; }
    /// <summary>Start.</summary>
    public DateTime? StartedOn { get; }
    /// <summary>In progress.</summary>
    public bool IsOpen { get; }
    /// <summary>End of a closed journey.</summary>
    public DateTime? CompletedOn { get; }
}

/// <summary>Applies the journey risk rules of cx-scoring.md; deterministic: "now" is given.</summary>
public sealed class JourneyRiskEngine
{
    /// <summary>Points of the decline rule.</summary>
    public const int DeclinePoints = 35;
    /// <summary>Points per detractor response.</summary>
    public const int DetractorPoints = 15;
    /// <summary>Most points the detractor rule adds.</summary>
    public const int DetractorPointsMaximum = 30;
    /// <summary>Points of the latest-response-is-a-detractor rule.</summary>
    public const int LatestDetractorPoints = 10;
    /// <summary>Points of the low journey satisfaction rule.</summary>
    public const int LowSatisfactionPoints = 20;
    /// <summary>Responses the low satisfaction rule needs before it judges.</summary>
    public const int LowSatisfactionMinimumResponses = 3;
    /// <summary>Points of the contact-volume rule.</summary>
    public const int TooManyContactsPoints = 20;
    /// <summary>Points of the repeat-contact rule.</summary>
    public const int RepeatContactsPoints = 15;
    /// <summary>Points of the duration rule.</summary>
    public const int OverduePoints = 15;

    /// <summary>Creates the engine with its options.</summary>
    public JourneyRiskEngine(JourneyRiskOptions? options = null)
    {
        Options = options ?? JourneyRiskOptions.Default;
    }

    /// <summary>The thresholds and expectations in force.</summary>
    public JourneyRiskOptions Options { get; }

    /// <summary>Assesses a journey at the given time (UTC).</summary>
    public RiskAssessment Assess(JourneyRiskInput input, DateTime now)
    {
        if (input == null) throw new ArgumentNullException(nameof(input));
        var f = input.Figures;
        var reasons = new List<RiskReason>();

        if (f.Trend.HasValue && f.Trend.Value <= -Options.TrendDropPoints && f.StartScore.HasValue && f.StartStage.HasValue && f.LatestStage.HasValue)
        {
            var start = f.StartScore.Value;
            var latest = f.LatestScore ?? start;
            var percent = start == 0 ? 0 : Math.Round((latest - start) * 100m / start, 0, MidpointRounding.AwayFromZero);
            reasons.Add(new RiskReason(RiskRule.Decline, DeclinePoints, new ReasonData(ReasonCodes.SatisfactionFell,
                V("from", Whole(start)), V("to", Whole(latest)), V("fromStage", f.StartStage.Value), V("toStage", f.LatestStage.Value), V("percent", percent))));
        }

        if (f.Detractors > 0)
        {
            reasons.Add(new RiskReason(RiskRule.Detractors, Math.Min(DetractorPointsMaximum, DetractorPoints * f.Detractors),
                new ReasonData(ReasonCodes.Detractors, V("count", f.Detractors))));
        }

        var last = f.LatestResponse;
        if (last != null && NpsCategories.IsDetractor(last.Score))
        {
            reasons.Add(new RiskReason(RiskRule.LatestDetractor, LatestDetractorPoints,
                new ReasonData(ReasonCodes.LatestDetractor, V("score", last.Score), V("stage", last.Stage))));
        }

        if (f.Score.HasValue && f.Score.Value < Options.LowJourneyScore && f.ResponseCount >= LowSatisfactionMinimumResponses)
        {
            reasons.Add(new RiskReason(RiskRule.LowSatisfaction, LowSatisfactionPoints,
                new ReasonData(ReasonCodes.LowSatisfaction, V("score", Whole(f.Score.Value)))));
        }

        var expectedContacts = Options.ExpectedTouchpointsFor(input.Type);
        if (f.TouchpointCount > expectedContacts)
        {
            reasons.Add(new RiskReason(RiskRule.TooManyContacts, TooManyContactsPoints, new ReasonData(ReasonCodes.TooManyContacts,
                V("count", f.TouchpointCount), V("expected", expectedContacts), V("journeyType", (int)input.Type))));
        }

        if (f.RepeatContacts >= Options.RepeatContactsMinimum)
        {
            reasons.Add(new RiskReason(RiskRule.RepeatContacts, RepeatContactsPoints, new ReasonData(ReasonCodes.RepeatContacts,
                V("count", f.RepeatContacts), V("days", Options.RepeatWindowDays))));
        }

        var expectedDays = Options.ExpectedDaysFor(input.Type);
        var openDays = OpenDays(input, now);
        if (openDays.HasValue && openDays.Value > expectedDays)
        {
            reasons.Add(new RiskReason(RiskRule.Overdue, OverduePoints, new ReasonData(ReasonCodes.Overdue,
                V("days", openDays.Value), V("expected", expectedDays))));
        }

        return new RiskAssessment(reasons);
    }

    /// <summary>Whole days the journey has been (or was, when closed) open; null without a start.</summary>
    public static int? OpenDays(JourneyRiskInput input, DateTime now)
    {
        if (input == null) throw new ArgumentNullException(nameof(input));
        if (!input.StartedOn.HasValue) return null;
        // A closed journey stopped ageing when it closed; without a completion date it no longer ages at all.
        var end = input.IsOpen ? now : input.CompletedOn;
        if (!end.HasValue) return null;
        var days = (int)Math.Floor((end.Value - input.StartedOn.Value).TotalDays);
        return Math.Max(0, days);
    }

    /// <summary>"an onboarding", "a relocation"...: how an English reason names a journey type.</summary>
    public static string TypePhrase(JourneyType type) => TextCatalog.English.TypePhrase(type);

    private static KeyValuePair<string, object?> V(string key, object? value) => ReasonData.Value(key, value);

    // Scores are carried as the whole numbers the sentences show, so every language reads the same figure.
    private static int Whole(decimal value) => (int)Math.Round(value, 0, MidpointRounding.AwayFromZero);
}
