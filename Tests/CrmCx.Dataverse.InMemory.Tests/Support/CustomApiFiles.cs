using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using CrmCx.Dataverse.InMemory.CustomApis;

namespace CrmCx.Dataverse.InMemory.Tests.Support;

/// <summary>
/// Writes a solution's customapis folder in the layout of create-custom-api-solution.md, and a plugin assembly metadata
/// file (…dll.data.xml, as Solution/PluginAssemblies has it) for the test assembly's plug-in types, in a temporary folder.
/// </summary>
public sealed class CustomApiFiles : IDisposable
{
    private readonly List<Type> pluginTypes = new();

    public CustomApiFiles()
    {
        Root = Directory.CreateTempSubdirectory("crmcx-customapis-").FullName;
        Folder = Path.Combine(Root, "customapis");
        Directory.CreateDirectory(Folder);
    }

    public string Root { get; }

    /// <summary>The customapis folder.</summary>
    public string Folder { get; }

    /// <summary>The plugin assembly metadata; written by <see cref="WriteAssemblyData"/> (Import writes it).</summary>
    public string AssemblyData => Path.Combine(Root, "CrmCx.Dataverse.InMemory.Tests.dll.data.xml");

    /// <summary>The plugintypeid the metadata gives a test plug-in type (stable, derived from its name).</summary>
    public static Guid PluginTypeId(Type type) => new(SHA256.HashData(Encoding.UTF8.GetBytes(type.FullName!)).AsSpan(0, 16));

    /// <summary>Adds a plug-in type to the metadata without naming it from a custom API.</summary>
    public CustomApiFiles Describe(Type pluginType)
    {
        if (!pluginTypes.Contains(pluginType)) pluginTypes.Add(pluginType);
        return this;
    }

    /// <summary>Writes customapis/&lt;uniquename&gt;/customapi.xml with the documented children.</summary>
    public ApiFiles Api(string uniqueName, Type? plugin = null, string? privilege = null, int binding = 0, string? boundEntity = null,
        int steps = 0, bool isPrivate = false, bool isFunction = false)
    {
        if (plugin is not null) Describe(plugin);
        var api = new XElement("customapi", new XAttribute("uniquename", uniqueName),
            new XElement("allowedcustomprocessingsteptype", steps.ToString(CultureInfo.InvariantCulture)),
            new XElement("bindingtype", binding.ToString(CultureInfo.InvariantCulture)),
            new XElement("boundentitylogicalname", boundEntity),
            Label("description", $"Description of {uniqueName}"),
            Label("displayname", $"Display name of {uniqueName}"),
            new XElement("executeprivilegename", privilege),
            new XElement("iscustomizable", "0"),
            new XElement("isfunction", isFunction ? "1" : "0"),
            new XElement("isprivate", isPrivate ? "1" : "0"),
            new XElement("name", uniqueName),
            plugin is null ? new XElement("plugintypeid") : new XElement("plugintypeid", new XElement("plugintypeid", PluginTypeId(plugin).ToString("B"))),
            new XElement("workflowsdkstepenabled", "0"));
        var files = new ApiFiles(this, Path.Combine(Folder, uniqueName), uniqueName);
        files.Write("customapi.xml", api);
        return files;
    }

    /// <summary>Writes any file under the customapis folder (for files an import must refuse).</summary>
    public void Write(string relativePath, XElement content)
    {
        var path = Path.Combine(Folder, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        new XDocument(content).Save(path);
    }

    /// <summary>Writes the plugin assembly metadata: one PluginType per described type (optionally with an export key).</summary>
    public void WriteAssemblyData(IReadOnlyDictionary<Type, string>? exportKeys = null)
    {
        var assembly = typeof(CustomApiFiles).Assembly.GetName();
        var data = new XElement("PluginAssembly",
            new XAttribute(XNamespace.Xmlns + "xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            new XAttribute("FullName", assembly.FullName!),
            new XAttribute("PluginAssemblyId", Guid.NewGuid().ToString("D")),
            new XElement("IsolationMode", "2"),
            new XElement("SourceType", "0"),
            new XElement("PluginTypes", pluginTypes.Select(t => new XElement("PluginType",
                new XAttribute("AssemblyQualifiedName", t.AssemblyQualifiedName!),
                new XAttribute("PluginTypeId", PluginTypeId(t).ToString("D")),
                new XAttribute("Name", t.FullName!),
                exportKeys is not null && exportKeys.TryGetValue(t, out var key) ? new XAttribute("PluginTypeExportKey", key) : null,
                new XElement("FriendlyName", t.FullName!)))));
        new XDocument(data).Save(AssemblyData);
    }

    /// <summary>Writes the metadata and imports the folder against the test assembly.</summary>
    public IReadOnlyList<CustomApiDefinition> Import(InMemoryOrganization org)
    {
        WriteAssemblyData();
        return org.CustomApis.ImportFolder(Folder, AssemblyData, typeof(CustomApiFiles).Assembly);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    internal static XElement Label(string name, string text) =>
        new(name, new XAttribute("default", text), new XElement("label", new XAttribute("description", text), new XAttribute("languagecode", "1033")));

    /// <summary>The files of one custom API: its request parameters and response properties.</summary>
    public sealed class ApiFiles
    {
        private readonly CustomApiFiles owner;
        private readonly string folder;
        private readonly string api;

        internal ApiFiles(CustomApiFiles owner, string folder, string api)
        {
            this.owner = owner;
            this.folder = folder;
            this.api = api;
        }

        /// <summary>Writes customapirequestparameters/&lt;name&gt;/customapirequestparameter.xml.</summary>
        public ApiFiles Request(string uniqueName, CustomApiParameterType type, bool optional = false, string? entity = null) =>
            Parameter("customapirequestparameters", "customapirequestparameter", uniqueName, (int)type, entity, new XElement("isoptional", optional ? "1" : "0"));

        /// <summary>Writes customapiresponseproperties/&lt;name&gt;/customapiresponseproperty.xml.</summary>
        public ApiFiles Response(string uniqueName, CustomApiParameterType type, string? entity = null) =>
            Parameter("customapiresponseproperties", "customapiresponseproperty", uniqueName, (int)type, entity, null);

        /// <summary>Writes any file under this API's folder.</summary>
        public ApiFiles Write(string relativePath, XElement content)
        {
            owner.Write(Path.GetRelativePath(owner.Folder, Path.Combine(folder, relativePath)), content);
            return this;
        }

        private ApiFiles Parameter(string section, string root, string uniqueName, int type, string? entity, XElement? optional) =>
            Write(Path.Combine(section, uniqueName, root + ".xml"), new XElement(root, new XAttribute("uniquename", uniqueName),
                Label("description", $"The {uniqueName} of {api}"),
                Label("displayname", uniqueName),
                new XElement("iscustomizable", "0"),
                optional,
                new XElement("logicalentityname", entity),
                new XElement("name", $"{api}.{uniqueName}"),
                new XElement("type", type.ToString(CultureInfo.InvariantCulture))));
    }
}
