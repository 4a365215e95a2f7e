using System;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Creates or updates a record (by id or alternate key). Typed view over <see cref="OrganizationRequest.Parameters"/>.</summary>
public sealed class UpsertRequest : OrganizationRequest
{
    /// <summary>Creates the request (RequestName "Upsert").</summary>
    public UpsertRequest()
    {
        RequestName = "Upsert";
        Target = null;
    }

    /// <summary>Parameters["Target"].</summary>
    public Entity Target
    {
        get { return GetParameter<Entity>("Target"); }
        set { Parameters["Target"] = value; }
    }
}

/// <summary>The response of Upsert. Typed view over <see cref="OrganizationResponse.Results"/>.</summary>
public sealed class UpsertResponse : OrganizationResponse
{
    /// <summary>Creates an empty response.</summary>
    public UpsertResponse() { }

    /// <summary>Results["RecordCreated"].</summary>
    public bool RecordCreated => GetResult<bool>("RecordCreated");

    /// <summary>Results["Target"].</summary>
    public EntityReference Target => GetResult<EntityReference>("Target");
}
