using System;
using System.Collections;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCx.Dataverse.InMemory.Query.Model;

/// <summary>Translates QueryExpression and QueryByAttribute into the engine's model.</summary>
internal static class QueryExpressionTranslator
{
    public static QueryModel Translate(QueryExpression query, IRowSource source)
    {
        if (string.IsNullOrWhiteSpace(query.EntityName)) throw Faults.InvalidArgument("QueryExpression.EntityName is required.");
        var root = new QueryNode(source.GetTable(query.EntityName), null);
        var model = new QueryModel(root)
        {
            Distinct = query.Distinct,
            Top = query.TopCount,
        };
        ApplyPaging(model, query.PageInfo, query.TopCount, "QueryExpression");
        AddColumns(root, query.ColumnSet);
        root.Filter = Filter(query.Criteria);
        foreach (var order in query.Orders) root.Orders.Add(Order(order));
        foreach (var link in query.LinkEntities) root.Links.Add(Link(link, root, source));

        QueryBinder.Bind(model);
        AddAggregates(model, query.ColumnSet);
        return model;
    }

    public static QueryModel Translate(QueryByAttribute query, IRowSource source)
    {
        if (string.IsNullOrWhiteSpace(query.EntityName)) throw Faults.InvalidArgument("QueryByAttribute.EntityName is required.");
        var root = new QueryNode(source.GetTable(query.EntityName), null);
        var model = new QueryModel(root) { Top = query.TopCount };
        ApplyPaging(model, query.PageInfo, query.TopCount, "QueryByAttribute");
        AddColumns(root, query.ColumnSet);
        if (query.Attributes.Count == 0)
            throw Faults.InvalidArgument("QueryByAttribute must specify at least one attribute.");
        if (query.Attributes.Count != query.Values.Count)
            throw Faults.InvalidArgument($"QueryByAttribute has {query.Attributes.Count} attributes but {query.Values.Count} values; each attribute needs one value.");
        var filter = new FilterNode();
        for (var i = 0; i < query.Attributes.Count; i++)
        {
            var value = query.Values[i];
            filter.Conditions.Add(value is null
                ? new ConditionNode(null, query.Attributes[i], ConditionOperator.Null, Array.Empty<object?>())
                : new ConditionNode(null, query.Attributes[i], ConditionOperator.Equal, new[] { value }));
        }
        root.Filter = filter;
        foreach (var order in query.Orders) root.Orders.Add(Order(order));
        QueryBinder.Bind(model);
        return model;
    }

    private static void ApplyPaging(QueryModel model, PagingInfo? page, int? top, string kind)
    {
        if (page is null) return;
        var paged = page.Count > 0 || page.PageNumber > 1 || !string.IsNullOrEmpty(page.PagingCookie);
        if (top.HasValue && paged)
            throw Faults.InvalidArgument($"{kind}: TopCount and PageInfo can't both be specified; a query either takes the top rows or pages through them.");
        if (page.Count < 0) throw Faults.InvalidArgument($"PagingInfo.Count must not be negative (got {page.Count}).");
        model.PageSize = page.Count;
        model.PageNumber = page.PageNumber < 1 ? 1 : page.PageNumber;
        model.PagingCookie = string.IsNullOrEmpty(page.PagingCookie) ? null : page.PagingCookie;
        model.ReturnTotalRecordCount = page.ReturnTotalRecordCount;
    }

    private static void AddColumns(QueryNode node, ColumnSet? columns)
    {
        if (columns is null) return;
        if (columns.AllColumns)
        {
            node.AllColumns = true;
            return;
        }
        foreach (var name in columns.Columns)
            node.Columns.Add(new SelectedColumn(QueryBinder.Column(node, name)));
    }

    // ColumnSet.AttributeExpressions is the SDK's QueryExpression form of aggregation (the same as FetchXML's aggregate attributes).
    private static void AddAggregates(QueryModel model, ColumnSet? columns)
    {
        if (columns is null || columns.AttributeExpressions.Count == 0) return;
        model.Aggregate = true;
        foreach (var expression in columns.AttributeExpressions)
        {
            var column = QueryBinder.Column(model.Root, expression.AttributeName);
            model.Root.Columns.Add(new SelectedColumn(column)
            {
                Alias = expression.Alias,
                Aggregate = expression.AggregateType switch
                {
                    XrmAggregateType.None => AggregateKind.None,
                    XrmAggregateType.Count => AggregateKind.Count,
                    XrmAggregateType.CountColumn => AggregateKind.CountColumn,
                    XrmAggregateType.Sum => AggregateKind.Sum,
                    XrmAggregateType.Avg => AggregateKind.Avg,
                    XrmAggregateType.Min => AggregateKind.Min,
                    XrmAggregateType.Max => AggregateKind.Max,
                    _ => throw Faults.InvalidArgument($"The aggregate type '{expression.AggregateType}' is not supported."),
                },
                GroupBy = expression.HasGroupBy,
                DateGrouping = expression.DateTimeGrouping switch
                {
                    XrmDateTimeGrouping.None => DateGrouping.None,
                    XrmDateTimeGrouping.Day => DateGrouping.Day,
                    XrmDateTimeGrouping.Week => DateGrouping.Week,
                    XrmDateTimeGrouping.Month => DateGrouping.Month,
                    XrmDateTimeGrouping.Quarter => DateGrouping.Quarter,
                    XrmDateTimeGrouping.Year => DateGrouping.Year,
                    _ => throw Faults.InvalidArgument($"The date grouping '{expression.DateTimeGrouping}' is not supported by the in-memory organization."),
                },
            });
        }
    }

    private static QueryNode Link(LinkEntity link, QueryNode parent, IRowSource source)
    {
        if (string.IsNullOrWhiteSpace(link.LinkToEntityName)) throw Faults.InvalidArgument("LinkEntity.LinkToEntityName is required.");
        var join = link.JoinOperator switch
        {
            JoinOperator.Inner => JoinKind.Inner,
            JoinOperator.LeftOuter => JoinKind.Outer,
            JoinOperator.Exists or JoinOperator.In or JoinOperator.Any => JoinKind.Exists,
            JoinOperator.NotAny => JoinKind.NotExists,
            _ => throw Faults.InvalidArgument($"The join operator '{link.JoinOperator}' is not supported by the in-memory organization."),
        };
        if (!string.IsNullOrEmpty(link.LinkFromEntityName) && !string.Equals(link.LinkFromEntityName, parent.Table.LogicalName, StringComparison.Ordinal)
            && !string.Equals(link.LinkFromEntityName, parent.ExplicitAlias, StringComparison.Ordinal))
            throw Faults.InvalidArgument($"LinkEntity.LinkFromEntityName '{link.LinkFromEntityName}' is not the table it is linked from ('{parent.Table.LogicalName}').");
        var table = source.GetTable(link.LinkToEntityName);
        var node = new QueryNode(table, parent)
        {
            ExplicitAlias = string.IsNullOrEmpty(link.EntityAlias) ? null : link.EntityAlias,
            ParentAttribute = QueryBinder.Column(parent.Table, link.LinkFromAttributeName).LogicalName,
            ChildAttribute = QueryBinder.Column(table, link.LinkToAttributeName).LogicalName,
            Join = join,
        };
        AddColumns(node, link.Columns);
        node.Filter = Filter(link.LinkCriteria);
        foreach (var order in link.Orders) node.Orders.Add(Order(order));
        foreach (var child in link.LinkEntities) node.Links.Add(Link(child, node, source));
        return node;
    }

    private static OrderNode Order(OrderExpression order) => new()
    {
        Attribute = string.IsNullOrEmpty(order.AttributeName) ? null : order.AttributeName,
        Alias = string.IsNullOrEmpty(order.Alias) ? null : order.Alias,
        EntityName = string.IsNullOrEmpty(order.EntityName) ? null : order.EntityName,
        Descending = order.OrderType == OrderType.Descending,
    };

    private static FilterNode? Filter(FilterExpression? filter)
    {
        if (filter is null) return null;
        var node = new FilterNode { IsOr = filter.FilterOperator == LogicalOperator.Or };
        foreach (var condition in filter.Conditions)
        {
            var values = Flatten(condition.Values);
            string? valueOf = null;
            if (condition.CompareColumns)
            {
                // With CompareColumns the single value is the name of the other column.
                if (values.Count != 1 || values[0] is not string other || other.Length == 0)
                    throw Faults.InvalidArgument($"A column comparison on '{condition.AttributeName}' needs the other column's name as its one value.");
                valueOf = other;
            }
            node.Conditions.Add(new ConditionNode(
                string.IsNullOrEmpty(condition.EntityName) ? null : condition.EntityName,
                condition.AttributeName ?? string.Empty,
                condition.Operator,
                valueOf is null ? values : Array.Empty<object?>()) { ValueOf = valueOf });
        }
        foreach (var child in filter.Filters)
        {
            var translated = Filter(child);
            if (translated is not null) node.Filters.Add(translated);
        }
        return node;
    }

    // Callers often pass an array or list as the single value of In; Dataverse expands it.
    private static IReadOnlyList<object?> Flatten(IEnumerable<object> values)
    {
        var list = new List<object?>();
        foreach (var value in values)
        {
            if (value is not string && value is not byte[] && value is IEnumerable many)
                foreach (var item in many) list.Add(item);
            else
                list.Add(value);
        }
        return list;
    }
}
