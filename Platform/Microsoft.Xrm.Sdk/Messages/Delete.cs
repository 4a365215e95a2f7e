using System;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Deletes a record. Typed view over <see cref="OrganizationRequest.Parameters"/>.</summary>
public sealed class DeleteRequest : OrganizationRequest
{
    /// <summary>Creates the request (RequestName "Delete").</summary>
    public DeleteRequest()
    {
        RequestName = "Delete";
        Target = null;
    }

    /// <summary>Parameters["Target"].</summary>
    public EntityReference Target
    {
        get { return GetParameter<EntityReference>("Target"); }
        set { Parameters["Target"] = value; }
    }

    /// <summary>Parameters["ConcurrencyBehavior"].</summary>
    public ConcurrencyBehavior ConcurrencyBehavior
    {
        get { return GetParameter<ConcurrencyBehavior>("ConcurrencyBehavior"); }
        set { Parameters["ConcurrencyBehavior"] = value; }
    }
}

/// <summary>The response of Delete. Typed view over <see cref="OrganizationResponse.Results"/>.</summary>
public sealed class DeleteResponse : OrganizationResponse
{
    /// <summary>Creates an empty response.</summary>
    public DeleteResponse() { }
}
