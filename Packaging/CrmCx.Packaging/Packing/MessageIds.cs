using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using CrmCx.Packaging.Generation;
using CrmCx.Packaging.Registration;

namespace CrmCx.Packaging.Packing;

/// <summary>
/// The opt-in for a zip meant for one environment: <c>pack --message-id CreateMultiple=&lt;guid&gt;</c> gives the
/// sdkmessageid the administrator read in that environment for a message without a verified id (see
/// <see cref="SdkMessages"/>). The steps on such messages are then written into the zips only; Solution/ never carries
/// them, since those ids are not verified to be the same in every environment.
/// </summary>
public static class MessageIds
{
    /// <summary>Parses the values of --message-id (Message=GUID); refuses a malformed value or a message given twice.</summary>
    public static IReadOnlyDictionary<string, Guid> Parse(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
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
    /// The problems left once the given ids are taken into account: a step whose only problem is its message's id is
    /// resolved when that message was given. Refuses an id for a message that no such step uses, so that a typo, or an id
    /// left over after the steps moved to a verified message, never goes unnoticed.
    /// </summary>
    public static IReadOnlyList<StepProblem> Remaining(PluginAssemblyInfo assembly, IReadOnlyDictionary<string, Guid> ids)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(ids);
        var problems = StepCheck.Problems(assembly);
        var needed = problems.Where(p => p.Kind == StepProblemKind.NoMessageId).Select(p => p.Message).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unused = ids.Keys.Where(m => !needed.Contains(m)).OrderBy(m => m, StringComparer.Ordinal).ToList();
        if (unused.Count > 0)
            throw new InvalidOperationException($"--message-id for {string.Join(", ", unused)}: no step lacks the id of that message "
                + (needed.Count == 0 ? "(every step's message has a verified id: pack without --message-id)." : $"(the steps without one use {string.Join(", ", needed.OrderBy(m => m, StringComparer.Ordinal))})."));
        var given = new Dictionary<string, Guid>(ids, StringComparer.OrdinalIgnoreCase);
        return problems.Where(p => !(p.Kind == StepProblemKind.NoMessageId && given.ContainsKey(p.Message))).ToList();
    }

    /// <summary>
    /// Adds to a packed solution the steps that Solution/ leaves out only because their message has no verified id,
    /// naming their message by the given ids: the step in customizations.xml and its root component in solution.xml.
    /// Call it once <see cref="Remaining"/> is empty. Returns the number of steps added.
    /// </summary>
    public static int AddTargetSteps(PackedSolution solution, PluginAssemblyInfo assembly, IReadOnlyDictionary<string, Guid> ids)
    {
        ArgumentNullException.ThrowIfNull(solution);
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(ids);
        var given = new Dictionary<string, Guid>(ids, StringComparer.OrdinalIgnoreCase);
        var added = assembly.Steps
            .Where(s => SdkMessages.IdOf(s.Step.Message) is null && given.ContainsKey(s.Step.Message))
            .Where(s => StepCheck.ProblemsOf(s.Type, s.Step).All(p => p.Kind == StepProblemKind.NoMessageId))
            .ToList();
        if (added.Count == 0) return 0;

        var section = solution.Customizations.Root!.Element("SdkMessageProcessingSteps")
            ?? throw new InvalidOperationException("customizations.xml has no SdkMessageProcessingSteps section.");
        foreach (var (type, step) in added)
        {
            var element = PluginXml.Step(assembly, type, step, given[step.Message]);
            // Namespace declarations of a step file live on the root of customizations.xml.
            element.Attributes().Where(a => a.IsNamespaceDeclaration).Remove();
            section.Add(element);
        }
        // Same order as the steps read from Solution/: by step id, as their file names sort.
        var ordered = section.Elements("SdkMessageProcessingStep").OrderBy(e => (string?)e.Attribute("SdkMessageProcessingStepId"), StringComparer.Ordinal).ToList();
        section.RemoveNodes();
        section.Add(ordered);

        var roots = solution.Manifest.Root?.Element("SolutionManifest")?.Element("RootComponents")
            ?? throw new InvalidOperationException("solution.xml has no SolutionManifest/RootComponents element.");
        var anchor = roots.Elements("RootComponent").LastOrDefault(r => (string?)r.Attribute("type") == "92");
        var newRoots = added.Select(s => PluginXml.StepId(s.Type, s.Step)).OrderBy(id => id.ToString("D"), StringComparer.Ordinal).Select(SolutionManifestXml.StepRoot).ToArray();
        if (anchor is null) roots.Add(newRoots);
        else anchor.AddAfterSelf(newRoots);
        return added.Count;
    }
}
