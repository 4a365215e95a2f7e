using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace CrmCx.Dataverse.InMemory.Messages;

/// <summary>CreateMultiple: all targets or none, through the CreateMultiple steps and a Create event per target.</summary>
internal sealed class CreateMultipleExecutor(InMemoryOrganization org) : IMessageExecutor
{
    public string MessageName => "CreateMultiple";

    public OrganizationResponse Execute(OrganizationRequest request, RequestScope scope)
    {
        var (table, targets) = WriteOperations.Targets(org, request);
        var op = WriteOperations.Create(org, table, targets, isMultiple: true, request.Parameters, scope, targetsEndWithRun: true);
        org.Runner.Run(op, scope);
        var response = new CreateMultipleResponse();
        response.Results["Ids"] = op.Items.Select(i => i.Id).ToArray();
        return response;
    }
}
