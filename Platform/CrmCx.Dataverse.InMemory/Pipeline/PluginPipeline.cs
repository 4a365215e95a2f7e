using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml;
using System.Xml.Linq;

namespace CrmCx.Dataverse.InMemory.Pipeline;

/// <summary>The registered plugin steps: imported from the solution's step XML as Dataverse imports it, or registered by hand (tests).</summary>
public sealed class PluginPipeline
{
    // Messages whose steps may have images, and the images they allow (register-plug-in.md "Define entity images").
    private static readonly Dictionary<string, (bool Pre, bool Post)> ImageMessages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Create"] = (false, true),
        ["CreateMultiple"] = (false, true),
        ["Update"] = (true, true),
        ["UpdateMultiple"] = (true, true),
        ["Delete"] = (true, false),
        ["Assign"] = (true, true),
        ["SetState"] = (true, true),
        ["SetStateDynamicEntity"] = (true, true),
        ["Merge"] = (true, true),
        ["Route"] = (true, true),
        ["Send"] = (true, true),
        ["DeliverIncoming"] = (true, true),
        ["DeliverPromote"] = (true, true),
    };

    private readonly List<PluginStep> steps = new();

    /// <summary>Every registered step, in registration order.</summary>
    public IReadOnlyList<PluginStep> Steps => steps;

    /// <summary>
    /// Whether every execution gets a new plug-in instance, as when each asynchronous job runs on another sandbox worker
    /// or the platform dropped its cached instance ("Dataverse manages the length of time that a plug-in instance is held
    /// in cache", develop-iplugin-implementations-stateless.md). Off by default: one cached instance per step.
    /// </summary>
    public bool NewInstancePerExecution { get; set; }

    /// <summary>
    /// Imports SdkMessageProcessingStep elements against the plugin assembly, all or none (a solution import fails as a
    /// whole); fails naming every step it refuses. Returns the steps in the order given.
    /// </summary>
    public IReadOnlyList<PluginStep> ImportSteps(IEnumerable<XElement> steps, Assembly pluginAssembly) =>
        Import((steps ?? throw new ArgumentNullException(nameof(steps))).Select(s => (s, (string?)null)), pluginAssembly);

    /// <summary>Imports every *.xml step file of a folder such as Solution/SdkMessageProcessingSteps (file name order), all or none.</summary>
    public IReadOnlyList<PluginStep> ImportStepFolder(string folder, Assembly pluginAssembly)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"The step folder {folder} does not exist.");
        var files = Directory.GetFiles(folder, "*.xml").OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal);
        return Import(files.Select(f => (Load(f).Root!, (string?)Path.GetFileName(f))), pluginAssembly);
    }

    /// <summary>Imports the SdkMessageProcessingSteps section of a packed solution's customizations.xml, all or none.</summary>
    public IReadOnlyList<PluginStep> ImportCustomizations(string customizationsPath, Assembly pluginAssembly)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customizationsPath);
        return ImportCustomizations(Load(customizationsPath), pluginAssembly);
    }

    /// <summary>Imports the SdkMessageProcessingSteps section of a customizations.xml document (root ImportExportXml), all or none.</summary>
    public IReadOnlyList<PluginStep> ImportCustomizations(XDocument customizations, Assembly pluginAssembly)
    {
        ArgumentNullException.ThrowIfNull(customizations);
        var root = customizations.Root;
        if (root is null || root.Name.LocalName != "ImportExportXml")
            throw new InvalidOperationException($"customizations.xml must have the root <ImportExportXml>, not <{root?.Name.LocalName ?? "(none)"}>.");
        var steps = root.Elements().Where(e => e.Name.LocalName == "SdkMessageProcessingSteps")
            .SelectMany(section => section.Elements().Where(e => e.Name.LocalName == StepXmlReader.StepElement));
        return ImportSteps(steps, pluginAssembly);
    }

    /// <summary>Registers one step; fails on a registration Dataverse refuses (async outside PostOperation, an image the message does not support).</summary>
    public PluginStep Register(PluginStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (Problem(step) is { } problem) throw new InvalidOperationException($"Step '{step.Name}' ({step.Id:D}): {problem}");
        if (steps.Any(s => s.Id == step.Id)) throw new InvalidOperationException($"Step '{step.Name}' ({step.Id:D}): a step with this id is already registered.");
        steps.Add(step);
        return step;
    }

    /// <summary>Removes every step.</summary>
    public void Clear() => steps.Clear();

    /// <summary>Removes the steps of a plugin type.</summary>
    public int Unregister(Type pluginType) => steps.RemoveAll(s => s.PluginType == pluginType);

    /// <summary>Steps of a message for a table, in stage then execution order, registration order breaking ties.</summary>
    internal IEnumerable<PluginStep> For(string messageName, string? entityName) =>
        steps.Where(s => s.MessageName.Equals(messageName, StringComparison.OrdinalIgnoreCase)
                         && (s.EntityLogicalName is null || string.Equals(s.EntityLogicalName, entityName, StringComparison.Ordinal)));

    /// <summary>
    /// The steps <see cref="For"/> returns that <paramref name="allows"/> lets run (every one when null), in registration
    /// order; an empty array, not a new list, when there are none (most requests, queries above all, have no step).
    /// </summary>
    internal IReadOnlyList<PluginStep> Matching(string messageName, string? entityName, Func<PluginStep, bool>? allows)
    {
        List<PluginStep>? found = null;
        foreach (var s in steps)
        {
            if (!s.MessageName.Equals(messageName, StringComparison.OrdinalIgnoreCase)) continue;
            if (s.EntityLogicalName is not null && !string.Equals(s.EntityLogicalName, entityName, StringComparison.Ordinal)) continue;
            if (allows is not null && !allows(s)) continue;
            (found ??= new List<PluginStep>()).Add(s);
        }
        return found is null ? Array.Empty<PluginStep>() : found;
    }

    /// <summary>Whether a step of one of the messages for the table has a pre-image (so the row must be read before the operation).</summary>
    internal bool NeedsPreImage(string entityName, params string[] messageNames)
    {
        // Loops, not LINQ: every Update asks.
        foreach (var s in steps)
        {
            if (s.EntityLogicalName is not null && !string.Equals(s.EntityLogicalName, entityName, StringComparison.Ordinal)) continue;
            var named = false;
            foreach (var m in messageNames) named |= s.MessageName.Equals(m, StringComparison.OrdinalIgnoreCase);
            if (!named) continue;
            for (var i = 0; i < s.Images.Count; i++)
                if (s.Images[i].IsPre) return true;
        }
        return false;
    }

    /// <summary>Whether any step is registered for the message.</summary>
    internal bool HasSteps(string messageName) => steps.Any(s => s.MessageName.Equals(messageName, StringComparison.OrdinalIgnoreCase));

    private IReadOnlyList<PluginStep> Import(IEnumerable<(XElement Element, string? Source)> elements, Assembly pluginAssembly)
    {
        ArgumentNullException.ThrowIfNull(pluginAssembly);
        var read = new List<PluginStep>();
        var problems = new List<string>();
        foreach (var (element, source) in elements)
        {
            PluginStep step;
            try { step = StepXmlReader.Read(element, pluginAssembly, source); }
            catch (StepImportException e) { problems.Add(e.Message); continue; }
            var where = $"Step '{step.Name}' ({step.Id:B}){(source is null ? "" : " in " + source)}";
            if (Problem(step) is { } problem) problems.Add($"{where}: {problem}");
            // The step id is the row's primary key: two steps with one id would be one step imported twice.
            else if (read.Concat(steps).Any(s => s.Id == step.Id)) problems.Add($"{where}: another step has the same SdkMessageProcessingStepId.");
            else read.Add(step);
        }
        if (problems.Count > 0)
            throw new InvalidOperationException($"The import registers no step: {problems.Count} step(s) refused.{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        steps.AddRange(read);
        return read;
    }

    /// <summary>Why Dataverse refuses the registration, or null.</summary>
    private static string? Problem(PluginStep step)
    {
        if (step.Mode == StepMode.Asynchronous && step.Stage != PipelineStage.PostOperation)
            return $"asynchronous steps can only be registered on the PostOperation stage (40), not {step.Stage} ({(int)step.Stage}).";
        if (step.Stage == PipelineStage.MainOperation)
            return "plugins cannot be registered on the MainOperation stage (30).";
        foreach (var image in step.Images)
        {
            if (!ImageMessages.TryGetValue(step.MessageName, out var allowed))
                return $"image '{image.Name}' is not supported on message '{step.MessageName}'; images exist only for {string.Join(", ", ImageMessages.Keys)}.";
            if (image.IsPre && !allowed.Pre)
                return $"message '{step.MessageName}' has no pre-image (image '{image.Name}').";
            if (image.IsPost && !allowed.Post)
                return $"message '{step.MessageName}' has no post-image (image '{image.Name}').";
            if (image.IsPost && step.Stage != PipelineStage.PostOperation)
                return $"post-image '{image.Name}' is only available on the PostOperation stage, not {step.Stage}.";
        }
        return null;
    }

    private static XDocument Load(string path)
    {
        try { return XDocument.Load(path); }
        catch (XmlException e) { throw new InvalidOperationException($"{path} is not well-formed XML: {e.Message}", e); }
    }
}
