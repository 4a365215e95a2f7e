using System;
using System.IO;

namespace CrmCx.Packaging.Repository;

/// <summary>Where things are in a CrmCx checkout.</summary>
public sealed class RepositoryLayout
{
    /// <summary>Layout rooted at a folder holding CrmCx.sln; the schemas default to ../shared/dataverse-schemas.</summary>
    public RepositoryLayout(string root, string? schemas = null)
    {
        Root = Path.GetFullPath(root);
        Schemas = Path.GetFullPath(schemas ?? Path.Combine(Root, "..", "shared", "dataverse-schemas"));
    }

    /// <summary>The repository root.</summary>
    public string Root { get; }
    /// <summary>The unpacked solution.</summary>
    public string Solution => Path.Combine(Root, "Solution");
    /// <summary>The plugin project folder.</summary>
    public string PluginProject => Path.Combine(Root, "Plugins", "CrmCx.Plugins");
    /// <summary>The deployable plugin assembly (net462, Release).</summary>
    public string PluginAssembly => Path.Combine(PluginProject, "bin", "Release", "net462", "CrmCx.Plugins.dll");
    /// <summary>The web resources project.</summary>
    public string WebResources => Path.Combine(Root, "WebResources");
    /// <summary>The built web resources.</summary>
    public string WebResourcesDist => Path.Combine(WebResources, "dist");
    /// <summary>Where the zips are written by default.</summary>
    public string Dist => Path.Combine(Root, "dist");
    /// <summary>Microsoft's schemas (next to the repository).</summary>
    public string Schemas { get; }

    /// <summary>The layout of the checkout containing a folder (walking up to CrmCx.sln).</summary>
    public static RepositoryLayout Find(string? start = null)
    {
        foreach (var origin in new[] { start, Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            if (origin is null) continue;
            for (var dir = new DirectoryInfo(origin); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "CrmCx.sln"))) return new RepositoryLayout(dir.FullName);
        }
        throw new InvalidOperationException("CrmCx.sln not found above the current folder: run from inside the repository.");
    }
}
