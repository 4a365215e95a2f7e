using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace CrmCx.Dataverse.InMemory.Messages;

/// <summary>Create: one row, through the Create and CreateMultiple steps.</summary>
internal sealed class CreateExecutor(InMemoryOrganization org) : IMessageExecutor
{
    public string MessageName => "Create";

    public OrganizationResponse Execute(OrganizationRequest request, RequestScope scope)
    {
        var target = WriteOperations.Target(request);
        var table = org.Metadata.Get(target.LogicalName);
        var op = WriteOperations.Create(org, table, new[] { target }, isMultiple: false, request.Parameters, scope, targetsEndWithRun: true);
        org.Runner.Run(op, scope);
        var response = new CreateResponse();
        response.Results["id"] = op.Items[0].Id;
        return response;
    }
}
