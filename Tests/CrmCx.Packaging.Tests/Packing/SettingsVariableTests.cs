using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using CrmCx.Packaging.Content;
using CrmCx.Packaging.Tests.Infrastructure;
using Xunit;

namespace CrmCx.Packaging.Tests.Packing;

/// <summary>The cx_Settings environment variable: one JSON definition, its default value every default, in Solution/ and both zips.</summary>
[Collection(BuiltSolutionCollection.Name)]
public sealed class SettingsVariableTests(BuiltSolution built)
{
    private const string Path = "environmentvariabledefinitions/cx_Settings/environmentvariabledefinition.xml";

    public static IEnumerable<object[]> Kinds() => new[] { new object[] { true }, new object[] { false } };

    private static XDocument Entry(byte[] zip, string name)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        var entry = archive.GetEntry(name);
        Assert.True(entry is not null, $"{name} is not in the zip");
        using var stream = entry!.Open();
        return XDocument.Load(stream);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Both_zips_carry_the_definition_at_the_exported_path_as_Solution_holds_it(bool managed)
    {
        var zip = managed ? built.ManagedZip : built.UnmanagedZip;
        var inZip = Entry(zip, Path);
        var committed = XDocument.Load(System.IO.Path.Combine(built.Layout.Solution, "environmentvariabledefinitions", "cx_Settings", "environmentvariabledefinition.xml"));
        Assert.True(XNode.DeepEquals(committed.Root, inZip.Root));
        // Exports do not name environment variable definitions in customizations.xml.
        Assert.DoesNotContain(Entry(zip, "customizations.xml").Descendants(), e => e.Name.LocalName.Contains("environmentvariable", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_definition_is_one_JSON_variable_named_cx_Settings_with_its_display_name()
    {
        var definition = Entry(built.ManagedZip, Path).Root!;
        Assert.Equal(("environmentvariabledefinition", "cx_Settings"), (definition.Name.LocalName, (string?)definition.Attribute("schemaname")));
        Assert.Equal("100000003", definition.Element("type")!.Value);
        Assert.Equal("CrmCx settings", (string?)definition.Element("displayname")!.Attribute("default"));
        Assert.Equal(("CrmCx settings", "1033"), ((string?)definition.Element("displayname")!.Element("label")!.Attribute("description"), (string?)definition.Element("displayname")!.Element("label")!.Attribute("languagecode")));
        Assert.Equal(("0", "0", "1"), (definition.Element("isrequired")!.Value, definition.Element("secretstore")!.Value, definition.Element("iscustomizable")!.Value));
        Assert.Equal("1.0.0.0", definition.Element("introducedversion")!.Value);
        // Lower-case children in alphabetical order, as exports write them.
        var names = definition.Elements().Select(e => e.Name.LocalName).ToList();
        Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal), names);
        Assert.Single(Directory.EnumerateDirectories(System.IO.Path.Combine(built.Layout.Solution, "environmentvariabledefinitions")));
    }

    [Fact]
    public void The_default_value_is_valid_JSON_holding_every_default()
    {
        var value = Entry(built.ManagedZip, Path).Root!.Element("defaultvalue")!.Value;
        Assert.Equal(SettingsCatalog.DefaultJson, value);
        Assert.True(value.Length <= SettingsCatalog.DefaultValueMaxLength, $"{value.Length} characters; Dataverse keeps at most {SettingsCatalog.DefaultValueMaxLength}");
        var json = JsonDocument.Parse(value).RootElement;
        Assert.Equal(365, json.GetProperty("windowDays").GetInt32());
        Assert.True(json.GetProperty("followUpEnabled").GetBoolean());
        Assert.Equal(2, json.GetProperty("followUpDueDays").GetInt32());
        Assert.Equal(5000, json.GetProperty("summarizeDaysAbove").GetInt32());
        Assert.Equal((20, 50, 14, 2), (json.GetProperty("trendDropPoints").GetInt32(), json.GetProperty("lowJourneyScore").GetInt32(), json.GetProperty("repeatWindowDays").GetInt32(), json.GetProperty("repeatContactsMinimum").GetInt32()));
        var types = new[] { "onboarding", "relocation", "renewal", "technicalIssue", "other" };
        Assert.Equal(new[] { 6, 4, 3, 3, 5 }, types.Select(t => json.GetProperty("expectedTouchpoints").GetProperty(t).GetInt32()));
        Assert.Equal(new[] { 90, 30, 45, 14, 60 }, types.Select(t => json.GetProperty("expectedDays").GetProperty(t).GetInt32()));
        Assert.Equal((40, 10, 90), (json.GetProperty("detractorSharePercent").GetInt32(), json.GetProperty("detractorShareMinimumResponses").GetInt32(), json.GetProperty("silentDays").GetInt32()));
        Assert.Equal(13, json.EnumerateObject().Count());
    }

    [Fact]
    public void No_step_carries_configuration_any_more()
    {
        foreach (var zip in new[] { built.ManagedZip, built.UnmanagedZip })
            Assert.Empty(Entry(zip, "customizations.xml").Descendants("SdkMessageProcessingStep").Elements("Configuration"));
        Assert.Empty(Directory.EnumerateFiles(System.IO.Path.Combine(built.Layout.Solution, "SdkMessageProcessingSteps")).Select(XDocument.Load).SelectMany(d => d.Root!.Elements("Configuration")));
    }
}
