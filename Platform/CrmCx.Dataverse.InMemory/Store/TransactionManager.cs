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
    private bool doomed;

    public TransactionManager(RowStore store, AsyncQueue queue)
    {
        this.store = store;
        this.queue = queue;
    }

    /// <summary>Whether a transaction is open.</summary>
    public bool InTransaction => store.Log is not null;

    /// <summary>Runs work in the open transaction (rolled back to a savepoint on failure) or in a new one (committed on success, rolled back entirely on failure).</summary>
    /// <param name="state">What the work needs, passed in so that a static lambda serves (every request comes here: no closure per request).</param>
    /// <param name="work">The request.</param>
    /// <param name="failureDooms">Whether a failure of nested work dooms the open transaction (false for requests from a top-level PreValidation plugin, which runs outside it).</param>
    public T Run<TState, T>(TState state, Func<TState, T> work, bool failureDooms = true)
    {
        if (store.Log is { } log)
        {
            var savepoint = log.Count;
            var pendingMark = pending.Count;
            try
            {
                return work(state);
            }
            catch
            {
                log.RollbackTo(savepoint, store);
                pending.RemoveRange(pendingMark, pending.Count - pendingMark);
                // SQL Server aborts the transaction: a plugin that swallows the fault cannot commit what follows.
                if (failureDooms) doomed = true;
                throw;
            }
        }

        var transaction = new UndoLog();
        store.Log = transaction;
        doomed = false;
        try
        {
            var result = work(state);
            if (doomed) throw Faults.NoActiveTransaction();
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
            doomed = false;
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
