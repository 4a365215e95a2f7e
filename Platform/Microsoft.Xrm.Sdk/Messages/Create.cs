using System;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Creates a record. Typed view over <see cref="OrganizationRequest.Parameters"/>.</summary>
public sealed class CreateRequest : OrganizationRequest
{
    /// <summary>Creates the request (RequestName "Create").</summary>
    public CreateRequest()
    {
        RequestName = "Create";
        Target = null;
    }

    /// <summary>Parameters["Target"].</summary>
    public Entity Target
    {
        get { return GetParameter<Entity>("Target"); }
        set { Parameters["Target"] = value; }
    }
}

/// <summary>The response of Create. Typed view over <see cref="OrganizationResponse.Results"/>.</summary>
public sealed class CreateResponse : OrganizationResponse
{
    /// <summary>Creates an empty response.</summary>
    public CreateResponse() { }

    /// <summary>Results["id"].</summary>
    public Guid id => GetResult<Guid>("id");
}
