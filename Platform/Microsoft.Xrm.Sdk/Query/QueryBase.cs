using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk.Query;

/// <summary>Base of the query types (QueryExpression, QueryByAttribute, FetchExpression).</summary>
public abstract class QueryBase : IExtensibleDataObject
{
    /// <summary>Creates a query.</summary>
    protected QueryBase() { }

    /// <summary>Data-contract extension data.</summary>
    public ExtensionDataObject ExtensionData { get; set; }
}

/// <summary>A FetchXML query.</summary>
public sealed class FetchExpression : QueryBase
{
    /// <summary>Creates an empty query.</summary>
    public FetchExpression() { }

    /// <summary>Creates a query from FetchXML.</summary>
    public FetchExpression(string query) { Query = query; }

    /// <summary>The FetchXML.</summary>
    public string Query { get; set; }
}

/// <summary>Paging of a query: page size, page number, cookie.</summary>
public sealed class PagingInfo : IExtensibleDataObject
{
    /// <summary>Creates paging without limits.</summary>
    public PagingInfo() { }

    /// <summary>The page size (0: default).</summary>
    public int Count { get; set; }

    /// <summary>The page number, starting at 1.</summary>
    public int PageNumber { get; set; }

    /// <summary>The paging cookie of the previous page.</summary>
    public string PagingCookie { get; set; }

    /// <summary>Whether to return the total record count.</summary>
    public bool ReturnTotalRecordCount { get; set; }

    /// <summary>Data-contract extension data.</summary>
    public ExtensionDataObject ExtensionData { get; set; }
}
