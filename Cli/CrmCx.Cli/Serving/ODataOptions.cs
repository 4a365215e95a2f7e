using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CrmCx.Cli.Serving;

/// <summary>A $filter comparison: column, operator (eq, ne, gt, ge, lt, le) and a literal (null, number, GUID, text, bool).</summary>
internal sealed record ODataComparison(string Column, string Operator, object? Value) : ODataFilter;

/// <summary>An and/or of filters.</summary>
internal sealed record ODataLogical(bool IsAnd, IReadOnlyList<ODataFilter> Parts) : ODataFilter;

/// <summary>A parsed $filter expression.</summary>
internal abstract record ODataFilter;

/// <summary>One $orderby term.</summary>
internal sealed record ODataOrder(string Column, bool Descending);

/// <summary>One $expand of a collection-valued navigation property with its nested options.</summary>
internal sealed record ODataExpand(string Navigation, ODataOptions Options);

/// <summary>
/// The Web API query options the CX panel and form scripts send ($select, $filter, $orderby, $top, $expand with nested
/// options separated by ';'), parsed into a tree. Only this subset is understood; anything else is refused with a
/// message, so a panel change that needs more shows at once instead of silently returning wrong rows.
/// </summary>
internal sealed record ODataOptions(IReadOnlyList<string> Select, ODataFilter? Filter, IReadOnlyList<ODataOrder> OrderBy, int? Top, IReadOnlyList<ODataExpand> Expand)
{
    /// <summary>Parses "?$select=...&amp;$filter=..." (the leading '?' is optional).</summary>
    public static ODataOptions Parse(string? text)
    {
        text = (text ?? "").TrimStart('?');
        return ParseOptions(SplitTopLevel(text, '&'));
    }

    private static ODataOptions ParseOptions(IEnumerable<string> parts)
    {
        var select = new List<string>();
        ODataFilter? filter = null;
        var order = new List<ODataOrder>();
        int? top = null;
        var expand = new List<ODataExpand>();
        foreach (var part in parts.Where(p => p.Length > 0))
        {
            var eq = part.IndexOf('=', StringComparison.Ordinal);
            if (eq < 0) throw new FormatException($"Query option '{part}' has no value.");
            var name = part[..eq].Trim();
            var value = Uri.UnescapeDataString(part[(eq + 1)..]);
            switch (name)
            {
                case "$select":
                    select.AddRange(value.Split(',').Select(s => s.Trim()).Where(s => s.Length > 0));
                    break;
                case "$filter":
                    filter = new FilterParser(value).ParseAll();
                    break;
                case "$orderby":
                    foreach (var term in value.Split(',').Select(t => t.Trim()).Where(t => t.Length > 0))
                    {
                        var bits = term.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                        order.Add(new ODataOrder(bits[0], bits.Length > 1 && bits[1].Equals("desc", StringComparison.OrdinalIgnoreCase)));
                    }
                    break;
                case "$top":
                    top = int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
                    break;
                case "$expand":
                    foreach (var item in SplitTopLevel(value, ','))
                    {
                        var open = item.IndexOf('(', StringComparison.Ordinal);
                        if (open < 0) expand.Add(new ODataExpand(item.Trim(), ParseOptions(Array.Empty<string>())));
                        else expand.Add(new ODataExpand(item[..open].Trim(), ParseOptions(SplitTopLevel(item[(open + 1)..^1], ';'))));
                    }
                    break;
                default:
                    throw new FormatException($"Query option '{name}' is not supported by the demo server.");
            }
        }
        return new ODataOptions(select, filter, order, top, expand);
    }

    /// <summary>Splits on a separator outside parentheses and quotes.</summary>
    private static List<string> SplitTopLevel(string text, char separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var quoted = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\'') quoted = !quoted;
            else if (!quoted && c == '(') depth++;
            else if (!quoted && c == ')') depth--;
            else if (!quoted && depth == 0 && c == separator)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }
        parts.Add(text[start..]);
        return parts;
    }

    /// <summary>Recursive descent over: or-expr := and-expr ('or' and-expr)*; and-expr := term ('and' term)*; term := '(' or-expr ')' | column op literal.</summary>
    private sealed class FilterParser(string text)
    {
        private readonly List<string> tokens = Tokenize(text);
        private int position;

        public ODataFilter ParseAll()
        {
            var result = ParseOr();
            if (position != tokens.Count) throw new FormatException($"Unexpected '{tokens[position]}' in $filter '{text}'.");
            return result;
        }

        private ODataFilter ParseOr()
        {
            var parts = new List<ODataFilter> { ParseAnd() };
            while (Peek("or")) { position++; parts.Add(ParseAnd()); }
            return parts.Count == 1 ? parts[0] : new ODataLogical(false, parts);
        }

        private ODataFilter ParseAnd()
        {
            var parts = new List<ODataFilter> { ParseTerm() };
            while (Peek("and")) { position++; parts.Add(ParseTerm()); }
            return parts.Count == 1 ? parts[0] : new ODataLogical(true, parts);
        }

        private ODataFilter ParseTerm()
        {
            if (Peek("("))
            {
                position++;
                var inner = ParseOr();
                Expect(")");
                return inner;
            }
            var column = Next();
            var op = Next().ToLowerInvariant();
            if (op is not ("eq" or "ne" or "gt" or "ge" or "lt" or "le")) throw new FormatException($"Operator '{op}' is not supported in $filter '{text}'.");
            return new ODataComparison(column, op, Literal(Next()));
        }

        private static object? Literal(string token)
        {
            if (token == "null") return null;
            if (token is "true" or "false") return token == "true";
            if (token.StartsWith('\'')) return token[1..^1].Replace("''", "'", StringComparison.Ordinal);
            if (Guid.TryParse(token, out var id)) return id;
            if (int.TryParse(token, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i)) return i;
            if (decimal.TryParse(token, NumberStyles.Number, CultureInfo.InvariantCulture, out var d)) return d;
            throw new FormatException($"'{token}' is not a literal the demo server understands.");
        }

        private bool Peek(string token) => position < tokens.Count && tokens[position].Equals(token, StringComparison.OrdinalIgnoreCase);

        private string Next() => position < tokens.Count ? tokens[position++] : throw new FormatException($"$filter '{text}' ends too early.");

        private void Expect(string token)
        {
            if (!Peek(token)) throw new FormatException($"Expected '{token}' in $filter '{text}'.");
            position++;
        }

        private static List<string> Tokenize(string text)
        {
            var tokens = new List<string>();
            var i = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (char.IsWhiteSpace(c)) { i++; continue; }
                if (c is '(' or ')') { tokens.Add(c.ToString()); i++; continue; }
                if (c == '\'')
                {
                    var end = i + 1;
                    while (end < text.Length && !(text[end] == '\'' && (end + 1 >= text.Length || text[end + 1] != '\''))) end += text[end] == '\'' ? 2 : 1;
                    tokens.Add(text[i..Math.Min(end + 1, text.Length)]);
                    i = end + 1;
                    continue;
                }
                var start = i;
                while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] is not ('(' or ')')) i++;
                tokens.Add(text[start..i]);
            }
            return tokens;
        }
    }
}
