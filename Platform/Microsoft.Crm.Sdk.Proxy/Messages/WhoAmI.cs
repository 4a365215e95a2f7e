using System;
using Microsoft.Xrm.Sdk;

namespace Microsoft.Crm.Sdk.Messages;

/// <summary>Asks who the calling user is (RequestName "WhoAmI").</summary>
public sealed class WhoAmIRequest : OrganizationRequest
{
    /// <summary>Creates the request.</summary>
    public WhoAmIRequest() { RequestName = "WhoAmI"; }
}

/// <summary>The calling user, business unit and organization. Typed view over <see cref="OrganizationResponse.Results"/>.</summary>
public sealed class WhoAmIResponse : OrganizationResponse
{
    /// <summary>Creates an empty response.</summary>
    public WhoAmIResponse() { }

    /// <summary>Results["UserId"].</summary>
    public Guid UserId => Read("UserId");

    /// <summary>Results["BusinessUnitId"].</summary>
    public Guid BusinessUnitId => Read("BusinessUnitId");

    /// <summary>Results["OrganizationId"].</summary>
    public Guid OrganizationId => Read("OrganizationId");

    private Guid Read(string key) => Results.TryGetValue(key, out object value) && value != null ? (Guid)value : Guid.Empty;
}
