using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmCx.Dataverse.InMemory.Diagnostics;

/// <summary>Every organization service request, by message and by caller, so tests and benchmarks can assert exact call counts.</summary>
public sealed class CallCounter
{
    /// <summary>The caller name of requests made outside plugins.</summary>
    public const string Client = "client";

    private readonly List<CallRecord> records = new();

    /// <summary>Every request since the last reset, in order.</summary>
    public IReadOnlyList<CallRecord> Records => records;

    /// <summary>Number of requests (the items of an ExecuteMultiple count as requests too).</summary>
    public int Total => records.Count;

    /// <summary>Requests of one message ("Create", "RetrieveMultiple", ...).</summary>
    public int Count(string messageName) => records.Count(r => string.Equals(r.MessageName, messageName, StringComparison.OrdinalIgnoreCase));

    /// <summary>Requests of one message made by one caller (a plugin type's full name, or Client).</summary>
    public int Count(string messageName, string caller) =>
        records.Count(r => string.Equals(r.MessageName, messageName, StringComparison.OrdinalIgnoreCase) && r.Caller == caller);

    /// <summary>Requests made by one caller (a plugin type's full name, or Client).</summary>
    public int CountFrom(string caller) => records.Count(r => r.Caller == caller);

    /// <summary>Requests made by a plugin type.</summary>
    public int CountFrom(Type pluginType) => CountFrom(pluginType?.FullName ?? throw new ArgumentNullException(nameof(pluginType)));

    /// <summary>Request counts per message.</summary>
    public IReadOnlyDictionary<string, int> ByMessage() =>
        records.GroupBy(r => r.MessageName, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Count(), StringComparer.OrdinalIgnoreCase);

    /// <summary>Forgets every request counted so far.</summary>
    public void Reset() => records.Clear();

    internal void Record(string messageName, string caller, int depth) => records.Add(new CallRecord(messageName, caller, depth));
}
