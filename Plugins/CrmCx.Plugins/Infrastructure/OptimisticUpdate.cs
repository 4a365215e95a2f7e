using System;
using System.Globalization;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace CrmCx.Infrastructure;

/// <summary>
/// Optimistic concurrency for rollups that recompute from the rows at rest: read the row's version before reading what
/// the figures come from, then write only if nobody wrote the row since (<see cref="TryUpdate"/>); on false, read again
/// and recompute, a bounded number of times. Every change queues its own recompute that starts after the change, so
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
}
