using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using CrmCx.Packaging.Repository;
using CrmCx.Packaging.Tests.Infrastructure;
using Xunit;

namespace CrmCx.Packaging.Tests.Packing;

/// <summary>
/// An upgrade updates components in place only when each keeps its id: the same sources packed at two versions must
/// name every component (tables, columns, keys, relationships, choices, forms and their tabs, sections and cells, views,
/// charts, the dashboard with its tabs, sections, cells and the views, charts and roles it names,
/// web resources, plug-in assembly, types, steps and images, roles, the settings variable, the custom API with its
/// parameters and properties, the cloud flow with its operations, the connection reference, root components) the same way.
/// </summary>
[Collection(BuiltSolutionCollection.Name)]
public sealed class UpgradeTests(BuiltSolution built)
{
    private static (string Managed, string Unmanaged) PackAt(RepositoryLayout repo, string version)
    {
        var result = PackagingCommands.Pack(repo, new PackOptions { Build = false, OutputFolder = Path.Combine(repo.Root, "out-" + version), Version = Version.Parse(version) }, TextWriter.Null);
        return (result.ManagedZip, result.UnmanagedZip);
    }

    private static Dictionary<string, XDocument> XmlParts(string zip)
    {
        using var archive = ZipFile.OpenRead(zip);
        return archive.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal)).ToDictionary(e => e.FullName, e =>
        {
            using var stream = e.Open();
            return XDocument.Load(stream);
        });
    }

    /// <summary>Every identity a component carries in the zip, as "kind: value" lines.</summary>
    private static SortedSet<string> ComponentIds(string zip)
    {
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        var parts = XmlParts(zip);
        var c = parts["customizations.xml"].Root!;
        foreach (var e in c.Element("Entities")!.Elements("Entity"))
        {
            var entity = e.Element("Name")!.Value;
            ids.Add("entity: " + entity);
            foreach (var a in e.Element("EntityInfo")!.Element("entity")!.Element("attributes")!.Elements("attribute")) ids.Add($"attribute: {entity}.{a.Element("LogicalName")!.Value}");
            foreach (var k in e.Descendants("EntityKey")) ids.Add($"key: {entity}.{k.Element("LogicalName")!.Value}");
        }
        foreach (var f in c.Descendants("systemform"))
        {
            var form = f.Element("formid")!.Value;
            ids.Add("form: " + form);
            foreach (var element in f.Element("form")!.Descendants().Where(x => x.Name.LocalName is "tab" or "section" or "cell"))
                ids.Add($"form element: {form} {element.Name.LocalName} {(string?)element.Attribute("id")}");
            foreach (var x in f.Descendants().Attributes().Where(a => a.Name.LocalName is "libraryUniqueId" or "handlerUniqueId")) ids.Add($"form {x.Name.LocalName}: {form} {x.Value}");
        }
        foreach (var v in c.Descendants("savedqueryid")) ids.Add("view: " + v.Value);
        foreach (var v in c.Descendants("savedqueryvisualizationid")) ids.Add("chart: " + v.Value);
        foreach (var d in c.Element("Dashboards")!.Elements("Dashboard"))
        {
            var dashboard = d.Element("FormId")!.Value;
            ids.Add("dashboard: " + dashboard);
            foreach (var element in d.Descendants().Where(x => x.Name.LocalName is "tab" or "section" or "cell"))
                ids.Add($"dashboard element: {dashboard} {element.Name.LocalName} {(string?)element.Attribute("id")}");
            foreach (var reference in d.Descendants().Where(x => x.Name.LocalName is "ViewId" or "VisualizationId" or "Role"))
                ids.Add($"dashboard reference: {dashboard} {reference.Name.LocalName} {reference.Value}{(string?)reference.Attribute("Id")}");
        }
        foreach (var r in c.Element("EntityRelationships")!.Elements("EntityRelationship")) ids.Add("relationship: " + (string?)r.Attribute("Name"));
        foreach (var o in c.Element("optionsets")!.Elements("optionset"))
        {
            ids.Add("choice: " + (string?)o.Attribute("Name"));
            foreach (var option in o.Descendants("option")) ids.Add($"choice value: {(string?)o.Attribute("Name")} {(string?)option.Attribute("value")}");
        }
        foreach (var r in c.Element("Roles")!.Elements("Role")) ids.Add($"role: {(string?)r.Attribute("id")} {(string?)r.Attribute("name")}");
        foreach (var w in c.Element("WebResources")!.Elements("WebResource")) ids.Add($"web resource: {w.Element("WebResourceId")!.Value} {w.Element("Name")!.Value}");
        foreach (var a in c.Element("SolutionPluginAssemblies")!.Elements("PluginAssembly"))
        {
            ids.Add("plugin assembly: " + (string?)a.Attribute("PluginAssemblyId"));
            foreach (var t in a.Descendants("PluginType")) ids.Add($"plugin type: {(string?)t.Attribute("PluginTypeId")} {(string?)t.Attribute("Name")}");
        }
        foreach (var s in c.Element("SdkMessageProcessingSteps")!.Elements("SdkMessageProcessingStep"))
        {
            ids.Add("step: " + (string?)s.Attribute("SdkMessageProcessingStepId"));
            foreach (var i in s.Descendants("SdkMessageProcessingStepImageId")) ids.Add("step image: " + i.Value);
        }
        foreach (var (path, document) in parts.Where(p => p.Key.StartsWith("environmentvariabledefinitions/", StringComparison.Ordinal)))
            ids.Add($"environment variable: {(string?)document.Root!.Attribute("schemaname")} at {path}");
        foreach (var (path, document) in parts.Where(p => p.Key.StartsWith("customapis/", StringComparison.Ordinal)))
        {
            var api = document.Root!;
            ids.Add($"{api.Name.LocalName}: {(string?)api.Attribute("uniquename")} at {path}");
            if (api.Name.LocalName == "customapi") ids.Add($"custom api plugin type: {(string?)api.Attribute("uniquename")} {api.Element("plugintypeid")!.Element("plugintypeid")!.Value}");
        }
        foreach (var w in c.Element("Workflows")!.Elements("Workflow")) ids.Add($"workflow: {(string?)w.Attribute("WorkflowId")} {w.Element("JsonFileName")!.Value}");
        foreach (var r in c.Element("connectionreferences")!.Elements("connectionreference")) ids.Add("connection reference: " + (string?)r.Attribute("connectionreferencelogicalname"));
        using (var archive = ZipFile.OpenRead(zip))
            foreach (var entry in archive.Entries.Where(e => e.FullName.StartsWith("Workflows/", StringComparison.Ordinal)))
            {
                using var stream = entry.Open();
                var flow = JsonNode.Parse(stream)!;
                foreach (var reference in flow["properties"]!["connectionReferences"]!.AsObject())
                    ids.Add($"flow connection: {entry.FullName} {reference.Key} {reference.Value!["connection"]!["connectionReferenceLogicalName"]}");
                foreach (var id in Descendants(flow["properties"]!["definition"]!).Where(n => n.Parent is JsonObject && n.GetPropertyName() == "operationMetadataId"))
                    ids.Add($"flow operation: {entry.FullName} {id}");
            }
        foreach (var r in parts["solution.xml"].Descendants("RootComponent"))
            ids.Add($"root component: {(string?)r.Attribute("type")} {(string?)r.Attribute("id")} {(string?)r.Attribute("schemaName")} {(string?)r.Attribute("behavior")}");
        using (var archive = ZipFile.OpenRead(zip))
            foreach (var entry in archive.Entries.Where(e => !e.FullName.EndsWith(".xml", StringComparison.Ordinal))) ids.Add("part: " + entry.FullName);
        return ids;
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node) => node switch
    {
        JsonObject o => o.Select(p => p.Value).Where(v => v is not null).SelectMany(v => new[] { v! }.Concat(Descendants(v!))),
        JsonArray a => a.Where(v => v is not null).SelectMany(v => new[] { v! }.Concat(Descendants(v!))),
        _ => Enumerable.Empty<JsonNode>(),
    };

    [Fact]
    public void Packing_at_a_higher_version_changes_the_declared_version_and_no_component_id()
    {
        var repo = built.CopyToTemporaryRepository();
        var first = PackAt(repo, "1.0.0.0");
        var second = PackAt(repo, "1.1.0.0");
        Assert.Equal(("CrmCx_1_1_0_0_managed.zip", "CrmCx_1_1_0_0_unmanaged.zip"), (Path.GetFileName(second.Managed), Path.GetFileName(second.Unmanaged)));
        foreach (var (before, after) in new[] { (first.Managed, second.Managed), (first.Unmanaged, second.Unmanaged) })
        {
            Assert.Equal("1.0.0.0", XmlParts(before)["solution.xml"].Descendants("Version").Single().Value);
            Assert.Equal("1.1.0.0", XmlParts(after)["solution.xml"].Descendants("Version").Single().Value);
            var was = ComponentIds(before);
            var now = ComponentIds(after);
            Assert.True(was.SetEquals(now), "ids changed between versions:\n  gone: " + string.Join("\n  ", was.Except(now)) + "\n  new: " + string.Join("\n  ", now.Except(was)));
            foreach (var kind in new[] { "entity", "attribute", "form", "form element", "view", "chart", "dashboard", "dashboard element", "dashboard reference", "choice", "role", "web resource", "plugin assembly", "plugin type", "step", "step image", "environment variable", "customapi", "customapirequestparameter",
                "customapiresponseproperty", "custom api plugin type", "workflow", "connection reference", "flow connection", "flow operation", "root component" })
                Assert.Contains(was, id => id.StartsWith(kind + ": ", StringComparison.Ordinal));
        }
        // Components keep the version that introduced them; only the manifest says 1.1.0.0.
        Assert.DoesNotContain(XmlParts(second.Managed)["customizations.xml"].Descendants("IntroducedVersion"), v => v.Value == "1.1.0.0");
    }

    [Fact]
    public void Packing_at_a_version_lower_than_the_solutions_is_refused()
    {
        var repo = built.CopyToTemporaryRepository();
        var error = Assert.Throws<InvalidOperationException>(() => PackAt(repo, "0.9.0.0"));
        Assert.Contains("lower than the solution's version 1.0.0.0", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.1")]
    [InlineData("one")]
    public void A_version_that_is_not_four_numbers_is_refused_on_the_command_line(string version)
    {
        var error = new StringWriter();
        Assert.Equal(1, PackagingCommands.Run(new[] { "pack", "--no-build", "--version", version }, TextWriter.Null, error, built.CopyToTemporaryRepository()));
        Assert.Contains("--version expects four numbers", error.ToString(), StringComparison.Ordinal);
    }
}
