using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace CrmCx.Dataverse.InMemory.CustomApis;

/// <summary>The org's custom APIs: imported from a solution's customapis folder, then callable by unique name through Execute.</summary>
public sealed class CustomApiRegistry
{
    private readonly List<CustomApiDefinition> definitions = new();
    private readonly Func<string, bool> isBuiltInMessage;

    internal CustomApiRegistry(Func<string, bool> isBuiltInMessage) => this.isBuiltInMessage = isBuiltInMessage;

    /// <summary>Every imported custom API, in import order.</summary>
    public IReadOnlyList<CustomApiDefinition> Definitions => definitions;

    /// <summary>The custom API with this unique name (message names compare case-insensitively), or null.</summary>
    public CustomApiDefinition? Find(string uniqueName) =>
        definitions.FirstOrDefault(d => string.Equals(d.UniqueName, uniqueName, StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// Imports every custom API under a solution's customapis folder (one sub-folder per API, name order), resolving each
    /// plugintypeid against the solution's plugin assembly metadata (PluginAssemblies/…/X.dll.data.xml) and then by full
    /// name in <paramref name="pluginAssembly"/>. All or none (a solution import fails as a whole); fails naming every file
    /// it refuses and why.
    /// </summary>
    public IReadOnlyList<CustomApiDefinition> ImportFolder(string customApisFolder, string pluginAssemblyDataXml, Assembly pluginAssembly)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(customApisFolder);
        ArgumentException.ThrowIfNullOrWhiteSpace(pluginAssemblyDataXml);
        ArgumentNullException.ThrowIfNull(pluginAssembly);
        if (!Directory.Exists(customApisFolder)) throw new DirectoryNotFoundException($"The custom API folder {customApisFolder} does not exist.");
        var metadata = PluginAssemblyMetadata.Load(pluginAssemblyDataXml);

        var problems = new List<string>();
        var reader = new CustomApiXmlReader(customApisFolder, metadata, pluginAssembly, problems);
        var read = new List<CustomApiDefinition>();
        foreach (var folder in Directory.GetDirectories(customApisFolder).OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal))
        {
            if (reader.Read(folder) is not { } definition) continue;
            var where = $"{Path.GetFileName(Path.TrimEndingDirectorySeparator(customApisFolder))}/{Path.GetFileName(folder)}/customapi.xml";
            // The unique name is the message's name: it can name neither a message the org already has nor another API.
            if (isBuiltInMessage(definition.UniqueName))
                problems.Add($"{where}: {definition.UniqueName} is the name of a message the org already has.");
            else if (read.Concat(definitions).Any(d => string.Equals(d.UniqueName, definition.UniqueName, StringComparison.OrdinalIgnoreCase)))
                problems.Add($"{where}: another custom API is named {definition.UniqueName}.");
            else read.Add(definition);
        }
        if (problems.Count > 0)
            throw new InvalidOperationException($"The import registers no custom API: {problems.Count} problem(s).{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        definitions.AddRange(read);
        return read;
    }
}
