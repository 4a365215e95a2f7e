using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace CrmCx.Model.Tests.Contract;

/// <summary>A column as data-model.md states it; null members are left open by the contract.</summary>
public sealed record ContractColumn(
    string Table, string Name, string Kind, int? MaxLength, decimal? Min, decimal? Max, int? Precision,
    string? Target, string? Choice, bool Required, bool PrimaryName);

/// <summary>An alternate key as data-model.md states it.</summary>
public sealed record ContractKey(string Table, string Name, IReadOnlyList<string> Columns);

/// <summary>
/// Reads ../shared/design/data-model.md (the contract) so that the tests compare the model with the document itself,
/// not with a copy that could drift.
/// </summary>
public sealed class DataModelDocument
{
    private static readonly string[] StandardTables = { "account", "contact", "incident", "phonecall", "email", "appointment", "task" };

    private DataModelDocument(string text) => Text = text;

    /// <summary>The raw markdown.</summary>
    public string Text { get; }
    /// <summary>Choice name → (value, English label).</summary>
    public Dictionary<string, List<(int Value, string Label)>> Choices { get; } = new();
    /// <summary>Every column of every table section.</summary>
    public List<ContractColumn> Columns { get; } = new();
    /// <summary>Alternate keys.</summary>
    public List<ContractKey> Keys { get; } = new();
    /// <summary>Role names.</summary>
    public List<string> Roles { get; } = new();

    /// <summary>The contract, found next to the repository (walking up to CrmCx.sln).</summary>
    public static DataModelDocument Load() => Parse(File.ReadAllText(PathOf()));

    /// <summary>Path of data-model.md.</summary>
    public static string PathOf() => Path.GetFullPath(Path.Combine(RepoRoot(), "..", "shared", "design", "data-model.md"));

    /// <summary>The repository root: the first folder above the test binaries holding CrmCx.sln.</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CrmCx.sln"))) return dir.FullName;
        throw new InvalidOperationException("CrmCx.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Parses the markdown.</summary>
    public static DataModelDocument Parse(string text)
    {
        var doc = new DataModelDocument(text);
        string[] sectionTables = Array.Empty<string>();
        string section = string.Empty;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            if (line.StartsWith("## ", StringComparison.Ordinal))
            {
                section = line[3..];
                sectionTables = TablesOfSection(section);
                continue;
            }

            var key = Regex.Match(line, @"Alternate key `(\w+)` on \(([^)]*)\)");
            if (key.Success && sectionTables.Length == 1)
                doc.Keys.Add(new ContractKey(sectionTables[0], key.Groups[1].Value,
                    Regex.Matches(key.Groups[2].Value, @"`(\w+)`").Select(m => m.Groups[1].Value).ToArray()));

            if (!line.StartsWith('|') || line.StartsWith("| ---", StringComparison.Ordinal)) continue;
            var cells = line.Trim('|').Split('|').Select(c => c.Trim()).ToArray();

            if (section.StartsWith("Global choices", StringComparison.Ordinal))
            {
                var name = Regex.Match(cells[0], @"`(\w+)`");
                if (name.Success && Regex.IsMatch(cells[1], @"\d{9}")) doc.AddOptions(name.Groups[1].Value, cells[1]);
                else if (!name.Success && Regex.IsMatch(cells[1], @"\d{9}")) doc.AddOptions("cx_journeystage", cells[1]);
                continue;
            }

            if (section.StartsWith("Security roles", StringComparison.Ordinal))
            {
                if (cells[0] != "role") doc.Roles.Add(cells[0]);
                continue;
            }

            if (sectionTables.Length == 0 || cells.Length < 2) continue;
            var names = Regex.Matches(cells[0], @"`(\w+)`").Select(m => m.Groups[1].Value).ToArray();
            foreach (var table in sectionTables)
                foreach (var columnName in names)
                    doc.Columns.Add(ParseColumn(table, columnName, cells[1], cells.Length > 2 ? cells[2] : string.Empty));
        }
        return doc;
    }

    private void AddOptions(string choice, string cell)
    {
        if (!Choices.TryGetValue(choice, out var list)) Choices[choice] = list = new();
        foreach (Match m in Regex.Matches(cell, @"([A-Za-z][A-Za-z \-]*?)\s+(\d{9})"))
            list.Add((int.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture), m.Groups[1].Value.Trim()));
    }

    private static string[] TablesOfSection(string heading)
    {
        var own = Regex.Match(heading, @"^(cx_\w+)\s");
        if (own.Success) return new[] { own.Groups[1].Value };
        if (heading.Contains("added to", StringComparison.Ordinal))
        {
            var tail = heading[(heading.IndexOf("added to", StringComparison.Ordinal) + 8)..];
            return Regex.Matches(tail, @"\b[a-z]+\b").Select(m => m.Value).Where(StandardTables.Contains).ToArray();
        }
        return Array.Empty<string>();
    }

    private static ContractColumn ParseColumn(string table, string name, string type, string rules)
    {
        static decimal Num(string s) => decimal.Parse(s.Replace('−', '-'), System.Globalization.CultureInfo.InvariantCulture);
        var range = Regex.Match(type, @"([−-]?\d+)\s*–\s*([−-]?\d+)");
        decimal? min = range.Success ? Num(range.Groups[1].Value) : null;
        decimal? max = range.Success ? Num(range.Groups[2].Value) : null;
        var places = Regex.Match(type, @"(\d+) places?");
        var required = type.Contains("required", StringComparison.Ordinal) || rules.StartsWith("required", StringComparison.Ordinal);
        var primary = type.Contains("primary name", StringComparison.Ordinal);

        if (type.StartsWith("text", StringComparison.Ordinal))
            return new(table, name, "Text", int.Parse(Regex.Match(type, @"\d+").Value, System.Globalization.CultureInfo.InvariantCulture), null, null, null, null, null, required, primary);
        if (type.StartsWith("multiple lines of text", StringComparison.Ordinal))
        {
            var len = Regex.Match(type, @"\d+");
            return new(table, name, "Memo", len.Success ? int.Parse(len.Value, System.Globalization.CultureInfo.InvariantCulture) : null, null, null, null, null, null, required, primary);
        }
        if (type.StartsWith("whole number", StringComparison.Ordinal))
            return new(table, name, "WholeNumber", null, min, max, null, null, null, required, primary);
        if (type.StartsWith("decimal", StringComparison.Ordinal))
            return new(table, name, "Decimal", null, min, max, places.Success ? int.Parse(places.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : null, null, null, required, primary);
        if (type.StartsWith("date and time", StringComparison.Ordinal))
            return new(table, name, "DateTime", null, null, null, null, null, null, required, primary);
        if (type.StartsWith("lookup", StringComparison.Ordinal))
        {
            var target = Regex.Match(type, @"^lookup (\w+)");
            return new(table, name, "Lookup", null, null, null, null, target.Success ? target.Groups[1].Value : null, null, required, primary);
        }
        if (type.StartsWith("choice", StringComparison.Ordinal))
            return new(table, name, "Choice", null, null, null, null, null, Regex.Match(type, @"^choice (\w+)").Groups[1].Value, required, primary);
        throw new FormatException($"data-model.md: column '{name}' of '{table}' has a type the tests cannot read: '{type}'.");
    }
}
