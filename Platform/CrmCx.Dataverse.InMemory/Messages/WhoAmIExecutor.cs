using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Messages;

/// <summary>WhoAmI: the calling user, their business unit and the organization.</summary>
internal sealed class WhoAmIExecutor(InMemoryOrganization org) : IMessageExecutor
{
    public string MessageName => "WhoAmI";

    public bool IsTransactional => false;

    public OrganizationResponse Execute(OrganizationRequest request, RequestScope scope)
    {
        var response = new WhoAmIResponse();
        response.Results["UserId"] = scope.UserId;
        response.Results["BusinessUnitId"] = scope.BusinessUnitId;
        response.Results["OrganizationId"] = org.OrganizationId;
        return response;
    }
}
