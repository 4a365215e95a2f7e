using System.Collections;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>A condition on a column: column, operator and values.</summary>
public sealed class ConditionExpression : IExtensibleDataObject
{
    private DataCollection<object> _values;

    /// <summary>Creates an empty condition.</summary>
    public ConditionExpression() { }

    /// <summary>Creates a condition without values (Null, NotNull, Today...).</summary>
    public ConditionExpression(string attributeName, ConditionOperator conditionOperator) : this(null, attributeName, conditionOperator) { }

    /// <summary>Creates a condition with one value.</summary>
    public ConditionExpression(string attributeName, ConditionOperator conditionOperator, object value) : this(null, attributeName, conditionOperator, value) { }

    /// <summary>Creates a condition with values.</summary>
    public ConditionExpression(string attributeName, ConditionOperator conditionOperator, params object[] values) : this(null, attributeName, conditionOperator, values) { }

    /// <summary>Creates a condition with the values of a collection.</summary>
    public ConditionExpression(string attributeName, ConditionOperator conditionOperator, ICollection values) : this(attributeName, conditionOperator)
    {
        if (values != null) foreach (var value in values) Values.Add(value);
    }

    /// <summary>Creates a condition comparing with a value or (compareColumns) another column.</summary>
    public ConditionExpression(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value) : this(null, attributeName, conditionOperator, compareColumns, value) { }

    /// <summary>Creates a condition comparing with values or (compareColumns) other columns.</summary>
    public ConditionExpression(string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values) : this(null, attributeName, conditionOperator, compareColumns, values) { }

    /// <summary>Creates a condition on a linked table's column without values.</summary>
    public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator)
    {
        EntityName = entityName;
        AttributeName = attributeName;
        Operator = conditionOperator;
    }

    /// <summary>Creates a condition on a linked table's column with one value.</summary>
    public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, object value) : this(entityName, attributeName, conditionOperator)
    {
        Values.Add(value);
    }

    /// <summary>Creates a condition on a linked table's column with values.</summary>
    public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, params object[] values) : this(entityName, attributeName, conditionOperator)
    {
        if (values != null) Values.AddRange(values);
    }

    /// <summary>Creates a condition on a linked table's column comparing with a value or another column.</summary>
    public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object value)
        : this(entityName, attributeName, conditionOperator, value)
    {
        CompareColumns = compareColumns;
    }

    /// <summary>Creates a condition on a linked table's column comparing with values or other columns.</summary>
    public ConditionExpression(string entityName, string attributeName, ConditionOperator conditionOperator, bool compareColumns, object[] values)
        : this(entityName, attributeName, conditionOperator, values)
    {
        CompareColumns = compareColumns;
    }

    /// <summary>The alias or logical name of the linked table, or null for the query's table.</summary>
    public string EntityName { get; set; }

    /// <summary>The column.</summary>
    public string AttributeName { get; set; }

    /// <summary>The operator.</summary>
    public ConditionOperator Operator { get; set; }

    /// <summary>Whether the values are column names.</summary>
    public bool CompareColumns { get; set; }

    /// <summary>The values.</summary>
    public DataCollection<object> Values => _values ?? (_values = new DataCollection<object>());

    /// <summary>Data-contract extension data.</summary>
    public ExtensionDataObject ExtensionData { get; set; }
}
