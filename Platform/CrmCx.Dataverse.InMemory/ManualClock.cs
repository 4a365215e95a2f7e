using System;

namespace CrmCx.Dataverse.InMemory;

/// <summary>The org's clock: deterministic, moved only by the test (createdon, modifiedon, OperationCreatedOn come from it).</summary>
public sealed class ManualClock
{
    /// <summary>Where a default clock starts: 2025-01-01T09:00:00Z.</summary>
    public static readonly DateTime DefaultStart = new(2025, 1, 1, 9, 0, 0, DateTimeKind.Utc);

    private readonly Func<DateTime>? source;
    private DateTime now;

    /// <summary>A clock at the given UTC time, or DefaultStart.</summary>
    public ManualClock(DateTime? start = null) => now = ToUtc(start ?? DefaultStart);

    /// <summary>A clock that reads another source until Set or Advance takes over.</summary>
    public ManualClock(Func<DateTime> source)
    {
        this.source = source ?? throw new ArgumentNullException(nameof(source));
        now = ToUtc(source());
    }

    private bool overridden;

    /// <summary>Current UTC time.</summary>
    public DateTime UtcNow => source is not null && !overridden ? ToUtc(source()) : now;

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(by), "The clock only moves forward.");
        now = UtcNow + by;
        overridden = true;
    }

    /// <summary>Sets the clock.</summary>
    public void Set(DateTime utc)
    {
        now = ToUtc(utc);
        overridden = true;
    }

    private static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
