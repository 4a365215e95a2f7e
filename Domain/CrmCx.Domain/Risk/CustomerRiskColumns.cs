using System;
using CrmCx.Domain.Choices;
using CrmCx.Domain.Text;

namespace CrmCx.Domain.Risk;

/// <summary>
/// The risk columns of an account or contact, as both of their writers put them: the NPS rollup (fresh figures, the
/// journey facts as stored) and the journey rollup (fresh journey facts, the figures as stored). ONE function, so
/// that from the same inputs both write the same row: the highest of the journeys' risk and the customer's own wins,
/// and neither erases the other's reasons.
/// </summary>
public sealed class CustomerRiskColumns
{
    private CustomerRiskColumns(CustomerRiskInput input, CustomerRiskAssessment risk, string reasons, string reasonsJson)
    {
        Level = risk.Level;
        OwnLevel = risk.OwnLevel;
        JourneyLevel = input.HighestJourneyLevel;
        OpenJourneys = input.OpenJourneys;
        AtRiskJourneys = input.AtRiskJourneys;
        Reasons = reasons;
        ReasonsJson = reasonsJson;
        NextChange = risk.NextChange;
    }

    /// <summary>cx_risklevel: the highest of the journeys' level and the customer's own.</summary>
    public RiskLevel Level { get; }
    /// <summary>The level of the customer's own rules alone (NPS fall, detractor share, silence).</summary>
    public RiskLevel OwnLevel { get; }
    /// <summary>cx_journeyrisklevel: the highest level among the open journeys (None without any).</summary>
    public RiskLevel JourneyLevel { get; }
    /// <summary>cx_openjourneys: the open journeys.</summary>
    public int OpenJourneys { get; }
    /// <summary>cx_atriskjourneys: the open journeys at Medium or High.</summary>
    public int AtRiskJourneys { get; }
    /// <summary>cx_riskreasons: one line per reason in the base language; empty when none.</summary>
    public string Reasons { get; }
    /// <summary>cx_riskreasonsjson: the reasons as data ("[]" when none).</summary>
    public string ReasonsJson { get; }
    /// <summary>When time alone next changes these columns (silence reached, its day count), or null.</summary>
    public DateTime? NextChange { get; }

    /// <summary>
    /// The columns of a customer at <paramref name="now"/> (UTC). <paramref name="baseText"/> is asked only when a
    /// reason fired (most customers have none, so the base language is then never read).
    /// </summary>
    public static CustomerRiskColumns Of(CustomerRiskInput input, DateTime now, CustomerRiskOptions? options, Func<TextCatalog> baseText)
    {
        if (input == null) throw new ArgumentNullException(nameof(input));
        if (baseText == null) throw new ArgumentNullException(nameof(baseText));
        var risk = CustomerRisk.Assess(input, now, options);
        var text = risk.Reasons.Count == 0 ? string.Empty : baseText().Reasons(risk.Reasons);
        return new CustomerRiskColumns(input, risk, text, ReasonData.ToJson(risk.Reasons));
    }

    /// <summary>
    /// The journey facts as a customer row stores them (null columns: never written by the journey rollup, e.g. a
    /// row from before these columns: no open journey beyond the at-risk ones, at least Medium when one is at risk).
    /// </summary>
    public static JourneyFacts StoredJourneys(int? openJourneys, int? journeyLevel, int? atRiskJourneys)
    {
        var atRisk = Math.Max(0, atRiskJourneys ?? 0);
        var open = Math.Max(atRisk, openJourneys ?? 0);
        var level = journeyLevel.HasValue && Enum.IsDefined(typeof(RiskLevel), journeyLevel.Value) ? (RiskLevel)journeyLevel.Value : RiskLevel.None;
        if (atRisk > 0 && !RiskAssessment.IsAtRisk(level)) level = RiskLevel.Medium;
        if (open == 0) level = RiskLevel.None;
        return new JourneyFacts(open, level, atRisk);
    }

    /// <summary>The earlier of two moments (null: never).</summary>
    public static DateTime? Earliest(DateTime? a, DateTime? b) =>
        !a.HasValue ? b : !b.HasValue ? a : a.Value <= b.Value ? a : b;
}

/// <summary>A customer's open journeys as the risk rules read them: how many, the highest level, how many at Medium or High.</summary>
public sealed class JourneyFacts
{
    /// <summary>No open journey.</summary>
    public static readonly JourneyFacts None = new JourneyFacts(0, RiskLevel.None, 0);

    /// <summary>Creates the facts; 0 ≤ at risk ≤ open.</summary>
    public JourneyFacts(int open, RiskLevel highest, int atRisk)
    {
        if (open < 0 || atRisk < 0 || atRisk > open)
            throw new ArgumentException("Counts must satisfy 0 ≤ at-risk journeys ≤ open journeys; got " + atRisk + " of " + open + ".");
        Open = open;
        Highest = highest;
        AtRisk = atRisk;
    }

    /// <summary>Open journeys.</summary>
    public int Open { get; }
    /// <summary>The highest risk level among them (None without any).</summary>
    public RiskLevel Highest { get; }
    /// <summary>How many are at Medium or High.</summary>
    public int AtRisk { get; }
}
