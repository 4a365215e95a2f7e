using System;
using System.Reflection;
using System.Linq;
using CrmCx.Dataverse.InMemory;
using CrmCx.Dataverse.InMemory.Metadata;
using CrmCx.Model;

namespace CrmCx.Cli.Seeding;

/// <summary>
/// The one place that builds an in-memory org the way the demo and the benchmarks need it: CrmCx tables applied and
/// the real plugin assembly registered from its own registration attributes.
/// </summary>
public static class DemoOrganization
{
    /// <summary>The deployed plugin assembly (its net10.0 build), as Dataverse would load it.</summary>
    public static Assembly PluginAssembly => typeof(CrmCx.Infrastructure.PluginBase).Assembly;

    /// <summary>A fresh org whose clock starts at <paramref name="clockStart"/>, with the CrmCx model and plugins.</summary>
    public static InMemoryOrganization Create(DateTime clockStart)
    {
        var org = new InMemoryOrganization(() => clockStart);
        org.Clock.Set(clockStart);
        CrmCxModel.ApplyTo(org.Metadata);
        org.Pipeline.RegisterAssembly(PluginAssembly);
        return org;
    }

    /// <summary>How many plugin steps the pipeline holds (printed so a missing registration shows at once).</summary>
    public static int StepCount(InMemoryOrganization org) => org.Pipeline.Steps.Count;
}
