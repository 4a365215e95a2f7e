using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using CrmCx.Model;
using CrmCx.Model.Choices;
using CrmCx.Model.Columns;
using CrmCx.Model.Components;
using CrmCx.Model.Relationships;
using CrmCx.Model.Tables;

namespace CrmCx.Packaging.Generation;

/// <summary>
/// Writes the schema constants from the model (CrmCx.Model): the C# classes of Domain/CrmCx.Domain/Schema (compiled into
/// the domain and the plug-in assembly, which may not reference the model), the choice enums of
/// Domain/CrmCx.Domain/Choices, and WebResources/src/schema.g.ts. The files are committed; the packer's generate writes
/// them and check reports them stale, like Solution/.
/// </summary>
public static class SchemaCode
{
    /// <summary>The command that rewrites the generated files.</summary>
    public const string Command = "dotnet run --project Packaging/CrmCx.Packaging -c Release -- generate";

    /// <summary>Folder of the generated C# schema classes, relative to the repository.</summary>
    public const string SchemaFolder = "Domain/CrmCx.Domain/Schema";

    /// <summary>The generated choice enums, relative to the repository.</summary>
    public const string ChoicesFile = "Domain/CrmCx.Domain/Choices/Choices.g.cs";

    /// <summary>The generated TypeScript, relative to the repository.</summary>
    public const string ScriptFile = "WebResources/src/schema.g.ts";

    // The keys each schema.g.ts object carries: what the web resources read (every key must name a model column or a
    // generated member; the generator refuses one that does not). The panel has a size budget, so the script objects list
    // these rather than every column; add a key here when a web resource needs another name.
    private static readonly Dictionary<string, string[]> ScriptKeys = new(StringComparer.Ordinal)
    {
        ["CustomerColumns"] = new[] { "nps", "npsPrevious", "npsMargin", "npsPreviousMargin", "npsResponses", "promoters", "passives", "detractors", "npsHistory", "lastResponseOn", "riskLevel", "atRiskJourneys", "riskReasons", "riskReasonsJson" },
        ["JourneyColumns"] = new[] { "id", "name", "journeyType", "currentStage", "score", "scoreTrend", "riskScore", "riskLevel", "riskReasons", "riskReasonsJson", "state", "accountValue", "contactValue" },
        ["StageScoreColumns"] = new[] { "stage", "score", "touchpoints", "responses" },
        ["SurveyResponseColumns"] = new[] { "id", "contactValue", "comment", "score", "respondedOn", "channel" },
        ["CaseColumns"] = new[] { "journeyValue", "stage" },
    };

    private sealed record Member(string Name, string Value, string Summary, string? Script);

    private sealed record ClassSpec(string Name, string Namespace, string Summary, IReadOnlyList<Member> Members, string? ScriptTable, string? ScriptColumns, string? Extra = null);

    // Platform columns and tables (Microsoft's names, not described by the model) that the schema classes carry for the code.
    private static Member Platform(string name, string value, string summary, string? script = null) => new(name, value, summary + " (platform name).", script);

    /// <summary>
    /// Whether the repository at <paramref name="root"/> holds the sources the constants belong to (the model and the
    /// domain project); a packaging-only copy (the packer's test repositories: Solution/, a plug-in DLL, built web
    /// resources) has none, and generate and check leave the constants out there.
    /// </summary>
    public static bool HasSources(string root) =>
        Directory.Exists(Path.Combine(root, "Model", "CrmCx.Model")) && Directory.Exists(Path.Combine(root, "Domain", "CrmCx.Domain"));

    /// <summary>Every generated file: repository-relative path (with /) and its text.</summary>
    public static SortedDictionary<string, string> Generate()
    {
        var classes = Classes();
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var spec in classes) files[$"{SchemaFolder}/{spec.Name}.g.cs"] = CSharp(spec);
        files[ChoicesFile] = ChoiceEnums();
        files[ScriptFile] = Script(classes);
        return files;
    }

    /// <summary>The generated files that are missing or differ in the repository at <paramref name="root"/>, and the command to run.</summary>
    public static IReadOnlyList<string> Drift(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var drift = new List<string>();
        foreach (var (path, text) in Generate())
        {
            var full = Path.Combine(root, path);
            if (!File.Exists(full)) drift.Add($"missing: {path}");
            else if (File.ReadAllText(full).ReplaceLineEndings("\n") != text) drift.Add($"stale: {path}");
        }
        var expected = Generate().Keys.Where(k => k.StartsWith(SchemaFolder + "/", StringComparison.Ordinal)).ToHashSet(StringComparer.Ordinal);
        var folder = Path.Combine(root, SchemaFolder);
        if (Directory.Exists(folder))
            foreach (var file in Directory.EnumerateFiles(folder, "*.g.cs").Select(f => SchemaFolder + "/" + Path.GetFileName(f)).Order(StringComparer.Ordinal))
                if (!expected.Contains(file)) drift.Add($"not generated: {file}");
        if (drift.Count > 0) drift.Add("Run: " + Command);
        return drift;
    }

    /// <summary>Writes the generated files into the repository at <paramref name="root"/> (only those that changed) and removes stale generated schema classes.</summary>
    public static int Write(string root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var files = Generate();
        var folder = Path.Combine(root, SchemaFolder);
        if (Directory.Exists(folder))
            foreach (var file in Directory.EnumerateFiles(folder, "*.g.cs"))
                if (!files.ContainsKey(SchemaFolder + "/" + Path.GetFileName(file))) File.Delete(file);
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            if (!File.Exists(full) || File.ReadAllText(full) != text) File.WriteAllText(full, text);
        }
        return files.Count;
    }

    private static IReadOnlyList<ClassSpec> Classes()
    {
        var response = SurveyResponseTable.Table;
        var journey = CustomerJourneyTable.Table;
        var stage = JourneyStageScoreTable.Table;
        var npsDay = NpsDayTable.Table;
        var driverDay = DriverDayTable.Table;
        var touchpoints = StandardTableExtensions.All.Where(e => StandardTableExtensions.TouchpointTables.Contains(e.LogicalName)).ToList();
        return new[]
        {
            new ClassSpec("CustomerSchema", "CrmCx.Schema", "Columns CrmCx adds to account and contact (data-model.md), and the standard ones it reads.",
                new[]
                {
                    Platform("Account", "account", "Logical name of the account table", ""),
                    Platform("AccountId", "accountid", "Primary key of account", ""),
                    Platform("Contact", "contact", "Logical name of the contact table", ""),
                    Platform("ContactId", "contactid", "Primary key of contact", ""),
                    Platform("ParentCustomer", "parentcustomerid", "The contact's parent customer (account or contact)", ""),
                    Platform("Owner", "ownerid", "Owner of the account or contact: receives follow-up tasks and alerts", ""),
                    Platform("AccountName", "name", "Account name", ""),
                    Platform("ContactFullName", "fullname", "Contact full name", ""),
                }.Concat(Columns(StandardTableExtensions.CustomerColumns, lookupValues: false)).ToList(),
                null, "CustomerColumns"),
            TableClass("SurveyResponseSchema", "CrmCx.Schema", response, "SurveyResponseTable", "SurveyResponseColumns",
                Platform("ModifiedOn", "modifiedon", "When the row was last written")),
            TableClass("JourneySchema", "CrmCx.Schema", journey, "JourneyTable", "JourneyColumns",
                Platform("StateCode", "statecode", "Status: Active (in progress) or Inactive (completed, abandoned)", "state"),
                Platform("StatusCode", "statuscode", "Status reason: In progress, Completed or Abandoned"),
                Platform("Owner", "ownerid", "Owner of the journey: receives its alerts")),
            TableClass("StageScoreSchema", "CrmCx.Schema", stage, "StageScoreTable", "StageScoreColumns"),
            TableClass("NpsDaySchema", "CrmCx.Schema", npsDay, "NpsDayTable", null),
            TableClass("DriverDaySchema", "CrmCx.Drivers", driverDay, "DriverDayTable", null,
                new Member("WatermarkKey", DriverDayTable.WatermarkKey, "Dimension and key of the one row that holds the watermark.", "")),
            new ClassSpec("TouchpointSchema", "CrmCx.Schema", "Columns CrmCx adds to cases and activities (the touchpoints of a journey), and their tables.",
                Columns(StandardTableExtensions.TouchpointColumns, lookupValues: true)
                    .Concat(touchpoints.Select(t => new Member(t.SchemaName, t.LogicalName, $"{t.DisplayName.English} table.", "")))
                    .ToList(),
                null, "CaseColumns",
                "    /// <summary>Every table whose rows are journey touchpoints.</summary>\n"
                + $"    public static readonly string[] Tables = {{ {string.Join(", ", touchpoints.Select(t => t.SchemaName))} }};\n"),
            new ClassSpec("RelationshipSchema", "CrmCx.Schema", "Schema names of the one-to-many relationships the code expands or shows in subgrids.",
                CrmCxRelationships.All.Where(r => r.CodeName is not null)
                    .Select(r => new Member(r.CodeName!, r.SchemaName, $"{r.ReferencedEntity} to {r.ReferencingEntity} on {r.ReferencingAttribute}.", null)).ToList(),
                null, "Relationships"),
            new ClassSpec("ComponentSchema", "CrmCx.Schema", "Names of the other solution components code refers to (custom APIs, settings, web resources, form elements, dashboard).",
                ComponentNames.All.Select(c => new Member(c.CodeName, c.Name, c.Summary, c.InScript ? null : "")).ToList(),
                null, "Components"),
        };
    }

    private static ClassSpec TableClass(string name, string ns, TableModel table, string? scriptTable, string? scriptColumns, params Member[] extra)
    {
        var members = new List<Member>
        {
            new("EntityName", table.LogicalName, "Logical name of the table.", ""),
            new("Id", table.PrimaryIdColumn, "Primary key column.", null),
        };
        members.AddRange(Columns(table.Columns, lookupValues: true));
        members.AddRange(table.Keys.Where(k => k.CodeName is not null)
            .Select(k => new Member(k.CodeName!, k.LogicalName, $"Alternate key on ({string.Join(", ", k.Columns)}).", "")));
        members.AddRange(extra);
        return new ClassSpec(name, ns, $"Logical names of {table.LogicalName}: {table.Description.English}", members, scriptTable, scriptColumns);
    }

    private static IEnumerable<Member> Columns(IEnumerable<ColumnModel> columns, bool lookupValues)
    {
        foreach (var column in columns)
        {
            // The Web API names a lookup's value _name_value in $select and $filter: the script gets that name only.
            var valueOnly = lookupValues && column.Kind == ColumnKind.Lookup;
            yield return new Member(column.Code, column.LogicalName, $"{Kind(column)}: {column.Description.English}", valueOnly ? "" : column.Script);
            if (valueOnly) yield return new Member(column.Code + "Value", $"_{column.LogicalName}_value", "", column.Script + "Value");
        }
    }

    private static string Kind(ColumnModel column) => column.Kind switch
    {
        ColumnKind.Text => $"Text {column.MaxLength}" + (column.IsPrimaryName ? ", primary name" : string.Empty),
        ColumnKind.Memo => $"Multiple lines of text, {column.MaxLength}",
        ColumnKind.WholeNumber => "Whole number",
        ColumnKind.Decimal => $"Decimal, {column.Precision} decimal place" + (column.Precision == 1 ? string.Empty : "s"),
        ColumnKind.DateTime => "Date and time",
        ColumnKind.Lookup => $"Lookup {column.Target}",
        ColumnKind.Choice => $"Choice {column.Choice!.Name}",
        _ => column.Kind.ToString(),
    };

    private static string Header(string comment) =>
        $"{comment} <auto-generated>\n{comment}   Generated from the model (Model/CrmCx.Model) by the packer; do not edit. Regenerate with:\n{comment}   {Command}\n{comment} </auto-generated>\n";

    private static string CSharp(ClassSpec spec)
    {
        var text = new StringBuilder(Header("//"));
        text.Append('\n').Append("namespace ").Append(spec.Namespace).Append(";\n\n");
        text.Append("/// <summary>").Append(Xml(spec.Summary)).Append("</summary>\n");
        text.Append("public static class ").Append(spec.Name).Append("\n{\n");
        foreach (var member in spec.Members.Where(m => m.Summary.Length > 0))
        {
            text.Append("    /// <summary>").Append(Xml(member.Summary)).Append("</summary>\n");
            text.Append("    public const string ").Append(member.Name).Append(" = \"").Append(member.Value).Append("\";\n");
        }
        if (spec.Extra is not null) text.Append(spec.Extra);
        text.Append("}\n");
        return text.ToString();
    }

    private static string ChoiceEnums()
    {
        var text = new StringBuilder(Header("//"));
        text.Append("\nnamespace CrmCx.Domain.Choices;\n");
        foreach (var (name, choice) in new[] { ("NpsCategory", GlobalChoices.NpsCategory), ("JourneyType", GlobalChoices.JourneyType), ("RiskLevel", GlobalChoices.RiskLevel), ("Channel", GlobalChoices.Channel) })
        {
            text.Append("\n/// <summary>Choice ").Append(choice.Name).Append(": ").Append(Xml(choice.Description.English)).Append("</summary>\n");
            text.Append("public enum ").Append(name).Append("\n{\n");
            foreach (var option in choice.Options)
            {
                text.Append("    /// <summary>").Append(Xml(option.Label.English)).Append(".</summary>\n");
                text.Append("    ").Append(CodeNames.FromLabel(option.Label.English)).Append(" = ").Append(option.Value.ToString(CultureInfo.InvariantCulture)).Append(",\n");
            }
            text.Append("}\n");
        }
        return text.ToString();
    }

    private static string Script(IReadOnlyList<ClassSpec> classes)
    {
        var text = new StringBuilder(Header("//"));
        text.Append("// Names and choice values of the data model: the contract with the plug-ins and the solution.\n");
        foreach (var spec in classes)
        {
            var entity = spec.Members.FirstOrDefault(m => m.Name == "EntityName");
            if (spec.ScriptTable is not null && entity is not null)
                text.Append("\nexport const ").Append(spec.ScriptTable).Append(" = \"").Append(entity.Value).Append("\";\n");
            if (spec.ScriptColumns is null) continue;
            if (spec.ScriptTable is null) text.Append('\n');
            text.Append("/** ").Append(spec.Summary).Append(" */\n");
            text.Append("export const ").Append(spec.ScriptColumns).Append(" = {\n");
            var members = spec.Members.Where(m => m.Script != "").Select(m => (Key: m.Script ?? CodeNames.Camel(m.Name), m.Value)).ToList();
            if (ScriptKeys.TryGetValue(spec.ScriptColumns, out var keys))
            {
                var unknown = keys.Except(members.Select(m => m.Key)).ToList();
                if (unknown.Count > 0) throw new InvalidOperationException($"{spec.ScriptColumns} lists keys the model does not have: {string.Join(", ", unknown)}.");
                members = members.Where(m => keys.Contains(m.Key)).ToList();
            }
            foreach (var (key, value) in members)
                text.Append("  ").Append(key).Append(": \"").Append(value).Append("\",\n");
            text.Append("} as const;\n");
        }
        foreach (var (exportName, choice) in new[] { ("NpsCategory", GlobalChoices.NpsCategory), ("JourneyType", GlobalChoices.JourneyType), ("JourneyStage", GlobalChoices.JourneyStage), ("RiskLevel", GlobalChoices.RiskLevel), ("Channel", GlobalChoices.Channel) })
        {
            text.Append("\n/** Choice ").Append(choice.Name).Append(". */\n");
            text.Append("export const ").Append(exportName).Append(" = {\n");
            foreach (var option in choice.Options)
                text.Append("  ").Append(CodeNames.Camel(CodeNames.FromLabel(option.Label.English))).Append(": ").Append(option.Value.ToString(CultureInfo.InvariantCulture)).Append(",\n");
            text.Append("} as const;\n");
        }
        text.Append("\n/**\n * Stages of each journey type in the customer's order. A stage value is 964000000 + 100 × (the type's last\n * digit) + the stage's order.\n */\n");
        text.Append("export const StagesByJourneyType: Readonly<Record<number, readonly number[]>> = {\n");
        foreach (var type in GlobalChoices.JourneyType.Options)
        {
            var digit = type.Value % 10;
            var stages = GlobalChoices.JourneyStage.Options.Where(s => (s.Value - CrmCxModel.OptionValuePrefix * 10000) / 100 == digit).Select(s => s.Value.ToString(CultureInfo.InvariantCulture));
            text.Append("  [JourneyType.").Append(CodeNames.Camel(CodeNames.FromLabel(type.Label.English))).Append("]: [").Append(string.Join(", ", stages)).Append("],\n");
        }
        text.Append("};\n");
        return text.ToString();
    }

    private static string Xml(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
