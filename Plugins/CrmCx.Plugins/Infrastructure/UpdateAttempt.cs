namespace CrmCx.Infrastructure;

/// <summary>What one attempt of an optimistic update came to: done (with its value, maybe none) or overtaken by another writer.</summary>
/// <typeparam name="T">The value a done attempt gives back.</typeparam>
public readonly struct UpdateAttempt<T>
{
    internal UpdateAttempt(bool isConflict, T value)
    {
        IsConflict = isConflict;
        Value = value;
    }

    /// <summary>Whether someone wrote the row since it was read, so the attempt must be made again.</summary>
    public bool IsConflict { get; }

    /// <summary>What the attempt gave back when done (default on a conflict).</summary>
    public T Value { get; }
}

/// <summary>The outcomes an attempt passed to <see cref="OptimisticUpdate.Retry"/> returns.</summary>
public static class UpdateAttempt
{
    /// <summary>Done: nothing more to try, whether or not anything was written (a row that no longer exists is done too).</summary>
    public static UpdateAttempt<T> Done<T>(T value) => new UpdateAttempt<T>(false, value);

    /// <summary>Overtaken: someone wrote the row since it was read; read it again.</summary>
    public static UpdateAttempt<T> Conflict<T>() => new UpdateAttempt<T>(true, default!);

    /// <summary>The outcome of a write that returns null on a version mismatch: done with what it wrote, else overtaken.</summary>
    public static UpdateAttempt<T> Written<T>(T value) => value == null ? Conflict<T>() : Done(value);
}
