using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace CrmCx.Domain.Tests.Nps;

public class DeterminismTests
{
    [Fact]
    public void Every_project_is_built_with_the_clock_banned()
    {
        // "Now" is the operation's time, handed in: a rollup replayed later must give the same figures. The banned-API
        // analyzer (RS0030, an error since warnings are) enforces it in every project through Directory.Build.props.
        var root = FindRepositoryRoot();
        var props = File.ReadAllText(Path.Combine(root, "Directory.Build.props"));
        Assert.Matches(new Regex(@"<ItemGroup>\s*<PackageReference Include=""Microsoft\.CodeAnalysis\.BannedApiAnalyzers"""), props);
        Assert.Contains("BannedSymbols.txt", props, StringComparison.Ordinal);
        var banned = File.ReadAllLines(Path.Combine(root, "BannedSymbols.txt")).Select(l => l.Split(';')[0]).ToList();
        foreach (var member in new[] { "P:System.DateTime.Now", "P:System.DateTime.UtcNow", "P:System.DateTime.Today", "P:System.DateTimeOffset.Now", "P:System.DateTimeOffset.UtcNow" })
            Assert.Contains(member, banned);
        // No project opts out of the repository's build files.
        var optOuts = Directory.EnumerateFiles(root, "*.csproj", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains("ImportDirectoryBuildProps", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(root, f));
        Assert.Empty(optOuts);
    }

    [Fact]
    public void Plug_in_code_is_built_with_bulk_and_batch_requests_banned()
    {
        // Dataverse refuses bulk and batch requests sent from a plug-in; the in-memory org refuses them at run time, and
        // the analyzer refuses them at build time in the plug-in project.
        var root = FindRepositoryRoot();
        var project = File.ReadAllText(Path.Combine(root, "Plugins", "CrmCx.Plugins", "CrmCx.Plugins.csproj"));
        Assert.Contains("<AdditionalFiles Include=\"BannedSymbols.Plugins.txt\" />", project, StringComparison.Ordinal);
        var banned = File.ReadAllLines(Path.Combine(root, "Plugins", "CrmCx.Plugins", "BannedSymbols.Plugins.txt")).Select(l => l.Split(';')[0]).ToList();
        foreach (var request in new[] { "CreateMultipleRequest", "UpdateMultipleRequest", "UpsertMultipleRequest", "ExecuteMultipleRequest", "ExecuteTransactionRequest" })
            Assert.Contains("T:Microsoft.Xrm.Sdk.Messages." + request, banned);
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "CrmCx.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("CrmCx.sln not found above " + AppContext.BaseDirectory);
    }
}
