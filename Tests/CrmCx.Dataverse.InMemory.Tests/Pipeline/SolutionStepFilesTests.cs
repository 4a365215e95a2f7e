using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Pipeline;

/// <summary>The step files the solution ships (Solution/SdkMessageProcessingSteps, copied next to the tests) against the real plugin assembly.</summary>
public sealed class SolutionStepFilesTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "Solution", "SdkMessageProcessingSteps");
    private static System.Reflection.Assembly Plugins => typeof(CrmCx.Infrastructure.PluginBase).Assembly;

    [Fact]
    public void Importing_the_solutions_step_folder_against_CrmCx_Plugins_gives_one_pipeline_step_per_file()
    {
        var files = Directory.GetFiles(Folder, "*.xml");
        Assert.NotEmpty(files);

        var steps = new InMemoryOrganization().Pipeline.ImportStepFolder(Folder, Plugins);

        Assert.Equal(files.Length, steps.Count);
        Assert.Equal(
            files.Select(f => Guid.Parse((string)XDocument.Load(f).Root!.Attribute("SdkMessageProcessingStepId")!)).OrderBy(g => g),
            steps.Select(s => s.Id).OrderBy(g => g));
    }

    [Fact]
    public void Every_solution_step_file_that_names_its_message_imports_against_CrmCx_Plugins()
    {
        // Separates "the importer reads the shipped format" from "every shipped step names its message" (the test above).
        var named = Directory.GetFiles(Folder, "*.xml").Select(f => XDocument.Load(f).Root!)
            .Where(s => s.Element("SdkMessageId") is not null).ToList();
        Assert.NotEmpty(named);

        var steps = new InMemoryOrganization().Pipeline.ImportSteps(named, Plugins);

        Assert.Equal(named.Count, steps.Count);
        Assert.All(steps, s => Assert.Equal("CrmCx.Plugins", s.PluginType.Assembly.GetName().Name));
    }
}
