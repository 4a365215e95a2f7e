using System;
using System.Globalization;
using CrmCx.Domain.Configuration;

namespace CrmCx.Domain.Risk;

/// <summary>The admin-changeable thresholds of the customer health rules (<see cref="CustomerRisk"/>).</summary>
public sealed class CustomerRiskOptions
{
    /// <summary>JSON key of <see cref="DetractorSharePercent"/>.</summary>
    public const string DetractorSharePercentKey = "detractorSharePercent";
    /// <summary>JSON key of <see cref="DetractorShareMinimumResponses"/>.</summary>
    public const string DetractorShareMinimumResponsesKey = "detractorShareMinimumResponses";
    /// <summary>JSON key of <see cref="SilentDays"/>.</summary>
    public const string SilentDaysKey = "silentDays";

    /// <summary>Every key of the customer health settings.</summary>
    public static readonly string[] Keys = { DetractorSharePercentKey, DetractorShareMinimumResponsesKey, SilentDaysKey };

    /// <summary>The defaults: 40 % detractors with at least 10 responses; silent after 90 days.</summary>
    public static readonly CustomerRiskOptions Default = new CustomerRiskOptions();

    /// <summary>Creates options; a value outside its rule throws <see cref="ConfigurationException"/> naming the key.</summary>
    public CustomerRiskOptions(int detractorSharePercent = 40, int detractorShareMinimumResponses = 10, int silentDays = 90)
    {
        Check(DetractorSharePercentKey, detractorSharePercent, 1, 100, "percent");
        Check(DetractorShareMinimumResponsesKey, detractorShareMinimumResponses, 1, 100000, "responses");
        Check(SilentDaysKey, silentDays, 1, 3650, "days");
        DetractorSharePercent = detractorSharePercent;
        DetractorShareMinimumResponses = detractorShareMinimumResponses;
        SilentDays = silentDays;
    }

    /// <summary>The detractor-share rule fires above this share of detractors in the window (percent, default 40).</summary>
    public int DetractorSharePercent { get; }
    /// <summary>The detractor-share rule judges from this many responses in the window (default 10).</summary>
    public int DetractorShareMinimumResponses { get; }
    /// <summary>The silence rule fires after this many days without a response while journeys are open (default 90).</summary>
    public int SilentDays { get; }

    /// <summary>Reads the customer health keys of parsed settings (other keys are the caller's to check).</summary>
    public static CustomerRiskOptions From(JsonSettings c)
    {
        if (c == null) throw new ArgumentNullException(nameof(c));
        return new CustomerRiskOptions(
            c.GetInt(DetractorSharePercentKey, Default.DetractorSharePercent, 1, 100),
            c.GetInt(DetractorShareMinimumResponsesKey, Default.DetractorShareMinimumResponses, 1, 100000),
            c.GetInt(SilentDaysKey, Default.SilentDays, 1, 3650));
    }

    private static void Check(string key, int value, int min, int max, string unit)
    {
        if (value < min || value > max)
            throw new ConfigurationException(string.Format(CultureInfo.InvariantCulture,
                "Customer risk configuration: \"{0}\" is {1}; it must be between {2} and {3} {4}.", key, value, min, max, unit));
    }
}
