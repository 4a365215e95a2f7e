using System;
using System.Collections.Generic;
using System.Globalization;
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

    public override string ToString()
    {
        var root = new XElement("cookie", new XAttribute("page", Page.ToString(CultureInfo.InvariantCulture)));
        foreach (var (column, last, first) in Values)
            root.Add(new XElement(column, new XAttribute("last", last), new XAttribute("first", first)));
        return root.ToString(SaveOptions.DisableFormatting);
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
