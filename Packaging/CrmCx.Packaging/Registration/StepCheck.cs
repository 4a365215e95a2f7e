using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace CrmCx.Packaging.Registration;

/// <summary>Why a registered step cannot ship in a solution that imports in any tenant.</summary>
public enum StepProblemKind
{
    /// <summary>The attribute has no Id, so every deployment would register a new step instead of updating it.</summary>
    NoId,
    /// <summary>The attribute's Id is not a GUID.</summary>
    IdNotAGuid,
    /// <summary>The attribute sets UnSecureConfiguration; CrmCx's settings live in the cx_Settings environment variable instead.</summary>
    Configuration,
    /// <summary>The step's message has no verified sdkmessageid (see <see cref="SdkMessages"/>).</summary>
    NoMessageId,
}

/// <summary>One registration that cannot ship, with everything needed to find it.</summary>
public sealed record StepProblem(StepProblemKind Kind, string? StepId, string Name, string PluginType, string Message)
{
    /// <summary>One line naming the step (id, name, plugin type, message) and what is wrong with it.</summary>
    public string Describe()
    {
        var id = StepId is null ? "(no Id)" : Guid.TryParse(StepId, out var g) ? "{" + g.ToString("D") + "}" : $"(Id '{StepId}')";
        var what = Kind switch
        {
            StepProblemKind.NoId => "has no Id",
            StepProblemKind.IdNotAGuid => "has an Id that is not a GUID",
            StepProblemKind.Configuration => "sets UnSecureConfiguration",
            _ => $"is registered on {Message}, which has no verified sdkmessageid",
        };
        return $"{id} '{Name}' ({PluginType}, message {Message}): {what}";
    }
}

/// <summary>
/// Decides which registrations can ship. generate, check and pack all refuse the same steps: a step the import could
/// not resolve (no verified message id), a step an upgrade could not find again (no Id) and a step that carries
/// configuration the plug-ins no longer read. Solution/ never holds such a step.
/// </summary>
public static class StepCheck
{
    /// <summary>Every problem of every step, in plugin type and step order; empty when all can ship.</summary>
    public static IReadOnlyList<StepProblem> Problems(PluginAssemblyInfo assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.Steps.SelectMany(s => ProblemsOf(s.Type, s.Step)).ToList();
    }

    /// <summary>Whether the step has no problem at all.</summary>
    public static bool CanShip(PluginTypeInfo type, StepInfo step) => !ProblemsOf(type, step).Any();

    /// <summary>The problems of one step.</summary>
    public static IEnumerable<StepProblem> ProblemsOf(PluginTypeInfo type, StepInfo step)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(step);
        StepProblem Problem(StepProblemKind kind) => new(kind, step.Id, step.Name, type.FullName, step.Message);
        if (string.IsNullOrWhiteSpace(step.Id)) yield return Problem(StepProblemKind.NoId);
        else if (!Guid.TryParse(step.Id, out _)) yield return Problem(StepProblemKind.IdNotAGuid);
        if (step.UnsecureConfiguration is not null) yield return Problem(StepProblemKind.Configuration);
        if (SdkMessages.IdOf(step.Message) is null) yield return Problem(StepProblemKind.NoMessageId);
    }

    /// <summary>
    /// The refusal printed by generate, check and pack: each step that cannot ship, why, and how to fix it. A message
    /// id given with --message-id is for one environment only, so it is offered last and described as such.
    /// </summary>
    public static string Refusal(IReadOnlyList<StepProblem> problems, int stepCount)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var steps = problems.Select(p => (p.StepId, p.Name, p.PluginType)).Distinct().Count();
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{steps} of {stepCount} plug-in steps cannot ship; Solution/ and the zips leave them out:");
        foreach (var problem in problems) text.AppendLine("  " + problem.Describe());
        text.AppendLine("Fix, in the step's CrmPluginRegistration attribute:");
        if (problems.Any(p => p.Kind is StepProblemKind.NoId or StepProblemKind.IdNotAGuid))
            text.AppendLine("  - set Id = \"<a new GUID>\", so that every deployment updates the same step;");
        if (problems.Any(p => p.Kind == StepProblemKind.Configuration))
            text.AppendLine("  - remove UnSecureConfiguration: the settings live in the environment variable cx_Settings (docs/admin-guide.md, section 6);");
        var messages = problems.Where(p => p.Kind == StepProblemKind.NoMessageId).Select(p => p.Message).Distinct(StringComparer.OrdinalIgnoreCase).OrderBy(m => m, StringComparer.Ordinal).ToList();
        if (messages.Count > 0)
        {
            // A step file names its message only by <SdkMessageId>; without a verified id the import cannot resolve it.
            text.AppendLine(CultureInfo.InvariantCulture, $"  - register the step on a message whose id is verified ({string.Join(", ", SdkMessages.Verified)}); Dataverse runs Create and Update steps for CreateMultiple and UpdateMultiple too.");
            text.AppendLine(CultureInfo.InvariantCulture, $"Only for a zip meant for one environment: read the ids of {string.Join(" and ", messages)} there,");
            text.AppendLine(CultureInfo.InvariantCulture, $"  GET [org]/api/data/v9.2/sdkmessages?$select=sdkmessageid,name&$filter={string.Join(" or ", messages.Select(m => $"name eq '{m}'"))}");
            text.AppendLine(CultureInfo.InvariantCulture, $"  and pack with {string.Join(" ", messages.Select(m => $"--message-id {m}=<sdkmessageid>"))}; that zip is for that environment only (docs/admin-guide.md, section 9).");
        }
        return text.ToString().TrimEnd();
    }
}
