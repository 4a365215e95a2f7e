using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Xml;
using System.Xml.Linq;
using CrmCx.Dataverse.InMemory.Query.Model;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCx.Dataverse.InMemory.Query.FetchXml;

/// <summary>
/// Parses FetchXML into the engine's model. Like Dataverse's schema validation it refuses unknown elements,
/// attributes and operators, naming what is wrong; values stay text and are converted by column type when compiled.
/// </summary>
internal static class FetchXmlParser
{
    private static readonly HashSet<string> FetchAttributes = new(StringComparer.Ordinal)
    {
        "version", "mapping", "output-format", "top", "count", "page", "paging-cookie", "distinct", "aggregate", "aggregatelimit",
        "returntotalrecordcount", "no-lock", "useraworderby", "latematerialize", "options", "datasource", "utc-offset", "min-active-row-version",
    };
    private static readonly HashSet<string> EntityAttributes = new(StringComparer.Ordinal) { "name", "enableprefiltering", "prefilterparametername" };
    private static readonly HashSet<string> LinkAttributes = new(StringComparer.Ordinal) { "name", "from", "to", "alias", "link-type", "visible", "intersect", "enableprefiltering", "prefilterparametername" };
    private static readonly HashSet<string> AttributeAttributes = new(StringComparer.Ordinal) { "name", "alias", "aggregate", "groupby", "dategrouping", "distinct", "usertimezone", "build", "addedby" };
    private static readonly HashSet<string> OrderAttributes = new(StringComparer.Ordinal) { "attribute", "alias", "descending", "entityname" };
    private static readonly HashSet<string> FilterAttributes = new(StringComparer.Ordinal) { "type", "isquickfindfields", "overridequickfindrecordlimitenabled", "overridequickfindrecordlimitdisabled", "hint" };
    private static readonly HashSet<string> ConditionAttributes = new(StringComparer.Ordinal) { "attribute", "operator", "value", "valueof", "entityname", "uiname", "uitype", "uihidden" };

    private static readonly Dictionary<string, ConditionOperator> Operators = new(StringComparer.Ordinal)
    {
        ["eq"] = ConditionOperator.Equal,
        ["ne"] = ConditionOperator.NotEqual,
        ["neq"] = ConditionOperator.NotEqual,
        ["gt"] = ConditionOperator.GreaterThan,
        ["ge"] = ConditionOperator.GreaterEqual,
        ["lt"] = ConditionOperator.LessThan,
        ["le"] = ConditionOperator.LessEqual,
        ["null"] = ConditionOperator.Null,
        ["not-null"] = ConditionOperator.NotNull,
        ["in"] = ConditionOperator.In,
        ["not-in"] = ConditionOperator.NotIn,
        ["between"] = ConditionOperator.Between,
        ["not-between"] = ConditionOperator.NotBetween,
        ["like"] = ConditionOperator.Like,
        ["not-like"] = ConditionOperator.NotLike,
        ["begins-with"] = ConditionOperator.BeginsWith,
        ["not-begin-with"] = ConditionOperator.DoesNotBeginWith,
        ["ends-with"] = ConditionOperator.EndsWith,
        ["not-end-with"] = ConditionOperator.DoesNotEndWith,
        ["on"] = ConditionOperator.On,
        ["not-on"] = ConditionOperator.NotOn,
        ["on-or-after"] = ConditionOperator.OnOrAfter,
        ["on-or-before"] = ConditionOperator.OnOrBefore,
        ["eq-userid"] = ConditionOperator.EqualUserId,
        ["ne-userid"] = ConditionOperator.NotEqualUserId,
        ["today"] = ConditionOperator.Today,
        ["yesterday"] = ConditionOperator.Yesterday,
        ["tomorrow"] = ConditionOperator.Tomorrow,
        ["last-seven-days"] = ConditionOperator.Last7Days,
        ["next-seven-days"] = ConditionOperator.Next7Days,
        ["last-week"] = ConditionOperator.LastWeek,
        ["this-week"] = ConditionOperator.ThisWeek,
        ["next-week"] = ConditionOperator.NextWeek,
        ["last-month"] = ConditionOperator.LastMonth,
        ["this-month"] = ConditionOperator.ThisMonth,
        ["next-month"] = ConditionOperator.NextMonth,
        ["last-year"] = ConditionOperator.LastYear,
        ["this-year"] = ConditionOperator.ThisYear,
        ["next-year"] = ConditionOperator.NextYear,
        ["last-x-hours"] = ConditionOperator.LastXHours,
        ["next-x-hours"] = ConditionOperator.NextXHours,
        ["last-x-days"] = ConditionOperator.LastXDays,
        ["next-x-days"] = ConditionOperator.NextXDays,
        ["last-x-weeks"] = ConditionOperator.LastXWeeks,
        ["next-x-weeks"] = ConditionOperator.NextXWeeks,
        ["last-x-months"] = ConditionOperator.LastXMonths,
        ["next-x-months"] = ConditionOperator.NextXMonths,
        ["last-x-years"] = ConditionOperator.LastXYears,
        ["next-x-years"] = ConditionOperator.NextXYears,
        ["olderthan-x-minutes"] = ConditionOperator.OlderThanXMinutes,
        ["olderthan-x-hours"] = ConditionOperator.OlderThanXHours,
        ["olderthan-x-days"] = ConditionOperator.OlderThanXDays,
        ["olderthan-x-weeks"] = ConditionOperator.OlderThanXWeeks,
        ["olderthan-x-months"] = ConditionOperator.OlderThanXMonths,
        ["olderthan-x-years"] = ConditionOperator.OlderThanXYears,
    };

    // The request executor reads the table name before the engine parses the query: both see the same string, so
    // it is parsed once (an XML reader per parse was most of what a query allocated).
    private static readonly ConditionalWeakTable<string, XElement> Parsed = new();

    private static readonly XmlReaderSettings ReaderSettings = new() { IgnoreWhitespace = true, DtdProcessing = DtdProcessing.Parse, MaxCharactersFromEntities = 10_000_000 };

    /// <summary>The FetchXML's root element, parsed once per query string; throws XmlException when not well-formed.</summary>
    public static XElement Load(string fetchXml)
    {
        if (Parsed.TryGetValue(fetchXml, out var element)) return element;
        // XElement.Parse with its own settings, made once (it makes new settings per call): whitespace ignored, DTD
        // processed with the same entity limit.
        using (var reader = XmlReader.Create(new System.IO.StringReader(fetchXml), ReaderSettings)) element = XElement.Load(reader);
        Parsed.AddOrUpdate(fetchXml, element);
        return element;
    }

    public static QueryModel Parse(string? fetchXml, IRowSource source)
    {
        if (string.IsNullOrWhiteSpace(fetchXml)) throw Faults.InvalidArgument("FetchExpression.Query is empty.");
        XElement fetch;
        try
        {
            fetch = Load(fetchXml);
        }
        catch (XmlException e)
        {
            throw Faults.InvalidArgument($"The FetchXML is not well-formed XML: {e.Message}");
        }
        if (fetch.Name.LocalName != "fetch") throw Faults.InvalidArgument($"The root element of FetchXML must be <fetch>, not <{fetch.Name.LocalName}>.");
        CheckAttributes(fetch, FetchAttributes);

        var entities = fetch.Elements().ToList();
        if (entities.Count != 1 || entities[0].Name.LocalName != "entity")
            throw Faults.InvalidArgument("<fetch> must contain exactly one <entity> element.");
        var entity = entities[0];
        CheckAttributes(entity, EntityAttributes);
        var root = new QueryNode(source.GetTable(Required(entity, "name")), null);

        var model = new QueryModel(root)
        {
            IsFetch = true,
            Distinct = Bool(fetch, "distinct"),
            Aggregate = Bool(fetch, "aggregate"),
            ReturnTotalRecordCount = Bool(fetch, "returntotalrecordcount"),
            Top = Int(fetch, "top"),
        };
        var count = Int(fetch, "count");
        var page = Int(fetch, "page");
        var cookie = (string?)fetch.Attribute("paging-cookie");
        if (model.Top is int top)
        {
            if (top < 1 || top > 5000) throw Faults.InvalidArgument($"The fetch top attribute must be between 1 and 5000 (got {top}).");
            if (count.HasValue || page.HasValue)
                throw Faults.InvalidArgument("The fetch top attribute can't be used with the paging attributes count and page.");
        }
        if (count is < 1 or > 5000) throw Faults.InvalidArgument($"The fetch count attribute must be between 1 and 5000 (got {count}).");
        if (page is < 1) throw Faults.InvalidArgument($"The fetch page attribute must be 1 or more (got {page}).");
        if (Int(fetch, "aggregatelimit") is int limit)
        {
            if (limit < 1 || limit > Aggregation.AggregateExecutor.RecordLimit)
                throw Faults.InvalidArgument($"The fetch aggregatelimit must be between 1 and {Aggregation.AggregateExecutor.RecordLimit} (got {limit}).");
            model.AggregateLimit = limit;
        }
        model.PageSize = count ?? 0;
        model.PageNumber = page ?? 1;
        model.PagingCookie = string.IsNullOrEmpty(cookie) ? null : cookie;

        Children(entity, root, source, model.Aggregate);
        QueryBinder.Bind(model);
        return model;
    }

    private static void Children(XElement element, QueryNode node, IRowSource source, bool aggregate)
    {
        for (var child = FirstChild(element); child is not null; child = NextSibling(child))
        {
            switch (child.Name.LocalName)
            {
                case "attribute":
                    node.Columns.Add(Attribute(child, node, aggregate));
                    break;
                case "all-attributes":
                    node.AllColumns = true;
                    break;
                case "no-attrs":
                    break;
                case "order":
                    CheckAttributes(child, OrderAttributes);
                    var attribute = (string?)child.Attribute("attribute");
                    var alias = (string?)child.Attribute("alias");
                    if (string.IsNullOrEmpty(attribute) && string.IsNullOrEmpty(alias))
                        throw Faults.InvalidArgument($"An <order> in '{node.Table.LogicalName}' needs an attribute or an alias.");
                    var entityName = NullIfEmpty((string?)child.Attribute("entityname"));
                    // An order naming a link (entityname) is checked against that link's table once aliases are bound.
                    if (!string.IsNullOrEmpty(attribute) && string.IsNullOrEmpty(alias) && entityName is null) QueryBinder.Column(node, attribute);
                    node.Orders.Add(new OrderNode
                    {
                        Attribute = string.IsNullOrEmpty(attribute) ? null : attribute,
                        Alias = string.IsNullOrEmpty(alias) ? null : alias,
                        EntityName = entityName,
                        Descending = Bool(child, "descending"),
                    });
                    break;
                case "filter":
                    var filter = Filter(child, node, source);
                    if (node.Filter is null) node.Filter = filter;
                    else
                    {
                        // Several filters on one table combine with and.
                        var both = new FilterNode();
                        both.Filters.Add(node.Filter);
                        both.Filters.Add(filter);
                        node.Filter = both;
                    }
                    break;
                case "link-entity":
                    node.Links.Add(Link(child, node, source, aggregate));
                    break;
                default:
                    throw Faults.InvalidArgument($"The element <{child.Name.LocalName}> is not valid inside <{element.Name.LocalName}> in FetchXML.");
            }
        }
    }

    private static SelectedColumn Attribute(XElement element, QueryNode node, bool aggregate)
    {
        if (element.Attribute("rowaggregate") is not null)
            throw Faults.InvalidArgument($"rowaggregate (hierarchy child counts) on '{node.Table.LogicalName}' is not supported by the in-memory organization.");
        CheckAttributes(element, AttributeAttributes);
        var column = QueryBinder.Column(node, Required(element, "name"));
        var aggregateText = (string?)element.Attribute("aggregate");
        var kind = aggregateText switch
        {
            null or "" => AggregateKind.None,
            "count" => AggregateKind.Count,
            "countcolumn" => AggregateKind.CountColumn,
            "sum" => AggregateKind.Sum,
            "avg" => AggregateKind.Avg,
            "min" => AggregateKind.Min,
            "max" => AggregateKind.Max,
            _ => throw Faults.InvalidArgument($"'{aggregateText}' is not a FetchXML aggregate (count, countcolumn, sum, avg, min, max) on '{node.Table.LogicalName}.{column.LogicalName}'."),
        };
        var groupBy = Bool(element, "groupby");
        if (!aggregate && (kind != AggregateKind.None || groupBy))
            throw Faults.InvalidArgument($"The attribute '{node.Table.LogicalName}.{column.LogicalName}' uses aggregate or groupby, which need aggregate='true' on <fetch>.");
        var dateText = (string?)element.Attribute("dategrouping");
        var grouping = dateText switch
        {
            null => DateGrouping.None,
            "day" => DateGrouping.Day,
            "week" => DateGrouping.Week,
            "month" => DateGrouping.Month,
            "quarter" => DateGrouping.Quarter,
            "year" => DateGrouping.Year,
            "fiscal-period" or "fiscal-year" => throw Faults.InvalidArgument($"The dategrouping '{dateText}' (fiscal calendar) is not supported by the in-memory organization."),
            _ => throw Faults.InvalidArgument($"Invalid value '{dateText}' for dategrouping on '{node.Table.LogicalName}.{column.LogicalName}'."),
        };
        if (grouping != DateGrouping.None && !groupBy)
            throw Faults.InvalidArgument($"dategrouping on '{node.Table.LogicalName}.{column.LogicalName}' needs groupby='true'.");
        var alias = (string?)element.Attribute("alias");
        return new SelectedColumn(column)
        {
            Alias = string.IsNullOrEmpty(alias) ? null : alias,
            Aggregate = kind,
            GroupBy = groupBy,
            DateGrouping = grouping,
            Distinct = Bool(element, "distinct"),
        };
    }

    private static QueryNode Link(XElement element, QueryNode parent, IRowSource source, bool aggregate)
    {
        CheckAttributes(element, LinkAttributes);
        var table = source.GetTable(Required(element, "name"));
        var typeText = (string?)element.Attribute("link-type") ?? "inner";
        var join = typeText switch
        {
            "inner" => JoinKind.Inner,
            "outer" => JoinKind.Outer,
            "exists" or "in" or "any" => JoinKind.Exists,
            "not any" => JoinKind.NotExists,
            _ => throw Faults.InvalidArgument($"The link-type '{typeText}' of link-entity '{table.LogicalName}' is not supported by the in-memory organization."),
        };
        var node = new QueryNode(table, parent)
        {
            ExplicitAlias = NullIfEmpty((string?)element.Attribute("alias")),
            // In FetchXML "from" is the linked table's column and "to" the parent's.
            ChildAttribute = QueryBinder.Column(table, Required(element, "from")).LogicalName,
            ParentAttribute = QueryBinder.Column(parent.Table, Required(element, "to")).LogicalName,
            Join = join,
        };
        Children(element, node, source, aggregate);
        return node;
    }

    /// <summary>A link-entity inside a filter: link-type any or not any tests for related rows without returning them.</summary>
    private static FilterLink FilterLink(XElement element, QueryNode parent, IRowSource source)
    {
        CheckAttributes(element, LinkAttributes);
        var table = source.GetTable(Required(element, "name"));
        var typeText = (string?)element.Attribute("link-type") ?? "any";
        var negate = typeText switch
        {
            "any" => false,
            "not any" => true,
            _ => throw Faults.InvalidArgument($"A link-entity inside a filter needs link-type any or not any; '{typeText}' on '{table.LogicalName}' is not supported by the in-memory organization."),
        };
        var node = new QueryNode(table, parent)
        {
            ExplicitAlias = NullIfEmpty((string?)element.Attribute("alias")),
            ChildAttribute = QueryBinder.Column(table, Required(element, "from")).LogicalName,
            ParentAttribute = QueryBinder.Column(parent.Table, Required(element, "to")).LogicalName,
            Join = negate ? JoinKind.NotExists : JoinKind.Exists,
        };
        for (var child = FirstChild(element); child is not null; child = NextSibling(child))
        {
            switch (child.Name.LocalName)
            {
                case "filter":
                    var filter = Filter(child, node, source);
                    node.Filter = node.Filter is null ? filter : new FilterNode { Filters = { node.Filter, filter } };
                    break;
                case "link-entity":
                    throw Faults.InvalidArgument($"Links nested under the filter link-entity '{table.LogicalName}' are not supported by the in-memory organization.");
                default:
                    throw Faults.InvalidArgument($"The element <{child.Name.LocalName}> is not valid inside a filter link-entity in FetchXML.");
            }
        }
        return new FilterLink(node, negate);
    }

    private static FilterNode Filter(XElement element, QueryNode node, IRowSource source)
    {
        CheckAttributes(element, FilterAttributes);
        var type = (string?)element.Attribute("type") ?? "and";
        if (type is not ("and" or "or")) throw Faults.InvalidArgument($"The filter type '{type}' is not valid; use 'and' or 'or'.");
        var filter = new FilterNode { IsOr = type == "or" };
        for (var child = FirstChild(element); child is not null; child = NextSibling(child))
        {
            switch (child.Name.LocalName)
            {
                case "condition":
                    filter.Conditions.Add(Condition(child, node));
                    break;
                case "filter":
                    filter.Filters.Add(Filter(child, node, source));
                    break;
                case "link-entity":
                    filter.Links.Add(FilterLink(child, node, source));
                    break;
                default:
                    throw Faults.InvalidArgument($"The element <{child.Name.LocalName}> is not valid inside <filter> in FetchXML.");
            }
        }
        return filter;
    }

    private static ConditionNode Condition(XElement element, QueryNode node)
    {
        CheckAttributes(element, ConditionAttributes);
        var attribute = Required(element, "attribute");
        var operatorText = Required(element, "operator");
        if (!Operators.TryGetValue(operatorText, out var op))
            throw Faults.InvalidArgument($"The condition operator '{operatorText}' on '{attribute}' is not a FetchXML operator the in-memory organization supports.");
        var values = new List<object?>();
        var single = element.Attribute("value");
        if (single is not null) values.Add(single.Value);
        for (var value = FirstChild(element); value is not null; value = NextSibling(value))
        {
            if (value.Name.LocalName != "value") throw Faults.InvalidArgument($"The element <{value.Name.LocalName}> is not valid inside <condition> in FetchXML.");
            values.Add(value.Value);
        }
        var valueOf = NullIfEmpty((string?)element.Attribute("valueof"));
        if (valueOf is not null && values.Count > 0)
            throw Faults.InvalidArgument($"The condition on '{attribute}' has both valueof and a value; a column comparison takes only valueof.");
        return new ConditionNode(NullIfEmpty((string?)element.Attribute("entityname")), attribute, op, values) { OperatorText = operatorText, ValueOf = valueOf };
    }

    // The child elements walked by hand, as the attributes are (no iterator per element).
    private static XElement? FirstChild(XElement element)
    {
        for (var node = element.FirstNode; node is not null; node = node.NextNode)
            if (node is XElement child) return child;
        return null;
    }

    private static XElement? NextSibling(XElement element)
    {
        for (var node = element.NextNode; node is not null; node = node.NextNode)
            if (node is XElement sibling) return sibling;
        return null;
    }

    private static void CheckAttributes(XElement element, HashSet<string> allowed)
    {
        // The attribute chain walked by hand: Attributes() makes an iterator per element, and a query has dozens.
        for (var attribute = element.FirstAttribute; attribute is not null; attribute = attribute.NextAttribute)
        {
            if (attribute.IsNamespaceDeclaration) continue;
            if (!allowed.Contains(attribute.Name.LocalName))
                throw Faults.InvalidArgument($"The attribute '{attribute.Name.LocalName}' is not valid on <{element.Name.LocalName}> in FetchXML.");
        }
    }

    private static string Required(XElement element, string name)
    {
        var value = (string?)element.Attribute(name);
        if (string.IsNullOrWhiteSpace(value)) throw Faults.InvalidArgument($"<{element.Name.LocalName}> requires the attribute '{name}'.");
        return value;
    }

    private static bool Bool(XElement element, string name)
    {
        var value = (string?)element.Attribute(name);
        return value switch
        {
            null => false,
            "true" or "1" or "True" => true,
            "false" or "0" or "False" => false,
            _ => throw Faults.InvalidArgument($"The attribute '{name}' of <{element.Name.LocalName}> must be true or false, not '{value}'."),
        };
    }

    private static int? Int(XElement element, string name)
    {
        var value = (string?)element.Attribute(name);
        if (value is null) return null;
        if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var result)) return result;
        throw Faults.InvalidArgument($"The attribute '{name}' of <{element.Name.LocalName}> must be a whole number, not '{value}'.");
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
