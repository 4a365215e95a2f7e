using System;
using System.Collections.Generic;

namespace CrmCx.Dataverse.InMemory.Diagnostics;

/// <summary>Every organization service request, by message and by caller, so tests and benchmarks can assert exact call counts.</summary>
public sealed class CallCounter
{
    /// <summary>The caller name of requests made outside plugins.</summary>
    public const string Client = "client";

    private readonly List<CallRecord> records = new();
    // Counts kept as calls arrive, so benchmarks can ask often without scanning every record.
    private readonly Dictionary<string, int> byMessage = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string Message, string Caller), int> byMessageAndCaller = new(new MessageCallerComparer());
    private readonly Dictionary<string, int> byCaller = new(StringComparer.Ordinal);

    /// <summary>Every request since the last reset, in order.</summary>
    public IReadOnlyList<CallRecord> Records => records;

    /// <summary>Number of requests (the items of an ExecuteMultiple count as requests too).</summary>
    public int Total => records.Count;

    /// <summary>Requests of one message ("Create", "RetrieveMultiple", ...).</summary>
    public int Count(string messageName) => byMessage.TryGetValue(messageName, out var n) ? n : 0;

    /// <summary>Requests of one message made by one caller (a plugin type's full name, or Client).</summary>
    public int Count(string messageName, string caller) => byMessageAndCaller.TryGetValue((messageName, caller), out var n) ? n : 0;

    /// <summary>Requests made by one caller (a plugin type's full name, or Client).</summary>
    public int CountFrom(string caller) => byCaller.TryGetValue(caller, out var n) ? n : 0;

    /// <summary>Requests made by a plugin type.</summary>
    public int CountFrom(Type pluginType) => CountFrom(pluginType?.FullName ?? throw new ArgumentNullException(nameof(pluginType)));

    /// <summary>Request counts per message.</summary>
    public IReadOnlyDictionary<string, int> ByMessage() => new Dictionary<string, int>(byMessage, StringComparer.OrdinalIgnoreCase);

    /// <summary>Forgets every request counted so far.</summary>
    public void Reset()
    {
        records.Clear();
        byMessage.Clear();
        byMessageAndCaller.Clear();
        byCaller.Clear();
    }

    internal void Record(string messageName, string caller, int depth, string? table = null)
    {
        records.Add(new CallRecord(messageName, caller, depth, table));
        byMessage[messageName] = Count(messageName) + 1;
        byMessageAndCaller[(messageName, caller)] = Count(messageName, caller) + 1;
        byCaller[caller] = CountFrom(caller) + 1;
    }

    private sealed class MessageCallerComparer : IEqualityComparer<(string Message, string Caller)>
    {
        public bool Equals((string Message, string Caller) x, (string Message, string Caller) y) =>
            StringComparer.OrdinalIgnoreCase.Equals(x.Message, y.Message) && StringComparer.Ordinal.Equals(x.Caller, y.Caller);

        public int GetHashCode((string Message, string Caller) obj) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(obj.Message), StringComparer.Ordinal.GetHashCode(obj.Caller));
    }
}
