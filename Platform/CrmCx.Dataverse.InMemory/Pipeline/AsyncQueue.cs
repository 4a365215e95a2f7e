using System.Collections.Generic;

namespace CrmCx.Dataverse.InMemory.Pipeline;

/// <summary>An asynchronous step waiting to run, with its own copy of the context and images.</summary>
internal sealed record AsyncJob(PluginStep Step, PluginExecutionContext Context);

/// <summary>Asynchronous steps in FIFO order, as the async service picks up system jobs.</summary>
internal sealed class AsyncQueue
{
    private readonly Queue<AsyncJob> jobs = new();

    public int Count => jobs.Count;

    public void Enqueue(AsyncJob job) => jobs.Enqueue(job);

    public bool TryDequeue(out AsyncJob? job) => jobs.TryDequeue(out job);
}
