using System;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Executes requests one by one, each in its own transaction. Typed view over <see cref="OrganizationRequest.Parameters"/>.</summary>
public sealed class ExecuteMultipleRequest : OrganizationRequest
{
    /// <summary>Creates the request (RequestName "ExecuteMultiple").</summary>
    public ExecuteMultipleRequest()
    {
        RequestName = "ExecuteMultiple";
        Requests = null;
        Settings = null;
    }

    /// <summary>Parameters["Requests"].</summary>
    public OrganizationRequestCollection Requests
    {
        get { return GetParameter<OrganizationRequestCollection>("Requests"); }
        set { Parameters["Requests"] = value; }
    }

    /// <summary>Parameters["Settings"].</summary>
    public ExecuteMultipleSettings Settings
    {
        get { return GetParameter<ExecuteMultipleSettings>("Settings"); }
        set { Parameters["Settings"] = value; }
    }
}

/// <summary>The response of ExecuteMultiple. Typed view over <see cref="OrganizationResponse.Results"/>.</summary>
public sealed class ExecuteMultipleResponse : OrganizationResponse
{
    /// <summary>Creates an empty response.</summary>
    public ExecuteMultipleResponse() { }

    /// <summary>Results["IsFaulted"].</summary>
    public bool IsFaulted => GetResult<bool>("IsFaulted");

    /// <summary>Results["Responses"].</summary>
    public ExecuteMultipleResponseItemCollection Responses => GetResult<ExecuteMultipleResponseItemCollection>("Responses");
}
