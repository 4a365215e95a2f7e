using System.Collections.Generic;
using CrmCx.Dataverse.InMemory.Metadata;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCx.Dataverse.InMemory.Query.Model;

// QueryExpression, QueryByAttribute and FetchXML are translated into this one model, validated against metadata,
// so that filtering, joining, ordering, paging and aggregation are written once.

/// <summary>How a linked table joins its parent.</summary>
internal enum JoinKind
{
    Inner,
    Outer,
    /// <summary>Semi-join (exists, in, any): keeps parent rows that have a match, adds no columns.</summary>
    Exists,
    /// <summary>Anti-join (not any): keeps parent rows without a match.</summary>
    NotExists,
}

/// <summary>Aggregate function of a selected column.</summary>
internal enum AggregateKind
{
    None,
    Count,
    CountColumn,
    Sum,
    Avg,
    Min,
    Max,
}

/// <summary>Part of a date that a group-by column groups on.</summary>
internal enum DateGrouping
{
    None,
    Day,
    Week,
    Month,
    Quarter,
    Year,
}

/// <summary>A column selected from a table, possibly aliased, aggregated or grouped.</summary>
internal sealed class SelectedColumn
{
    public SelectedColumn(ColumnDefinition column) => Column = column;

    public ColumnDefinition Column { get; }
    public string Name => Column.LogicalName;
    public string? Alias { get; init; }
    public AggregateKind Aggregate { get; init; }
    public bool GroupBy { get; init; }
    public DateGrouping DateGrouping { get; init; }
    public bool Distinct { get; init; }

    private string? linkedKey;

    /// <summary>The column's key in a result row of a linked table (its alias, else "linkalias.column"), built once per query, not per row.</summary>
    public string LinkedKey(string? nodeAlias) => linkedKey ??= Alias ?? nodeAlias + "." + Name;
}

/// <summary>A condition on one column; values are as supplied (typed or text) and coerced when compiled.</summary>
internal sealed class ConditionNode
{
    public ConditionNode(string? entityName, string attribute, ConditionOperator op, IReadOnlyList<object?> values)
    {
        EntityName = entityName;
        Attribute = attribute;
        Operator = op;
        Values = values;
    }

    /// <summary>Alias of the table the column belongs to; null means the table whose filter holds the condition.</summary>
    public string? EntityName { get; }
    public string Attribute { get; }
    public ConditionOperator Operator { get; }
    public IReadOnlyList<object?> Values { get; }
    /// <summary>The operator as the caller wrote it (FetchXML text), for messages.</summary>
    public string? OperatorText { get; init; }
    /// <summary>For column comparisons (FetchXML valueof, CompareColumns): the other column, "column" or "alias.column".</summary>
    public string? ValueOf { get; init; }
}

/// <summary>A link-entity inside a filter (link-type any / not any): a test that related rows exist, without joining them.</summary>
internal sealed class FilterLink
{
    public FilterLink(QueryNode node, bool negate)
    {
        Node = node;
        Negate = negate;
    }

    /// <summary>The related table (its Parent is the table whose rows are tested; its Filter the related rows' criteria).</summary>
    public QueryNode Node { get; }
    public bool Negate { get; }
}

/// <summary>An and/or group of conditions and nested groups.</summary>
internal sealed class FilterNode
{
    public bool IsOr { get; init; }
    public List<ConditionNode> Conditions { get; } = new();
    public List<FilterNode> Filters { get; } = new();
    public List<FilterLink> Links { get; } = new();
    public bool IsEmpty => Conditions.Count == 0 && Links.Count == 0 && Filters.TrueForAll(f => f.IsEmpty);
}

/// <summary>A sort key: a column of a table (by alias) or, in aggregate queries, a result alias.</summary>
internal sealed class OrderNode
{
    public string? EntityName { get; init; }
    public string? Attribute { get; init; }
    public string? Alias { get; init; }
    public bool Descending { get; init; }
    /// <summary>The node the order was declared in; EntityName, when set, overrides it.</summary>
    public QueryNode? Owner { get; set; }
}

/// <summary>The queried table or one linked table.</summary>
internal sealed class QueryNode
{
    public QueryNode(TableDefinition table, QueryNode? parent)
    {
        Table = table;
        Parent = parent;
    }

    public TableDefinition Table { get; }
    public QueryNode? Parent { get; }
    /// <summary>Position of this table's row in a joined row (the root is 0).</summary>
    public int Slot { get; set; }
    /// <summary>Prefix of returned columns ("alias.column"); null for the root.</summary>
    public string? Alias { get; set; }
    /// <summary>Alias the caller gave, if any.</summary>
    public string? ExplicitAlias { get; init; }
    /// <summary>Column of the parent table compared in the join.</summary>
    public string ParentAttribute { get; init; } = string.Empty;
    /// <summary>Column of this table compared in the join.</summary>
    public string ChildAttribute { get; init; } = string.Empty;
    public JoinKind Join { get; init; }
    public bool AllColumns { get; set; }
    public List<SelectedColumn> Columns { get; } = new();
    public FilterNode? Filter { get; set; }
    /// <summary>Conditions of this link's filter that name a table (entityname): they apply after the joins, not in the ON clause.</summary>
    public FilterNode? AfterJoinFilter { get; set; }
    public List<QueryNode> Links { get; } = new();
    public List<OrderNode> Orders { get; } = new();
}

/// <summary>A whole query: root table, joins, orders, paging and the aggregate switch.</summary>
internal sealed class QueryModel
{
    public QueryModel(QueryNode root) => Root = root;

    public QueryNode Root { get; }
    /// <summary>Every table, root first then links depth-first (the join order); index = slot.</summary>
    public List<QueryNode> Nodes { get; } = new();
    /// <summary>Width of a row array: the joined tables plus the tables of filter links.</summary>
    public int SlotCount { get; set; }
    public bool Distinct { get; set; }
    public bool Aggregate { get; set; }
    public int? Top { get; set; }
    /// <summary>Rows per page; 0 when the caller set none (Dataverse then returns up to 5,000).</summary>
    public int PageSize { get; set; }
    public int PageNumber { get; set; } = 1;
    public string? PagingCookie { get; set; }
    public bool ReturnTotalRecordCount { get; set; }
    /// <summary>Most rows an aggregate may read (FetchXML aggregatelimit; Dataverse's limit otherwise).</summary>
    public int AggregateLimit { get; set; } = Aggregation.AggregateExecutor.RecordLimit;
    /// <summary>True for FetchXML (its paging cookie and messages differ slightly).</summary>
    public bool IsFetch { get; init; }
}
