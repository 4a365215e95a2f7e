using System;
using CrmCx.Dataverse.InMemory.Pipeline;
using CrmCx.Dataverse.InMemory.Store;

namespace CrmCx.Dataverse.InMemory.Messages;

/// <summary>What one request runs with: users, correlation, depth, the calling plugin's context and the operation time.</summary>
internal sealed class RequestScope
{
    public required Guid UserId { get; init; }
    public required Guid InitiatingUserId { get; init; }
    public required Guid BusinessUnitId { get; init; }
    public required Guid CorrelationId { get; init; }
    public required int Depth { get; init; }
    public required Guid RequestId { get; init; }
    public required DateTime Now { get; init; }
    public required string Caller { get; init; }
    public PluginExecutionContext? Parent { get; init; }
    public required CrmCx.Dataverse.InMemory.Service.CallOrigin Origin { get; init; }

    /// <summary>Platform column values for writes made by this request.</summary>
    public WriteInfo WriteInfo => new(UserId, BusinessUnitId, Now);
}
