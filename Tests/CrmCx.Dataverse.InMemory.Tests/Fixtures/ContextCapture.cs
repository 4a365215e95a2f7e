using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Tests.Fixtures;

/// <summary>Contexts seen by CapturingPlugin, per test key (tests run in parallel, each with its own key).</summary>
public static class ContextCapture
{
    private static readonly ConcurrentDictionary<string, List<IPluginExecutionContext4>> Seen = new();

    public static string NewKey() => Guid.NewGuid().ToString("N");

    public static void Add(string key, IPluginExecutionContext4 context) => Seen.GetOrAdd(key, _ => new List<IPluginExecutionContext4>()).Add(context);

    public static IReadOnlyList<IPluginExecutionContext4> Of(string key) => Seen.TryGetValue(key, out var list) ? list : Array.Empty<IPluginExecutionContext4>();
}

/// <summary>Records the context it runs with (registered by hand with the test's key as unsecure configuration).</summary>
public sealed class CapturingPlugin : IPlugin
{
    private readonly string key;

    public CapturingPlugin(string unsecure) => key = unsecure;

    public void Execute(IServiceProvider serviceProvider)
    {
        var context = (IPluginExecutionContext4)serviceProvider.GetService(typeof(IPluginExecutionContext4))!;
        ContextCapture.Add(key, context);
    }
}
