using System;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Executes requests in one transaction. Typed view over <see cref="OrganizationRequest.Parameters"/>.</summary>
public sealed class ExecuteTransactionRequest : OrganizationRequest
{
    /// <summary>Creates the request (RequestName "ExecuteTransaction").</summary>
    public ExecuteTransactionRequest()
    {
        RequestName = "ExecuteTransaction";
        Requests = null;
    }

    /// <summary>Parameters["Requests"].</summary>
    public OrganizationRequestCollection Requests
    {
        get { return GetParameter<OrganizationRequestCollection>("Requests"); }
        set { Parameters["Requests"] = value; }
    }

    /// <summary>Parameters["ReturnResponses"].</summary>
    public bool? ReturnResponses
    {
        get { return GetParameter<bool?>("ReturnResponses"); }
        set { Parameters["ReturnResponses"] = value; }
    }
}

/// <summary>The response of ExecuteTransaction. Typed view over <see cref="OrganizationResponse.Results"/>.</summary>
public sealed class ExecuteTransactionResponse : OrganizationResponse
{
    /// <summary>Creates an empty response.</summary>
    public ExecuteTransactionResponse() { }

    /// <summary>Results["Responses"].</summary>
    public OrganizationResponseCollection Responses => GetResult<OrganizationResponseCollection>("Responses");
}
