using System;
using System.Text;
using System.Text.RegularExpressions;
using CrmCx.Dataverse.InMemory.Query.Values;

namespace CrmCx.Dataverse.InMemory.Query.Filtering;

/// <summary>
/// A SQL LIKE pattern (% any text, _ one character, [abc] / [^abc] a set), compiled once per condition. The common
/// shapes (text%, %text, %text%) use the collation's prefix/suffix/substring search; others become one regex.
/// </summary>
internal sealed class LikePattern
{
    private readonly Func<string, bool> match;

    private LikePattern(Func<string, bool> match) => this.match = match;

    public bool IsMatch(string value) => match(value);

    public static LikePattern Parse(string pattern)
    {
        var ci = Scalar.Collation;
        const System.Globalization.CompareOptions o = Scalar.TextOptions;
        if (pattern.IndexOfAny(new[] { '_', '[' }) < 0)
        {
            var core = pattern.Trim('%');
            if (core.IndexOf('%') < 0)
            {
                var starts = pattern.StartsWith('%');
                var ends = pattern.EndsWith('%') && pattern.Length > 1;
                if (core.Length == 0) return new LikePattern(v => pattern.Length > 0 || v.Length == 0);
                if (starts && ends) return new LikePattern(v => ci.IndexOf(v, core, o) >= 0);
                if (ends) return new LikePattern(v => ci.IsPrefix(v, core, o));
                if (starts) return new LikePattern(v => ci.IsSuffix(v, core, o));
                return new LikePattern(v => ci.Compare(v, core, o) == 0);
            }
        }
        var regex = new Regex(ToRegex(pattern), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Singleline);
        return new LikePattern(regex.IsMatch);
    }

    /// <summary>A pattern that matches values starting with, ending with or containing the literal text (no wildcards).</summary>
    public static LikePattern Literal(string text, bool anyBefore, bool anyAfter)
    {
        var ci = Scalar.Collation;
        const System.Globalization.CompareOptions o = Scalar.TextOptions;
        if (anyBefore && anyAfter) return new LikePattern(v => ci.IndexOf(v, text, o) >= 0);
        if (anyAfter) return new LikePattern(v => ci.IsPrefix(v, text, o));
        if (anyBefore) return new LikePattern(v => ci.IsSuffix(v, text, o));
        return new LikePattern(v => ci.Compare(v, text, o) == 0);
    }

    private static string ToRegex(string pattern)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '%': sb.Append(".*"); break;
                case '_': sb.Append('.'); break;
                case '[':
                    var close = pattern.IndexOf(']', i + 1);
                    if (close < 0) { sb.Append(@"\["); break; }
                    var set = pattern.Substring(i + 1, close - i - 1);
                    sb.Append('[');
                    if (set.StartsWith('^')) { sb.Append('^'); set = set.Substring(1); }
                    foreach (var s in set) sb.Append(s == '-' ? "-" : Regex.Escape(s.ToString()));
                    sb.Append(']');
                    i = close;
                    break;
                default: sb.Append(Regex.Escape(c.ToString())); break;
            }
        }
        return sb.Append('$').ToString();
    }
}
