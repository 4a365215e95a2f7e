namespace CrmCx.Dataverse.InMemory.Diagnostics;

/// <summary>
/// One organization service request: its message, who made it (a plugin type's full name or "client"), the pipeline
/// depth it ran at, and the table its Target names (null for requests without one, such as RetrieveMultiple).
/// </summary>
public sealed record CallRecord(string MessageName, string Caller, int Depth, string? Table = null);
