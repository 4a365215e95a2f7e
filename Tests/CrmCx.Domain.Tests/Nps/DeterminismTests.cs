using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace CrmCx.Domain.Tests.Nps;

public class DeterminismTests
{
    [Fact]
    public void No_plugin_or_domain_source_reads_the_machine_clock()
    {
        // "Now" is the operation's time, handed in by the plugin: a rollup replayed later must give the same figures.
        var root = FindRepositoryRoot();
        var offenders = Directory.EnumerateFiles(Path.Combine(root, "Plugins"), "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) && !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
            .Where(f => Regex.IsMatch(File.ReadAllText(f), @"DateTime(Offset)?\s*\.\s*(UtcNow|Now|Today)\b"))
            .Select(f => Path.GetRelativePath(root, f))
            .ToList();
        Assert.Empty(offenders);
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "CrmCx.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("CrmCx.sln not found above " + AppContext.BaseDirectory);
    }
}
