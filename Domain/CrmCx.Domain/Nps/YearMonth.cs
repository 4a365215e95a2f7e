using System;
using System.Globalization;

namespace CrmCx.Domain.Nps;

/// <summary>A calendar month (UTC), as the history and FetchXML's year/month date grouping see it.</summary>
public struct YearMonth : IEquatable<YearMonth>, IComparable<YearMonth>
{
    /// <summary>Creates the month; month is 1–12.</summary>
    public YearMonth(int year, int month)
    {
        if (year < 1 || year > 9999) throw new ArgumentOutOfRangeException(nameof(year), year, "Year must be from 1 to 9999.");
        if (month < 1 || month > 12) throw new ArgumentOutOfRangeException(nameof(month), month, "Month must be from 1 to 12.");
        Year = year;
        Month = month;
    }

    /// <summary>The year.</summary>
    public int Year { get; }

    /// <summary>The month, 1–12.</summary>
    public int Month { get; }

    /// <summary>The first instant of the month, UTC.</summary>
    public DateTime Start => new DateTime(Year, Month, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The month containing a UTC instant.</summary>
    public static YearMonth Of(DateTime utc) => new YearMonth(utc.Year, utc.Month);

    /// <summary>The month n months later (earlier when negative).</summary>
    public YearMonth AddMonths(int months)
    {
        var index = Year * 12 + (Month - 1) + months;
        return new YearMonth(index / 12, index % 12 + 1);
    }

    /// <inheritdoc />
    public bool Equals(YearMonth other) => Year == other.Year && Month == other.Month;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is YearMonth other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Year * 12 + Month;

    /// <inheritdoc />
    public int CompareTo(YearMonth other) => (Year * 12 + Month).CompareTo(other.Year * 12 + other.Month);

    /// <summary>"2026-11".</summary>
    public override string ToString() => Year.ToString("0000", CultureInfo.InvariantCulture) + "-" + Month.ToString("00", CultureInfo.InvariantCulture);

    /// <summary>Equality.</summary>
    public static bool operator ==(YearMonth left, YearMonth right) => left.Equals(right);

    /// <summary>Inequality.</summary>
    public static bool operator !=(YearMonth left, YearMonth right) => !left.Equals(right);

    /// <summary>Order.</summary>
    public static bool operator <(YearMonth left, YearMonth right) => left.CompareTo(right) < 0;

    /// <summary>Order.</summary>
    public static bool operator >(YearMonth left, YearMonth right) => left.CompareTo(right) > 0;

    /// <summary>Order.</summary>
    public static bool operator <=(YearMonth left, YearMonth right) => left.CompareTo(right) <= 0;

    /// <summary>Order.</summary>
    public static bool operator >=(YearMonth left, YearMonth right) => left.CompareTo(right) >= 0;
}
