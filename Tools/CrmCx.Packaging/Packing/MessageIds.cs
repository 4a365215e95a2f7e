using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Xml.Linq;
using CrmCx.Packaging.Generation;
using CrmCx.Packaging.Registration;

namespace CrmCx.Packaging.Packing;

/// <summary>A step the solution ships without &lt;SdkMessageId&gt;, because its message has no verified id.</summary>
public sealed record UnresolvedStep(Guid StepId, string Name, string PluginType, string Message);

/// <summary>
/// Steps whose message has no verified sdkmessageid (CreateMultiple, UpdateMultiple; see <see cref="SdkMessages"/>),
/// and the packer's way to fill them in with ids the administrator looked up in the target environment
/// (<c>pack --message-id CreateMultiple=&lt;guid&gt;</c>). Solution/ itself never carries such ids: they are not
/// verified to be the same in every environment.
/// </summary>
public static class MessageIds
{
    /// <summary>The steps of the assembly that are written without SdkMessageId, in step id order.</summary>
    public static IReadOnlyList<UnresolvedStep> Unresolved(PluginAssemblyInfo assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.Steps.Where(s => SdkMessages.IdOf(s.Step.Message) is null)
            .Select(s => new UnresolvedStep(PluginXml.StepId(s.Type, s.Step), s.Step.Name, s.Type.FullName, s.Step.Message))
            .OrderBy(s => s.StepId).ToList();
    }

    /// <summary>Parses the values of --message-id (Message=GUID); refuses a malformed value or a message given twice.</summary>
    public static IReadOnlyDictionary<string, Guid> Parse(IEnumerable<string> values)
    {
        var ids = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in values)
        {
            var parts = value.Split('=', 2);
            if (parts.Length != 2 || parts[0].Trim().Length == 0 || !Guid.TryParse(parts[1].Trim(), out var id))
                throw new InvalidOperationException($"--message-id expects <message>=<sdkmessageid GUID>, for example CreateMultiple=00000000-0000-0000-0000-000000000000; got '{value}'.");
            if (!ids.TryAdd(parts[0].Trim(), id)) throw new InvalidOperationException($"--message-id gives {parts[0].Trim()} twice.");
        }
        return ids;
    }

    /// <summary>
    /// Writes the given ids into the packed steps that have none, at the schema's place (after Rank). Refuses an id
    /// for a message that no such step uses, so a typo never goes unnoticed. Returns the steps still without an id.
    /// </summary>
    public static IReadOnlyList<UnresolvedStep> Apply(PackedSolution solution, PluginAssemblyInfo assembly, IReadOnlyDictionary<string, Guid> ids)
    {
        ArgumentNullException.ThrowIfNull(solution);
        ArgumentNullException.ThrowIfNull(ids);
        ids = new Dictionary<string, Guid>(ids, StringComparer.OrdinalIgnoreCase);
        var unresolved = Unresolved(assembly);
        var unused = ids.Keys.Where(m => unresolved.All(s => !s.Message.Equals(m, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unused.Count > 0)
            throw new InvalidOperationException($"--message-id for {string.Join(", ", unused)}: no step lacks the id of that message (the steps without one use {string.Join(", ", unresolved.Select(s => s.Message).Distinct())}).");
        var byId = unresolved.ToDictionary(s => s.StepId);
        var steps = solution.Customizations.Root!.Element("SdkMessageProcessingSteps")?.Elements("SdkMessageProcessingStep") ?? Enumerable.Empty<XElement>();
        foreach (var step in steps.Where(s => s.Element("SdkMessageId") is null))
        {
            if (!Guid.TryParse((string?)step.Attribute("SdkMessageProcessingStepId"), out var stepId) || !byId.TryGetValue(stepId, out var info)) continue;
            if (!ids.TryGetValue(info.Message, out var messageId)) continue;
            // CustomizationsSolution.xsd: … Mode, Rank, SdkMessageId, EventHandler, EventHandlerTypeCode …
            step.Element("Rank")!.AddAfterSelf(new XElement("SdkMessageId", messageId.ToString("D")));
        }
        return unresolved.Where(s => !ids.ContainsKey(s.Message)).ToList();
    }

    /// <summary>The warning printed when steps remain without SdkMessageId: which steps, why, what it risks and how to fix it.</summary>
    public static string Warning(IReadOnlyList<UnresolvedStep> unresolved, int stepCount)
    {
        ArgumentNullException.ThrowIfNull(unresolved);
        var messages = unresolved.Select(s => s.Message).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(m => m, StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"WARNING: {unresolved.Count} of {stepCount} plug-in steps have no <SdkMessageId> ({string.Join(", ", messages.Select(m => $"{m}: {unresolved.Count(s => s.Message.Equals(m, StringComparison.OrdinalIgnoreCase))}"))}):");
        foreach (var step in unresolved)
            text.AppendLine(CultureInfo.InvariantCulture, $"  {{{step.StepId:D}}} {step.Message} '{step.Name}' ({step.PluginType})");
        text.AppendLine(CultureInfo.InvariantCulture, $"  No public source checked gives the sdkmessageid of {string.Join(" or ", messages)}, so none is written (an invented id would break the import).");
        text.AppendLine("  A step file names its message only by that id; expect the import of these zips to fail on these steps (not verified against a live import).");
        text.AppendLine("  Fix: read the ids in the target environment,");
        text.AppendLine(CultureInfo.InvariantCulture, $"    GET [org]/api/data/v9.2/sdkmessages?$select=sdkmessageid,name&$filter={string.Join(" or ", messages.Select(m => $"name eq '{m}'"))}");
        text.AppendLine("  and pack again with them:");
        text.AppendLine(CultureInfo.InvariantCulture, $"    dotnet run --project Tools/CrmCx.Packaging -- pack {string.Join(" ", messages.Select(m => $"--message-id {m}=<sdkmessageid>"))}");
        text.Append("  See docs/admin-guide.md, section 9.");
        return text.ToString();
    }
}
