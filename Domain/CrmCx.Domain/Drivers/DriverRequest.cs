using System;
using System.Globalization;
using CrmCx.Domain.Choices;
using CrmCx.Domain.Nps;

namespace CrmCx.Domain.Drivers;

/// <summary>A checked cx_GetDrivers request: bad parameters are refused naming the parameter and the value.</summary>
public sealed class DriverRequest
{
    private DriverRequest(DriverDimension dimension, int? journeyType, Guid? account, DateTime since)
    {
        Dimension = dimension;
        JourneyType = journeyType;
        Account = account;
        Since = since;
    }

    /// <summary>The dimension.</summary>
    public DriverDimension Dimension { get; }
    /// <summary>Only responses of journeys of this type, when set.</summary>
    public int? JourneyType { get; }
    /// <summary>Only this account's responses, when set.</summary>
    public Guid? Account { get; }
    /// <summary>Responses answered at or after this instant (UTC), up to now.</summary>
    public DateTime Since { get; }

    /// <summary>
    /// Checks the parameters: Dimension one of the names; JourneyType a cx_journeytype value; Account a reference to
    /// an account (<paramref name="accountTable"/> is the reference's table); Since not after now and not more than
    /// ten years back (default: the start of the window, now − windowDays).
    /// </summary>
    public static DriverRequest Parse(string? dimension, int? journeyType, string? accountTable, Guid? account, DateTime? since, DateTime now, int windowDays)
    {
        var parsed = DriverDimensions.Parse(dimension);
        if (journeyType.HasValue && !Enum.IsDefined(typeof(JourneyType), journeyType.Value))
            throw new ArgumentException("JourneyType must be a cx_journeytype value (964000001 Onboarding, 964000002 Relocation, 964000003 Renewal, 964000004 Technical issue, 964000009 Other); got " +
                journeyType.Value.ToString(CultureInfo.InvariantCulture) + ".", nameof(journeyType));
        if (account.HasValue && accountTable != "account")
            throw new ArgumentException("Account must reference an account; got a " + (accountTable ?? "reference without a table") + ".", nameof(account));
        if (account.HasValue && account.Value == Guid.Empty)
            throw new ArgumentException("Account must reference an account; got an empty id.", nameof(account));
        var start = since.HasValue ? ToUtc(since.Value) : now.AddDays(-windowDays);
        if (start > now)
            throw new ArgumentException("Since must not be in the future; got " + start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + ".", nameof(since));
        if (start < now.AddYears(-10))
            throw new ArgumentException("Since must be within the last ten years; got " + start.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + ".", nameof(since));
        return new DriverRequest(parsed, journeyType, account, start);
    }

    /// <summary>
    /// The days read from the summaries: from the day after Since's (Since's own day is read raw when Since is not
    /// midnight) up to yesterday; empty when Since is today.
    /// </summary>
    public void SummaryDays(DateTime now, out UtcDay? first, out UtcDay? last)
    {
        var today = UtcDay.Of(now);
        var from = UtcDay.Of(Since);
        if (Since > from.Start) from = UtcDay.Of(from.End);
        var yesterday = UtcDay.Of(today.Start.AddDays(-1));
        if (from.Start > yesterday.Start) { first = null; last = null; return; }
        first = from;
        last = yesterday;
    }

    private static DateTime ToUtc(DateTime value) =>
        value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
