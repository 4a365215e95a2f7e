using System;
using System.Globalization;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace CrmCx.Infrastructure;

/// <summary>
/// Optimistic concurrency for rollups that recompute from the rows at rest: read the row's version before reading what
/// the figures come from, then write only if nobody wrote the row since (<see cref="TryUpdate"/>); on false, read again
/// and recompute, a bounded number of times (<see cref="Retry"/>, the one such loop). Every change queues its own recompute that starts after the change, so
/// the last write that succeeds always saw every change.
/// </summary>
public static class OptimisticUpdate
{
    /// <summary>Error code of a write whose row version no longer matches (ConcurrencyVersionMismatch, 0x80060882).</summary>
    public const int ConcurrencyVersionMismatch = unchecked((int)0x80060882);

    /// <summary>The column that holds a row's version; add it to the columns read so the version comes back.</summary>
    public const string VersionNumber = "versionnumber";

    /// <summary>The version of a row as read (<see cref="Entity.RowVersion"/>, else its versionnumber column); null when absent.</summary>
    public static string? VersionOf(Entity row)
    {
        if (row == null) throw new ArgumentNullException(nameof(row));
        if (!string.IsNullOrEmpty(row.RowVersion)) return row.RowVersion;
        return row.Contains(VersionNumber) && row[VersionNumber] != null
            ? Convert.ToString(row[VersionNumber], CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>Whether a fault says the row changed since its version was read.</summary>
    public static bool IsVersionMismatch(FaultException<OrganizationServiceFault> fault) =>
        fault != null && fault.Detail != null && fault.Detail.ErrorCode == ConcurrencyVersionMismatch;

    /// <summary>
    /// Updates the row if its version is still <paramref name="rowVersion"/>: an UpdateRequest with
    /// <see cref="ConcurrencyBehavior.IfRowVersionMatches"/> (not UpdateMultiple, which ignores ConcurrencyBehavior).
    /// Returns false when someone wrote the row since; any other fault is thrown. Without a version (a table without
    /// optimistic concurrency) the update is unconditional.
    /// </summary>
    public static bool TryUpdate(IOrganizationService service, Entity update, string? rowVersion)
    {
        if (service == null) throw new ArgumentNullException(nameof(service));
        if (update == null) throw new ArgumentNullException(nameof(update));
        var request = new UpdateRequest { Target = update };
        if (!string.IsNullOrEmpty(rowVersion))
        {
            update.RowVersion = rowVersion;
            request.ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches;
        }
        try
        {
            service.Execute(request);
            return true;
        }
        catch (FaultException<OrganizationServiceFault> e) when (IsVersionMismatch(e))
        {
            return false;
        }
    }

    /// <summary>
    /// Makes <paramref name="attempt"/> (given its number, from 1) until one is done, at most <paramref name="maxAttempts"/>
    /// in all; returns the done attempt's value. After each conflict but the last, <paramref name="onConflict"/> gets the
    /// number of the attempt about to be made; after the last, the error from <paramref name="gaveUp"/> is thrown.
    /// </summary>
    public static T Retry<T>(int maxAttempts, Func<int, UpdateAttempt<T>> attempt, Action<int>? onConflict, Func<Exception> gaveUp)
    {
        if (maxAttempts < 1) throw new ArgumentOutOfRangeException(nameof(maxAttempts));
        if (attempt == null) throw new ArgumentNullException(nameof(attempt));
        if (gaveUp == null) throw new ArgumentNullException(nameof(gaveUp));
        for (var number = 1; ; number++)
        {
            var outcome = attempt(number);
            if (!outcome.IsConflict) return outcome.Value;
            if (number == maxAttempts) throw gaveUp();
            onConflict?.Invoke(number + 1);
        }
    }
}
