using System;
using System.Collections.Generic;
using CrmCx.Dataverse.InMemory.Pipeline;

namespace CrmCx.Dataverse.InMemory.Store;

/// <summary>One database transaction per top-level request; nested requests from synchronous plugins join it through savepoints.</summary>
internal sealed class TransactionManager
{
    private readonly RowStore store;
    private readonly AsyncQueue queue;
    private readonly List<AsyncJob> pending = new();

    public TransactionManager(RowStore store, AsyncQueue queue)
    {
        this.store = store;
        this.queue = queue;
    }

    /// <summary>Whether a transaction is open.</summary>
    public bool InTransaction => store.Log is not null;

    /// <summary>Runs work in the open transaction (rolled back to a savepoint on failure) or in a new one (committed on success, rolled back entirely on failure).</summary>
    public T Run<T>(Func<T> work)
    {
        if (store.Log is { } log)
        {
            var savepoint = log.Count;
            var pendingMark = pending.Count;
            try
            {
                return work();
            }
            catch
            {
                log.RollbackTo(savepoint, store);
                pending.RemoveRange(pendingMark, pending.Count - pendingMark);
                throw;
            }
        }

        var transaction = new UndoLog();
        store.Log = transaction;
        try
        {
            var result = work();
            store.Log = null;
            // Asynchronous steps are queued only when the transaction commits.
            foreach (var job in pending) queue.Enqueue(job);
            pending.Clear();
            return result;
        }
        catch
        {
            transaction.RollbackTo(0, store);
            store.Log = null;
            pending.Clear();
            throw;
        }
    }

    /// <summary>Queues an asynchronous step for after the commit of the open transaction (or at once when none is open).</summary>
    public void AddAsync(AsyncJob job)
    {
        if (InTransaction) pending.Add(job);
        else queue.Enqueue(job);
    }
}
