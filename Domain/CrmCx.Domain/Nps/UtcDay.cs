using System;
using System.Globalization;

namespace CrmCx.Domain.Nps;

/// <summary>A calendar day in UTC, stored as the whole number yyyyMMdd (sortable, and free of time-zone conversions).</summary>
public struct UtcDay : IEquatable<UtcDay>, IComparable<UtcDay>
{
    private UtcDay(DateTime start)
    {
        Start = start;
    }

    /// <summary>The first instant of the day (UTC).</summary>
    public DateTime Start { get; }

    /// <summary>The first instant of the next day: the day is [Start, End).</summary>
    public DateTime End => Start.AddDays(1);

    /// <summary>yyyyMMdd, e.g. 20261122.</summary>
    public int Number => Start.Year * 10000 + Start.Month * 100 + Start.Day;

    /// <summary>The calendar month the day is in.</summary>
    public YearMonth Month => YearMonth.Of(Start);

    /// <summary>The day of a UTC instant (an Unspecified kind is taken as UTC; a local time is refused).</summary>
    public static UtcDay Of(DateTime utc)
    {
        if (utc.Kind == DateTimeKind.Local) throw new ArgumentException("Days are UTC days; got a local time.", nameof(utc));
        return new UtcDay(new DateTime(utc.Year, utc.Month, utc.Day, 0, 0, 0, DateTimeKind.Utc));
    }

    /// <summary>The day of a year, month and day of month.</summary>
    public static UtcDay From(int year, int month, int day) => new UtcDay(new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc));

    /// <summary>The day of a yyyyMMdd number; refused with a message naming the value when it is not a date.</summary>
    public static UtcDay FromNumber(int yyyymmdd)
    {
        var year = yyyymmdd / 10000;
        var month = yyyymmdd / 100 % 100;
        var day = yyyymmdd % 100;
        if (year < 1 || month < 1 || month > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            throw new ArgumentOutOfRangeException(nameof(yyyymmdd), yyyymmdd, "A day is written yyyyMMdd, e.g. 20261122; got " + yyyymmdd.ToString(CultureInfo.InvariantCulture) + ".");
        return From(year, month, day);
    }

    /// <summary>The day that many days later (earlier when negative).</summary>
    public UtcDay AddDays(int days) => new UtcDay(Start.AddDays(days));

    /// <summary>Whether an instant falls on this day.</summary>
    public bool Contains(DateTime utc) => utc >= Start && utc < End;

    /// <inheritdoc />
    public bool Equals(UtcDay other) => Start == other.Start;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is UtcDay other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Start.GetHashCode();

    /// <inheritdoc />
    public int CompareTo(UtcDay other) => Start.CompareTo(other.Start);

    /// <summary>yyyy-MM-dd.</summary>
    public override string ToString() => Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Equality.</summary>
    public static bool operator ==(UtcDay left, UtcDay right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(UtcDay left, UtcDay right) => !left.Equals(right);

    /// <summary>Earlier than.</summary>
    public static bool operator <(UtcDay left, UtcDay right) => left.CompareTo(right) < 0;

    /// <summary>Later than.</summary>
    public static bool operator >(UtcDay left, UtcDay right) => left.CompareTo(right) > 0;

    /// <summary>Not later than.</summary>
    public static bool operator <=(UtcDay left, UtcDay right) => left.CompareTo(right) <= 0;

    /// <summary>Not earlier than.</summary>
    public static bool operator >=(UtcDay left, UtcDay right) => left.CompareTo(right) >= 0;
}
