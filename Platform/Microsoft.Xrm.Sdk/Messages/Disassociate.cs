using System;
using Microsoft.Xrm.Sdk.Query;

namespace Microsoft.Xrm.Sdk.Messages;

/// <summary>Removes associations through a relationship. Typed view over <see cref="OrganizationRequest.Parameters"/>.</summary>
public sealed class DisassociateRequest : OrganizationRequest
{
    /// <summary>Creates the request (RequestName "Disassociate").</summary>
    public DisassociateRequest()
    {
        RequestName = "Disassociate";
        Target = null;
        Relationship = null;
        RelatedEntities = null;
    }

    /// <summary>Parameters["Target"].</summary>
    public EntityReference Target
    {
        get { return GetParameter<EntityReference>("Target"); }
        set { Parameters["Target"] = value; }
    }

    /// <summary>Parameters["Relationship"].</summary>
    public Relationship Relationship
    {
        get { return GetParameter<Relationship>("Relationship"); }
        set { Parameters["Relationship"] = value; }
    }

    /// <summary>Parameters["RelatedEntities"].</summary>
    public EntityReferenceCollection RelatedEntities
    {
        get { return GetParameter<EntityReferenceCollection>("RelatedEntities"); }
        set { Parameters["RelatedEntities"] = value; }
    }
}

/// <summary>The response of Disassociate. Typed view over <see cref="OrganizationResponse.Results"/>.</summary>
public sealed class DisassociateResponse : OrganizationResponse
{
    /// <summary>Creates an empty response.</summary>
    public DisassociateResponse() { }
}
