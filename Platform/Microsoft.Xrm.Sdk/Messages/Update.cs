using System;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Updates a record. Typed view over <see cref="OrganizationRequest.Parameters"/>.</summary>
public sealed class UpdateRequest : OrganizationRequest
{
    /// <summary>Creates the request (RequestName "Update").</summary>
    public UpdateRequest()
    {
        RequestName = "Update";
        Target = null;
    }

    /// <summary>Parameters["Target"].</summary>
    public Entity Target
    {
        get { return GetParameter<Entity>("Target"); }
        set { Parameters["Target"] = value; }
    }

    /// <summary>Parameters["ConcurrencyBehavior"].</summary>
    public ConcurrencyBehavior ConcurrencyBehavior
    {
        get { return GetParameter<ConcurrencyBehavior>("ConcurrencyBehavior"); }
        set { Parameters["ConcurrencyBehavior"] = value; }
    }
}

/// <summary>The response of Update. Typed view over <see cref="OrganizationResponse.Results"/>.</summary>
public sealed class UpdateResponse : OrganizationResponse
{
    /// <summary>Creates an empty response.</summary>
    public UpdateResponse() { }
}
