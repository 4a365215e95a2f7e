using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CrmCx.Domain.Configuration;

/// <summary>
/// A strict reader and a small writer for the JSON this product handles itself (settings, NPS history, reasons): the
/// plugin DLL loads alone in Dataverse's sandbox (no Newtonsoft.Json; System.Text.Json is not in .NET Framework 4.6.2).
/// Values read: objects as <see cref="JsonObject"/>, arrays as <see cref="List{T}"/>, strings, numbers as
/// <see cref="JsonNumber"/> (kept as written: integers and decimals told apart exactly), booleans and null.
/// </summary>
public static class JsonText
{
    /// <summary>Parses a whole JSON document; throws <see cref="ConfigurationException"/> naming the position of the first error.</summary>
    public static object? Parse(string json)
    {
        if (json == null) throw new ArgumentNullException(nameof(json));
        var reader = new Reader(json);
        reader.SkipWhitespace();
        var value = reader.ReadValue(0);
        reader.SkipWhitespace();
        if (!reader.AtEnd) throw reader.Error("unexpected text after the JSON value");
        return value;
    }

    /// <summary>Writes a string as a JSON string literal (quotes and escapes included).</summary>
    public static string Quote(string value)
    {
        if (value == null) throw new ArgumentNullException(nameof(value));
        var sb = new StringBuilder(value.Length + 2);
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    // Control characters and the line separators that break JavaScript string literals are escaped.
                    if (c < ' ' || c == '\u2028' || c == '\u2029') sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
        return sb.ToString();
    }

    /// <summary>Describes a parsed value the way a message should show it (strings quoted, null as null).</summary>
    public static string Describe(object? value)
    {
        switch (value)
        {
            case null: return "null";
            case string s: return Quote(s);
            case bool b: return b ? "true" : "false";
            case JsonNumber n: return n.Text;
            case JsonObject _: return "an object";
            case List<object?> _: return "an array";
            default: return Convert.ToString(value, CultureInfo.InvariantCulture) ?? "?";
        }
    }

    private sealed class Reader
    {
        // Deep nesting has no use in configuration; the limit keeps a hostile value from exhausting the stack.
        private const int MaxDepth = 32;
        private readonly string text;
        private int position;

        public Reader(string text)
        {
            this.text = text;
        }

        public bool AtEnd => position >= text.Length;

        public ConfigurationException Error(string what) =>
            new ConfigurationException("The CrmCx settings are not valid JSON: " + what + " at character " + (position + 1).ToString(CultureInfo.InvariantCulture) + ".");

        public void SkipWhitespace()
        {
            while (position < text.Length && (text[position] == ' ' || text[position] == '\t' || text[position] == '\n' || text[position] == '\r')) position++;
        }

        public object? ReadValue(int depth)
        {
            if (depth > MaxDepth) throw Error("nesting deeper than " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " levels");
            if (AtEnd) throw Error("unexpected end of text");
            var c = text[position];
            switch (c)
            {
                case '{': return ReadObject(depth);
                case '[': return ReadArray(depth);
                case '"': return ReadString();
                case 't': ReadLiteral("true"); return true;
                case 'f': ReadLiteral("false"); return false;
                case 'n': ReadLiteral("null"); return null;
                default:
                    if (c == '-' || (c >= '0' && c <= '9')) return ReadNumber();
                    throw Error("unexpected character '" + c + "'");
            }
        }

        private JsonObject ReadObject(int depth)
        {
            var result = new JsonObject();
            position++; // {
            SkipWhitespace();
            if (!AtEnd && text[position] == '}')
            {
                position++;
                return result;
            }
            while (true)
            {
                SkipWhitespace();
                if (AtEnd || text[position] != '"') throw Error("expected a property name in double quotes");
                var keyStart = position;
                var key = ReadString();
                if (result.ContainsKey(key))
                {
                    position = keyStart;
                    throw Error("duplicate key " + Quote(key));
                }
                SkipWhitespace();
                if (AtEnd || text[position] != ':') throw Error("expected ':' after " + Quote(key));
                position++;
                SkipWhitespace();
                result.Add(key, ReadValue(depth + 1));
                SkipWhitespace();
                if (AtEnd) throw Error("unexpected end of text, expected ',' or '}'");
                if (text[position] == ',')
                {
                    position++;
                    continue;
                }
                if (text[position] == '}')
                {
                    position++;
                    return result;
                }
                throw Error("expected ',' or '}'");
            }
        }

        private List<object?> ReadArray(int depth)
        {
            var result = new List<object?>();
            position++; // [
            SkipWhitespace();
            if (!AtEnd && text[position] == ']')
            {
                position++;
                return result;
            }
            while (true)
            {
                SkipWhitespace();
                result.Add(ReadValue(depth + 1));
                SkipWhitespace();
                if (AtEnd) throw Error("unexpected end of text, expected ',' or ']'");
                if (text[position] == ',')
                {
                    position++;
                    continue;
                }
                if (text[position] == ']')
                {
                    position++;
                    return result;
                }
                throw Error("expected ',' or ']'");
            }
        }

        private string ReadString()
        {
            position++; // opening quote
            var sb = new StringBuilder();
            while (true)
            {
                if (AtEnd) throw Error("unterminated string");
                var c = text[position++];
                if (c == '"') return sb.ToString();
                if (c < ' ') throw Error("control character in a string");
                if (c != '\\')
                {
                    sb.Append(c);
                    continue;
                }
                if (AtEnd) throw Error("unterminated escape");
                var e = text[position++];
                switch (e)
                {
                    case '"': sb.Append('"'); break;
                    case '\\': sb.Append('\\'); break;
                    case '/': sb.Append('/'); break;
                    case 'b': sb.Append('\b'); break;
                    case 'f': sb.Append('\f'); break;
                    case 'n': sb.Append('\n'); break;
                    case 'r': sb.Append('\r'); break;
                    case 't': sb.Append('\t'); break;
                    case 'u':
                        if (position + 4 > text.Length) throw Error("incomplete \\u escape");
                        int code;
                        if (!int.TryParse(text.Substring(position, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out code))
                            throw Error("invalid \\u escape");
                        sb.Append((char)code);
                        position += 4;
                        break;
                    default:
                        position--;
                        throw Error("invalid escape '\\" + e + "'");
                }
            }
        }

        private void ReadLiteral(string literal)
        {
            if (string.CompareOrdinal(text, position, literal, 0, literal.Length) != 0) throw Error("unexpected character '" + text[position] + "'");
            position += literal.Length;
        }

        private JsonNumber ReadNumber()
        {
            // The JSON number grammar: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
            var start = position;
            if (text[position] == '-') position++;
            if (AtEnd) throw Error("incomplete number");
            if (text[position] == '0') position++;
            else if (text[position] >= '1' && text[position] <= '9') SkipDigits();
            else throw Error("invalid number");
            var integral = true;
            if (!AtEnd && text[position] == '.')
            {
                integral = false;
                position++;
                if (AtEnd || text[position] < '0' || text[position] > '9') throw Error("invalid number: digits expected after '.'");
                SkipDigits();
            }
            if (!AtEnd && (text[position] == 'e' || text[position] == 'E'))
            {
                integral = false;
                position++;
                if (!AtEnd && (text[position] == '+' || text[position] == '-')) position++;
                if (AtEnd || text[position] < '0' || text[position] > '9') throw Error("invalid number: digits expected in the exponent");
                SkipDigits();
            }
            return new JsonNumber(text.Substring(start, position - start), integral);
        }

        private void SkipDigits()
        {
            while (position < text.Length && text[position] >= '0' && text[position] <= '9') position++;
        }
    }
}

/// <summary>A JSON object as read: keys in document order, compared exactly (JSON keys are case-sensitive).</summary>
public sealed class JsonObject : Dictionary<string, object?>
{
    /// <summary>Creates an empty object.</summary>
    public JsonObject() : base(StringComparer.Ordinal)
    {
    }
}

/// <summary>A JSON number kept as written, so that 2 and 2.0 stay distinguishable and nothing is lost to binary floating point.</summary>
public sealed class JsonNumber
{
    /// <summary>Creates a number from its JSON text.</summary>
    public JsonNumber(string text, bool isIntegral)
    {
        Text = text;
        IsIntegral = isIntegral;
    }

    /// <summary>The number as written in the JSON.</summary>
    public string Text { get; }
    /// <summary>Whether it was written without fraction or exponent.</summary>
    public bool IsIntegral { get; }
    /// <summary>The value as a decimal, or null when it does not fit.</summary>
    public decimal? AsDecimal()
    {
        decimal d;
        return decimal.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out d) ? d : (decimal?)null;
    }

    /// <inheritdoc />
    public override string ToString() => Text;
}
