using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace CrmCx.Dataverse.InMemory.Messages;

/// <summary>ExecuteMultiple: each request in its own transaction, ContinueOnError and ReturnResponses as documented (execute-multiple-requests.md).</summary>
internal sealed class ExecuteMultipleExecutor(InMemoryOrganization org) : IMessageExecutor
{
    /// <summary>Dataverse's batch size limit.</summary>
    public const int MaxBatchSize = 1000;

    public string MessageName => "ExecuteMultiple";

    // Each item gets its own transaction, so the batch itself is not wrapped in one.
    public bool IsTransactional => false;

    public OrganizationResponse Execute(OrganizationRequest request, RequestScope scope)
    {
        if (!request.Parameters.TryGetValue("Requests", out var r) || r is not OrganizationRequestCollection requests)
            throw Faults.InvalidArgument("Required field 'Requests' is missing for ExecuteMultiple.");
        if (!request.Parameters.TryGetValue("Settings", out var s) || s is not ExecuteMultipleSettings settings)
            throw Faults.InvalidArgument("Required field 'Settings' is missing for ExecuteMultiple.");
        if (requests.Count > MaxBatchSize)
            throw Faults.InvalidArgument($"The number of requests ({requests.Count}) exceeds the maximum batch size of {MaxBatchSize}.");
        for (var i = 0; i < requests.Count; i++)
        {
            if (string.Equals(requests[i].RequestName, MessageName, System.StringComparison.OrdinalIgnoreCase))
                throw Faults.InvalidArgument($"Requests[{i}] is an ExecuteMultipleRequest; ExecuteMultiple cannot contain ExecuteMultiple.");
        }

        // Only clients reach this (the dispatcher refuses ExecuteMultiple from plug-in code, ExecuteTransaction refuses to
        // contain it), so no transaction is open here and each request commits or rolls back on its own.
        var items = new ExecuteMultipleResponseItemCollection();
        var faulted = false;
        for (var i = 0; i < requests.Count; i++)
        {
            try
            {
                var response = org.Dispatcher.Execute(requests[i], scope.Origin);
                if (settings.ReturnResponses) items.Add(new ExecuteMultipleResponseItem { RequestIndex = i, Response = response });
            }
            catch (FaultException<OrganizationServiceFault> e)
            {
                faulted = true;
                items.Add(new ExecuteMultipleResponseItem { RequestIndex = i, Fault = e.Detail });
                if (!settings.ContinueOnError) break;
            }
        }
        var result = new ExecuteMultipleResponse();
        result.Results["Responses"] = items;
        result.Results["IsFaulted"] = faulted;
        return result;
    }
}
