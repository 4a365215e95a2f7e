using System;

namespace CrmCx.Dataverse.InMemory.Diagnostics;

/// <summary>Outcome of a system job.</summary>
public enum SystemJobStatus
{
    /// <summary>The asynchronous step ran without error.</summary>
    Succeeded,
    /// <summary>The asynchronous step threw; the original write stays.</summary>
    Failed,
}

/// <summary>One execution of an asynchronous step (the asyncoperation row of Dataverse).</summary>
public sealed record SystemJob(
    Guid Id,
    string StepName,
    string PluginTypeName,
    string MessageName,
    string PrimaryEntityName,
    Guid PrimaryEntityId,
    SystemJobStatus Status,
    string? ErrorMessage,
    int? ErrorCode,
    DateTime CompletedOn);
