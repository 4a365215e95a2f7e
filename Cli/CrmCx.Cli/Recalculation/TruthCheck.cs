using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Dataverse.InMemory;
using CrmCx.Domain.Choices;
using CrmCx.Domain.Nps;
using CrmCx.Domain.Risk;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Cli.Recalculation;

/// <summary>The outcome of checking the stored figures against a fresh computation over the rows at rest.</summary>
public sealed record TruthReport(DateTime At, int Customers, IReadOnlyList<string> WrongCustomers, int OverdueJourneys, IReadOnlyList<string> UnflaggedJourneys)
{
    /// <summary>Whether every figure checked is true.</summary>
    public bool AllTrue => WrongCustomers.Count == 0 && UnflaggedJourneys.Count == 0;
}

/// <summary>
/// Checks, independently of the rollups, that every account's and contact's NPS columns equal the figures computed from
/// all their stored responses at the org's clock, and that every open journey past its type's expected duration
/// carries the duration reason.
/// </summary>
public static class TruthCheck
{
    /// <summary>Runs the check at the org's clock with the default settings.</summary>
    public static TruthReport Run(InMemoryOrganization org)
    {
        ArgumentNullException.ThrowIfNull(org);
        var now = org.Clock.UtcNow;
        var periods = NpsPeriods.For(now, NpsOptions.Default.WindowDays);
        var responses = org.Snapshot(SurveyResponseSchema.EntityName)
            .Where(r => r.GetAttributeValue<string>(SurveyResponseSchema.ValidationError) == null && r.Contains(SurveyResponseSchema.Score) && r.Contains(SurveyResponseSchema.RespondedOn))
            .ToList();
        var wrong = new List<string>();
        var customers = 0;
        foreach (var (table, column, name) in new[]
        {
            (CustomerSchema.Account, SurveyResponseSchema.Account, CustomerSchema.AccountName),
            (CustomerSchema.Contact, SurveyResponseSchema.Contact, CustomerSchema.ContactFullName),
        })
        {
            var byCustomer = responses.Where(r => r.GetAttributeValue<EntityReference>(column) != null)
                .ToLookup(r => r.GetAttributeValue<EntityReference>(column).Id,
                    r => new ScoredResponse(r.GetAttributeValue<int>(SurveyResponseSchema.Score), DateTime.SpecifyKind(r.GetAttributeValue<DateTime>(SurveyResponseSchema.RespondedOn), DateTimeKind.Utc)));
            foreach (var row in org.Snapshot(table))
            {
                customers++;
                var fresh = NpsCalculator.FromResponses(periods, byCustomer[row.Id]);
                var storedHistory = row.GetAttributeValue<string>(CustomerSchema.NpsHistory);
                // A customer no rollup ever touched stores nothing: true only when nothing counts for it.
                var nothingCounts = fresh.Responses == 0 && fresh.Previous.Responses == 0 && fresh.History.All(m => m.Responses == 0);
                var isTrue = storedHistory == null
                    ? nothingCounts && row.GetAttributeValue<decimal?>(CustomerSchema.Nps) == null
                    : fresh.Nps == row.GetAttributeValue<decimal?>(CustomerSchema.Nps)
                      && fresh.PreviousNps == row.GetAttributeValue<decimal?>(CustomerSchema.NpsPrevious)
                      && fresh.Margin == row.GetAttributeValue<decimal?>(CustomerSchema.NpsMargin)
                      && fresh.PreviousMargin == row.GetAttributeValue<decimal?>(CustomerSchema.NpsPreviousMargin)
                      && fresh.Responses == (row.GetAttributeValue<int?>(CustomerSchema.NpsResponses) ?? 0)
                      && fresh.Detractors == (row.GetAttributeValue<int?>(CustomerSchema.Detractors) ?? 0)
                      && fresh.HistoryJson == storedHistory;
                if (!isTrue)
                    wrong.Add($"{row.GetAttributeValue<string>(name)} ({table}): stored NPS {Show(row.GetAttributeValue<decimal?>(CustomerSchema.Nps))}, true {Show(fresh.Nps)}");
            }
        }

        var options = JourneyRiskOptions.Default;
        var overdue = 0;
        var unflagged = new List<string>();
        foreach (var journey in org.Snapshot(JourneySchema.EntityName))
        {
            if ((journey.GetAttributeValue<OptionSetValue>(JourneySchema.StateCode)?.Value ?? 0) != 0) continue;
            var started = journey.GetAttributeValue<DateTime?>(JourneySchema.StartedOn) ?? journey.GetAttributeValue<DateTime?>("createdon");
            var typeValue = journey.GetAttributeValue<OptionSetValue>(JourneySchema.JourneyType)?.Value ?? (int)JourneyType.Other;
            var type = Enum.IsDefined(typeof(JourneyType), typeValue) ? (JourneyType)typeValue : JourneyType.Other;
            if (started is null) continue;
            var days = (int)Math.Floor((now - started.Value).TotalDays);
            if (days <= options.ExpectedDaysFor(type)) continue;
            overdue++;
            var reasons = journey.GetAttributeValue<string>(JourneySchema.RiskReasons) ?? string.Empty;
            if (!reasons.Contains($"Open {days} days", StringComparison.Ordinal))
                unflagged.Add($"{journey.GetAttributeValue<string>(JourneySchema.Name)}: open {days} days, reasons '{reasons.Replace('\n', ';')}'");
        }
        return new TruthReport(now, customers, wrong, overdue, unflagged);
    }

    private static string Show(decimal? nps) => nps?.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) ?? "empty";
}
