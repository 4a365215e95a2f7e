using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using CrmCx.Packaging.Build;
using CrmCx.Packaging.Content;
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
    /// <summary>The version the zips declare; <see cref="CrmCxSolution.Version"/> when null. Never lower than it.</summary>
    public Version? Version { get; init; }
    /// <summary>
    /// Opt-in for a zip meant for one environment only: sdkmessageids read in that environment for the messages that have
    /// no verified id (CreateMultiple, UpdateMultiple). The steps on them go into the zips only; Solution/ never carries them.
    /// </summary>
    public IReadOnlyDictionary<string, Guid> MessageIds { get; init; } = new Dictionary<string, Guid>();
}

/// <summary>The paths of the two zips a pack run wrote.</summary>
public sealed record PackResult(string ManagedZip, string UnmanagedZip);

/// <summary>What Solution/ should hold, and the registered steps that cannot ship (left out of those files).</summary>
public sealed record ExpectedSolution(SortedDictionary<string, string> Files, PluginAssemblyInfo Assembly, IReadOnlyList<StepProblem> Problems);

/// <summary>The outcome of check: files of Solution/ that differ from what generate writes, and steps that cannot ship.</summary>
public sealed record CheckResult(IReadOnlyList<string> Drift, IReadOnlyList<StepProblem> Problems, int StepCount)
{
    /// <summary>Solution/ is what generate writes and every step can ship.</summary>
    public bool IsClean => Drift.Count == 0 && Problems.Count == 0;
}

/// <summary>Entry points of the packaging tool, usable as a library (the crmcx CLI calls Run with "pack").</summary>
public static class PackagingCommands
{
    /// <summary>The usage text, printed for a missing or unknown command.</summary>
    public const string Usage =
        "usage: CrmCx.Packaging generate | check | pack [--no-build] [--out <folder>] [--version <major.minor.build.revision>] [--message-id <message>=<sdkmessageid>]...\n"
        + "  generate      writes Solution/ from the model, the catalogs and the plug-in registration attributes; a custom API whose\n"
        + "                plug-in class the assembly lacks is refused, and a step that cannot\n"
        + "                ship (no Id, UnSecureConfiguration, or a message without a verified sdkmessageid) is left out and named (exit 1).\n"
        + "                It also writes the schema constants from the model: Domain/CrmCx.Domain/Schema/*.g.cs,\n"
        + "                Domain/CrmCx.Domain/Choices/Choices.g.cs and WebResources/src/schema.g.ts.\n"
        + "  check         lists the files of Solution/ and the generated schema constants that differ from what generate writes,\n"
        + "                and the steps that cannot ship (exit 1 when any).\n"
        + "  pack          checks, validates and writes the managed and unmanaged zips (dist/ by default); refuses any step that cannot ship (exit 1).\n"
        + "  --no-build    packs what is built; fails when a build output is missing.\n"
        + "  --version     the version the zips declare, for an upgrade (default: CrmCxSolution.Version; never lower).\n"
        + "  --message-id  opt-in for a zip meant for ONE environment only: the sdkmessageid read there for a message that has no\n"
        + "                verified id (CreateMultiple, UpdateMultiple). Such a zip imports only where the ids were read; the zips\n"
        + "                for any tenant are packed without it (docs/admin-guide.md, section 9).";

    /// <summary>Runs a command line (see <see cref="Usage"/>) in the repository containing the current folder, or in <paramref name="layout"/>.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error, RepositoryLayout? layout = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            switch (args.FirstOrDefault())
            {
                case "generate":
                {
                    var repository = layout ?? RepositoryLayout.Find();
                    // The schema constants first: they need only the model, and the plug-in assembly Solution/ is read from compiles them.
                    if (SchemaCode.HasSources(repository.Root))
                    {
                        var schemaFiles = SchemaCode.Write(repository.Root);
                        output.WriteLine($"Schema constants generated: {schemaFiles} files ({SchemaCode.SchemaFolder}, {SchemaCode.ChoicesFile}, {SchemaCode.ScriptFile}).");
                    }
                    var generated = Generate(repository, output);
                    output.WriteLine($"Solution/ generated: {generated.Files.Count} files.");
                    if (generated.Problems.Count == 0) return 0;
                    error.WriteLine("error: " + StepCheck.Refusal(generated.Problems, generated.Assembly.Steps.Count()));
                    return 1;
                }
                case "check":
                {
                    var repository = layout ?? RepositoryLayout.Find();
                    var result = Check(repository, output);
                    foreach (var d in result.Drift) error.WriteLine(d);
                    if (result.Problems.Count > 0) error.WriteLine("error: " + StepCheck.Refusal(result.Problems, result.StepCount));
                    // The generated schema constants (C# and TypeScript) are committed like Solution/ and checked with it.
                    var schemaDrift = SchemaCode.HasSources(repository.Root) ? SchemaCode.Drift(repository.Root) : Array.Empty<string>();
                    foreach (var d in schemaDrift) error.WriteLine(d);
                    return result.IsClean && schemaDrift.Count == 0 ? 0 : 1;
                }
                case "pack":
                {
                    var options = new PackOptions
                    {
                        Build = !args.Contains("--no-build"),
                        OutputFolder = ValueOf(args, "--out"),
                        Version = ParseVersion(ValueOf(args, "--version")),
                        MessageIds = Packing.MessageIds.Parse(ValuesOf(args, "--message-id")),
                    };
                    var result = Pack(layout ?? RepositoryLayout.Find(), options, output);
                    output.WriteLine($"Wrote {result.ManagedZip}");
                    output.WriteLine($"Wrote {result.UnmanagedZip}");
                    return 0;
                }
                default:
                    error.WriteLine(Usage);
                    return 2;
            }
        }
        catch (Exception e) when (e is InvalidOperationException or FileNotFoundException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine("error: " + e.Message);
            return 1;
        }
    }

    /// <summary>The files Solution/ should hold, from the model, the catalogs and the built plugin assembly, and the steps left out of them.</summary>
    public static ExpectedSolution Expected(RepositoryLayout layout, TextWriter log, bool build = true)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(log);
        var path = build ? BuildOutputs.EnsurePluginAssembly(layout, log) : layout.PluginAssembly;
        // A custom API's plug-in has no registration attribute; the catalog names it, and the assembly file must list it.
        var assembly = CustomApiXml.WithPluginTypesOf(PluginAssemblyReader.Read(path), CustomApiCatalog.All);
        return new ExpectedSolution(SolutionGenerator.Generate(assembly), assembly, StepCheck.Problems(assembly));
    }

    /// <summary>
    /// Writes Solution/ and removes generated files that are no longer produced. Steps that cannot ship are left out (the
    /// result names them; the command then fails), so Solution/ never holds a step an import could not resolve.
    /// </summary>
    public static ExpectedSolution Generate(RepositoryLayout layout, TextWriter log)
    {
        var expected = Expected(layout, log);
        var files = expected.Files;
        foreach (var stale in GeneratedFiles(layout).ToList())
            if (!files.ContainsKey(Relative(layout, stale))) File.Delete(stale);
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(layout.Solution, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            if (!File.Exists(full) || File.ReadAllText(full) != text) File.WriteAllText(full, text);
        }
        foreach (var dir in Directory.EnumerateDirectories(layout.Solution, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length))
            if (!Directory.EnumerateFileSystemEntries(dir).Any()) Directory.Delete(dir);
        return expected;
    }

    /// <summary>Differences between Solution/ and what the generator produces, and the steps that cannot ship.</summary>
    public static CheckResult Check(RepositoryLayout layout, TextWriter log, bool build = true)
    {
        var expected = Expected(layout, log, build);
        var files = expected.Files;
        var drift = new List<string>();
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(layout.Solution, path);
            if (!File.Exists(full)) drift.Add($"missing: Solution/{path}");
            else if (File.ReadAllText(full) != text) drift.Add($"differs: Solution/{path}");
        }
        drift.AddRange(GeneratedFiles(layout).Select(f => Relative(layout, f)).Where(p => !files.ContainsKey(p)).Select(p => $"not generated: Solution/{p}"));
        if (drift.Count > 0) drift.Add("Run: dotnet run --project Packaging/CrmCx.Packaging -c Release -- generate");
        return new CheckResult(drift, expected.Problems, expected.Assembly.Steps.Count());
    }

    /// <summary>
    /// Builds what is missing, checks Solution/ against the attributes and the model, refuses steps that cannot ship
    /// (unless --message-id resolves them, for one environment), validates and writes both zips.
    /// </summary>
    public static PackResult Pack(RepositoryLayout layout, PackOptions options, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var version = options.Version ?? Version.Parse(CrmCxSolution.Version);
        if (version < Version.Parse(CrmCxSolution.Version))
            throw new InvalidOperationException($"--version {version} is lower than the solution's version {CrmCxSolution.Version}; Dataverse upgrades only to a higher version.");
        if (options.Build)
        {
            BuildOutputs.EnsurePluginAssembly(layout, log);
            BuildOutputs.EnsureWebResources(layout, log);
        }
        var check = Check(layout, log, build: false);
        if (check.Drift.Count > 0) throw new InvalidOperationException("Solution/ does not match the model and the registration attributes:\n  " + string.Join("\n  ", check.Drift));
        var assembly = PluginAssemblyReader.Read(layout.PluginAssembly);
        var remaining = Packing.MessageIds.Remaining(assembly, options.MessageIds);

        var schema = CustomizationsSchema.Load(layout.Schemas);
        var output = options.OutputFolder ?? layout.Dist;
        var name = version.ToString(4).Replace('.', '_');
        var managedZip = Path.Combine(output, $"CrmCx_{name}_managed.zip");
        var unmanagedZip = Path.Combine(output, $"CrmCx_{name}_unmanaged.zip");
        // Assemble and validate both before writing either, so a failure leaves no zip behind.
        var managed = SolutionPackage.Assemble(layout, managed: true, layout.PluginAssembly);
        var unmanaged = SolutionPackage.Assemble(layout, managed: false, layout.PluginAssembly);
        if (remaining.Count > 0) throw new InvalidOperationException(StepCheck.Refusal(remaining, assembly.Steps.Count()));
        foreach (var solution in new[] { managed, unmanaged })
        {
            var added = Packing.MessageIds.AddTargetSteps(solution, assembly, options.MessageIds);
            if (added > 0 && solution.Managed)
                log.WriteLine($"Packed {added} steps with the --message-id ids: these zips are for the environment those ids were read in, not for any tenant.");
            SolutionPackage.SetVersion(solution, version);
        }
        foreach (var (solution, kind) in new[] { (managed, "managed"), (unmanaged, "unmanaged") })
        {
            var errors = schema.Validate(solution.Customizations);
            if (errors.Count > 0) throw new InvalidOperationException($"customizations.xml of the {kind} solution does not conform to CustomizationsSolution.xsd:\n  " + string.Join("\n  ", errors.Take(20)));
        }
        SolutionPackage.Write(managed, schema, managedZip);
        SolutionPackage.Write(unmanaged, schema, unmanagedZip);
        return new PackResult(managedZip, unmanagedZip);
    }

    private static Version? ParseVersion(string? text)
    {
        if (text is null) return null;
        if (!Version.TryParse(text, out var version) || version.Revision < 0)
            throw new InvalidOperationException($"--version expects four numbers, major.minor.build.revision (for example 1.1.0.0); got '{text}'.");
        return version;
    }

    // The kinds of file generate writes (XML, and the cloud flow's JSON definition); anything else in Solution/ is left alone.
    private static IEnumerable<string> GeneratedFiles(RepositoryLayout layout) =>
        Directory.Exists(layout.Solution)
            ? new[] { "*.xml", "*.json" }.SelectMany(p => Directory.EnumerateFiles(layout.Solution, p, SearchOption.AllDirectories)).OrderBy(f => f, StringComparer.Ordinal)
            : Enumerable.Empty<string>();

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
        if (i < 0) return null;
        if (i + 1 >= args.Length) throw new InvalidOperationException($"{name} needs a value.");
        return args[i + 1];
    }
}
