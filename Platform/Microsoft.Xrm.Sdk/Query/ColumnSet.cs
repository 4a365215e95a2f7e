using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>The columns a query or retrieve returns.</summary>
public sealed class ColumnSet : IExtensibleDataObject
{
    private DataCollection<string> _columns;
    private DataCollection<XrmAttributeExpression> _attributeExpressions;

    /// <summary>Creates an empty column set (no columns).</summary>
    public ColumnSet() { }

    /// <summary>Creates a column set of all columns or none.</summary>
    public ColumnSet(bool allColumns) { AllColumns = allColumns; }

    /// <summary>Creates a column set of the given columns.</summary>
    public ColumnSet(params string[] columns) { Columns.AddRange(columns); }

    /// <summary>Whether all columns are returned.</summary>
    public bool AllColumns { get; set; }

    /// <summary>The column logical names.</summary>
    public DataCollection<string> Columns
    {
        get { return _columns ?? (_columns = new DataCollection<string>()); }
        set { _columns = value; }
    }

    /// <summary>Aggregate column expressions.</summary>
    public DataCollection<XrmAttributeExpression> AttributeExpressions
    {
        get { return _attributeExpressions ?? (_attributeExpressions = new DataCollection<XrmAttributeExpression>()); }
        set { _attributeExpressions = value; }
    }

    /// <summary>Data-contract extension data.</summary>
    public ExtensionDataObject ExtensionData { get; set; }

    /// <summary>Adds a column.</summary>
    public void AddColumn(string column) => Columns.Add(column);

    /// <summary>Adds columns.</summary>
    public void AddColumns(params string[] columns) => Columns.AddRange(columns);
}

/// <summary>An aggregate column expression.</summary>
public sealed class XrmAttributeExpression : IExtensibleDataObject
{
    /// <summary>Creates an empty expression.</summary>
    public XrmAttributeExpression() { }

    /// <summary>Creates an expression of a column.</summary>
    public XrmAttributeExpression(string attributeName) { AttributeName = attributeName; }

    /// <summary>Creates an aggregate of a column.</summary>
    public XrmAttributeExpression(string attributeName, XrmAggregateType aggregateType) : this(attributeName) { AggregateType = aggregateType; }

    /// <summary>Creates an aliased aggregate of a column.</summary>
    public XrmAttributeExpression(string attributeName, XrmAggregateType aggregateType, string alias) : this(attributeName, aggregateType) { Alias = alias; }

    /// <summary>Creates an aliased aggregate of a column with a date grouping.</summary>
    public XrmAttributeExpression(string attributeName, XrmAggregateType aggregateType, string alias, XrmDateTimeGrouping dateTimeGrouping)
        : this(attributeName, aggregateType, alias) { DateTimeGrouping = dateTimeGrouping; }

    /// <summary>The column.</summary>
    public string AttributeName { get; set; }

    /// <summary>The aggregate.</summary>
    public XrmAggregateType AggregateType { get; set; }

    /// <summary>The alias.</summary>
    public string Alias { get; set; }

    /// <summary>Whether the column is grouped.</summary>
    public bool HasGroupBy { get; set; }

    /// <summary>The date grouping.</summary>
    public XrmDateTimeGrouping DateTimeGrouping { get; set; }

    /// <summary>Data-contract extension data.</summary>
    public ExtensionDataObject ExtensionData { get; set; }
}
