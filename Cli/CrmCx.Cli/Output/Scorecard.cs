using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CrmCx.Dataverse.InMemory;
using CrmCx.Domain.Choices;
using CrmCx.Domain.Journeys;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Cli.Output;

/// <summary>One account's line of the scorecard, read from the columns the plugins computed.</summary>
public sealed record ScorecardRow(string Account, decimal? Nps, decimal? Margin, decimal? Previous, decimal? PreviousMargin, int Responses, int RiskLevel, int AtRiskJourneys)
{
    /// <summary>NPS minus the previous window's NPS, when both exist.</summary>
    public decimal? Change => Nps is { } now && Previous is { } before ? now - before : null;

    /// <summary>Whether the change is beyond noise: |change| greater than √(MOE² + MOE_prev²) (cx-scoring.md).</summary>
    public bool Significant => Change is { } change && Margin is { } m && PreviousMargin is { } p
        && Math.Abs((double)change) > Math.Sqrt((double)(m * m + p * p));
}

/// <summary>One open journey at Medium or High risk, with its reasons.</summary>
public sealed record AtRiskJourney(string Name, string Account, int JourneyType, int? Stage, decimal? Score, decimal? StartScore, decimal? Trend, int RiskScore, int RiskLevel, IReadOnlyList<string> Reasons)
{
    /// <summary>Stage scores in journey order (stage value, score), from cx_journeystagescore.</summary>
    public IReadOnlyList<(int Stage, decimal? Score)> StageScores { get; init; } = Array.Empty<(int, decimal?)>();
}

/// <summary>Reads the scorecard from the org (uncounted snapshots: printing must not change the figures it prints) and writes it.</summary>
public static class Scorecard
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Every account's row, riskiest first, then lowest NPS.</summary>
    public static IReadOnlyList<ScorecardRow> Rows(InMemoryOrganization org)
    {
        ArgumentNullException.ThrowIfNull(org);
        return org.Snapshot(CustomerSchema.Account)
            .Select(a => new ScorecardRow(
                a.GetAttributeValue<string>(CustomerSchema.AccountName) ?? a.Id.ToString(),
                Dec(a, CustomerSchema.Nps), Dec(a, CustomerSchema.NpsMargin), Dec(a, CustomerSchema.NpsPrevious), Dec(a, CustomerSchema.NpsPreviousMargin),
                Int(a, CustomerSchema.NpsResponses) ?? 0, Choice(a, CustomerSchema.RiskLevel) ?? (int)Domain.Choices.RiskLevel.None, Int(a, CustomerSchema.AtRiskJourneys) ?? 0))
            .OrderByDescending(r => r.RiskLevel).ThenByDescending(r => r.AtRiskJourneys)
            .ThenBy(r => r.Nps ?? decimal.MaxValue).ThenBy(r => r.Account, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Open journeys at Medium or High risk, highest risk score first.</summary>
    public static IReadOnlyList<AtRiskJourney> AtRisk(InMemoryOrganization org)
    {
        ArgumentNullException.ThrowIfNull(org);
        var accounts = org.Snapshot(CustomerSchema.Account).ToDictionary(a => a.Id, a => a.GetAttributeValue<string>(CustomerSchema.AccountName) ?? "");
        var stages = org.Snapshot(StageScoreSchema.EntityName)
            .Where(s => s.GetAttributeValue<EntityReference>(StageScoreSchema.Journey) is not null && Choice(s, StageScoreSchema.Stage) is not null)
            .GroupBy(s => s.GetAttributeValue<EntityReference>(StageScoreSchema.Journey).Id)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<(int, decimal?)>)g.Select(s => (Choice(s, StageScoreSchema.Stage)!.Value, Dec(s, StageScoreSchema.Score))).OrderBy(x => x.Item1).ToList());
        return org.Snapshot(JourneySchema.EntityName)
            .Where(j => (Choice(j, JourneySchema.StateCode) ?? 0) == 0)
            .Select(j => new AtRiskJourney(
                j.GetAttributeValue<string>(JourneySchema.Name) ?? "",
                j.GetAttributeValue<EntityReference>(JourneySchema.Account) is { } a ? accounts.GetValueOrDefault(a.Id, "") : "",
                Choice(j, JourneySchema.JourneyType) ?? 0,
                Choice(j, JourneySchema.CurrentStage),
                Dec(j, JourneySchema.Score), Dec(j, JourneySchema.StartScore), Dec(j, JourneySchema.ScoreTrend),
                Int(j, JourneySchema.RiskScore) ?? 0,
                Choice(j, JourneySchema.RiskLevel) ?? (int)Domain.Choices.RiskLevel.None,
                (j.GetAttributeValue<string>(JourneySchema.RiskReasons) ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList())
            {
                StageScores = stages.GetValueOrDefault(j.Id) ?? Array.Empty<(int, decimal?)>(),
            })
            .Where(j => j.RiskLevel >= (int)Domain.Choices.RiskLevel.Medium)
            .OrderByDescending(j => j.RiskScore).ThenBy(j => j.Trend ?? 0).ThenBy(j => j.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Writes the scorecard table.</summary>
    public static void WriteScorecard(TextWriter writer, IReadOnlyList<ScorecardRow> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        var table = new TextTable(("Account", false), ("NPS ± margin", true), ("Change", true), ("", false), ("Responses", true), ("Risk", false), ("At-risk journeys", true));
        foreach (var row in rows)
        {
            table.Add(row.Account,
                row.Nps is { } nps ? $"{Signed(nps)} ± {Num(row.Margin ?? 0)}" : "no data",
                row.Change is { } change ? Signed(change) : "n/a",
                row.Change is null ? "" : row.Significant ? "significant" : "within noise",
                row.Responses.ToString(Invariant),
                RiskLabel(row.RiskLevel),
                row.AtRiskJourneys.ToString(Invariant));
        }
        table.WriteTo(writer);
    }

    /// <summary>Writes the top at-risk journeys with their reasons.</summary>
    public static void WriteAtRisk(TextWriter writer, IReadOnlyList<AtRiskJourney> journeys, int top)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(journeys);
        if (journeys.Count == 0)
        {
            writer.WriteLine("No open journey is at Medium or High risk.");
            return;
        }
        var n = 0;
        foreach (var j in journeys.Take(top))
        {
            n++;
            var stage = j.Stage is { } s ? JourneyStages.Find(s)?.Label ?? s.ToString(Invariant) : "-";
            var type = Enum.IsDefined(typeof(JourneyType), j.JourneyType) ? JourneyLinking.TypeLabel((JourneyType)j.JourneyType) : "?";
            // Journey names usually start with their type ("Onboarding – ..."); the type is repeated only when they do not.
            var name = j.Name.StartsWith(type, StringComparison.Ordinal) ? j.Name : $"{type}: {j.Name}";
            writer.WriteLine(string.Format(Invariant, "{0,2}. {1}  [{2}, risk {3}/100]  at {4}: journey score {5}, trend {6} points from {7}",
                n, name, RiskLabel(j.RiskLevel), j.RiskScore, stage,
                j.Score is { } score ? Num(score) : "-", j.Trend is { } trend ? Signed(trend) : "-", j.StartScore is { } start ? Num(start) : "-"));
            // The stage scores show the point of the product: each touchpoint can look fine while the journey slides.
            var scored = j.StageScores.Where(x => x.Score is not null).ToList();
            if (scored.Count > 0)
                writer.WriteLine("      stages: " + string.Join(" > ", scored.Select(x => $"{JourneyStages.Find(x.Stage)?.Label ?? x.Stage.ToString(Invariant)} {x.Score!.Value.ToString("0", Invariant)}")));
            foreach (var reason in j.Reasons) writer.WriteLine("      - " + reason);
        }
    }

    /// <summary>The English label of a cx_risklevel value.</summary>
    public static string RiskLabel(int value) => value switch
    {
        (int)Domain.Choices.RiskLevel.Low => "Low",
        (int)Domain.Choices.RiskLevel.Medium => "Medium",
        (int)Domain.Choices.RiskLevel.High => "High",
        _ => "None",
    };

    private static string Num(decimal value) => value.ToString("0.0", Invariant);

    private static string Signed(decimal value) => (value > 0 ? "+" : "") + value.ToString("0.0", Invariant);

    private static decimal? Dec(Entity e, string column) => e.Attributes.TryGetValue(column, out var v) ? v switch
    {
        decimal d => d,
        double d => (decimal)d,
        int i => i,
        _ => null,
    } : null;

    private static int? Int(Entity e, string column) => e.Attributes.TryGetValue(column, out var v) && v is int i ? i : null;

    private static int? Choice(Entity e, string column) => e.Attributes.TryGetValue(column, out var v) ? v switch
    {
        OptionSetValue o => o.Value,
        int i => i,
        _ => null,
    } : null;
}
