namespace CrmCx.Packaging.Generation;

/// <summary>Solution-level facts not in the data model.</summary>
public static class CrmCxSolution
{
    /// <summary>Solution version: raise it for every release (Dataverse upgrades only to a higher version).</summary>
    public const string Version = "1.0.0.0";

    /// <summary>The plugin assembly's simple name.</summary>
    public const string PluginAssemblyName = "CrmCx.Plugins";
}
