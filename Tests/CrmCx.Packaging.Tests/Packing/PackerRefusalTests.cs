using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using CrmCx.Packaging.Packing;
using CrmCx.Packaging.Repository;
using CrmCx.Packaging.Tests.Infrastructure;
using Xunit;

namespace CrmCx.Packaging.Tests.Packing;

[Collection(BuiltSolutionCollection.Name)]
public sealed class PackerRefusalTests(BuiltSolution built)
{
    private static PackOptions NoBuild(RepositoryLayout repo) => new() { Build = false, OutputFolder = Path.Combine(repo.Root, "out") };

    private static void AssertNoZip(RepositoryLayout repo) =>
        Assert.False(Directory.Exists(Path.Combine(repo.Root, "out")) && Directory.EnumerateFiles(Path.Combine(repo.Root, "out")).Any(), "a zip was written");

    [Fact]
    public void A_repository_in_order_packs_into_both_zips_named_with_the_version()
    {
        var repo = built.CopyToTemporaryRepository();
        var result = PackagingCommands.Pack(repo, NoBuild(repo), TextWriter.Null);
        Assert.Equal("CrmCx_1_0_0_0_managed.zip", Path.GetFileName(result.ManagedZip));
        Assert.Equal("CrmCx_1_0_0_0_unmanaged.zip", Path.GetFileName(result.UnmanagedZip));
        Assert.Equal(built.ManagedZip, File.ReadAllBytes(result.ManagedZip));
        Assert.Equal(built.UnmanagedZip, File.ReadAllBytes(result.UnmanagedZip));
    }

    [Fact]
    public void A_malformed_solution_file_is_refused_naming_the_file_and_no_zip_is_written()
    {
        var repo = built.CopyToTemporaryRepository();
        var role = Path.Combine(repo.Solution, "Roles", "CX Agent.xml");
        File.WriteAllText(role, "<Role id=");
        var error = Assert.Throws<InvalidOperationException>(() => SolutionPackage.Assemble(repo, managed: true, repo.PluginAssembly));
        Assert.Contains(role, error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => PackagingCommands.Pack(repo, NoBuild(repo), TextWriter.Null));
        AssertNoZip(repo);
    }

    [Fact]
    public void A_missing_built_web_resource_is_refused_naming_it()
    {
        var repo = built.CopyToTemporaryRepository();
        File.Delete(Path.Combine(repo.WebResourcesDist, "cx_", "panel", "cxpanel.css"));
        var error = Assert.Throws<InvalidOperationException>(() => PackagingCommands.Pack(repo, NoBuild(repo), TextWriter.Null));
        Assert.Contains("cxpanel.css", error.Message, StringComparison.Ordinal);
        AssertNoZip(repo);
    }

    [Fact]
    public void A_missing_plugin_assembly_is_refused_naming_it()
    {
        var repo = built.CopyToTemporaryRepository();
        File.Delete(repo.PluginAssembly);
        var error = Assert.ThrowsAny<Exception>(() => PackagingCommands.Pack(repo, NoBuild(repo), TextWriter.Null));
        Assert.Contains("CrmCx.Plugins.dll", error.Message, StringComparison.Ordinal);
        AssertNoZip(repo);
    }

    [Fact]
    public void A_step_whose_plugin_type_is_not_in_the_assembly_is_refused_naming_the_step_file()
    {
        var repo = built.CopyToTemporaryRepository();
        var step = Directory.EnumerateFiles(Path.Combine(repo.Solution, "SdkMessageProcessingSteps")).First();
        var xml = XDocument.Load(step);
        xml.Root!.Element("PluginTypeName")!.Value = "CrmCx.Nowhere.GonePlugin, CrmCx.Plugins, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null";
        xml.Save(step);
        var error = Assert.Throws<InvalidOperationException>(() => SolutionPackage.Assemble(repo, managed: false, repo.PluginAssembly));
        Assert.Contains(step, error.Message, StringComparison.Ordinal);
        Assert.Contains("CrmCx.Nowhere.GonePlugin", error.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => PackagingCommands.Pack(repo, NoBuild(repo), TextWriter.Null));
        AssertNoZip(repo);
    }

    [Fact]
    public void A_schema_invalid_customizations_file_is_refused_and_no_zip_is_written()
    {
        var repo = built.CopyToTemporaryRepository();
        var solution = SolutionPackage.Assemble(repo, managed: true, repo.PluginAssembly);
        solution.Customizations.Root!.Element("Roles")!.Add(new XElement("Role", new XAttribute("name", "no id")));
        var zip = Path.Combine(repo.Root, "out", "broken.zip");
        var error = Assert.Throws<InvalidOperationException>(() => SolutionPackage.Write(solution, built.Schema, zip));
        Assert.Contains("CustomizationsSolution.xsd", error.Message, StringComparison.Ordinal);
        AssertNoZip(repo);
    }

    [Fact]
    public void A_solution_folder_that_drifted_from_the_attributes_is_refused()
    {
        var repo = built.CopyToTemporaryRepository();
        var step = Directory.EnumerateFiles(Path.Combine(repo.Solution, "SdkMessageProcessingSteps")).First();
        File.WriteAllText(step, File.ReadAllText(step).Replace("<Rank>", "<Rank>9", StringComparison.Ordinal));
        var error = Assert.Throws<InvalidOperationException>(() => PackagingCommands.Pack(repo, NoBuild(repo), TextWriter.Null));
        Assert.Contains(Path.GetFileName(step), error.Message, StringComparison.Ordinal);
        AssertNoZip(repo);
    }
}
