using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using CrmCx.Packaging.Content;
using CrmCx.Packaging.Repository;

namespace CrmCx.Packaging.Build;

/// <summary>Builds what the solution maps in (the net462 plugin assembly, the web resources) when it is missing or older than its sources.</summary>
public static class BuildOutputs
{
    /// <summary>Builds the plugin assembly if missing or stale; returns its path.</summary>
    public static string EnsurePluginAssembly(RepositoryLayout layout, TextWriter log)
    {
        var sources = new[] { layout.PluginProject, Path.Combine(layout.Root, "Domain", "CrmCx.Domain") };
        if (IsStale(layout.PluginAssembly, sources, "*.cs", "*.csproj"))
        {
            log.WriteLine("Building the plugin assembly (net462, Release)...");
            Run(layout.Root, "dotnet", $"build \"{Path.Combine(layout.PluginProject, "CrmCx.Plugins.csproj")}\" -c Release -f net462 -nologo -v:q", log);
        }
        if (!File.Exists(layout.PluginAssembly)) throw new InvalidOperationException($"Missing built output: {layout.PluginAssembly}.");
        return layout.PluginAssembly;
    }

    /// <summary>Builds the web resources if any is missing or stale (npm ci when node_modules is missing, then npm run build).</summary>
    public static void EnsureWebResources(RepositoryLayout layout, TextWriter log)
    {
        var src = Path.Combine(layout.WebResources, "src");
        var stale = WebResourceCatalog.All.Any(w => IsStale(Path.Combine(layout.Root, w.BuiltPath), new[] { src }, "*.*"));
        if (stale)
        {
            if (!Directory.Exists(Path.Combine(layout.WebResources, "node_modules")))
            {
                log.WriteLine("Installing web resource dependencies (npm ci)...");
                Run(layout.WebResources, "npm", "ci --no-audit --no-fund", log);
            }
            log.WriteLine("Building the web resources (npm run build)...");
            Run(layout.WebResources, "npm", "run build", log);
        }
        var missing = WebResourceCatalog.All.Select(w => Path.Combine(layout.Root, w.BuiltPath)).Where(p => !File.Exists(p)).ToList();
        if (missing.Count > 0) throw new InvalidOperationException("Missing built output: " + string.Join(", ", missing));
    }

    private static bool IsStale(string output, string[] sourceFolders, params string[] patterns)
    {
        if (!File.Exists(output)) return true;
        var built = File.GetLastWriteTimeUtc(output);
        return sourceFolders.Where(Directory.Exists)
            .SelectMany(f => patterns.SelectMany(p => Directory.EnumerateFiles(f, p, SearchOption.AllDirectories)))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Any(f => File.GetLastWriteTimeUtc(f) > built);
    }

    private static void Run(string folder, string file, string arguments, TextWriter log)
    {
        var info = new ProcessStartInfo(file, arguments) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"'{file} {arguments}' failed in {folder} (exit {process.ExitCode}):\n{output.Result}\n{error.Result}");
        log.Write(output.Result.Length > 2000 ? output.Result[^2000..] : output.Result);
    }
}
