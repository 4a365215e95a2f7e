using System;
using System.IO;
using System.Linq;
using System.Reflection;
using CrmCx.Dataverse.InMemory;
using CrmCx.Dataverse.InMemory.Metadata;
using CrmCx.Dataverse.InMemory.Solutions;
using CrmCx.Model;

namespace CrmCx.Cli.Seeding;

/// <summary>
/// The one place that builds an in-memory org the way the demo and the benchmarks need it: CrmCx tables applied and
/// the solution's step files imported against the real plugin assembly, as Dataverse imports them.
/// </summary>
public static class DemoOrganization
{
    /// <summary>The deployed plugin assembly (its net10.0 build), as Dataverse would load it.</summary>
    public static Assembly PluginAssembly => typeof(CrmCx.Infrastructure.PluginBase).Assembly;

    /// <summary>Where the solution's step files are copied in the output folder (Solution/SdkMessageProcessingSteps).</summary>
    public static string StepFolder => Path.Combine(AppContext.BaseDirectory, "Solution", "SdkMessageProcessingSteps");

    /// <summary>A fresh org whose clock starts at <paramref name="clockStart"/>, with the CrmCx model and plugins.</summary>
    public static InMemoryOrganization Create(DateTime clockStart)
    {
        var org = new InMemoryOrganization(() => clockStart);
        org.Clock.Set(clockStart);
        CrmCxModel.ApplyTo(org.Metadata);
        // The unpacked solution as Dataverse imports it: steps, the settings variable (the demo runs on its default
        // value), the custom API cx_Recalculate and the roles.
        SolutionImport.ImportFolder(org, Path.Combine(AppContext.BaseDirectory, "Solution"), PluginAssembly);
        return org;
    }

    /// <summary>How many plugin steps the pipeline holds (printed so a missing registration shows at once).</summary>
    public static int StepCount(InMemoryOrganization org) => org.Pipeline.Steps.Count;
}
