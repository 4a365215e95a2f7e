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
    private readonly StringBuilder xml = new();
    private readonly Stack<string> open = new();

    private FetchXml() { }

    /// <summary>Starts a query of one table; <paramref name="top"/>, <paramref name="count"/> and paging as FetchXML names them.</summary>
    public static FetchXml Of(string entity, bool aggregate = false, int? top = null, int? count = null, int? page = null, string? pagingCookie = null, bool distinct = false)
    {
        var fetch = new FetchXml();
        fetch.Open("fetch", "aggregate", aggregate ? "true" : null, "distinct", distinct ? "true" : null, "top", Number(top),
            "count", Number(count), "page", Number(page), "paging-cookie", pagingCookie);
        fetch.Open("entity", "name", entity);
        return fetch;
    }

    /// <summary>A column, optionally aliased, aggregated, grouped (with a date grouping such as day, month, year, in UTC or the user's time zone).</summary>
    public FetchXml Attribute(string name, string? alias = null, string? aggregate = null, bool groupBy = false, string? dateGrouping = null, bool? userTimeZone = null) =>
        Element("attribute", "name", name, "alias", alias, "aggregate", aggregate, "groupby", groupBy ? "true" : null, "dategrouping", dateGrouping,
            "usertimezone", userTimeZone is { } zone ? (zone ? "true" : "false") : null);

    /// <summary>Several plain columns.</summary>
    public FetchXml Attributes(IEnumerable<string> names)
    {
        foreach (var name in names) Attribute(name);
        return this;
    }

    /// <summary>An order on a column (or, in an aggregate query, on an alias).</summary>
    public FetchXml Order(string attribute, bool descending = false, bool alias = false) =>
        Element("order", alias ? "alias" : "attribute", attribute, "descending", descending ? "true" : null);

    /// <summary>Opens a filter (and / or); close it with <see cref="End"/>.</summary>
    public FetchXml Filter(string type = "and") => Open("filter", "type", type);

    /// <summary>A condition without a value (null, not-null, eq-userid, today...).</summary>
    public FetchXml Condition(string attribute, string op) => Element("condition", "attribute", attribute, "operator", op);

    /// <summary>A condition on a text value (escaped).</summary>
    public FetchXml Condition(string attribute, string op, string value) =>
        Element("condition", "attribute", attribute, "operator", op, "value", value);

    /// <summary>A condition on an id.</summary>
    public FetchXml Condition(string attribute, string op, Guid value) => Condition(attribute, op, QueryValues.Fetch(value));

    /// <summary>A condition on a whole number (or a choice value).</summary>
    public FetchXml Condition(string attribute, string op, int value) => Condition(attribute, op, QueryValues.Fetch(value));

    /// <summary>A condition on a UTC time.</summary>
    public FetchXml Condition(string attribute, string op, DateTime utc) => Condition(attribute, op, QueryValues.Fetch(utc));

    /// <summary>A condition without a value on a column of a linked table (entityname: the link's alias), in a filter of the root.</summary>
    public FetchXml LinkedCondition(string linkAlias, string attribute, string op) =>
        Element("condition", "entityname", linkAlias, "attribute", attribute, "operator", op);

    /// <summary>A column comparison (valueof): this column against another, "alias.column" for a linked table's (cross-table comparison).</summary>
    public FetchXml ColumnCondition(string attribute, string op, string valueOf) =>
        Element("condition", "attribute", attribute, "operator", op, "valueof", valueOf);

    /// <summary>An eq condition for one id, an in condition for several.</summary>
    public FetchXml In(string attribute, IReadOnlyList<Guid> ids)
    {
        if (ids.Count == 1) return Condition(attribute, "eq", ids[0]);
        Open("condition", "attribute", attribute, "operator", "in");
        foreach (var id in ids) xml.Append("<value>").Append(QueryValues.Fetch(id)).Append("</value>");
        return End();
    }

    /// <summary>Opens a link-entity (its from is the linked table's column, its to the parent's); close it with <see cref="End"/>.</summary>
    public FetchXml Link(string name, string from, string to, string? alias = null, string linkType = "inner") =>
        Open("link-entity", "name", name, "from", from, "to", to, "alias", alias, "link-type", linkType);

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

    private FetchXml Open(string name, params string?[] attributes)
    {
        Write(name, attributes);
        xml.Append('>');
        open.Push(name);
        return this;
    }

    private FetchXml Element(string name, params string?[] attributes)
    {
        Write(name, attributes);
        xml.Append(" />");
        return this;
    }

    private void Write(string name, string?[] attributes)
    {
        xml.Append('<').Append(name);
        // Name, value, name, value...: a null value leaves its attribute out.
        for (var i = 0; i + 1 < attributes.Length; i += 2)
        {
            if (attributes[i + 1] is not { } value) continue;
            xml.Append(' ').Append(attributes[i]).Append("=\"").Append(System.Security.SecurityElement.Escape(value)).Append('"');
        }
    }

    private static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);
}
