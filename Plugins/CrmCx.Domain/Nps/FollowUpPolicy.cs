using System;
using System.Globalization;

namespace CrmCx.Domain.Nps
{
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

        /// <summary>The task's subject, e.g. "NPS follow-up: Contoso Ltd answered 3/10" (cut to the task subject's 200 characters).</summary>
        public static string Subject(string? customerName, int score)
        {
            var who = string.IsNullOrWhiteSpace(customerName) ? "a customer" : customerName!.Trim();
            var text = "NPS follow-up: " + who + " answered " + score.ToString(CultureInfo.InvariantCulture) + "/10";
            return text.Length <= 200 ? text : text.Substring(0, 200);
        }

        /// <summary>The task's description: what to do, and the verbatim as the customer wrote it (plain text).</summary>
        public static string Description(int score, string? comment, DateTime respondedOn)
        {
            var text = "A detractor response (" + score.ToString(CultureInfo.InvariantCulture) + "/10) arrived on " +
                respondedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + ". Call the customer, understand what went wrong and record what was agreed.";
            if (!string.IsNullOrWhiteSpace(comment)) text += "\n\nThe customer wrote:\n" + comment;
            return text.Length <= 2000 ? text : text.Substring(0, 2000);
        }
    }
}
