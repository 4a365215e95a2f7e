using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace CrmCx.Dataverse.InMemory.CustomApis;

/// <summary>
/// The plug-in types a solution ships, read from its plugin assembly metadata
/// (Solution/PluginAssemblies/&lt;folder&gt;/&lt;assembly&gt;.dll.data.xml: &lt;PluginAssembly FullName&gt; with
/// &lt;PluginTypes&gt;&lt;PluginType AssemblyQualifiedName PluginTypeId Name&gt;), so a custom API's plugintypeid resolves as an
/// import resolves it: against the plugintype rows the solution brings.
/// </summary>
internal sealed class PluginAssemblyMetadata
{
    private PluginAssemblyMetadata(string source, string assemblyName, IReadOnlyList<PluginTypeEntry> types)
    {
        Source = source;
        AssemblyName = assemblyName;
        Types = types;
    }

    public string Source { get; }

    /// <summary>The simple name of the assembly (FullName before the first comma).</summary>
    public string AssemblyName { get; }

    public IReadOnlyList<PluginTypeEntry> Types { get; }

    /// <summary>Reads the file, or fails naming it and what is wrong.</summary>
    public static PluginAssemblyMetadata Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"The plugin assembly metadata {path} does not exist.", path);
        XDocument document;
        try { document = XDocument.Load(path); }
        catch (XmlException e) { throw new InvalidOperationException($"{path} is not well-formed XML: {e.Message}", e); }
        var root = document.Root;
        if (root is null || root.Name.LocalName != "PluginAssembly")
            throw new InvalidOperationException($"{path} must have the root <PluginAssembly>, not <{root?.Name.LocalName ?? "(none)"}>.");
        var fullName = (string?)root.Attribute("FullName");
        if (string.IsNullOrWhiteSpace(fullName)) throw new InvalidOperationException($"{path}: <PluginAssembly> has no FullName.");

        var types = new List<PluginTypeEntry>();
        foreach (var type in root.Elements().Where(e => e.Name.LocalName == "PluginTypes").SelectMany(e => e.Elements().Where(t => t.Name.LocalName == "PluginType")))
        {
            var idText = (string?)type.Attribute("PluginTypeId");
            var name = (string?)type.Attribute("Name");
            var qualified = (string?)type.Attribute("AssemblyQualifiedName");
            if (!Guid.TryParse(idText, out var id))
                throw new InvalidOperationException($"{path}: the PluginType '{name ?? qualified ?? "(no Name)"}' has no PluginTypeId GUID ('{idText ?? "(missing)"}').");
            // AssemblyQualifiedName is "Namespace.Type, Assembly, Version=…": the full type name comes before the first comma.
            var typeName = qualified?.Split(',', 2)[0].Trim() is { Length: > 0 } fromQualified ? fromQualified : name?.Trim();
            if (string.IsNullOrEmpty(typeName)) throw new InvalidOperationException($"{path}: the PluginType {id:D} has neither an AssemblyQualifiedName nor a Name.");
            // The export key is looked for as an attribute or child of the PluginType; the shipped file carries none.
            var exportKey = (string?)type.Attribute("PluginTypeExportKey") ?? type.Elements().FirstOrDefault(e => e.Name.LocalName == "PluginTypeExportKey")?.Value.Trim();
            types.Add(new PluginTypeEntry(id, typeName, string.IsNullOrEmpty(exportKey) ? null : exportKey));
        }
        return new PluginAssemblyMetadata(path, fullName.Split(',', 2)[0].Trim(), types);
    }

    public PluginTypeEntry? FindById(Guid id) => Types.FirstOrDefault(t => t.Id == id);

    public PluginTypeEntry? FindByExportKey(string key) =>
        Types.FirstOrDefault(t => t.ExportKey is not null && string.Equals(t.ExportKey.Trim('{', '}'), key.Trim('{', '}'), StringComparison.OrdinalIgnoreCase));
}

/// <summary>One PluginType of the metadata: its plugintypeid, the full name of its class and its export key, if any.</summary>
internal sealed record PluginTypeEntry(Guid Id, string TypeName, string? ExportKey);
