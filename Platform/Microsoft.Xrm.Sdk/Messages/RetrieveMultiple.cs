using System;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Retrieves the records a query matches. Typed view over <see cref="OrganizationRequest.Parameters"/>.</summary>
public sealed class RetrieveMultipleRequest : OrganizationRequest
{
    /// <summary>Creates the request (RequestName "RetrieveMultiple").</summary>
    public RetrieveMultipleRequest()
    {
        RequestName = "RetrieveMultiple";
        Query = null;
    }

    /// <summary>Parameters["Query"].</summary>
    public QueryBase Query
    {
        get { return GetParameter<QueryBase>("Query"); }
        set { Parameters["Query"] = value; }
    }
}

/// <summary>The response of RetrieveMultiple. Typed view over <see cref="OrganizationResponse.Results"/>.</summary>
public sealed class RetrieveMultipleResponse : OrganizationResponse
{
    /// <summary>Creates an empty response.</summary>
    public RetrieveMultipleResponse() { }

    /// <summary>Results["EntityCollection"].</summary>
    public EntityCollection EntityCollection => GetResult<EntityCollection>("EntityCollection");
}
