using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>Conditions and nested filters combined with And or Or.</summary>
public sealed class FilterExpression : IExtensibleDataObject
{
    private DataCollection<ConditionExpression> _conditions;
    private DataCollection<FilterExpression> _filters;

    /// <summary>Creates an And filter.</summary>
    public FilterExpression() : this(LogicalOperator.And) { }

    /// <summary>Creates a filter with the given operator.</summary>
    public FilterExpression(LogicalOperator filterOperator) { FilterOperator = filterOperator; }

    /// <summary>How the conditions and filters combine.</summary>
    public LogicalOperator FilterOperator { get; set; }

    /// <summary>The conditions.</summary>
    public DataCollection<ConditionExpression> Conditions => _conditions ?? (_conditions = new DataCollection<ConditionExpression>());

    /// <summary>The nested filters.</summary>
    public DataCollection<FilterExpression> Filters => _filters ?? (_filters = new DataCollection<FilterExpression>());

    /// <summary>Whether this is a quick-find filter.</summary>
    public bool IsQuickFindFilter { get; set; }

    /// <summary>A query hint.</summary>
    public string FilterHint { get; set; }

    /// <summary>Data-contract extension data.</summary>
    public ExtensionDataObject ExtensionData { get; set; }

    /// <summary>Adds a condition.</summary>
    public void AddCondition(ConditionExpression condition) => Conditions.Add(condition);

    /// <summary>Adds a condition on a column.</summary>
    public void AddCondition(string attributeName, ConditionOperator conditionOperator, params object[] values)
        => Conditions.Add(new ConditionExpression(attributeName, conditionOperator, values));

    /// <summary>Adds a condition comparing a column with a value or another column.</summary>
    public void AddCondition(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
        => Conditions.Add(new ConditionExpression(attributeName, conditionOperator, compareColumns, value));

    /// <summary>Adds a condition comparing a column with values or other columns.</summary>
    public void AddCondition(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values)
        => Conditions.Add(new ConditionExpression(attributeName, conditionOperator, compareColumns, values));

    /// <summary>Adds a condition on a linked table's column.</summary>
    public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, params object[] values)
        => Conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, values));

    /// <summary>Adds a condition comparing a linked table's column with a value or another column.</summary>
    public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
        => Conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, compareColumns, value));

    /// <summary>Adds a condition comparing a linked table's column with values or other columns.</summary>
    public void AddCondition(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values)
        => Conditions.Add(new ConditionExpression(entityName, attributeName, conditionOperator, compareColumns, values));

    /// <summary>Adds a nested filter.</summary>
    public void AddFilter(FilterExpression childFilter)
    {
        if (childFilter != null) Filters.Add(childFilter);
    }

    /// <summary>Adds and returns a new nested filter.</summary>
    public FilterExpression AddFilter(LogicalOperator logicalOperator)
    {
        var child = new FilterExpression(logicalOperator);
        Filters.Add(child);
        return child;
    }
}
