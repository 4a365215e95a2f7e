using System;
using System.Collections.Generic;

namespace CrmCx.Dataverse.InMemory.Diagnostics;

/// <summary>One plugin execution and what it wrote to ITracingService (the PluginTraceLog row of Dataverse).</summary>
public sealed record TraceRecord(
    string PluginTypeName,
    string StepName,
    string MessageName,
    int Stage,
    int Mode,
    int Depth,
    string PrimaryEntityName,
    Guid PrimaryEntityId,
    Guid CorrelationId,
    IReadOnlyList<string> Lines,
    string? ExceptionMessage)
{
    /// <summary>The trace text, one line per Trace call.</summary>
    public string Text => string.Join(Environment.NewLine, Lines);
}
