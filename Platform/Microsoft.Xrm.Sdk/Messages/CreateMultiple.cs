using System;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Creates records of one table. Typed view over <see cref="OrganizationRequest.Parameters"/>.</summary>
public sealed class CreateMultipleRequest : OrganizationRequest
{
    /// <summary>Creates the request (RequestName "CreateMultiple").</summary>
    public CreateMultipleRequest()
    {
        RequestName = "CreateMultiple";
        Targets = null;
    }

    /// <summary>Parameters["Targets"].</summary>
    public EntityCollection Targets
    {
        get { return GetParameter<EntityCollection>("Targets"); }
        set { Parameters["Targets"] = value; }
    }
}

/// <summary>The response of CreateMultiple. Typed view over <see cref="OrganizationResponse.Results"/>.</summary>
public sealed class CreateMultipleResponse : OrganizationResponse
{
    /// <summary>Creates an empty response.</summary>
    public CreateMultipleResponse() { }

    /// <summary>Results["Ids"].</summary>
    public Guid[] Ids => GetResult<Guid[]>("Ids");
}
