using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace CrmCx.Dataverse.InMemory.Messages;

/// <summary>Update: the target's columns only, through the Update and UpdateMultiple steps; honours ConcurrencyBehavior.</summary>
internal sealed class UpdateExecutor(InMemoryOrganization org) : IMessageExecutor
{
    public string MessageName => "Update";

    public OrganizationResponse Execute(OrganizationRequest request, RequestScope scope)
    {
        var target = WriteOperations.Target(request);
        var table = org.Metadata.Get(target.LogicalName);
        var op = WriteOperations.Update(org, table, new[] { target }, isMultiple: false, request.Parameters, WriteOperations.Behavior(request), scope, targetsEndWithRun: true);
        org.Runner.Run(op, scope);
        return new UpdateResponse();
    }
}
