using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCx.Infrastructure;

/// <summary>
/// The one way plug-ins write FetchXML: elements are opened and closed in order, every attribute value is escaped and
/// every typed value is formatted as Dataverse reads it (<see cref="QueryValues"/>), so no query is spliced by hand.
/// </summary>
public sealed class FetchXml
{
    // Most queries fit in 1,024 characters; the rollup's window read (about 4,000) grows it twice.
    private readonly StringBuilder xml = new(1024);
    private readonly Stack<string> open = new();

    private FetchXml() { }

    /// <summary>Starts a query of one table; <paramref name="top"/>, <paramref name="count"/> and paging as FetchXML names them.</summary>
    public static FetchXml Of(string entity, bool aggregate = false, int? top = null, int? count = null, int? page = null, string? pagingCookie = null, bool distinct = false)
    {
        var fetch = new FetchXml();
        fetch.Start("fetch").Attr("aggregate", aggregate ? "true" : null).Attr("distinct", distinct ? "true" : null).Attr("top", Number(top))
            .Attr("count", Number(count)).Attr("page", Number(page)).Attr("paging-cookie", pagingCookie).Opened("fetch");
        fetch.Start("entity").Attr("name", entity).Opened("entity");
        return fetch;
    }

    /// <summary>A column, optionally aliased, aggregated, grouped (with a date grouping such as day, month, year, in UTC or the user's time zone).</summary>
    public FetchXml Attribute(string name, string? alias = null, string? aggregate = null, bool groupBy = false, string? dateGrouping = null, bool? userTimeZone = null) =>
        Start("attribute").Attr("name", name).Attr("alias", alias).Attr("aggregate", aggregate).Attr("groupby", groupBy ? "true" : null)
            .Attr("dategrouping", dateGrouping).Attr("usertimezone", userTimeZone is { } zone ? (zone ? "true" : "false") : null).Closed();

    /// <summary>Several plain columns.</summary>
    public FetchXml Attributes(IEnumerable<string> names)
    {
        foreach (var name in names) Attribute(name);
        return this;
    }

    /// <summary>An order on a column (or, in an aggregate query, on an alias).</summary>
    public FetchXml Order(string attribute, bool descending = false, bool alias = false) =>
        Start("order").Attr(alias ? "alias" : "attribute", attribute).Attr("descending", descending ? "true" : null).Closed();

    /// <summary>Opens a filter (and / or); close it with <see cref="End"/>.</summary>
    public FetchXml Filter(string type = "and") => Start("filter").Attr("type", type).Opened("filter");

    /// <summary>A condition without a value (null, not-null, eq-userid, today...).</summary>
    public FetchXml Condition(string attribute, string op) => Start("condition").Attr("attribute", attribute).Attr("operator", op).Closed();

    /// <summary>A condition on a text value (escaped).</summary>
    public FetchXml Condition(string attribute, string op, string value) =>
        Start("condition").Attr("attribute", attribute).Attr("operator", op).Attr("value", value).Closed();

    /// <summary>A condition on an id.</summary>
    public FetchXml Condition(string attribute, string op, Guid value) => Condition(attribute, op, QueryValues.Fetch(value));

    /// <summary>A condition on a whole number (or a choice value).</summary>
    public FetchXml Condition(string attribute, string op, int value) => Condition(attribute, op, QueryValues.Fetch(value));

    /// <summary>A condition on a UTC time.</summary>
    public FetchXml Condition(string attribute, string op, DateTime utc) => Condition(attribute, op, QueryValues.Fetch(utc));

    /// <summary>A condition without a value on a column of a linked table (entityname: the link's alias), in a filter of the root.</summary>
    public FetchXml LinkedCondition(string linkAlias, string attribute, string op) =>
        Start("condition").Attr("entityname", linkAlias).Attr("attribute", attribute).Attr("operator", op).Closed();

    /// <summary>A column comparison (valueof): this column against another, "alias.column" for a linked table's (cross-table comparison).</summary>
    public FetchXml ColumnCondition(string attribute, string op, string valueOf) =>
        Start("condition").Attr("attribute", attribute).Attr("operator", op).Attr("valueof", valueOf).Closed();

    /// <summary>An eq condition for one id, an in condition for several.</summary>
    public FetchXml In(string attribute, IReadOnlyList<Guid> ids)
    {
        if (ids.Count == 1) return Condition(attribute, "eq", ids[0]);
        Start("condition").Attr("attribute", attribute).Attr("operator", "in").Opened("condition");
        foreach (var id in ids) xml.Append("<value>").Append(QueryValues.Fetch(id)).Append("</value>");
        return End();
    }

    /// <summary>Opens a link-entity (its from is the linked table's column, its to the parent's); close it with <see cref="End"/>.</summary>
    public FetchXml Link(string name, string from, string to, string? alias = null, string linkType = "inner") =>
        Start("link-entity").Attr("name", name).Attr("from", from).Attr("to", to).Attr("alias", alias).Attr("link-type", linkType).Opened("link-entity");

    /// <summary>Closes the element opened last (filter, link-entity).</summary>
    public FetchXml End()
    {
        if (open.Count <= 2) throw new InvalidOperationException("FetchXml.End: nothing is open but the fetch and its entity.");
        xml.Append("</").Append(open.Pop()).Append('>');
        return this;
    }

    /// <summary>The query as FetchXML text, closing whatever is still open.</summary>
    public override string ToString()
    {
        // The closing tags go on the builder for one ToString and come off again: one copy of the text, not three.
        var length = xml.Length;
        foreach (var name in open) xml.Append("</").Append(name).Append('>');
        var text = xml.ToString();
        xml.Length = length;
        return text;
    }

    /// <summary>The query as the SDK sends it.</summary>
    public FetchExpression ToExpression() => new(ToString());

    // An element is written as it is declared, attribute by attribute: no array of names and values per element (the
    // rollup builds its queries once per row of a bulk request).
    private FetchXml Start(string name)
    {
        xml.Append('<').Append(name);
        return this;
    }

    /// <summary>One attribute, escaped; a null value leaves it out.</summary>
    private FetchXml Attr(string name, string? value)
    {
        if (value != null) xml.Append(' ').Append(name).Append("=\"").Append(System.Security.SecurityElement.Escape(value)).Append('"');
        return this;
    }

    private FetchXml Opened(string name)
    {
        xml.Append('>');
        open.Push(name);
        return this;
    }

    private FetchXml Closed()
    {
        xml.Append(" />");
        return this;
    }

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
