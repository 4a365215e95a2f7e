using System;
using System.Globalization;
using System.Runtime.InteropServices;
using CrmCx.Dataverse.InMemory.Metadata;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Query.Values;

/// <summary>What a <see cref="Scalar"/> holds.</summary>
internal enum ScalarKind : byte
{
    Null,
    Number,
    Float,
    Time,
    Bool,
    Guid,
    Text,
}

/// <summary>
/// A column value reduced to what SQL compares: lookups to their Guid, choices to their int, money to its decimal,
/// dates to UTC ticks. A struct so that filtering, joining and grouping 5,000 rows allocates nothing per row.
/// </summary>
[StructLayout(LayoutKind.Explicit)]
internal readonly struct Scalar : IEquatable<Scalar>
{
    // Dataverse's databases use Latin1_General_CI_AI: case- and accent-insensitive comparison.
    internal const CompareOptions TextOptions = CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace | CompareOptions.IgnoreKanaType | CompareOptions.IgnoreWidth;
    internal static readonly CompareInfo Collation = CultureInfo.InvariantCulture.CompareInfo;

    public static readonly Scalar Null = default;

    // The value fields share one 16-byte slot (only the one Kind names is meaningful), keeping the struct at 32 bytes
    // because rows are filtered, hashed and sorted by copying these around.
    [FieldOffset(0)] private readonly decimal number;
    [FieldOffset(0)] private readonly double real;
    [FieldOffset(0)] private readonly long ticks;
    [FieldOffset(0)] private readonly Guid guid;
    [FieldOffset(16)] private readonly string? text;
    [FieldOffset(24)] private readonly ScalarKind kind;

    private Scalar(ScalarKind kind, decimal number = 0m, double real = 0d, long ticks = 0, Guid guid = default, string? text = null)
    {
        this = default;
        this.kind = kind;
        switch (kind)
        {
            case ScalarKind.Number: this.number = number; break;
            case ScalarKind.Float: this.real = real; break;
            case ScalarKind.Time or ScalarKind.Bool: this.ticks = ticks; break;
            case ScalarKind.Guid: this.guid = guid; break;
            case ScalarKind.Text: this.text = text; break;
        }
    }

    public ScalarKind Kind => kind;
    public bool IsNull => Kind == ScalarKind.Null;
    public decimal Number => number;
    public double Real => Kind == ScalarKind.Float ? real : (double)number;
    public DateTime Time => new(ticks, DateTimeKind.Utc);
    public Guid Guid => guid;
    public string Text => text ?? string.Empty;

    public static Scalar FromNumber(decimal value) => new(ScalarKind.Number, number: value);
    public static Scalar FromReal(double value) => new(ScalarKind.Float, real: value);
    public static Scalar FromTime(DateTime value) => new(ScalarKind.Time, ticks: ToUtc(value).Ticks);
    public static Scalar FromBool(bool value) => new(ScalarKind.Bool, ticks: value ? 1 : 0);
    public static Scalar FromGuid(Guid value) => new(ScalarKind.Guid, guid: value);
    public static Scalar FromText(string value) => new(ScalarKind.Text, text: value);

    /// <summary>The comparable form of a stored or supplied value, without knowing the column.</summary>
    public static Scalar From(object? value) => value switch
    {
        null => Null,
        string s => FromText(s),
        Guid g => FromGuid(g),
        EntityReference r => FromGuid(r.Id),
        OptionSetValue o => FromNumber(o.Value),
        Money m => FromNumber(m.Value),
        int i => FromNumber(i),
        long l => FromNumber(l),
        decimal d => FromNumber(d),
        double d => FromReal(d),
        float f => FromReal(f),
        short s => FromNumber(s),
        bool b => FromBool(b),
        DateTime t => FromTime(t),
        AliasedValue a => From(a.Value),
        Enum e => FromNumber(Convert.ToInt64(e, CultureInfo.InvariantCulture)),
        _ => FromText(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
    };

    /// <summary>
    /// A value supplied in a query (typed in a QueryExpression, text in FetchXML) converted to what the column holds,
    /// as Dataverse accepts a Guid or an EntityReference for a lookup and an int or an OptionSetValue for a choice.
    /// </summary>
    public static bool TryCoerce(object? value, ColumnType type, out Scalar result)
    {
        result = Null;
        if (value is null) return true;
        if (value is AliasedValue aliased) return TryCoerce(aliased.Value, type, out result);
        switch (type)
        {
            case ColumnType.Uniqueidentifier:
            case ColumnType.Lookup:
            case ColumnType.Customer:
            case ColumnType.Owner:
                switch (value)
                {
                    case Guid g: result = FromGuid(g); return true;
                    case EntityReference r: result = FromGuid(r.Id); return true;
                    case Entity e: result = FromGuid(e.Id); return true;
                    case string s when Guid.TryParse(s.Trim(), out var parsed): result = FromGuid(parsed); return true;
                    default: return false;
                }
            case ColumnType.String:
            case ColumnType.Memo:
            case ColumnType.EntityName:
                result = value switch
                {
                    string s => FromText(s),
                    _ => FromText(Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty),
                };
                return true;
            case ColumnType.Integer:
            case ColumnType.BigInt:
            case ColumnType.Picklist:
            case ColumnType.State:
            case ColumnType.Status:
                switch (value)
                {
                    case int or long or short or byte: result = FromNumber(Convert.ToInt64(value, CultureInfo.InvariantCulture)); return true;
                    case OptionSetValue o: result = FromNumber(o.Value); return true;
                    case Enum e: result = FromNumber(Convert.ToInt64(e, CultureInfo.InvariantCulture)); return true;
                    case decimal d when d == decimal.Truncate(d): result = FromNumber(d); return true;
                    case double d when d == Math.Truncate(d): result = FromNumber((decimal)d); return true;
                    case string s when long.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l): result = FromNumber(l); return true;
                    default: return false;
                }
            case ColumnType.Decimal:
            case ColumnType.Money:
                switch (value)
                {
                    case Money m: result = FromNumber(m.Value); return true;
                    case decimal or int or long or short: result = FromNumber(Convert.ToDecimal(value, CultureInfo.InvariantCulture)); return true;
                    case double or float: result = FromNumber(Convert.ToDecimal(value, CultureInfo.InvariantCulture)); return true;
                    case string s when decimal.TryParse(s.Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out var d): result = FromNumber(d); return true;
                    default: return false;
                }
            case ColumnType.Double:
                switch (value)
                {
                    case double or float or decimal or int or long or short: result = FromReal(Convert.ToDouble(value, CultureInfo.InvariantCulture)); return true;
                    case Money m: result = FromReal((double)m.Value); return true;
                    case string s when double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d): result = FromReal(d); return true;
                    default: return false;
                }
            case ColumnType.Boolean:
                switch (value)
                {
                    case bool b: result = FromBool(b); return true;
                    case int i when i is 0 or 1: result = FromBool(i == 1); return true;
                    case string s:
                        var t = s.Trim();
                        if (t == "1" || t.Equals("true", StringComparison.OrdinalIgnoreCase)) { result = FromBool(true); return true; }
                        if (t == "0" || t.Equals("false", StringComparison.OrdinalIgnoreCase)) { result = FromBool(false); return true; }
                        return false;
                    default: return false;
                }
            case ColumnType.DateTime:
                switch (value)
                {
                    case DateTime d: result = FromTime(d); return true;
                    case DateTimeOffset o: result = FromTime(o.UtcDateTime); return true;
                    case string s when DateTime.TryParse(s.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var d):
                        result = FromTime(d); return true;
                    default: return false;
                }
            default:
                result = From(value);
                return true;
        }
    }

    /// <summary>Dataverse stores dates in UTC; an unspecified kind is taken as UTC, a local time is converted.</summary>
    public static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => value.ToUniversalTime(),
        DateTimeKind.Unspecified => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        _ => value,
    };

    /// <summary>SQL ordering: numbers by value, text by the case- and accent-insensitive collation, Guids as SQL Server orders uniqueidentifier.</summary>
    public static int Compare(in Scalar a, in Scalar b)
    {
        if (a.Kind == ScalarKind.Null || b.Kind == ScalarKind.Null)
            return a.Kind == b.Kind ? 0 : a.Kind == ScalarKind.Null ? -1 : 1;
        if (a.Kind != b.Kind)
        {
            if (a.Kind is ScalarKind.Number or ScalarKind.Float && b.Kind is ScalarKind.Number or ScalarKind.Float)
                return a.Real.CompareTo(b.Real);
            return a.Kind.CompareTo(b.Kind);
        }
        return a.Kind switch
        {
            ScalarKind.Number => a.number.CompareTo(b.number),
            ScalarKind.Float => a.real.CompareTo(b.real),
            ScalarKind.Time or ScalarKind.Bool => a.ticks.CompareTo(b.ticks),
            ScalarKind.Guid => CompareGuids(a.guid, b.guid),
            ScalarKind.Text => Collation.Compare(a.text, b.text, TextOptions),
            _ => 0,
        };
    }

    /// <summary>SQL equality (the caller handles null, which equals nothing).</summary>
    public bool Equals(Scalar other)
    {
        if (Kind != other.Kind) return Kind is ScalarKind.Number or ScalarKind.Float && other.Kind is ScalarKind.Number or ScalarKind.Float && Real == other.Real;
        return Kind switch
        {
            ScalarKind.Null => true,
            ScalarKind.Number => number == other.number,
            ScalarKind.Float => real == other.real,
            ScalarKind.Time or ScalarKind.Bool => ticks == other.ticks,
            ScalarKind.Guid => guid == other.guid,
            ScalarKind.Text => Collation.Compare(text, other.text, TextOptions) == 0,
            _ => false,
        };
    }

    public override bool Equals(object? obj) => obj is Scalar other && Equals(other);

    public override int GetHashCode() => Kind switch
    {
        ScalarKind.Null => 0,
        ScalarKind.Number => number.GetHashCode(),
        // A whole double must hash like the equal decimal, since the two compare equal.
        ScalarKind.Float => real == Math.Truncate(real) && Math.Abs(real) < 7.9e28 ? ((decimal)real).GetHashCode() : real.GetHashCode(),
        ScalarKind.Time or ScalarKind.Bool => ticks.GetHashCode(),
        ScalarKind.Guid => guid.GetHashCode(),
        ScalarKind.Text => Collation.GetHashCode(text ?? string.Empty, TextOptions),
        _ => 0,
    };

    public override string ToString() => Kind switch
    {
        ScalarKind.Null => "null",
        ScalarKind.Number => number.ToString(CultureInfo.InvariantCulture),
        ScalarKind.Float => real.ToString("R", CultureInfo.InvariantCulture),
        ScalarKind.Time => Time.ToString("o", CultureInfo.InvariantCulture),
        ScalarKind.Bool => ticks == 1 ? "true" : "false",
        ScalarKind.Guid => guid.ToString("B").ToUpperInvariant(),
        _ => Text,
    };

    // SQL Server compares uniqueidentifier bytes in this order; ordering by an id pages as Dataverse does.
    private static readonly int[] GuidByteOrder = { 10, 11, 12, 13, 14, 15, 8, 9, 6, 7, 4, 5, 0, 1, 2, 3 };

    private static int CompareGuids(Guid a, Guid b)
    {
        if (a == b) return 0;
        Span<byte> x = stackalloc byte[16];
        Span<byte> y = stackalloc byte[16];
        a.TryWriteBytes(x);
        b.TryWriteBytes(y);
        foreach (var i in GuidByteOrder)
        {
            if (x[i] != y[i]) return x[i] < y[i] ? -1 : 1;
        }
        return 0;
    }
}
