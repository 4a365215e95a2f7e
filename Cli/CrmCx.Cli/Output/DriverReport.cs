using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using CrmCx.Drivers;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Cli.Output;

/// <summary>One element of the Drivers JSON of cx_GetDrivers, as the demo prints it.</summary>
internal sealed record DriverLine(string Dimension, string Key, string Label, int Responses, decimal? Satisfaction, decimal? SatisfactionMargin,
    decimal? Nps, decimal? NpsMargin, decimal? Delta, bool Significant, bool LowConfidence);

/// <summary>
/// What "crmcx demo" prints about drivers: the values most below the rest beyond noise, across every dimension, and
/// the owner table, where owners within noise of the rest read "in line" (never a ranking) and small samples say so.
/// Everything comes from the custom API cx_GetDrivers, called as the shipped views call it.
/// </summary>
internal static class DriverReport
{
    /// <summary>How many drivers the top list shows.</summary>
    public const int TopDrivers = 5;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly string[] Dimensions = { "stage", "channel", "businessunit", "owner", "contacts", "effort" };

    /// <summary>The rows of one dimension (all journey types, the default window).</summary>
    public static IReadOnlyList<DriverLine> Read(IOrganizationService service, string dimension)
    {
        var request = new OrganizationRequest(GetDriversPlugin.MessageName) { [GetDriversPlugin.Dimension] = dimension };
        var json = (string)service.Execute(request).Results[GetDriversPlugin.Drivers];
        return JsonDocument.Parse(json).RootElement.EnumerateArray().Select(e => new DriverLine(
            e.GetProperty("dimension").GetString()!, e.GetProperty("key").GetString()!, e.GetProperty("label").GetString()!,
            e.GetProperty("responses").GetInt32(), Dec(e, "satisfaction"), Dec(e, "satisfactionMargin"), Dec(e, "nps"), Dec(e, "npsMargin"),
            Dec(e, "delta"), e.GetProperty("significant").GetBoolean(), e.GetProperty("lowConfidence").GetBoolean())).ToList();
    }

    /// <summary>Writes the top drivers and the owner table.</summary>
    public static void Write(TextWriter writer, IOrganizationService service, DateTime now)
    {
        var all = Dimensions.ToDictionary(d => d, d => Read(service, d));
        writer.WriteLine(string.Format(Invariant, "What moves satisfaction (cx_GetDrivers, last 365 days to {0:yyyy-MM-dd HH:mm} UTC: closed days as of the last daily run, plus today)", now));
        writer.WriteLine();
        var top = all.Values.SelectMany(v => v).Where(l => l.Significant && l.Delta < 0).OrderBy(l => l.Delta).ThenBy(l => l.Dimension, StringComparer.Ordinal).ThenBy(l => l.Label, StringComparer.Ordinal).Take(TopDrivers).ToList();
        if (top.Count == 0) writer.WriteLine("  No value is below the rest beyond noise.");
        for (var i = 0; i < top.Count; i++)
        {
            var l = top[i];
            writer.WriteLine(string.Format(Invariant, "{0,2}. {1}: NPS {2} against {3} for the rest ({4:+0.0;-0.0} points, beyond noise); satisfaction {5}; {6:N0} responses{7}",
                i + 1, Name(l), Figure(l.Nps, l.NpsMargin), Rest(l), l.Delta, Figure(l.Satisfaction, l.SatisfactionMargin), l.Responses,
                l.LowConfidence ? " (small sample)" : string.Empty));
        }
        writer.WriteLine();
        writer.WriteLine("Owners (of the latest touchpoint of the stage before each response; alphabetical, not a ranking)");
        writer.WriteLine();
        var units = all["businessunit"];
        var table = new TextTable(("Owner", false), ("Responses", true), ("Satisfaction", true), ("NPS ± margin", true), ("Against the rest", false));
        foreach (var l in all["owner"].OrderBy(l => l.Label, StringComparer.Ordinal))
            table.Add(l.Label, l.Responses.ToString("N0", Invariant), Figure(l.Satisfaction, l.SatisfactionMargin), Figure(l.Nps, l.NpsMargin), Reading(l));
        table.WriteTo(writer);
        writer.WriteLine();
        writer.WriteLine("Business units");
        writer.WriteLine();
        var unitTable = new TextTable(("Business unit", false), ("Responses", true), ("Satisfaction", true), ("NPS ± margin", true), ("Against the rest", false));
        foreach (var l in units.OrderBy(l => l.Label, StringComparer.Ordinal))
            unitTable.Add(l.Label, l.Responses.ToString("N0", Invariant), Figure(l.Satisfaction, l.SatisfactionMargin), Figure(l.Nps, l.NpsMargin), Reading(l));
        unitTable.WriteTo(writer);
        writer.WriteLine();
        writer.WriteLine("Effort and repeat contacts (NPS by contacts of the journey before the response, and by effort score)");
        writer.WriteLine();
        var effort = new TextTable(("Group", false), ("Responses", true), ("NPS ± margin", true), ("Against the rest", false));
        foreach (var l in all["contacts"].Concat(all["effort"]))
            effort.Add(Name(l), l.Responses.ToString("N0", Invariant), Figure(l.Nps, l.NpsMargin), Reading(l));
        effort.WriteTo(writer);
    }

    /// <summary>"in line" within noise; below or above the rest beyond it; "small sample" added when it is one.</summary>
    public static string Reading(DriverLine line)
    {
        var reading = !line.Significant || !line.Delta.HasValue ? "in line"
            : string.Format(Invariant, "{0} the rest by {1:0.0} points", line.Delta < 0 ? "below" : "above", Math.Abs(line.Delta.Value));
        return line.LowConfidence ? reading + " (small sample)" : reading;
    }

    private static string Rest(DriverLine line) =>
        line.Nps.HasValue && line.Delta.HasValue ? (line.Nps.Value - line.Delta.Value).ToString("+0.0;-0.0", Invariant) : "n/a";

    private static string Figure(decimal? value, decimal? margin) =>
        !value.HasValue ? "n/a" : margin.HasValue ? string.Format(Invariant, "{0:0.0} ± {1:0.0}", value, margin) : value.Value.ToString("0.0", Invariant);

    private static string Name(DriverLine line) => line.Dimension switch
    {
        "stage" => "Stage " + line.Label,
        "channel" => "Channel " + line.Label,
        "businessunit" => line.Label + " (business unit)",
        "owner" => line.Label + " (owner)",
        "contacts" => line.Label + " before the response",
        _ => "Effort " + line.Label,
    };

    private static decimal? Dec(JsonElement e, string name) => e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetDecimal();
}
