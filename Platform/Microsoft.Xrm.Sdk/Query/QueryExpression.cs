namespace Microsoft.Xrm.Sdk.Query;

/// <summary>A structured query: table, columns, criteria, joins, sorts and paging.</summary>
public sealed class QueryExpression : QueryBase
{
    /// <summary>An empty query.</summary>
    public static readonly QueryExpression Empty = new QueryExpression();

    private DataCollection<LinkEntity> _linkEntities;
    private DataCollection<OrderExpression> _orders;

    /// <summary>Creates a query without a table.</summary>
    public QueryExpression() : this(null) { }

    /// <summary>Creates a query of a table.</summary>
    public QueryExpression(string entityName)
    {
        EntityName = entityName;
        Criteria = new FilterExpression();
        PageInfo = new PagingInfo();
        ColumnSet = new ColumnSet();
    }

    /// <summary>The table.</summary>
    public string EntityName { get; set; }

    /// <summary>The columns returned.</summary>
    public ColumnSet ColumnSet { get; set; }

    /// <summary>The conditions.</summary>
    public FilterExpression Criteria { get; set; }

    /// <summary>Whether duplicate rows are removed.</summary>
    public bool Distinct { get; set; }

    /// <summary>Whether to read without locks.</summary>
    public bool NoLock { get; set; }

    /// <summary>The maximum number of rows.</summary>
    public int? TopCount { get; set; }

    /// <summary>Paging.</summary>
    public PagingInfo PageInfo { get; set; }

    /// <summary>Query hints.</summary>
    public string QueryHints { get; set; }

    /// <summary>The data source ("retained" for long-term retention).</summary>
    public string DataSource { get; set; }

    /// <summary>A sub-query.</summary>
    public QueryExpression SubQueryExpression { get; set; }

    /// <summary>Joins.</summary>
    public DataCollection<LinkEntity> LinkEntities => _linkEntities ?? (_linkEntities = new DataCollection<LinkEntity>());

    /// <summary>Sorts.</summary>
    public DataCollection<OrderExpression> Orders => _orders ?? (_orders = new DataCollection<OrderExpression>());

    /// <summary>Adds a sort.</summary>
    public void AddOrder(string attributeName, OrderType orderType) => Orders.Add(new OrderExpression(attributeName, orderType));

    /// <summary>Adds a sort on an aliased column of a linked table.</summary>
    public void AddOrder(string attributeName, OrderType orderType, string alias, string entityName)
        => Orders.Add(new OrderExpression(attributeName, orderType, alias, entityName));

    /// <summary>Adds and returns an inner join from the query's table.</summary>
    public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName)
        => AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);

    /// <summary>Adds and returns a join from the query's table.</summary>
    public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
    {
        var link = new LinkEntity(EntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
        LinkEntities.Add(link);
        return link;
    }
}

/// <summary>A query of the rows whose columns equal given values.</summary>
public sealed class QueryByAttribute : QueryBase
{
    private DataCollection<string> _attributes;
    private DataCollection<object> _values;
    private DataCollection<OrderExpression> _orders;

    /// <summary>Creates a query without a table.</summary>
    public QueryByAttribute() : this(null) { }

    /// <summary>Creates a query of a table.</summary>
    public QueryByAttribute(string entityName)
    {
        EntityName = entityName;
        ColumnSet = new ColumnSet();
        PageInfo = new PagingInfo();
    }

    /// <summary>The table.</summary>
    public string EntityName { get; set; }

    /// <summary>The columns returned.</summary>
    public ColumnSet ColumnSet { get; set; }

    /// <summary>The columns compared, parallel to <see cref="Values"/>.</summary>
    public DataCollection<string> Attributes => _attributes ?? (_attributes = new DataCollection<string>());

    /// <summary>The values compared, parallel to <see cref="Attributes"/>.</summary>
    public DataCollection<object> Values => _values ?? (_values = new DataCollection<object>());

    /// <summary>Sorts.</summary>
    public DataCollection<OrderExpression> Orders => _orders ?? (_orders = new DataCollection<OrderExpression>());

    /// <summary>Paging.</summary>
    public PagingInfo PageInfo { get; set; }

    /// <summary>The maximum number of rows.</summary>
    public int? TopCount { get; set; }

    /// <summary>Adds a column and its value.</summary>
    public void AddAttributeValue(string attributeName, object value)
    {
        Attributes.Add(attributeName);
        Values.Add(value);
    }

    /// <summary>Adds a sort.</summary>
    public void AddOrder(string attributeName, OrderType orderType) => Orders.Add(new OrderExpression(attributeName, orderType));
}
