using System;
using System.IO;
using System.Linq;
using System.Reflection;

namespace CrmCx.Dataverse.InMemory.Solutions;

/// <summary>
/// Imports what the in-memory org takes from an unpacked solution (SolutionPackager layout), as a solution import
/// creates it in Dataverse: plug-in steps, environment variable definitions, custom APIs and security roles. Tests and
/// the demo call it on the repository's Solution/ folder, so what they run is what ships.
/// </summary>
public static class SolutionImport
{
    /// <summary>Imports the components of <paramref name="solutionFolder"/> whose folders exist, against the plug-in assembly.</summary>
    public static void ImportFolder(InMemoryOrganization org, string solutionFolder, Assembly pluginAssembly)
    {
        ArgumentNullException.ThrowIfNull(org);
        ArgumentNullException.ThrowIfNull(pluginAssembly);
        if (!Directory.Exists(solutionFolder)) throw new DirectoryNotFoundException($"No unpacked solution at {solutionFolder}.");
        org.Pipeline.ImportStepFolder(Path.Combine(solutionFolder, "SdkMessageProcessingSteps"), pluginAssembly);
        var variables = Path.Combine(solutionFolder, "environmentvariabledefinitions");
        if (Directory.Exists(variables)) EnvironmentVariableImport.ImportFolder(org, variables);
        var roles = Path.Combine(solutionFolder, "Roles");
        if (Directory.Exists(roles)) org.Security.ImportRoleFolder(roles);
        var apis = Path.Combine(solutionFolder, "customapis");
        if (Directory.Exists(apis))
        {
            var dataXml = Directory.EnumerateFiles(Path.Combine(solutionFolder, "PluginAssemblies"), "*.dll.data.xml", SearchOption.AllDirectories)
                .Single(f => Path.GetFileName(f).StartsWith(pluginAssembly.GetName().Name + ".", StringComparison.OrdinalIgnoreCase));
            org.CustomApis.ImportFolder(apis, dataXml, pluginAssembly);
        }
    }
}
