using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>A join to another table in a QueryExpression.</summary>
public sealed class LinkEntity : IExtensibleDataObject
{
    private DataCollection<LinkEntity> _linkEntities;
    private DataCollection<OrderExpression> _orders;

    /// <summary>Creates an empty inner join.</summary>
    public LinkEntity() : this(null, null, null, null, JoinOperator.Inner) { }

    /// <summary>Creates a join from a table's column to another table's column.</summary>
    public LinkEntity(string linkFromEntityName, string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
    {
        LinkFromEntityName = linkFromEntityName;
        LinkToEntityName = linkToEntityName;
        LinkFromAttributeName = linkFromAttributeName;
        LinkToAttributeName = linkToAttributeName;
        JoinOperator = joinOperator;
        Columns = new ColumnSet();
        LinkCriteria = new FilterExpression();
    }

    /// <summary>The table joined from.</summary>
    public string LinkFromEntityName { get; set; }

    /// <summary>The table joined to.</summary>
    public string LinkToEntityName { get; set; }

    /// <summary>The column of the table joined from.</summary>
    public string LinkFromAttributeName { get; set; }

    /// <summary>The column of the table joined to.</summary>
    public string LinkToAttributeName { get; set; }

    /// <summary>The join type.</summary>
    public JoinOperator JoinOperator { get; set; }

    /// <summary>The columns returned from the joined table (as AliasedValue).</summary>
    public ColumnSet Columns { get; set; }

    /// <summary>The joined table's alias.</summary>
    public string EntityAlias { get; set; }

    /// <summary>Conditions on the joined table.</summary>
    public FilterExpression LinkCriteria { get; set; }

    /// <summary>Nested joins.</summary>
    public DataCollection<LinkEntity> LinkEntities => _linkEntities ?? (_linkEntities = new DataCollection<LinkEntity>());

    /// <summary>Sorts on the joined table.</summary>
    public DataCollection<OrderExpression> Orders => _orders ?? (_orders = new DataCollection<OrderExpression>());

    /// <summary>Data-contract extension data.</summary>
    public ExtensionDataObject ExtensionData { get; set; }

    /// <summary>Adds and returns an inner join from this table.</summary>
    public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName)
        => AddLink(linkToEntityName, linkFromAttributeName, linkToAttributeName, JoinOperator.Inner);

    /// <summary>Adds and returns a join from this table.</summary>
    public LinkEntity AddLink(string linkToEntityName, string linkFromAttributeName, string linkToAttributeName, JoinOperator joinOperator)
    {
        var link = new LinkEntity(LinkToEntityName, linkToEntityName, linkFromAttributeName, linkToAttributeName, joinOperator);
        LinkEntities.Add(link);
        return link;
    }
}

/// <summary>A sort on a column.</summary>
public sealed class OrderExpression : IExtensibleDataObject
{
    /// <summary>Creates an ascending sort without a column.</summary>
    public OrderExpression() { }

    /// <summary>Creates a sort on a column.</summary>
    public OrderExpression(string attributeName, OrderType orderType)
    {
        AttributeName = attributeName;
        OrderType = orderType;
    }

    /// <summary>Creates a sort on an aliased column.</summary>
    public OrderExpression(string attributeName, OrderType orderType, string alias) : this(attributeName, orderType) { Alias = alias; }

    /// <summary>Creates a sort on an aliased column of a linked table.</summary>
    public OrderExpression(string attributeName, OrderType orderType, string alias, string entityName) : this(attributeName, orderType, alias) { EntityName = entityName; }

    /// <summary>The column.</summary>
    public string AttributeName { get; set; }

    /// <summary>The direction.</summary>
    public OrderType OrderType { get; set; }

    /// <summary>The column alias (aggregate queries).</summary>
    public string Alias { get; set; }

    /// <summary>The linked table's alias or name.</summary>
    public string EntityName { get; set; }

    /// <summary>Data-contract extension data.</summary>
    public ExtensionDataObject ExtensionData { get; set; }
}
