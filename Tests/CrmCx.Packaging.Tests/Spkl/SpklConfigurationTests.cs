using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using CrmCx.Packaging.Content;
using CrmCx.Packaging.Tests.Infrastructure;
using Xunit;

namespace CrmCx.Packaging.Tests.Spkl;

/// <summary>spkl.json must work as it is: every path it names exists after a build and it deploys what the solution ships.</summary>
[Collection(BuiltSolutionCollection.Name)]
public sealed class SpklConfigurationTests(BuiltSolution built)
{
    // spkl reads spkl.json with Newtonsoft.Json, which accepts comments; so does this reader.
    private readonly JsonElement config = JsonDocument.Parse(File.ReadAllText(Path.Combine(built.Layout.Root, "spkl.json")),
        new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip }).RootElement;

    private static string Native(string path) => path.Replace('\\', Path.DirectorySeparatorChar).Replace('/', Path.DirectorySeparatorChar);

    [Fact]
    public void Every_web_resource_file_spkl_deploys_exists_after_a_build()
    {
        foreach (var section in config.GetProperty("webresources").EnumerateArray())
        {
            var root = Path.Combine(built.Layout.Root, Native(section.GetProperty("root").GetString()!));
            foreach (var file in section.GetProperty("files").EnumerateArray())
                Assert.True(File.Exists(Path.Combine(root, Native(file.GetProperty("file").GetString()!))), file.GetProperty("file").GetString());
        }
    }

    [Fact]
    public void Spkl_deploys_exactly_the_solutions_web_resources_with_the_same_dependencies()
    {
        var files = config.GetProperty("webresources").EnumerateArray().SelectMany(s => s.GetProperty("files").EnumerateArray()).ToList();
        Assert.Equal(WebResourceCatalog.All.Select(w => w.Name).OrderBy(n => n), files.Select(f => f.GetProperty("uniquename").GetString()).OrderBy(n => n));
        foreach (var resource in WebResourceCatalog.All)
        {
            var file = files.Single(f => f.GetProperty("uniquename").GetString() == resource.Name);
            Assert.Equal(resource.Name, file.GetProperty("file").GetString());
            var libraries = file.TryGetProperty("dependencies", out var d) ? d.GetProperty("libraries").EnumerateArray().Select(l => l.GetProperty("uniquename").GetString()!).ToList() : new List<string>();
            Assert.Equal(resource.Dependencies, libraries);
        }
        Assert.All(config.GetProperty("webresources").EnumerateArray(), s => Assert.Equal("CrmCx", s.GetProperty("solution").GetString()));
    }

    [Fact]
    public void The_plugin_assembly_path_is_the_built_net462_assembly()
    {
        var plugin = config.GetProperty("plugins").EnumerateArray().Single();
        var path = Path.GetFullPath(Path.Combine(built.Layout.Root, Native(plugin.GetProperty("assemblypath").GetString()!)));
        Assert.Equal(built.Layout.PluginAssembly, path);
        Assert.True(File.Exists(path));
    }

    [Fact]
    public void The_solution_entry_packs_the_Solution_folder_and_maps_the_built_outputs_in()
    {
        var solution = config.GetProperty("solutions").EnumerateArray().Single();
        Assert.Equal("CrmCx", solution.GetProperty("solution_uniquename").GetString());
        var folder = Path.Combine(built.Layout.Root, Native(solution.GetProperty("packagepath").GetString()!));
        Assert.Equal("CrmCx", XDocument.Load(Path.Combine(folder, "Other", "Solution.xml")).Root!.Element("SolutionManifest")!.Element("UniqueName")!.Value);
        Assert.Contains(solution.GetProperty("packagetype").GetString(), new[] { "unmanaged", "managed", "both_unmanaged_import", "both_managed_import" });
        var maps = solution.GetProperty("map").EnumerateArray().ToList();
        Assert.Contains(maps, m => m.GetProperty("from").GetString()!.StartsWith("PluginAssemblies", System.StringComparison.Ordinal));
        Assert.Contains(maps, m => m.GetProperty("from").GetString()!.StartsWith("WebResources", System.StringComparison.Ordinal));
        foreach (var map in maps)
        {
            // Paths in a SolutionPackager map are relative to the unpacked folder; a file map names the file, a path map a folder (with **).
            var to = Path.GetFullPath(Path.Combine(folder, Native(map.GetProperty("to").GetString()!.Replace("**", string.Empty, System.StringComparison.Ordinal))));
            Assert.True(map.GetProperty("map").GetString() == "file" ? File.Exists(to) : Directory.Exists(to), to);
        }
        // Every web resource of the solution is covered by a path map for its extension.
        foreach (var resource in WebResourceCatalog.All)
            Assert.Contains(maps, m => m.GetProperty("from").GetString()!.EndsWith("*" + Path.GetExtension(resource.Name), System.StringComparison.Ordinal));
    }
}
