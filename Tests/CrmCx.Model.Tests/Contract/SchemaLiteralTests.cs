using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace CrmCx.Model.Tests.Contract;

/// <summary>
/// Schema names live in the model (Model/CrmCx.Model) and in the files generated from it (*.g.cs, schema.g.ts); product
/// code uses the generated constants. This scan fails on a "cx_… literal anywhere else in product code (C# of Domain,
/// Plugins, Packaging and Cli; TypeScript of WebResources/src). Comments are not scanned; tests may spell names out, as
/// independent witnesses of the contract.
/// </summary>
public sealed partial class SchemaLiteralTests
{
    // Files allowed to keep literals while other work changes them: none now.
    private static readonly string[] Pending =
    {
    };

    private static readonly (string Folder, string Pattern)[] ProductCode =
    {
        ("Domain", "*.cs"), ("Plugins", "*.cs"), ("Packaging", "*.cs"), ("Cli", "*.cs"), ("WebResources/src", "*.ts"),
    };

    [Fact]
    public void No_product_code_outside_the_model_and_the_generated_files_spells_a_cx_schema_name()
    {
        var root = RepositoryRoot();
        var found = new List<string>();
        foreach (var (folder, pattern) in ProductCode)
        {
            foreach (var file in Directory.EnumerateFiles(Path.Combine(root, folder), pattern, SearchOption.AllDirectories))
            {
                var path = Path.GetRelativePath(root, file).Replace('\\', '/');
                if (path.Contains("/bin/", StringComparison.Ordinal) || path.Contains("/obj/", StringComparison.Ordinal)) continue;
                if (path.EndsWith(".g.cs", StringComparison.Ordinal) || path.EndsWith(".g.ts", StringComparison.Ordinal)) continue;
                if (Pending.Any(p => path.StartsWith(p, StringComparison.Ordinal))) continue;
                var lines = File.ReadAllLines(file);
                for (var i = 0; i < lines.Length; i++)
                    if (Literal().IsMatch(WithoutComment(lines[i]))) found.Add($"{path}:{i + 1}: {lines[i].Trim()}");
            }
        }
        Assert.True(found.Count == 0,
            "Schema names spelled as literals; use the generated constants (CrmCx.Schema in C#, ../schema in TypeScript), and add names the model lacks to Model/CrmCx.Model first:\n"
            + string.Join("\n", found));
    }

    [Fact]
    public void The_scan_sees_a_literal_and_ignores_comments()
    {
        Assert.Matches(Literal(), WithoutComment("    e[\"cx_score\"] = 1;"));
        Assert.Matches(Literal(), WithoutComment("    var m = $\"cx_{entity}_cx_surveyresponse\";"));
        Assert.Matches(Literal(), WithoutComment("  const t = `cx_x`;"));
        Assert.DoesNotMatch(Literal(), WithoutComment("    /// <summary>\"cx_score must be a whole number\".</summary>"));
        Assert.DoesNotMatch(Literal(), WithoutComment(" * reads cx_score \"cx_score\""));
        Assert.DoesNotMatch(Literal(), WithoutComment("    e[SurveyResponseSchema.Score] = 1; // was \"cx_score\""));
    }

    [Fact]
    public void Every_pending_entry_names_a_file_or_folder_that_exists()
    {
        var root = RepositoryRoot();
        Assert.All(Pending, p => Assert.True(File.Exists(Path.Combine(root, p)) || Directory.Exists(Path.Combine(root, p)), p));
    }

    // A line without its comment: whole-line comments (//, ///, /*, *) and a trailing // after code.
    private static string WithoutComment(string line)
    {
        var text = line.TrimStart();
        if (text.StartsWith("//", StringComparison.Ordinal) || text.StartsWith("/*", StringComparison.Ordinal) || text.StartsWith('*')) return string.Empty;
        var trailing = text.IndexOf(" //", StringComparison.Ordinal);
        return trailing < 0 ? text : text[..trailing];
    }

    [GeneratedRegex("[\"'`]cx_")]
    private static partial Regex Literal();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CrmCx.sln"))) return dir.FullName;
        throw new InvalidOperationException("CrmCx.sln not found above " + AppContext.BaseDirectory);
    }
}
