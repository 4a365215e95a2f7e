using System;
using System.Globalization;
using System.Linq;
using System.Text;
using CrmCx.Domain.Choices;
using CrmCx.Domain.Nps;
using CrmCx.Domain.Risk;
using CrmCx.Schema;

namespace CrmCx.Domain.Configuration;

/// <summary>
/// Everything an admin can change per environment: one JSON object, the value of the solution environment variable
/// <see cref="EnvironmentVariable"/> (its default value ships in the solution). Keys are those of
/// <see cref="NpsOptions"/> and <see cref="JourneyRiskOptions"/>; a key left out keeps its default.
/// </summary>
/// <remarks>
/// One variable instead of step configurations: step configuration is per step, so the same window had to be
/// repeated on every step (and the panel could not read it); an environment variable is per environment, readable by
/// plug-ins and web resources alike, and carried through ALM with a value per environment.
/// </remarks>
public sealed class CrmCxSettings
{
    /// <summary>Schema name of the environment variable definition that holds the settings.</summary>
    public const string EnvironmentVariable = ComponentSchema.Settings;

    private CrmCxSettings(NpsOptions nps, JourneyRiskOptions journeyRisk, CustomerRiskOptions customerRisk)
    {
        Nps = nps;
        JourneyRisk = journeyRisk;
        CustomerRisk = customerRisk;
    }

    /// <summary>The defaults of cx-scoring.md.</summary>
    public static CrmCxSettings Default { get; } = new CrmCxSettings(NpsOptions.Default, JourneyRiskOptions.Default, CustomerRiskOptions.Default);

    /// <summary>Every key the settings may carry.</summary>
    public static string[] Keys => NpsOptions.Keys.Concat(JourneyRiskOptions.Keys).Concat(CustomerRiskOptions.Keys).ToArray();

    /// <summary>The customer health thresholds (detractor share, silence).</summary>
    public CustomerRiskOptions CustomerRisk { get; }

    /// <summary>The NPS window, follow-up switch and due days.</summary>
    public NpsOptions Nps { get; }

    /// <summary>The journey risk thresholds and expectations.</summary>
    public JourneyRiskOptions JourneyRisk { get; }

    /// <summary>
    /// Reads the settings; null or blank means every default. Bad JSON, an unknown key or a value outside its rule
    /// throws <see cref="ConfigurationException"/> naming the key and the environment variable.
    /// </summary>
    public static CrmCxSettings Parse(string? json)
    {
        try
        {
            var c = JsonSettings.Parse(json);
            c.EnsureOnlyKnownKeys(Keys);
            return new CrmCxSettings(NpsOptions.From(c), JourneyRiskOptions.From(c), CustomerRiskOptions.From(c));
        }
        catch (ConfigurationException e)
        {
            throw new ConfigurationException("Environment variable " + EnvironmentVariable + ": " + e.Message, e);
        }
    }

    /// <summary>The JSON of every default, as the solution ships it as the variable's default value.</summary>
    public static string DefaultJson()
    {
        var nps = NpsOptions.Default;
        var risk = JourneyRiskOptions.Default;
        var json = new StringBuilder("{");
        Append(json, NpsOptions.WindowDaysKey, Number(nps.WindowDays));
        Append(json, NpsOptions.FollowUpEnabledKey, nps.FollowUpEnabled ? "true" : "false");
        Append(json, NpsOptions.FollowUpDueDaysKey, Number(nps.FollowUpDueDays));
        Append(json, NpsOptions.SummarizeDaysAboveKey, Number(nps.SummarizeDaysAbove));
        Append(json, JourneyRiskOptions.TrendDropPointsKey, Number(risk.TrendDropPoints));
        Append(json, JourneyRiskOptions.LowJourneyScoreKey, Number(risk.LowJourneyScore));
        Append(json, JourneyRiskOptions.RepeatWindowDaysKey, Number(risk.RepeatWindowDays));
        Append(json, JourneyRiskOptions.RepeatContactsMinimumKey, Number(risk.RepeatContactsMinimum));
        Append(json, JourneyRiskOptions.ExpectedTouchpointsKey, ByType(risk.ExpectedTouchpointsFor));
        Append(json, JourneyRiskOptions.ExpectedDaysKey, ByType(risk.ExpectedDaysFor));
        var customer = CustomerRiskOptions.Default;
        Append(json, CustomerRiskOptions.DetractorSharePercentKey, Number(customer.DetractorSharePercent));
        Append(json, CustomerRiskOptions.DetractorShareMinimumResponsesKey, Number(customer.DetractorShareMinimumResponses));
        Append(json, CustomerRiskOptions.SilentDaysKey, Number(customer.SilentDays));
        return json.Append('}').ToString();
    }

    private static readonly JourneyType[] Types = { JourneyType.Onboarding, JourneyType.Relocation, JourneyType.Renewal, JourneyType.TechnicalIssue, JourneyType.Other };

    private static string ByType(Func<JourneyType, int> value)
    {
        var json = new StringBuilder("{");
        foreach (var type in Types) Append(json, JourneyRiskOptions.TypeKey(type), Number(value(type)));
        return json.Append('}').ToString();
    }

    private static void Append(StringBuilder json, string key, string value)
    {
        if (json.Length > 1) json.Append(',');
        json.Append(JsonText.Quote(key)).Append(':').Append(value);
    }

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
