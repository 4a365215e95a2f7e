using System;
using CrmCx.Recalculation;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Cli.Recalculation;

/// <summary>What one complete run of cx_Recalculate did.</summary>
public sealed record RecalculationTotals(int Calls, int Processed, int Changed);

/// <summary>
/// Runs the custom API cx_Recalculate as the shipped cloud flow does: call it, then call it again with the returned
/// Continuation until it comes back empty.
/// </summary>
public static class ScheduledRecalculation
{
    /// <summary>Calls past this many in one run mean the API never finishes: a bug, reported rather than looped on.</summary>
    public const int MaxCalls = 100_000;

    /// <summary>Runs one whole recalculation of <paramref name="scope"/> ("due" or "all"); <paramref name="onCall"/> sees each call's totals.</summary>
    public static RecalculationTotals Run(IOrganizationService service, string scope, Action<RecalculationTotals>? onCall = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        var continuation = string.Empty;
        int calls = 0, processed = 0, changed = 0;
        do
        {
            if (++calls > MaxCalls) throw new InvalidOperationException($"{RecalculatePlugin.MessageName} did not finish after {MaxCalls:N0} calls.");
            var request = new OrganizationRequest(RecalculatePlugin.MessageName) { [RecalculatePlugin.Scope] = scope };
            if (continuation.Length > 0) request[RecalculatePlugin.Continuation] = continuation;
            var response = service.Execute(request);
            processed += (int)response.Results[RecalculatePlugin.Processed];
            changed += (int)response.Results[RecalculatePlugin.Changed];
            continuation = response.Results[RecalculatePlugin.Continuation] as string ?? string.Empty;
            onCall?.Invoke(new RecalculationTotals(calls, processed, changed));
        }
        while (continuation.Length > 0);
        return new RecalculationTotals(calls, processed, changed);
    }
}
