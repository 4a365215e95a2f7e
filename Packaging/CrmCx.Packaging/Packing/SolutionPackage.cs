using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using CrmCx.Packaging.Content;
using CrmCx.Packaging.Generation;
using CrmCx.Packaging.Registration;
using CrmCx.Packaging.Repository;
using CrmCx.Packaging.Validation;

namespace CrmCx.Packaging.Packing;

/// <summary>One packed solution: its two XML parts and the binary parts, in zip order.</summary>
public sealed record PackedSolution(bool Managed, XDocument Manifest, XDocument Customizations, IReadOnlyList<(string Path, byte[] Content)> Files);

/// <summary>
/// Packs Solution/ into a zip in the layout of a Dataverse export ([Content_Types].xml, solution.xml and
/// customizations.xml at the root, web resources and the plugin assembly where an export puts them). Built files
/// are mapped in from their build outputs (SolutionPackager's /map), never read from Solution/.
/// </summary>
public static class SolutionPackage
{
    // ImportExportXml children in the order of the 9.0 schema's sequence (order matters there).
    private static readonly string[] SectionOrder =
    {
        "Entities", "Roles", "Workflows", "FieldSecurityProfiles", "Templates", "RibbonDiffXml", "IsvConfig", "RelationshipRoles", "ConnectionRoles",
        "SiteMap", "EntityMaps", "EntityRelationships", "OrganizationSettings", "optionsets", "Reports", "RoutingRules", "ChannelPropertyGroups",
        "ConvertRules", "MobileOfflineProfiles", "Slas", "ChannelAccessProfiles", "ChannelAccessProfileRules", "Dashboards",
        "InteractionCentricDashboards", "Dialogs", "WebResources", "CustomControls", "SolutionPluginAssemblies", "SdkMessageProcessingSteps",
        "ServiceEndpoints", "AppModuleSiteMaps", "AppModules", "EntityDataProviders", "EntityDataSources",
        // Not in the 9.0 schema; exports put it after EntityDataProviders and before Languages (microsoft/PowerApps-Samples
        // commit 3297c082f229b0fd37220b5cb1d8d662aecc0d92, CreateAIBuilderpromptsusingyourownDataversedata_1_0_0_1_managed.zip).
        "connectionreferences",
        "Languages", "GlobalSearchConfigurations", "StoredProcedures",
    };

    // Zip entries get one fixed time, so the same inputs give the same bytes.
    private static readonly DateTimeOffset FixedTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>Assembles the solution from the unpacked folder and the built outputs.</summary>
    public static PackedSolution Assemble(RepositoryLayout layout, bool managed, string pluginAssemblyPath)
    {
        var folder = layout.Solution;
        var manifest = Load(Path.Combine(folder, "Other", "Solution.xml"));
        var managedElement = manifest.Root?.Element("SolutionManifest")?.Element("Managed") ?? throw Malformed(Path.Combine(folder, "Other", "Solution.xml"), "no SolutionManifest/Managed element");
        managedElement.Value = managed ? "1" : "0";

        var customizations = Load(Path.Combine(folder, "Other", "Customizations.xml"));
        var root = customizations.Root ?? throw Malformed(Path.Combine(folder, "Other", "Customizations.xml"), "no root element");
        var files = new List<(string Path, byte[] Content)>();

        var entities = Section(root, "Entities");
        foreach (var entityFile in Files(folder, "Entities", "Entity.xml"))
        {
            var entity = Strip(Load(entityFile).Root!);
            var entityFolder = Path.GetDirectoryName(entityFile)!;
            var formXml = new XElement("FormXml");
            foreach (var typeFolder in SortedDirectories(Path.Combine(entityFolder, "FormXml")))
            {
                var forms = Directory.EnumerateFiles(typeFolder, "*.xml")
                    .Where(f => f.EndsWith("_managed.xml", StringComparison.Ordinal) == managed)
                    .OrderBy(f => f, StringComparer.Ordinal)
                    .Select(f => Strip(Load(f).Root!).Element("systemform") ?? throw Malformed(f, "no systemform element"))
                    .ToList();
                if (forms.Count > 0) formXml.Add(new XElement("forms", new XAttribute("type", Path.GetFileName(typeFolder)), forms));
            }
            if (formXml.HasElements) entity.Add(formXml);
            var views = Directory.Exists(Path.Combine(entityFolder, "SavedQueries"))
                ? Directory.EnumerateFiles(Path.Combine(entityFolder, "SavedQueries"), "*.xml").OrderBy(f => f, StringComparer.Ordinal)
                    .Select(f => Strip(Load(f).Root!).Element("savedquery") ?? throw Malformed(f, "no savedquery element")).ToList()
                : new List<XElement>();
            if (views.Count > 0) entity.Add(new XElement("SavedQueries", new XElement("savedqueries", views)));
            var charts = Directory.Exists(Path.Combine(entityFolder, "Visualizations"))
                ? Directory.EnumerateFiles(Path.Combine(entityFolder, "Visualizations"), "*.xml").OrderBy(f => f, StringComparer.Ordinal)
                    .Select(f => Strip(Load(f).Root!) is { Name.LocalName: "visualization" } v ? v : throw Malformed(f, "no visualization root element")).ToList()
                : new List<XElement>();
            if (charts.Count > 0) entity.Add(new XElement("Visualizations", charts));
            entities.Add(entity);
        }

        var dashboards = Section(root, "Dashboards");
        foreach (var file in Files(folder, "Dashboards", "*.xml"))
            dashboards.Add(Strip(Load(file).Root!) is { Name.LocalName: "Dashboard" } d ? d : throw Malformed(file, "no Dashboard root element"));
        if (!dashboards.HasElements) dashboards.Remove();

        var relationships = Section(root, "EntityRelationships");
        foreach (var file in Files(folder, Path.Combine("Other", "Relationships"), "*.xml"))
            relationships.Add(Strip(Load(file).Root!).Elements("EntityRelationship"));

        var optionSets = Section(root, "optionsets");
        foreach (var file in Files(folder, "OptionSets", "*.xml")) optionSets.Add(Strip(Load(file).Root!));

        var roles = Section(root, "Roles");
        foreach (var file in Files(folder, "Roles", "*.xml")) roles.Add(Strip(Load(file).Root!));

        var webResources = Section(root, "WebResources");
        foreach (var file in Files(folder, "WebResources", "*.data.xml"))
        {
            var resource = Strip(Load(file).Root!);
            var name = resource.Element("Name")?.Value ?? throw Malformed(file, "no Name element");
            var fileName = resource.Element("FileName")?.Value ?? throw Malformed(file, "no FileName element");
            var built = Path.Combine(layout.WebResourcesDist, name.Replace('/', Path.DirectorySeparatorChar));
            if (!File.Exists(built)) throw new InvalidOperationException($"Missing built output: {built} (web resource {name}, {file}). Run npm run build in WebResources/.");
            files.Add((fileName.TrimStart('/'), File.ReadAllBytes(built)));
            webResources.Add(resource);
        }

        // Environment variable definitions stay files of their own in the zip, at the unpacked path; customizations.xml does
        // not name them (zips exported by Dataverse: microsoft/terraform-provider-power-platform commit
        // 57ba091a132156ca50582343473e716da18c25e7, examples/resources/powerplatform_solution/TerraformTestSolution_Complex_1_1_0_0.zip).
        foreach (var file in Files(folder, "environmentvariabledefinitions", "environmentvariabledefinition.xml"))
        {
            var definition = Load(file).Root!;
            var schemaName = (string?)definition.Attribute("schemaname");
            var folderName = Path.GetFileName(Path.GetDirectoryName(file)!);
            if (definition.Name.LocalName != "environmentvariabledefinition" || schemaName != folderName)
                throw Malformed(file, $"expected <environmentvariabledefinition schemaname=\"{folderName}\"> (the folder is named after the schema name)");
            files.Add(($"environmentvariabledefinitions/{folderName}/environmentvariabledefinition.xml", File.ReadAllBytes(file)));
        }

        var assemblies = Section(root, "SolutionPluginAssemblies");
        var assemblyFiles = Files(folder, "PluginAssemblies", "*.dll.data.xml").ToList();
        PluginAssemblyInfo? built462 = null;
        foreach (var file in assemblyFiles)
        {
            var assembly = Strip(Load(file).Root!);
            var fileName = assembly.Element("FileName")?.Value ?? throw Malformed(file, "no FileName element");
            if (!File.Exists(pluginAssemblyPath)) throw new InvalidOperationException($"Missing built output: {pluginAssemblyPath} (plugin assembly of {file}).");
            built462 = PluginAssemblyReader.Read(pluginAssemblyPath);
            var declared = assembly.Elements("PluginTypes").Elements("PluginType").Select(t => (string?)t.Attribute("Name")).ToList();
            // A declared type is a registered class or a public IPlugin class without registrations (a custom API's plug-in).
            var missing = declared.Where(t => built462.Types.All(bt => bt.FullName != t) && !built462.PluginClasses.Contains(t, StringComparer.Ordinal)).ToList();
            if (missing.Count > 0) throw new InvalidOperationException($"{file} names plugin types missing from {pluginAssemblyPath}: {string.Join(", ", missing)}.");
            files.Add((fileName.TrimStart('/'), File.ReadAllBytes(pluginAssemblyPath)));
            assemblies.Add(assembly);
        }

        var steps = Section(root, "SdkMessageProcessingSteps");
        foreach (var file in Files(folder, "SdkMessageProcessingSteps", "*.xml"))
        {
            var step = Strip(Load(file).Root!);
            var typeName = step.Element("PluginTypeName")?.Value.Split(',')[0].Trim() ?? throw Malformed(file, "no PluginTypeName element");
            if (built462 is null || !built462.Types.Any(t => t.FullName == typeName && t.IsPlugin))
                throw new InvalidOperationException($"{file}: the step's plugin type {typeName} is not an IPlugin class of the packed assembly.");
            steps.Add(step);
        }

        AddCustomApis(folder, assemblies, files);
        AddCloudFlows(folder, root, files);

        Order(root);
        DropRootsOfAbsentForms(manifest, customizations);
        files.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        return new PackedSolution(managed, manifest, customizations, files);
    }

    // Custom APIs stay files of their own in the zip, at the unpacked paths, and customizations.xml does not name them
    // (microsoft/PowerApps-Samples commit 3297c082f229b0fd37220b5cb1d8d662aecc0d92, IsSystemAdminFunction_1_0_0_0_managed.zip and
    // ExportDataUsingFetchXmlToAnnotation_1_0_0_0_managed.zip). Each API must name its plug-in by the PluginTypeId of a type
    // the packed assembly file lists, or the import would link it to nothing.
    private static void AddCustomApis(string folder, XElement assemblies, List<(string Path, byte[] Content)> files)
    {
        var typeIds = assemblies.Descendants("PluginType").Select(t => Guid.TryParse((string?)t.Attribute("PluginTypeId"), out var id) ? id : Guid.Empty).ToHashSet();
        foreach (var file in Files(folder, "customapis", "customapi.xml"))
        {
            var api = Load(file).Root!;
            var apiFolder = Path.GetDirectoryName(file)!;
            var name = Path.GetFileName(apiFolder);
            if (api.Name.LocalName != "customapi" || (string?)api.Attribute("uniquename") != name)
                throw Malformed(file, $"expected <customapi uniquename=\"{name}\"> (the folder is named after the unique name)");
            var typeId = api.Element("plugintypeid")?.Element("plugintypeid")?.Value;
            if (!Guid.TryParse(typeId, out var id) || !typeIds.Contains(id))
                throw new InvalidOperationException($"{file}: the custom API {name} names the plug-in type id '{typeId}', which no PluginType of the packed assembly file has.");
            foreach (var part in Directory.EnumerateFiles(apiFolder, "*.xml", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            {
                var element = Load(part).Root!;
                var kind = Path.GetFileNameWithoutExtension(part);
                var partName = Path.GetFileName(Path.GetDirectoryName(part)!);
                if (part != file && (element.Name.LocalName != kind || (string?)element.Attribute("uniquename") != partName))
                    throw Malformed(part, $"expected <{kind} uniquename=\"{partName}\"> (the folder is named after the unique name)");
                if (kind == "customapiresponseproperty" && element.Element("isoptional") is not null)
                    throw Malformed(part, "a response property has no isoptional (the import refuses it)");
                files.Add((Path.GetRelativePath(folder, part).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllBytes(part)));
            }
        }
    }

    // A cloud flow is unpacked as Workflows/<name>.json.data.xml (its Workflow row) next to the JSON it names; the zip
    // carries the row in customizations.xml and the JSON at its JsonFileName (microsoft/PowerApps-Samples commit
    // 3297c082f229b0fd37220b5cb1d8d662aecc0d92, CreateAIBuilderpromptsusingyourownDataversedata_1_0_0_1_managed.zip). Every
    // connection reference the JSON names must be in customizations.xml, or the flow would import without its connection.
    private static void AddCloudFlows(string folder, XElement root, List<(string Path, byte[] Content)> files)
    {
        var references = root.Element("connectionreferences")?.Elements("connectionreference")
            .Select(r => (string?)r.Attribute("connectionreferencelogicalname")).ToHashSet(StringComparer.Ordinal) ?? new HashSet<string?>();
        var workflows = Section(root, "Workflows");
        foreach (var file in Files(folder, "Workflows", "*.json.data.xml"))
        {
            var workflow = Strip(Load(file).Root!);
            var jsonFileName = workflow.Element("JsonFileName")?.Value ?? throw Malformed(file, "no JsonFileName element");
            var json = Path.Combine(folder, jsonFileName.TrimStart('/').Replace('/', Path.DirectorySeparatorChar));
            if (!File.Exists(json)) throw new InvalidOperationException($"{file} names the flow definition {jsonFileName}, which is missing from Solution/.");
            var content = File.ReadAllBytes(json);
            var unknown = ConnectionReferencesOf(json, content).Where(n => !references.Contains(n)).ToList();
            if (unknown.Count > 0)
                throw new InvalidOperationException($"{json} uses the connection references {string.Join(", ", unknown)}, which Other/Customizations.xml does not carry.");
            files.Add((jsonFileName.TrimStart('/'), content));
            workflows.Add(workflow);
        }
    }

    private static List<string?> ConnectionReferencesOf(string path, byte[] content)
    {
        try
        {
            using var document = System.Text.Json.JsonDocument.Parse(content);
            return document.RootElement.GetProperty("properties").GetProperty("connectionReferences").EnumerateObject()
                .Select(r => r.Value.GetProperty("connection").GetProperty("connectionReferenceLogicalName").GetString()).ToList();
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw Malformed(path, "not a flow definition with properties.connectionReferences (" + e.Message + ")");
        }
    }

    /// <summary>Sets the version the zip declares (SolutionManifest/Version); components keep their ids and introduced versions.</summary>
    public static void SetVersion(PackedSolution solution, Version version)
    {
        ArgumentNullException.ThrowIfNull(solution);
        ArgumentNullException.ThrowIfNull(version);
        if (version.Revision < 0) throw new ArgumentException($"A solution version has four parts (major.minor.build.revision); got {version}.", nameof(version));
        var element = solution.Manifest.Root?.Element("SolutionManifest")?.Element("Version") ?? throw new InvalidOperationException("solution.xml has no SolutionManifest/Version element.");
        element.Value = version.ToString(4);
    }

    // A form root component whose form the zip does not carry (Microsoft's forms in the unmanaged zip, whose additions
    // only a managed solution may carry) would name a form change that is not there.
    private static void DropRootsOfAbsentForms(XDocument manifest, XDocument customizations)
    {
        var forms = customizations.Descendants("systemform").Select(f => (string?)f.Element("formid"))
            .Concat(customizations.Descendants("Dashboard").Select(d => (string?)d.Element("FormId")))
            .Where(id => id is not null).Select(id => Guid.Parse(id!)).ToHashSet();
        manifest.Descendants("RootComponent")
            .Where(r => (string?)r.Attribute("type") == "60" && Guid.TryParse((string?)r.Attribute("id"), out var id) && !forms.Contains(id))
            .ToList().ForEach(r => r.Remove());
    }

    /// <summary>Validates, then writes the zip atomically (a temporary file moved into place): a failure never leaves a partial zip.</summary>
    public static void Write(PackedSolution solution, CustomizationsSchema schema, string zipPath)
    {
        var errors = schema.Validate(solution.Customizations);
        if (errors.Count > 0)
            throw new InvalidOperationException($"customizations.xml of the {(solution.Managed ? "managed" : "unmanaged")} solution does not conform to CustomizationsSolution.xsd:\n  " + string.Join("\n  ", errors.Take(20)));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(zipPath))!);
        var temporary = zipPath + ".partial";
        try
        {
            File.WriteAllBytes(temporary, ToZip(solution));
            File.Move(temporary, zipPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>The zip bytes: fixed entry order and times.</summary>
    public static byte[] ToZip(PackedSolution solution)
    {
        using var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            Add(zip, "[Content_Types].xml", Encoding.UTF8.GetBytes(ContentTypes(solution.Files.Select(f => f.Path))));
            Add(zip, "solution.xml", Encoding.UTF8.GetBytes(XmlFile.ToText(solution.Manifest.Root!)));
            Add(zip, "customizations.xml", Encoding.UTF8.GetBytes(XmlFile.ToText(solution.Customizations.Root!)));
            foreach (var (path, content) in solution.Files) Add(zip, path, content);
        }
        return memory.ToArray();
    }

    private static void Add(ZipArchive zip, string path, byte[] content)
    {
        var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
        entry.LastWriteTime = FixedTime;
        using var stream = entry.Open();
        stream.Write(content);
    }

    private static string ContentTypes(IEnumerable<string> parts)
    {
        XNamespace ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        var list = parts.ToList();
        var types = new XElement(ns + "Types",
            new XElement(ns + "Default", new XAttribute("Extension", "xml"), new XAttribute("ContentType", "application/octet-stream")),
            new XElement(ns + "Default", new XAttribute("Extension", "dll"), new XAttribute("ContentType", "application/octet-stream")),
            // Flow definitions: the Default a Dataverse export declares for them (CreateAIBuilderpromptsusingyourownDataversedata_1_0_0_1_managed.zip).
            list.Any(p => p.EndsWith(".json", StringComparison.Ordinal) && !p.StartsWith("WebResources/", StringComparison.Ordinal))
                ? new XElement(ns + "Default", new XAttribute("Extension", "json"), new XAttribute("ContentType", "application/octet-stream"))
                : null);
        // Web resources are stored without an extension, so each needs an override.
        foreach (var part in list.Where(p => !Path.HasExtension(Path.GetFileName(p)) || p.StartsWith("WebResources/", StringComparison.Ordinal)))
            types.Add(new XElement(ns + "Override", new XAttribute("PartName", "/" + part), new XAttribute("ContentType", "application/octet-stream")));
        return XmlFile.ToText(types);
    }

    private static XElement Section(XElement root, string name)
    {
        var section = root.Element(name);
        if (section is null) root.Add(section = new XElement(name));
        return section;
    }

    private static void Order(XElement root)
    {
        var unknown = root.Elements().Select(e => e.Name.LocalName).Where(n => Array.IndexOf(SectionOrder, n) < 0).ToList();
        if (unknown.Count > 0) throw new InvalidOperationException("Other/Customizations.xml has sections the schema does not know: " + string.Join(", ", unknown));
        var ordered = root.Elements().OrderBy(e => Array.IndexOf(SectionOrder, e.Name.LocalName)).ToList();
        root.RemoveNodes();
        root.Add(ordered);
    }

    private static IEnumerable<string> Files(string folder, string sub, string pattern)
    {
        var path = Path.Combine(folder, sub);
        return Directory.Exists(path) ? Directory.EnumerateFiles(path, pattern, SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal) : Enumerable.Empty<string>();
    }

    private static IEnumerable<string> SortedDirectories(string path) =>
        Directory.Exists(path) ? Directory.EnumerateDirectories(path).OrderBy(d => d, StringComparer.Ordinal) : Enumerable.Empty<string>();

    private static XDocument Load(string path)
    {
        if (!File.Exists(path)) throw new InvalidOperationException($"Malformed Solution folder: {path} is missing.");
        try
        {
            return XDocument.Load(path, LoadOptions.None);
        }
        catch (XmlException e)
        {
            throw Malformed(path, e.Message);
        }
    }

    // Namespace declarations of the unpacked files move to the root of customizations.xml.
    private static XElement Strip(XElement element)
    {
        var copy = new XElement(element);
        copy.DescendantsAndSelf().Attributes().Where(a => a.IsNamespaceDeclaration && a.Value == XmlFile.Xsi.NamespaceName).Remove();
        return copy;
    }

    private static InvalidOperationException Malformed(string path, string reason) => new($"Malformed Solution folder: {path}: {reason}.");
}
