using System;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Retrieves a record. Typed view over <see cref="OrganizationRequest.Parameters"/>.</summary>
public sealed class RetrieveRequest : OrganizationRequest
{
    /// <summary>Creates the request (RequestName "Retrieve").</summary>
    public RetrieveRequest()
    {
        RequestName = "Retrieve";
        Target = null;
        ColumnSet = null;
    }

    /// <summary>Parameters["Target"].</summary>
    public EntityReference Target
    {
        get { return GetParameter<EntityReference>("Target"); }
        set { Parameters["Target"] = value; }
    }

    /// <summary>Parameters["ColumnSet"].</summary>
    public ColumnSet ColumnSet
    {
        get { return GetParameter<ColumnSet>("ColumnSet"); }
        set { Parameters["ColumnSet"] = value; }
    }

    /// <summary>Parameters["RelatedEntitiesQuery"].</summary>
    public RelationshipQueryCollection RelatedEntitiesQuery
    {
        get { return GetParameter<RelationshipQueryCollection>("RelatedEntitiesQuery"); }
        set { Parameters["RelatedEntitiesQuery"] = value; }
    }

    /// <summary>Parameters["ReturnNotifications"].</summary>
    public bool ReturnNotifications
    {
        get { return GetParameter<bool>("ReturnNotifications"); }
        set { Parameters["ReturnNotifications"] = value; }
    }
}

/// <summary>The response of Retrieve. Typed view over <see cref="OrganizationResponse.Results"/>.</summary>
public sealed class RetrieveResponse : OrganizationResponse
{
    /// <summary>Creates an empty response.</summary>
    public RetrieveResponse() { }

    /// <summary>Results["Entity"].</summary>
    public Entity Entity => GetResult<Entity>("Entity");

    /// <summary>Results["Notifications"].</summary>
    public object Notifications => GetResult<object>("Notifications");
}
