using System;
using System.IO;
using System.Linq;
using CrmCx.Packaging.Build;
using CrmCx.Packaging.Packing;
using CrmCx.Packaging.Registration;
using CrmCx.Packaging.Repository;
using CrmCx.Packaging.Validation;
using Xunit;

namespace CrmCx.Packaging.Tests.Infrastructure;

/// <summary>
/// Builds the net462 plugin assembly and the web resources once (when missing or stale) and assembles both
/// packages, for every test that needs the real outputs.
/// </summary>
public sealed class BuiltSolution : IDisposable
{
    private readonly System.Collections.Concurrent.ConcurrentBag<string> temporaryRoots = new();

    public BuiltSolution()
    {
        Layout = RepositoryLayout.Find(AppContext.BaseDirectory);
        BuildOutputs.EnsurePluginAssembly(Layout, TextWriter.Null);
        BuildOutputs.EnsureWebResources(Layout, TextWriter.Null);
        Assembly = PluginAssemblyReader.Read(Layout.PluginAssembly);
        Schema = CustomizationsSchema.Load(Layout.Schemas);
        Managed = SolutionPackage.Assemble(Layout, managed: true, Layout.PluginAssembly);
        Unmanaged = SolutionPackage.Assemble(Layout, managed: false, Layout.PluginAssembly);
        ManagedZip = SolutionPackage.ToZip(Managed);
        UnmanagedZip = SolutionPackage.ToZip(Unmanaged);
    }

    public RepositoryLayout Layout { get; }
    public PluginAssemblyInfo Assembly { get; }
    public CustomizationsSchema Schema { get; }
    public PackedSolution Managed { get; }
    public PackedSolution Unmanaged { get; }
    public byte[] ManagedZip { get; }
    public byte[] UnmanagedZip { get; }

    /// <summary>A throw-away copy of the repository parts the packer reads, for tests that break them.</summary>
    public RepositoryLayout CopyToTemporaryRepository() => TemporaryRepository(Layout.PluginAssembly, withSolution: true);

    /// <summary>
    /// A throw-away repository whose plugin assembly is the given DLL (a test fixture) and whose Solution/ is empty until
    /// generate writes it; the built web resources are copied in so that pack can run.
    /// </summary>
    public RepositoryLayout TemporaryRepositoryWith(string pluginAssembly) => TemporaryRepository(pluginAssembly, withSolution: false);

    /// <summary>The fixture assembly at the test output (CrmCx.Packaging.Fixture or CrmCx.Packaging.BulkFixture).</summary>
    public static string FixtureAssembly(string name) => Path.Combine(AppContext.BaseDirectory, name + ".dll");

    private RepositoryLayout TemporaryRepository(string pluginAssembly, bool withSolution)
    {
        var root = Path.Combine(Path.GetTempPath(), "crmcx-pack-" + Guid.NewGuid().ToString("N"));
        temporaryRoots.Add(root);
        if (withSolution) Copy(Layout.Solution, Path.Combine(root, "Solution"));
        else Directory.CreateDirectory(Path.Combine(root, "Solution"));
        Copy(Layout.WebResourcesDist, Path.Combine(root, "WebResources", "dist"));
        var plugin = Path.Combine(root, "Plugins", "CrmCx.Plugins", "bin", "Release", "net462");
        Directory.CreateDirectory(plugin);
        File.Copy(pluginAssembly, Path.Combine(plugin, "CrmCx.Plugins.dll"));
        File.WriteAllText(Path.Combine(root, "CrmCx.sln"), string.Empty);
        return new RepositoryLayout(root, Layout.Schemas);
    }

    public void Dispose()
    {
        foreach (var root in temporaryRoots)
            if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
    }

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class BuiltSolutionCollection : ICollectionFixture<BuiltSolution>
{
    public const string Name = "Built solution";
}
