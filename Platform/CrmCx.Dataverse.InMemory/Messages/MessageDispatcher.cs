using System;
using System.Collections.Generic;
using CrmCx.Dataverse.InMemory.CustomApis;
using CrmCx.Dataverse.InMemory.Service;
using CrmCx.Dataverse.InMemory.Store;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Messages;

/// <summary>Counts every request, checks depth, opens (or joins) the transaction and hands the request to its executor.</summary>
internal sealed class MessageDispatcher
{
    /// <summary>Dataverse's maximum depth (IExecutionContext.Depth docs: "The maximum depth (8)").</summary>
    public const int MaxDepth = 8;

    /// <summary>
    /// The batch request types of avoid-batch-requests-plugin.md (ExecuteMultiple, ExecuteTransaction, CreateMultiple,
    /// UpdateMultiple, UpsertMultiple), refused from plug-in code (Faults.BatchRequestFromPlugin). DeleteMultiple is left out
    /// because the org does not implement it (it fails as NotImplemented from anywhere).
    /// </summary>
    private static readonly HashSet<string> BatchMessages = new(StringComparer.OrdinalIgnoreCase)
    {
        "ExecuteMultiple", "ExecuteTransaction", "CreateMultiple", "UpdateMultiple", "UpsertMultiple",
    };

    private readonly InMemoryOrganization org;
    private readonly Dictionary<string, IMessageExecutor> executors = new(StringComparer.OrdinalIgnoreCase);
    // One executor per custom API definition, so its main-operation plug-in instance is cached like a step's.
    private readonly Dictionary<CustomApiDefinition, CustomApiExecutor> customApiExecutors = new(ReferenceEqualityComparer.Instance);

    public MessageDispatcher(InMemoryOrganization org, IEnumerable<IMessageExecutor> all)
    {
        this.org = org;
        foreach (var executor in all) executors[executor.MessageName] = executor;
    }

    /// <summary>Whether the org implements the message itself (a custom API cannot take its name).</summary>
    public bool Handles(string messageName) => executors.ContainsKey(messageName);

    public OrganizationResponse Execute(OrganizationRequest request, CallOrigin origin)
    {
        try
        {
            return Dispatch(request, origin);
        }
        catch (Exception e) when (Faults.Stamp(e, org.Clock))
        {
            // Not reached: the filter stamps the fault with the org's clock and lets it pass.
            throw;
        }
    }

    // The table a write names (Target's logical name), so call counts can be told apart per table.
    private static string? TableOf(OrganizationRequest request) =>
        request.Parameters.TryGetValue("Target", out var target) ? target switch
        {
            Entity e => e.LogicalName,
            EntityReference r => r.LogicalName,
            _ => null,
        } : null;

    // The org's own messages first, then the imported custom APIs (a custom API's unique name is its message name).
    private IMessageExecutor? FindExecutor(string name, CallOrigin origin)
    {
        if (executors.TryGetValue(name, out var executor)) return executor;
        if (org.CustomApis.Find(name) is not { } api) return null;
        if (origin.Parent is not null && api.IsPrivate) throw Faults.PrivateMessageFromPlugin(api.UniqueName, origin.Caller);
        if (!customApiExecutors.TryGetValue(api, out var custom)) customApiExecutors[api] = custom = new CustomApiExecutor(org, api);
        return custom;
    }

    private OrganizationResponse Dispatch(OrganizationRequest request, CallOrigin origin)
    {
        var name = request.RequestName;
        var depth = origin.Parent is null ? 1 : origin.Parent.Depth + 1;
        org.Calls.Record(string.IsNullOrEmpty(name) ? request.GetType().Name : name, origin.Caller, depth, TableOf(request));
        if (depth > MaxDepth) throw Faults.InfiniteLoop();
        // A request whose origin has a plugin context comes from a plugin's IOrganizationService (OrganizationServiceFactory).
        if (origin.Parent is not null && name is not null && BatchMessages.Contains(name)) throw Faults.BatchRequestFromPlugin(name, origin.Caller);
        if (string.IsNullOrEmpty(name) || FindExecutor(name, origin) is not { } executor) throw Faults.UnsupportedRequest(name, request.GetType().FullName ?? request.GetType().Name);

        // Dataverse authenticates the caller first: a service for a user that does not exist cannot do anything.
        if (org.Rows.Store.Find("systemuser", origin.UserId) is null) throw Faults.RowNotFound("systemuser", origin.UserId);

        // The server works on its own deserialized copy: plugins never change the caller's objects.
        var copy = EntityCopier.CopyRequest(request);
        var scope = new RequestScope
        {
            UserId = origin.UserId,
            InitiatingUserId = origin.Parent?.InitiatingUserId ?? origin.UserId,
            BusinessUnitId = org.BusinessUnitOf(origin.UserId),
            CorrelationId = origin.Parent?.CorrelationId ?? Guid.NewGuid(),
            Depth = depth,
            RequestId = request.RequestId ?? Guid.NewGuid(),
            Now = org.Clock.UtcNow,
            Caller = origin.Caller,
            Parent = origin.Parent,
            Origin = origin,
        };
        var failureDooms = origin.Parent?.IsInTransaction ?? true;
        return executor.IsTransactional
            ? org.Transactions.Run((executor, copy, scope), static s => s.executor.Execute(s.copy, s.scope), failureDooms)
            : executor.Execute(copy, scope);
    }
}
