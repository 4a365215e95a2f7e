using System;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Updates records of one table. Typed view over <see cref="OrganizationRequest.Parameters"/>.</summary>
public sealed class UpdateMultipleRequest : OrganizationRequest
{
    /// <summary>Creates the request (RequestName "UpdateMultiple").</summary>
    public UpdateMultipleRequest()
    {
        RequestName = "UpdateMultiple";
        Targets = null;
    }

    /// <summary>Parameters["Targets"].</summary>
    public EntityCollection Targets
    {
        get { return GetParameter<EntityCollection>("Targets"); }
        set { Parameters["Targets"] = value; }
    }

    /// <summary>Parameters["ConcurrencyBehavior"].</summary>
    public ConcurrencyBehavior ConcurrencyBehavior
    {
        get { return GetParameter<ConcurrencyBehavior>("ConcurrencyBehavior"); }
        set { Parameters["ConcurrencyBehavior"] = value; }
    }
}

/// <summary>The response of UpdateMultiple. Typed view over <see cref="OrganizationResponse.Results"/>.</summary>
public sealed class UpdateMultipleResponse : OrganizationResponse
{
    /// <summary>Creates an empty response.</summary>
    public UpdateMultipleResponse() { }
}
