using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace CrmCx.Dataverse.InMemory.Query.Paging;

/// <summary>
/// Dataverse's paging cookie: <c>&lt;cookie page="1"&gt;&lt;name last=".." first=".." /&gt;&lt;accountid last="{ID}" first="{ID}" /&gt;&lt;/cookie&gt;</c>,
/// the sort values and primary id of the first and last row of the page it was returned with.
/// </summary>
internal sealed class PagingCookie
{
    public PagingCookie(int page, IReadOnlyList<(string Column, string Last, string First)> values)
    {
        Page = page;
        Values = values;
    }

    /// <summary>The page the cookie was returned with.</summary>
    public int Page { get; }
    public IReadOnlyList<(string Column, string Last, string First)> Values { get; }

    /// <summary>The last value of a column, or null when the cookie has none.</summary>
    public string? Last(string column)
    {
        foreach (var v in Values) if (string.Equals(v.Column, column, StringComparison.Ordinal)) return v.Last;
        return null;
    }

    // Written by hand rather than through XElement: every page of every query returns a cookie, and an XmlWriter's
    // buffers were most of what a small query allocated. The escaping is XmlWriter's for attribute values.
    public override string ToString()
    {
        var text = new StringBuilder(64 + Values.Count * 96);
        text.Append("<cookie page=\"").Append(Page.ToString(CultureInfo.InvariantCulture)).Append("\">");
        foreach (var (column, last, first) in Values)
        {
            text.Append('<').Append(column).Append(" last=\"");
            Escape(text, last);
            text.Append("\" first=\"");
            Escape(text, first);
            text.Append("\" />");
        }
        return text.Append("</cookie>").ToString();
    }

    private static void Escape(StringBuilder text, string value)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '&': text.Append("&amp;"); break;
                case '<': text.Append("&lt;"); break;
                case '>': text.Append("&gt;"); break;
                case '"': text.Append("&quot;"); break;
                case '\n': text.Append("&#xA;"); break;
                case '\r': text.Append("&#xD;"); break;
                case '\t': text.Append("&#x9;"); break;
                default: text.Append(c); break;
            }
        }
    }

    /// <summary>Parses a cookie; null when the text is not one (Dataverse then falls back to page numbers).</summary>
    public static PagingCookie? TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            var root = XElement.Parse(text);
            if (root.Name.LocalName != "cookie") return null;
            if (!int.TryParse((string?)root.Attribute("page"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var page)) return null;
            var values = new List<(string, string, string)>();
            foreach (var e in root.Elements())
                values.Add((e.Name.LocalName, (string?)e.Attribute("last") ?? string.Empty, (string?)e.Attribute("first") ?? string.Empty));
            return new PagingCookie(page, values);
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
