using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CrmCx.Domain.Drivers;

/// <summary>One survey response as the drivers read it (plain values from the row at rest).</summary>
public sealed class DriverResponse
{
    /// <summary>Creates the response.</summary>
    public DriverResponse(Guid? account, Guid? journey, int? journeyType, int? stage, int? channel, int score, decimal? satisfaction, int? effort, DateTime respondedOn)
    {
        Account = account;
        Journey = journey;
        JourneyType = journeyType;
        Stage = stage;
        Channel = channel;
        Score = score;
        Satisfaction = satisfaction;
        Effort = effort;
        RespondedOn = respondedOn;
    }

    /// <summary>The account.</summary>
    public Guid? Account { get; }
    /// <summary>The journey.</summary>
    public Guid? Journey { get; }
    /// <summary>The journey's type (cx_journeytype value).</summary>
    public int? JourneyType { get; }
    /// <summary>cx_journeystage value.</summary>
    public int? Stage { get; }
    /// <summary>cx_channel value.</summary>
    public int? Channel { get; }
    /// <summary>cx_score 0–10.</summary>
    public int Score { get; }
    /// <summary>cx_satisfactionindex.</summary>
    public decimal? Satisfaction { get; }
    /// <summary>cx_effort 1–7.</summary>
    public int? Effort { get; }
    /// <summary>cx_respondedon (UTC).</summary>
    public DateTime RespondedOn { get; }
}

/// <summary>Where a summary counts: one dimension value, one journey type (0: no journey), all accounts (null) or one.</summary>
public struct DriverKey : IEquatable<DriverKey>
{
    /// <summary>Creates the key.</summary>
    public DriverKey(DriverDimension dimension, string value, int journeyType, Guid? account)
    {
        Dimension = dimension;
        Value = value ?? throw new ArgumentNullException(nameof(value));
        JourneyType = journeyType;
        Account = account;
    }

    /// <summary>The dimension.</summary>
    public DriverDimension Dimension { get; }
    /// <summary>The value's key (choice value as text, a user's or business unit's id, a band).</summary>
    public string Value { get; }
    /// <summary>cx_journeytype value; 0 for responses on no journey.</summary>
    public int JourneyType { get; }
    /// <summary>The account a per-account row counts; null for the organization-wide row.</summary>
    public Guid? Account { get; }

    /// <summary>The text of the summary row's alternate key for a period (yyyyMMdd).</summary>
    public string RowKey(int period) =>
        string.Join(":", period.ToString(CultureInfo.InvariantCulture), DriverDimensions.Name(Dimension), Value,
            JourneyType.ToString(CultureInfo.InvariantCulture), Account.HasValue ? Account.Value.ToString("D") : "all");

    /// <inheritdoc />
    public bool Equals(DriverKey other) => Dimension == other.Dimension && Value == other.Value && JourneyType == other.JourneyType && Account == other.Account;
    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DriverKey k && Equals(k);
    /// <inheritdoc />
    public override int GetHashCode() => ((int)Dimension * 397) ^ Value.GetHashCode() ^ (JourneyType * 31) ^ Account.GetHashCode();
}

/// <summary>
/// Turns responses into the tallies of every dimension value, for the organization and for each response's account:
/// what one day's summary rows hold, and what cx_GetDrivers counts for today from the raw rows.
/// </summary>
public static class DriverSummarizer
{
    /// <summary>
    /// The tallies of <paramref name="responses"/>, attributed among <paramref name="touchpoints"/> (of their
    /// journeys) with <paramref name="businessUnits"/> (owner id to business unit id).
    /// </summary>
    public static Dictionary<DriverKey, DriverTally> Summarize(IEnumerable<DriverResponse> responses, IEnumerable<DriverTouchpoint> touchpoints, IReadOnlyDictionary<Guid, Guid> businessUnits)
    {
        if (responses == null) throw new ArgumentNullException(nameof(responses));
        if (businessUnits == null) throw new ArgumentNullException(nameof(businessUnits));
        var byJourney = (touchpoints ?? throw new ArgumentNullException(nameof(touchpoints))).GroupBy(t => t.Journey).ToDictionary(g => g.Key, g => g.ToList());
        var result = new Dictionary<DriverKey, DriverTally>();
        foreach (var response in responses)
        {
            foreach (var pair in Values(response, byJourney, businessUnits))
            {
                var type = response.JourneyType ?? 0;
                Count(result, new DriverKey(pair.Key, pair.Value, type, null), response);
                if (response.Account.HasValue) Count(result, new DriverKey(pair.Key, pair.Value, type, response.Account), response);
            }
        }
        return result;
    }

    /// <summary>The dimension values of one response (a dimension it has no value for is left out).</summary>
    public static IEnumerable<KeyValuePair<DriverDimension, string>> Values(DriverResponse response, IReadOnlyDictionary<Guid, List<DriverTouchpoint>> touchpointsByJourney, IReadOnlyDictionary<Guid, Guid> businessUnits)
    {
        if (response.Channel.HasValue) yield return new KeyValuePair<DriverDimension, string>(DriverDimension.Channel, response.Channel.Value.ToString(CultureInfo.InvariantCulture));
        var effort = DriverAttribution.EffortBand(response.Effort);
        if (effort != null) yield return new KeyValuePair<DriverDimension, string>(DriverDimension.Effort, effort);
        if (!response.Journey.HasValue) yield break;
        if (response.Stage.HasValue) yield return new KeyValuePair<DriverDimension, string>(DriverDimension.Stage, response.Stage.Value.ToString(CultureInfo.InvariantCulture));
        List<DriverTouchpoint>? mine;
        var attribution = DriverAttribution.Of(response.Journey.Value, response.Stage, response.RespondedOn,
            touchpointsByJourney.TryGetValue(response.Journey.Value, out mine) ? mine : new List<DriverTouchpoint>());
        yield return new KeyValuePair<DriverDimension, string>(DriverDimension.Contacts, DriverAttribution.ContactsBand(attribution.Contacts));
        if (!attribution.Owner.HasValue) yield break;
        yield return new KeyValuePair<DriverDimension, string>(DriverDimension.Owner, attribution.Owner.Value.ToString("D"));
        Guid unit;
        if (businessUnits.TryGetValue(attribution.Owner.Value, out unit)) yield return new KeyValuePair<DriverDimension, string>(DriverDimension.BusinessUnit, unit.ToString("D"));
    }

    private static void Count(Dictionary<DriverKey, DriverTally> result, DriverKey key, DriverResponse response)
    {
        DriverTally? tally;
        if (!result.TryGetValue(key, out tally)) result[key] = tally = new DriverTally();
        tally.Add(response.Score, response.Satisfaction);
    }
}
