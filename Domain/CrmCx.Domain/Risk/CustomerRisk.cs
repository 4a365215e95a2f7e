using System;
using System.Collections.Generic;
using CrmCx.Domain.Choices;
using CrmCx.Domain.Nps;

namespace CrmCx.Domain.Risk;

/// <summary>What the customer health rules read of an account or contact (its stored NPS figures and its open journeys).</summary>
public sealed class CustomerRiskInput
{
    /// <summary>Creates the input.</summary>
    public CustomerRiskInput(decimal? nps, decimal? margin, decimal? previousNps, decimal? previousMargin, int responses, int detractors,
        DateTime? lastResponseOn, int openJourneys, RiskLevel highestJourneyLevel, int atRiskJourneys)
    {
        if (responses < 0 || detractors < 0 || detractors > responses)
            throw new ArgumentException("Counts must satisfy 0 ≤ detractors ≤ responses; got " + detractors + " of " + responses + ".");
        if (openJourneys < 0 || atRiskJourneys < 0 || atRiskJourneys > openJourneys)
            throw new ArgumentException("Counts must satisfy 0 ≤ at-risk journeys ≤ open journeys; got " + atRiskJourneys + " of " + openJourneys + ".");
        Nps = nps;
        Margin = margin;
        PreviousNps = previousNps;
        PreviousMargin = previousMargin;
        Responses = responses;
        Detractors = detractors;
        LastResponseOn = lastResponseOn;
        OpenJourneys = openJourneys;
        HighestJourneyLevel = highestJourneyLevel;
        AtRiskJourneys = atRiskJourneys;
    }

    /// <summary>cx_nps.</summary>
    public decimal? Nps { get; }
    /// <summary>cx_npsmargin.</summary>
    public decimal? Margin { get; }
    /// <summary>cx_npsprevious.</summary>
    public decimal? PreviousNps { get; }
    /// <summary>cx_npsprevmargin.</summary>
    public decimal? PreviousMargin { get; }
    /// <summary>cx_npsresponses.</summary>
    public int Responses { get; }
    /// <summary>cx_detractors.</summary>
    public int Detractors { get; }
    /// <summary>cx_lastresponseon.</summary>
    public DateTime? LastResponseOn { get; }
    /// <summary>Open journeys of the customer.</summary>
    public int OpenJourneys { get; }
    /// <summary>The highest risk level among them (None without any).</summary>
    public RiskLevel HighestJourneyLevel { get; }
    /// <summary>How many of them are at Medium or High.</summary>
    public int AtRiskJourneys { get; }
}

/// <summary>A customer's risk: cx_risklevel, the reasons (cx_riskreasons, cx_riskreasonsjson) and when time alone changes it.</summary>
public sealed class CustomerRiskAssessment
{
    internal CustomerRiskAssessment(RiskLevel level, RiskLevel ownLevel, IReadOnlyList<ReasonData> reasons, DateTime? nextChange)
    {
        Level = level;
        OwnLevel = ownLevel;
        Reasons = reasons;
        NextChange = nextChange;
    }

    /// <summary>The highest of the journeys' risk and the customer's own: cx_risklevel.</summary>
    public RiskLevel Level { get; }
    /// <summary>The level of the customer's own rules alone.</summary>
    public RiskLevel OwnLevel { get; }
    /// <summary>The reasons in contract order: nps-fell, detractor-share, silent, journeys-at-risk.</summary>
    public IReadOnlyList<ReasonData> Reasons { get; }
    /// <summary>When the assessment next changes with time alone (the silence rule and its day count), or null.</summary>
    public DateTime? NextChange { get; }
}

/// <summary>
/// The customer health rules: a fall of NPS beyond noise between the previous and the current window, a share of
/// detractors above the threshold, silence while journeys are open; plus the open journeys at risk. Own rules weigh:
/// a fall of NPS or a detractor share is Medium, both High; silence alone is Low. Deterministic: now is given.
/// </summary>
public static class CustomerRisk
{
    /// <summary>Assesses a customer at <paramref name="now"/> (UTC).</summary>
    public static CustomerRiskAssessment Assess(CustomerRiskInput input, DateTime now, CustomerRiskOptions? options = null)
    {
        if (input == null) throw new ArgumentNullException(nameof(input));
        var o = options ?? CustomerRiskOptions.Default;
        var reasons = new List<ReasonData>();
        var strong = 0;

        if (input.Nps.HasValue && input.PreviousNps.HasValue && input.Nps.Value < input.PreviousNps.Value
            && NpsMath.IsSignificantChange(input.Nps, input.Margin, input.PreviousNps, input.PreviousMargin) == true)
        {
            strong++;
            reasons.Add(new ReasonData(ReasonCodes.NpsFell, V("from", input.PreviousNps.Value), V("to", input.Nps.Value),
                V("margin", Noise(input.Margin!.Value, input.PreviousMargin!.Value))));
        }

        if (input.Responses >= o.DetractorShareMinimumResponses && input.Detractors * 100m > o.DetractorSharePercent * (decimal)input.Responses)
        {
            strong++;
            var percent = (int)Math.Round(input.Detractors * 100m / input.Responses, 0, MidpointRounding.AwayFromZero);
            reasons.Add(new ReasonData(ReasonCodes.DetractorShare, V("percent", percent), V("threshold", o.DetractorSharePercent), V("responses", input.Responses)));
        }

        DateTime? nextChange = null;
        var silent = false;
        if (input.OpenJourneys > 0 && input.LastResponseOn.HasValue)
        {
            var days = (int)Math.Floor((now - input.LastResponseOn.Value).TotalDays);
            if (days >= o.SilentDays)
            {
                silent = true;
                reasons.Add(new ReasonData(ReasonCodes.Silent, V("days", days), V("openJourneys", input.OpenJourneys)));
                // The day count in the reason moves every day.
                nextChange = input.LastResponseOn.Value.AddDays(days + 1);
            }
            else
            {
                nextChange = input.LastResponseOn.Value.AddDays(o.SilentDays);
            }
        }

        if (input.AtRiskJourneys > 0)
            reasons.Add(new ReasonData(ReasonCodes.JourneysAtRisk, V("count", input.AtRiskJourneys), V("level", (int)input.HighestJourneyLevel)));

        var own = strong >= 2 ? RiskLevel.High : strong == 1 ? RiskLevel.Medium : silent ? RiskLevel.Low : RiskLevel.None;
        var level = own > input.HighestJourneyLevel ? own : input.HighestJourneyLevel;
        return new CustomerRiskAssessment(level, own, reasons, nextChange);
    }

    // The noise the change is measured against (cx-scoring.md): √(MOE² + MOE_prev²), one decimal.
    private static decimal Noise(decimal margin, decimal previousMargin) =>
        Math.Round((decimal)Math.Sqrt((double)(margin * margin + previousMargin * previousMargin)), 1, MidpointRounding.AwayFromZero);

    private static KeyValuePair<string, object?> V(string key, object? value) => ReasonData.Value(key, value);
}
