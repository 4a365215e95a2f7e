using System.Globalization;
using System.IO;
using System.Linq;
using CrmCx.Cli.Seeding;

namespace CrmCx.Cli.Output;

/// <summary>What "crmcx demo" prints after the load: the scorecard, the top at-risk journeys and what the load did.</summary>
internal static class DemoReport
{
    /// <summary>How many at-risk journeys are listed with their reasons.</summary>
    public const int TopJourneys = 5;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void WriteBatchRefusal(TextWriter writer, int rows, string message)
    {
        writer.WriteLine(string.Format(Invariant, "! CreateMultiple of {0} responses refused as a whole: {1}", rows, message));
        writer.WriteLine("    the integration sends those rows again one by one with Upsert");
    }

    public static void WriteFailure(TextWriter writer, LoadFailure failure)
    {
        writer.WriteLine("! Refused: " + failure.Record);
        writer.WriteLine("    step:    " + failure.Step);
        writer.WriteLine("    message: " + failure.Message);
    }

    public static void Write(TextWriter writer, DemoLoad load)
    {
        var rows = Scorecard.Rows(load.Org);
        var journeys = Scorecard.AtRisk(load.Org);
        writer.WriteLine();
        writer.WriteLine(string.Format(Invariant, "NPS scorecard as of {0:yyyy-MM-dd HH:mm} UTC (last 365 days; change against the 365 days before)", DemoSize.Now));
        writer.WriteLine();
        Scorecard.WriteScorecard(writer, rows);
        writer.WriteLine();
        writer.WriteLine(string.Format(Invariant, "Top at-risk journeys ({0} open at Medium or High risk)", journeys.Count));
        writer.WriteLine();
        Scorecard.WriteAtRisk(writer, journeys, TopJourneys);
        writer.WriteLine();
        DriverReport.Write(writer, load.Org.GetService(), DemoSize.Now);
        writer.WriteLine();

        var org = load.Org;
        var responsesStored = org.Snapshot(Schema.SurveyResponseSchema.EntityName).Count;
        var notifications = org.Snapshot(Schema.AppNotificationSchema.EntityName).Count;
        var tasks = org.Snapshot("task").Count(t => t.GetAttributeValue<Microsoft.Xrm.Sdk.EntityReference>("regardingobjectid")?.LogicalName == Schema.SurveyResponseSchema.EntityName);
        writer.WriteLine("Load");
        writer.WriteLine(string.Format(Invariant, "  {0:N0} accounts, {1:N0} contacts, {2:N0} journeys with {3:N0} cases and activities",
            load.Size.Accounts, load.Size.Contacts, load.JourneysStarted, load.Touchpoints));
        writer.WriteLine(string.Format(Invariant, "  {0:N0} survey responses stored: {1:N0} CreateMultiple batches, {2:N0} Upserts ({3:N0} redeliveries matched their row by key: no duplicates)",
            responsesStored, load.CreateMultipleRequests, load.UpsertRequests, load.RedeliveredWithoutDuplicate));
        writer.WriteLine(string.Format(Invariant, "  {0:N0} asynchronous jobs run; {1:N0} follow-up tasks for detractors; {2:N0} in-app notifications",
            load.AsyncJobsRun, tasks, notifications));
        writer.WriteLine(string.Format(Invariant, "  {0:N0} organization service calls ({1:N0} by the client, {2:N0} by plugins)",
            org.Calls.Total, org.Calls.CountFrom(Dataverse.InMemory.Diagnostics.CallCounter.Client), org.Calls.Total - org.Calls.CountFrom(Dataverse.InMemory.Diagnostics.CallCounter.Client)));
        writer.WriteLine(string.Format(Invariant, "  {0:N0} daily runs of cx_Recalculate (due, {1:N0} calls): {2:N0} rows recomputed as time passed, {3:N0} changed",
            load.RecalculationDays, load.Recalculations.Calls, load.Recalculations.Processed, load.Recalculations.Changed));
        writer.WriteLine(load.Failures.Count == 0
            ? "  0 failures"
            : string.Format(Invariant, "  {0:N0} failures (listed above as they happened); everything else loaded", load.Failures.Count));
        writer.WriteLine();
        WriteTruth(writer, Recalculation.TruthCheck.Run(org));
    }

    /// <summary>The check, from a fresh computation over the rows, that the stored figures are true at the clock.</summary>
    public static void WriteTruth(System.IO.TextWriter writer, Recalculation.TruthReport truth)
    {
        System.ArgumentNullException.ThrowIfNull(writer);
        System.ArgumentNullException.ThrowIfNull(truth);
        writer.WriteLine(string.Format(Invariant, "Figures checked at {0:yyyy-MM-dd HH:mm} UTC against a fresh computation over the rows: {1}",
            truth.At, truth.AllTrue ? "all true" : "NOT all true"));
        writer.WriteLine(string.Format(Invariant, "  {0:N0} of {1:N0} accounts and contacts true; {2:N0} of {3:N0} open journeys past their expected duration flagged",
            truth.Customers - truth.WrongCustomers.Count, truth.Customers, truth.OverdueJourneys - truth.UnflaggedJourneys.Count, truth.OverdueJourneys));
        foreach (var line in truth.WrongCustomers.Take(5).Concat(truth.UnflaggedJourneys.Take(5))) writer.WriteLine("  ! " + line);
    }
}
