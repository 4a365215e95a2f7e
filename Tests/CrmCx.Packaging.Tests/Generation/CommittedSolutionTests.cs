using System.IO;
using System.Linq;
using System.Xml.Linq;
using CrmCx.Packaging.Generation;
using CrmCx.Packaging.Registration;
using CrmCx.Packaging.Tests.Infrastructure;
using Xunit;

namespace CrmCx.Packaging.Tests.Generation;

[Collection(BuiltSolutionCollection.Name)]
public sealed class CommittedSolutionTests(BuiltSolution built)
{
    [Fact]
    public void The_committed_Solution_folder_is_exactly_what_the_model_and_the_registration_attributes_generate()
    {
        var result = PackagingCommands.Check(built.Layout, TextWriter.Null, build: false);
        Assert.True(result.Drift.Count == 0, string.Join("\n", result.Drift));
    }

    [Fact]
    public void Every_registered_step_can_ship_so_check_passes()
    {
        var result = PackagingCommands.Check(built.Layout, TextWriter.Null, build: false);
        Assert.True(result.Problems.Count == 0, StepCheck.Refusal(result.Problems, result.StepCount));
        Assert.True(result.IsClean);
    }

    [Fact]
    public void Every_registration_attribute_has_one_step_file_and_every_step_file_one_attribute()
    {
        var declared = built.Assembly.Steps.Select(s => "{" + PluginXml.StepId(s.Type, s.Step).ToString("D") + "}.xml").OrderBy(n => n).ToList();
        var committed = Directory.EnumerateFiles(Path.Combine(built.Layout.Solution, "SdkMessageProcessingSteps")).Select(f => Path.GetFileName(f)).OrderBy(n => n).ToList();
        Assert.Equal(declared, committed);
    }

    [Fact]
    public void Each_step_file_says_what_its_attribute_says()
    {
        foreach (var (type, step) in built.Assembly.Steps)
        {
            var file = XDocument.Load(Path.Combine(built.Layout.Solution, "SdkMessageProcessingSteps", "{" + PluginXml.StepId(type, step).ToString("D") + "}.xml")).Root!;
            Assert.Equal(step.Name, (string?)file.Attribute("Name"));
            Assert.StartsWith(type.FullName + ", CrmCx.Plugins, Version=", file.Element("PluginTypeName")!.Value, System.StringComparison.Ordinal);
            Assert.Equal(step.Entity, file.Element("PrimaryEntity")?.Value ?? "none");
            Assert.Equal(step.Stage.ToString(System.Globalization.CultureInfo.InvariantCulture), file.Element("Stage")!.Value);
            Assert.Equal(step.Asynchronous ? "1" : "0", file.Element("Mode")!.Value);
            Assert.Equal(step.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), file.Element("Rank")!.Value);
            Assert.Equal((step.FilteringAttributes ?? string.Empty).Replace(" ", string.Empty, System.StringComparison.Ordinal).ToLowerInvariant(), file.Element("FilteringAttributes")!.Value);
            Assert.Null(file.Element("Configuration"));
            Assert.Equal("SdkMessageId", file.Elements().First().Name.LocalName);
            Assert.Equal(step.Images.Select(i => (i.Name, i.Attributes ?? string.Empty, i.ImageType.ToString(System.Globalization.CultureInfo.InvariantCulture))),
                file.Descendants("SdkMessageProcessingStepImage").Select(i => ((string)i.Attribute("Name")!, i.Element("Attributes")!.Value, i.Element("ImageType")!.Value)));
        }
    }

    [Fact]
    public void The_assembly_file_lists_every_registered_plugin_type_every_custom_API_plugin_and_the_workflow_activity_with_its_group()
    {
        var file = Directory.EnumerateFiles(Path.Combine(built.Layout.Solution, "PluginAssemblies"), "*.dll.data.xml", SearchOption.AllDirectories).Single();
        var types = XDocument.Load(file).Root!.Element("PluginTypes")!.Elements("PluginType").ToList();
        var expected = built.Assembly.Types.Select(t => t.FullName).Union(CrmCx.Packaging.Content.CustomApiCatalog.All.Select(a => a.PluginTypeName)).OrderBy(n => n, System.StringComparer.Ordinal);
        Assert.Equal(expected, types.Select(t => (string?)t.Attribute("Name")));
        foreach (var activity in built.Assembly.Types.Where(t => t.Activity is not null))
        {
            var element = types.Single(t => (string?)t.Attribute("Name") == activity.FullName);
            Assert.Equal(activity.Activity!.GroupName, element.Element("WorkflowActivityGroupName")!.Value);
            Assert.Equal(activity.Activity.FriendlyName, element.Element("FriendlyName")!.Value);
        }
    }

    [Fact]
    public void Generating_twice_gives_the_same_text()
    {
        Assert.Equal(SolutionGenerator.Generate(built.Assembly), SolutionGenerator.Generate(built.Assembly));
    }
}
