using System;
using System.Globalization;

namespace CrmCx.Domain.Nps;

/// <summary>Closing the loop (cx-scoring.md): when a detractor response calls for a follow-up task, when it is due and what it says.</summary>
public static class FollowUpPolicy
{
    /// <summary>
    /// Whether this write calls for a follow-up: the response is (now) a detractor and was not one before (a new
    /// response, or an update that moved the score into 0–6). A retried delivery of the same detractor asks nothing new.
    /// Whether a task is already open for the customer is checked by the caller against the store.
    /// </summary>
    public static bool Calls(bool enabled, int? previousScore, int? score) =>
        enabled && score.HasValue && NpsCategories.IsDetractor(score.Value) && !(previousScore.HasValue && NpsCategories.IsDetractor(previousScore.Value));

    /// <summary>The due date: now plus the configured days.</summary>
    public static DateTime DueOn(DateTime now, NpsOptions options)
    {
        if (options == null) throw new ArgumentNullException(nameof(options));
        return now.AddDays(options.FollowUpDueDays);
    }
}
