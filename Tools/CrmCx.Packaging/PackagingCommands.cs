using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CrmCx.Packaging.Build;
using CrmCx.Packaging.Generation;
using CrmCx.Packaging.Packing;
using CrmCx.Packaging.Registration;
using CrmCx.Packaging.Repository;
using CrmCx.Packaging.Validation;

namespace CrmCx.Packaging;

/// <summary>Options of a pack run.</summary>
public sealed record PackOptions
{
    /// <summary>Build the plugin assembly and web resources when missing or stale.</summary>
    public bool Build { get; init; } = true;
    /// <summary>Output folder; dist/ of the repository when null.</summary>
    public string? OutputFolder { get; init; }
    /// <summary>
    /// sdkmessageids looked up in the target environment for the messages that have no verified id (CreateMultiple,
    /// UpdateMultiple), written into the zips only; Solution/ never carries them.
    /// </summary>
    public IReadOnlyDictionary<string, Guid> MessageIds { get; init; } = new Dictionary<string, Guid>();
}

/// <summary>The paths of the two zips a pack run wrote.</summary>
public sealed record PackResult(string ManagedZip, string UnmanagedZip);

/// <summary>Entry points of the packaging tool, usable as a library (the crmcx CLI calls Pack).</summary>
public static class PackagingCommands
{
    /// <summary>Runs a command line: generate | check | pack [--no-build] [--out folder] [--message-id Message=GUID]….</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            var layout = RepositoryLayout.Find();
            switch (args.FirstOrDefault())
            {
                case "generate":
                    var written = Generate(layout, output);
                    output.WriteLine($"Solution/ generated: {written} files.");
                    return 0;
                case "check":
                    var drift = Check(layout, output);
                    foreach (var d in drift) error.WriteLine(d);
                    return drift.Count == 0 ? 0 : 1;
                case "pack":
                    var options = new PackOptions { Build = !args.Contains("--no-build"), OutputFolder = ValueOf(args, "--out"), MessageIds = MessageIds.Parse(ValuesOf(args, "--message-id")) };
                    var result = Pack(layout, options, output);
                    output.WriteLine($"Wrote {result.ManagedZip}");
                    output.WriteLine($"Wrote {result.UnmanagedZip}");
                    return 0;
                default:
                    error.WriteLine("usage: CrmCx.Packaging generate | check | pack [--no-build] [--out <folder>] [--message-id <message>=<sdkmessageid>]...");
                    return 2;
            }
        }
        catch (Exception e) when (e is InvalidOperationException or FileNotFoundException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine("error: " + e.Message);
            return 1;
        }
    }

    /// <summary>The files Solution/ should hold, from the model, the catalogs and the built plugin assembly.</summary>
    public static SortedDictionary<string, string> Expected(RepositoryLayout layout, TextWriter log, bool build = true, bool warn = true)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(log);
        var path = build ? BuildOutputs.EnsurePluginAssembly(layout, log) : layout.PluginAssembly;
        var assembly = PluginAssemblyReader.Read(path);
        // Said on every run, so nobody ships these steps without knowing (docs/admin-guide.md §9).
        var unresolved = MessageIds.Unresolved(assembly);
        if (warn && unresolved.Count > 0) log.WriteLine(MessageIds.Warning(unresolved, assembly.Steps.Count()));
        return SolutionGenerator.Generate(assembly);
    }

    /// <summary>Writes Solution/ and removes generated files that are no longer produced; returns the number of files.</summary>
    public static int Generate(RepositoryLayout layout, TextWriter log)
    {
        var files = Expected(layout, log);
        foreach (var stale in Directory.Exists(layout.Solution) ? Directory.EnumerateFiles(layout.Solution, "*.xml", SearchOption.AllDirectories).ToList() : new List<string>())
            if (!files.ContainsKey(Relative(layout, stale))) File.Delete(stale);
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(layout.Solution, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            if (!File.Exists(full) || File.ReadAllText(full) != text) File.WriteAllText(full, text);
        }
        foreach (var dir in Directory.EnumerateDirectories(layout.Solution, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length))
            if (!Directory.EnumerateFileSystemEntries(dir).Any()) Directory.Delete(dir);
        return files.Count;
    }

    /// <summary>Differences between Solution/ and what the generator produces; empty when they agree.</summary>
    public static IReadOnlyList<string> Check(RepositoryLayout layout, TextWriter log, bool build = true, bool warn = true)
    {
        var files = Expected(layout, log, build, warn);
        var drift = new List<string>();
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(layout.Solution, path);
            if (!File.Exists(full)) drift.Add($"missing: Solution/{path}");
            else if (File.ReadAllText(full) != text) drift.Add($"differs: Solution/{path}");
        }
        if (Directory.Exists(layout.Solution))
            drift.AddRange(Directory.EnumerateFiles(layout.Solution, "*.xml", SearchOption.AllDirectories).Select(f => Relative(layout, f))
                .Where(p => !files.ContainsKey(p)).Select(p => $"not generated: Solution/{p}"));
        if (drift.Count > 0) drift.Add("Run: dotnet run --project Tools/CrmCx.Packaging -- generate");
        return drift;
    }

    /// <summary>Builds what is missing, checks Solution/ against the attributes and the model, validates and writes both zips.</summary>
    public static PackResult Pack(RepositoryLayout layout, PackOptions options, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Build)
        {
            BuildOutputs.EnsurePluginAssembly(layout, log);
            BuildOutputs.EnsureWebResources(layout, log);
        }
        var drift = Check(layout, log, build: false, warn: false);
        if (drift.Count > 0) throw new InvalidOperationException("Solution/ does not match the model and the registration attributes:\n  " + string.Join("\n  ", drift));

        var schema = CustomizationsSchema.Load(layout.Schemas);
        var output = options.OutputFolder ?? layout.Dist;
        var version = CrmCxSolution.Version.Replace('.', '_');
        var managedZip = Path.Combine(output, $"CrmCx_{version}_managed.zip");
        var unmanagedZip = Path.Combine(output, $"CrmCx_{version}_unmanaged.zip");
        // Assemble and validate both before writing either, so a failure leaves no zip behind.
        var managed = SolutionPackage.Assemble(layout, managed: true, layout.PluginAssembly);
        var unmanaged = SolutionPackage.Assemble(layout, managed: false, layout.PluginAssembly);
        var assembly = PluginAssemblyReader.Read(layout.PluginAssembly);
        MessageIds.Apply(managed, assembly, options.MessageIds);
        var unresolved = MessageIds.Apply(unmanaged, assembly, options.MessageIds);
        if (unresolved.Count > 0) log.WriteLine(MessageIds.Warning(unresolved, assembly.Steps.Count()));
        foreach (var (solution, name) in new[] { (managed, "managed"), (unmanaged, "unmanaged") })
        {
            var errors = schema.Validate(solution.Customizations);
            if (errors.Count > 0) throw new InvalidOperationException($"customizations.xml of the {name} solution does not conform to CustomizationsSolution.xsd:\n  " + string.Join("\n  ", errors.Take(20)));
        }
        SolutionPackage.Write(managed, schema, managedZip);
        SolutionPackage.Write(unmanaged, schema, unmanagedZip);
        return new PackResult(managedZip, unmanagedZip);
    }

    private static string Relative(RepositoryLayout layout, string path) => Path.GetRelativePath(layout.Solution, path).Replace(Path.DirectorySeparatorChar, '/');

    private static IEnumerable<string> ValuesOf(string[] args, string name)
    {
        for (var i = 0; i < args.Length; i++)
            if (args[i] == name)
            {
                if (i + 1 >= args.Length) throw new InvalidOperationException($"{name} needs a value.");
                yield return args[++i];
            }
    }

    private static string? ValueOf(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
