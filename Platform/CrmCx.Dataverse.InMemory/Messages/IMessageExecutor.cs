using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Messages;

/// <summary>Executes one message (FakeXrmEasy's executor-per-message shape).</summary>
internal interface IMessageExecutor
{
    /// <summary>Message name this executor handles.</summary>
    string MessageName { get; }

    /// <summary>Whether the dispatcher wraps the request in a transaction (ExecuteMultiple runs each item in its own instead).</summary>
    bool IsTransactional => true;

    /// <summary>Executes the request (a server-side copy of what the caller sent).</summary>
    OrganizationResponse Execute(OrganizationRequest request, RequestScope scope);
}
