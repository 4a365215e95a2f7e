using System;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace CrmCx.Dataverse.InMemory.Messages;

/// <summary>
/// ExecuteTransaction: every request in one database transaction, in order; any failure rolls all of them back and fails
/// with an ExecuteTransactionFault naming the request's index (use-executetransaction.md).
/// </summary>
internal sealed class ExecuteTransactionExecutor(InMemoryOrganization org) : IMessageExecutor
{
    public string MessageName => "ExecuteTransaction";

    // Transactional: the dispatcher opens the one transaction and each request joins it with a savepoint.
    public OrganizationResponse Execute(OrganizationRequest request, RequestScope scope)
    {
        if (!request.Parameters.TryGetValue("Requests", out var r) || r is not OrganizationRequestCollection requests)
            throw Faults.InvalidArgument("Required field 'Requests' is missing for ExecuteTransaction.");
        for (var i = 0; i < requests.Count; i++)
        {
            // use-executetransaction.md: "An ExecuteTransactionRequest instance may not contain a ExecuteMultipleRequest or ExecuteTransactionRequest."
            var name = requests[i].RequestName;
            if (string.Equals(name, "ExecuteMultiple", StringComparison.OrdinalIgnoreCase) || string.Equals(name, MessageName, StringComparison.OrdinalIgnoreCase))
                throw Faults.InvalidArgument($"Requests[{i}] is an {name}Request; ExecuteTransaction cannot contain ExecuteMultiple or ExecuteTransaction.");
        }

        var returnResponses = request.Parameters.TryGetValue("ReturnResponses", out var rr) && rr is true;
        var responses = new OrganizationResponseCollection();
        for (var i = 0; i < requests.Count; i++)
        {
            try
            {
                var response = org.Dispatcher.Execute(requests[i], scope.Origin);
                if (returnResponses) responses.Add(response);
            }
            catch (FaultException<OrganizationServiceFault> e)
            {
                throw Faults.TransactionRequestFailed(i, e.Detail);
            }
        }
        var result = new ExecuteTransactionResponse();
        result.Results["Responses"] = responses;
        return result;
    }
}
