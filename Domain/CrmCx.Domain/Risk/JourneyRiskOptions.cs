using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmCx.Domain.Choices;
using CrmCx.Domain.Configuration;

namespace CrmCx.Domain.Risk;

/// <summary>
/// The admin-changeable numbers of the journey risk rules (the italic defaults of cx-scoring.md). Points and level
/// bands are not here on purpose: they define what a risk score means and must agree everywhere.
/// </summary>
public sealed class JourneyRiskOptions
{
    private static readonly IReadOnlyDictionary<JourneyType, int> DefaultTouchpoints = new Dictionary<JourneyType, int>
    {
        [JourneyType.Onboarding] = 6,
        [JourneyType.Relocation] = 4,
        [JourneyType.Renewal] = 3,
        [JourneyType.TechnicalIssue] = 3,
        [JourneyType.Other] = 5,
    };

    private static readonly IReadOnlyDictionary<JourneyType, int> DefaultDays = new Dictionary<JourneyType, int>
    {
        [JourneyType.Onboarding] = 90,
        [JourneyType.Relocation] = 30,
        [JourneyType.Renewal] = 45,
        [JourneyType.TechnicalIssue] = 14,
        [JourneyType.Other] = 60,
    };

    // Declared after the default tables: static fields initialise in text order.
    /// <summary>The documented defaults.</summary>
    public static readonly JourneyRiskOptions Default = new JourneyRiskOptions();

    /// <summary>Creates options; every argument left out keeps its documented default. Invalid values are refused.</summary>
    public JourneyRiskOptions(
        int trendDropPoints = 20,
        int lowJourneyScore = 50,
        int repeatWindowDays = 14,
        int repeatContactsMinimum = 2,
        IReadOnlyDictionary<JourneyType, int>? expectedTouchpoints = null,
        IReadOnlyDictionary<JourneyType, int>? expectedDays = null)
    {
        TrendDropPoints = trendDropPoints;
        LowJourneyScore = lowJourneyScore;
        RepeatWindowDays = repeatWindowDays;
        RepeatContactsMinimum = repeatContactsMinimum;
        ExpectedTouchpoints = Merge(DefaultTouchpoints, expectedTouchpoints);
        ExpectedDays = Merge(DefaultDays, expectedDays);
        var errors = Validate().ToList();
        if (errors.Count > 0) throw new ConfigurationException(string.Join(" ", errors));
    }

    /// <summary>
    /// Reads journey risk settings alone (tests, tools), e.g.
    /// <c>{"trendDropPoints": 25, "expectedTouchpoints": {"onboarding": 8}, "expectedDays": {"renewal": 60}}</c>;
    /// empty means the defaults; an unknown key or a value outside its rule throws <see cref="ConfigurationException"/>.
    /// </summary>
    public static JourneyRiskOptions Parse(string? json)
    {
        var c = JsonSettings.Parse(json);
        c.EnsureOnlyKnownKeys(Keys);
        return From(c);
    }

    /// <summary>Every key of the journey risk settings.</summary>
    public static readonly string[] Keys = { TrendDropPointsKey, LowJourneyScoreKey, RepeatWindowDaysKey, RepeatContactsMinimumKey, ExpectedTouchpointsKey, ExpectedDaysKey };

    /// <summary>Reads the journey risk keys of parsed settings (other keys are the caller's to check).</summary>
    public static JourneyRiskOptions From(JsonSettings c)
    {
        if (c == null) throw new ArgumentNullException(nameof(c));
        return new JourneyRiskOptions(
            c.GetInt(TrendDropPointsKey, Default.TrendDropPoints, 1, 100),
            c.GetInt(LowJourneyScoreKey, Default.LowJourneyScore, 1, 100),
            c.GetInt(RepeatWindowDaysKey, Default.RepeatWindowDays, 1, 365),
            c.GetInt(RepeatContactsMinimumKey, Default.RepeatContactsMinimum, 1, 1000),
            ByType(c.GetIntMap(ExpectedTouchpointsKey, ByKey(Default.ExpectedTouchpoints), 1, 10000)),
            ByType(c.GetIntMap(ExpectedDaysKey, ByKey(Default.ExpectedDays), 1, 3650)));
    }

    private static IReadOnlyDictionary<string, int> ByKey(IReadOnlyDictionary<JourneyType, int> map) =>
        map.ToDictionary(p => TypeKey(p.Key), p => p.Value, StringComparer.Ordinal);

    private static IReadOnlyDictionary<JourneyType, int> ByType(IReadOnlyDictionary<string, int> map) =>
        map.ToDictionary(p => TypeOfKey(p.Key) ?? JourneyType.Other, p => p.Value);

    /// <summary>JSON key of <see cref="TrendDropPoints"/>.</summary>
    public const string TrendDropPointsKey = "trendDropPoints";
    /// <summary>JSON key of <see cref="LowJourneyScore"/>.</summary>
    public const string LowJourneyScoreKey = "lowJourneyScore";
    /// <summary>JSON key of <see cref="RepeatWindowDays"/>.</summary>
    public const string RepeatWindowDaysKey = "repeatWindowDays";
    /// <summary>JSON key of <see cref="RepeatContactsMinimum"/>.</summary>
    public const string RepeatContactsMinimumKey = "repeatContactsMinimum";
    /// <summary>JSON key of <see cref="ExpectedTouchpoints"/> (an object keyed by journey type).</summary>
    public const string ExpectedTouchpointsKey = "expectedTouchpoints";
    /// <summary>JSON key of <see cref="ExpectedDays"/> (an object keyed by journey type).</summary>
    public const string ExpectedDaysKey = "expectedDays";

    /// <summary>The decline rule fires when the trend is at or below minus this many points (default 20).</summary>
    public int TrendDropPoints { get; }
    /// <summary>The low-satisfaction rule fires below this journey score (default 50).</summary>
    public int LowJourneyScore { get; }
    /// <summary>A touchpoint within this many days of the previous one is a repeat contact (default 14).</summary>
    public int RepeatWindowDays { get; }
    /// <summary>The repeat rule fires from this many repeat contacts (default 2).</summary>
    public int RepeatContactsMinimum { get; }
    /// <summary>Touchpoints expected per journey type; more fires the contact-volume rule.</summary>
    public IReadOnlyDictionary<JourneyType, int> ExpectedTouchpoints { get; }
    /// <summary>Expected duration in days per journey type; open longer fires the duration rule.</summary>
    public IReadOnlyDictionary<JourneyType, int> ExpectedDays { get; }

    /// <summary>The JSON key of a journey type inside expectedTouchpoints / expectedDays.</summary>
    public static string TypeKey(JourneyType type) => type switch
    {
        JourneyType.Onboarding => "onboarding",
        JourneyType.Relocation => "relocation",
        JourneyType.Renewal => "renewal",
        JourneyType.TechnicalIssue => "technicalIssue",
        _ => "other",
    };

    /// <summary>The journey type of a JSON key, or null when the key names none.</summary>
    public static JourneyType? TypeOfKey(string key)
    {
        foreach (JourneyType type in Enum.GetValues(typeof(JourneyType)))
        {
            if (string.Equals(TypeKey(type), key, StringComparison.Ordinal)) return type;
        }
        return null;
    }

    /// <summary>Touchpoints expected for a type.</summary>
    public int ExpectedTouchpointsFor(JourneyType type) => ExpectedTouchpoints.TryGetValue(type, out var n) ? n : ExpectedTouchpoints[JourneyType.Other];

    /// <summary>Expected days for a type.</summary>
    public int ExpectedDaysFor(JourneyType type) => ExpectedDays.TryGetValue(type, out var n) ? n : ExpectedDays[JourneyType.Other];

    private IEnumerable<string> Validate()
    {
        if (TrendDropPoints < 1 || TrendDropPoints > 100) yield return Error(TrendDropPointsKey, TrendDropPoints, "must be between 1 and 100 points");
        if (LowJourneyScore < 1 || LowJourneyScore > 100) yield return Error(LowJourneyScoreKey, LowJourneyScore, "must be between 1 and 100");
        if (RepeatWindowDays < 1 || RepeatWindowDays > 365) yield return Error(RepeatWindowDaysKey, RepeatWindowDays, "must be between 1 and 365 days");
        if (RepeatContactsMinimum < 1 || RepeatContactsMinimum > 1000) yield return Error(RepeatContactsMinimumKey, RepeatContactsMinimum, "must be between 1 and 1000");
        foreach (var pair in ExpectedTouchpoints.Where(p => p.Value < 1 || p.Value > 10000))
            yield return Error(ExpectedTouchpointsKey + "." + TypeKey(pair.Key), pair.Value, "must be between 1 and 10000 touchpoints");
        foreach (var pair in ExpectedDays.Where(p => p.Value < 1 || p.Value > 3650))
            yield return Error(ExpectedDaysKey + "." + TypeKey(pair.Key), pair.Value, "must be between 1 and 3650 days");
    }

    private static string Error(string key, int value, string rule) =>
        string.Format(CultureInfo.InvariantCulture, "Journey risk configuration: \"{0}\" is {1}; it {2}.", key, value, rule);

    private static IReadOnlyDictionary<JourneyType, int> Merge(IReadOnlyDictionary<JourneyType, int> defaults, IReadOnlyDictionary<JourneyType, int>? given)
    {
        var merged = defaults.ToDictionary(p => p.Key, p => p.Value);
        if (given != null)
        {
            foreach (var pair in given) merged[pair.Key] = pair.Value;
        }
        return merged;
    }
}
