using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace CrmCx.Dataverse.InMemory.Messages;

/// <summary>UpdateMultiple: all targets or none, through the UpdateMultiple steps and an Update event per target.</summary>
internal sealed class UpdateMultipleExecutor(InMemoryOrganization org) : IMessageExecutor
{
    public string MessageName => "UpdateMultiple";

    public OrganizationResponse Execute(OrganizationRequest request, RequestScope scope)
    {
        var (table, targets) = WriteOperations.Targets(org, request);
        var op = WriteOperations.Update(org, table, targets, isMultiple: true, request.Parameters, WriteOperations.Behavior(request), scope, targetsEndWithRun: true);
        org.Runner.Run(op, scope);
        return new UpdateMultipleResponse();
    }
}
