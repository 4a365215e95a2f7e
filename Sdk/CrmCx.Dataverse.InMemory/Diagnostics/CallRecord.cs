namespace CrmCx.Dataverse.InMemory.Diagnostics;

/// <summary>One organization service request: its message, who made it (a plugin type's full name or "client") and the pipeline depth it ran at.</summary>
public sealed record CallRecord(string MessageName, string Caller, int Depth);
