using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using CrmCx.Model.Tests.Contract;
using CrmCx.Packaging.Packing;
using CrmCx.Packaging.Registration;
using CrmCx.Packaging.Tests.Infrastructure;
using Xunit;

namespace CrmCx.Packaging.Tests.Packing;

[Collection(BuiltSolutionCollection.Name)]
public sealed class PackedZipTests(BuiltSolution built)
{
    private static readonly DataModelDocument Contract = DataModelDocument.Load();

    public static IEnumerable<object[]> Kinds() => new[] { new object[] { true }, new object[] { false } };

    private byte[] Zip(bool managed) => managed ? built.ManagedZip : built.UnmanagedZip;

    private static Dictionary<string, byte[]> Entries(byte[] zip) => ZipEntries.Read(zip);

    private static XDocument Part(byte[] zip, string name) => XDocument.Load(new MemoryStream(Entries(zip)[name]));

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Customizations_of_both_zips_conform_to_Microsofts_schema(bool managed)
    {
        var errors = built.Schema.Validate(Part(Zip(managed), "customizations.xml"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_zip_has_the_three_parts_of_an_export_at_its_root(bool managed)
    {
        using var archive = new ZipArchive(new MemoryStream(Zip(managed)), ZipArchiveMode.Read);
        Assert.Equal(new[] { "[Content_Types].xml", "solution.xml", "customizations.xml" }, archive.Entries.Take(3).Select(e => e.FullName));
        Assert.All(archive.Entries.Skip(3), e => Assert.True(new[] { "WebResources/", "PluginAssemblies/", "environmentvariabledefinitions/", "customapis/", "Workflows/" }.Any(p => e.FullName.StartsWith(p, StringComparison.Ordinal)), e.FullName));
    }

    [Fact]
    public void The_managed_zip_says_managed_and_the_unmanaged_zip_says_unmanaged()
    {
        Assert.Equal("1", Part(built.ManagedZip, "solution.xml").Root!.Element("SolutionManifest")!.Element("Managed")!.Value);
        Assert.Equal("0", Part(built.UnmanagedZip, "solution.xml").Root!.Element("SolutionManifest")!.Element("Managed")!.Value);
    }

    [Fact]
    public void The_manifest_names_the_solution_publisher_prefixes_and_version()
    {
        var manifest = Part(built.ManagedZip, "solution.xml").Root!.Element("SolutionManifest")!;
        Assert.Equal("CrmCx", manifest.Element("UniqueName")!.Value);
        Assert.Equal("1.0.0.0", manifest.Element("Version")!.Value);
        var publisher = manifest.Element("Publisher")!;
        Assert.Equal(("crmcx", "cx", "96400"), (publisher.Element("UniqueName")!.Value, publisher.Element("CustomizationPrefix")!.Value, publisher.Element("CustomizationOptionValuePrefix")!.Value));
    }

    [Fact]
    public void The_same_inputs_give_byte_identical_zips()
    {
        var again = SolutionPackage.ToZip(SolutionPackage.Assemble(built.Layout, managed: true, built.Layout.PluginAssembly));
        Assert.Equal(built.ManagedZip, again);
        Assert.Equal(built.ManagedZip, SolutionPackage.ToZip(built.Managed));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_column_of_the_data_model_is_in_customizations_with_its_type_and_limits(bool managed)
    {
        var entities = Part(Zip(managed), "customizations.xml").Root!.Element("Entities")!.Elements("Entity")
            .ToDictionary(e => e.Element("Name")!.Value.ToLowerInvariant(), e => e.Element("EntityInfo")!.Element("entity")!.Element("attributes")!.Elements("attribute").ToDictionary(a => a.Element("LogicalName")!.Value));
        var types = new Dictionary<string, string> { ["Text"] = "nvarchar", ["Memo"] = "ntext", ["WholeNumber"] = "int", ["Decimal"] = "decimal", ["DateTime"] = "datetime", ["Lookup"] = "lookup", ["Choice"] = "picklist" };
        Assert.NotEmpty(Contract.Columns);
        foreach (var c in Contract.Columns)
        {
            Assert.True(entities.ContainsKey(c.Table), $"table {c.Table} missing");
            Assert.True(entities[c.Table].TryGetValue(c.Name, out var a), $"{c.Table}.{c.Name} missing");
            Assert.Equal(types[c.Kind], a!.Element("Type")!.Value);
            if (c.MaxLength is not null) Assert.Equal(c.MaxLength.ToString(), a.Element("MaxLength")!.Value);
            if (c.Min is not null) Assert.Equal(c.Min.Value, decimal.Parse(a.Element("MinValue")!.Value, System.Globalization.CultureInfo.InvariantCulture));
            if (c.Max is not null) Assert.Equal(c.Max.Value, decimal.Parse(a.Element("MaxValue")!.Value, System.Globalization.CultureInfo.InvariantCulture));
            if (c.Precision is not null) Assert.Equal(c.Precision.ToString(), a.Element("Accuracy")!.Value);
            if (c.Choice is not null) Assert.Equal(c.Choice, a.Element("OptionSetName")!.Value);
            if (c.Required) Assert.Equal("required", a.Element("RequiredLevel")!.Value);
            Assert.True(a.Elements("displaynames").Elements("displayname").Select(d => (string?)d.Attribute("languagecode")).SequenceEqual(new[] { "1033", "1036" }), $"{c.Table}.{c.Name} needs English and French labels");
        }
    }

    [Fact]
    public void Every_lookup_of_the_data_model_has_its_relationship_to_the_target_table()
    {
        var relationships = Part(built.ManagedZip, "customizations.xml").Root!.Element("EntityRelationships")!.Elements("EntityRelationship").ToList();
        foreach (var c in Contract.Columns.Where(c => c.Kind == "Lookup"))
            Assert.Contains(relationships, r => r.Element("ReferencingEntityName")!.Value.Equals(c.Table, StringComparison.OrdinalIgnoreCase) && r.Element("ReferencingAttributeName")!.Value == c.Name
                && (c.Target is null || r.Element("ReferencedEntityName")!.Value.Equals(c.Target, StringComparison.OrdinalIgnoreCase)));
        Assert.Equal("Cascade", relationships.Single(r => (string?)r.Attribute("Name") == "cx_customerjourney_cx_journeystagescore").Element("CascadeDelete")!.Value);
    }

    [Fact]
    public void Every_alternate_key_of_the_data_model_is_declared_on_its_columns()
    {
        var keys = Part(built.ManagedZip, "customizations.xml").Descendants("EntityKey").ToDictionary(k => k.Element("LogicalName")!.Value, k => k.Descendants("AttributeName").Select(a => a.Value).ToList());
        Assert.Equal(2, Contract.Keys.Count);
        foreach (var key in Contract.Keys) Assert.Equal(key.Columns, keys[key.Name]);
    }

    [Fact]
    public void Every_choice_value_of_the_data_model_is_a_global_option_set_value_with_English_and_French_labels()
    {
        var optionSets = Part(built.ManagedZip, "customizations.xml").Root!.Element("optionsets")!.Elements("optionset").ToDictionary(o => (string)o.Attribute("Name")!);
        foreach (var (name, options) in Contract.Choices)
        {
            var values = optionSets[name].Element("options")!.Elements("option").ToDictionary(o => (int)o.Attribute("value")!);
            Assert.Equal(options.Select(o => o.Value).OrderBy(v => v), values.Keys.OrderBy(v => v));
            foreach (var (value, label) in options)
            {
                Assert.Equal(label, values[value].Descendants("label").Single(l => (string?)l.Attribute("languagecode") == "1033").Attribute("description")!.Value);
                Assert.Single(values[value].Descendants("label"), l => (string?)l.Attribute("languagecode") == "1036");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_web_resource_and_library_a_form_names_is_in_the_zip(bool managed)
    {
        var zip = Zip(managed);
        var entries = Entries(zip);
        var customizations = Part(zip, "customizations.xml").Root!;
        var resources = customizations.Element("WebResources")!.Elements("WebResource").ToDictionary(w => w.Element("Name")!.Value, w => w.Element("FileName")!.Value.TrimStart('/'));
        Assert.All(resources.Values, path => Assert.True(entries.ContainsKey(path), path));
        var forms = customizations.Descendants("systemform").ToList();
        Assert.NotEmpty(forms);
        foreach (var url in forms.Descendants("control").Where(c => (string?)c.Attribute("classid") == "{9FDF5F91-88B1-47f4-AD53-C11EFC01A01D}").Select(c => c.Element("parameters")!.Element("Url")!.Value))
            Assert.True(resources.ContainsKey(url), url);
        foreach (var form in forms)
        {
            var libraries = form.Descendants("Library").Select(l => (string)l.Attribute("name")!).ToList();
            Assert.All(libraries, l => Assert.True(resources.ContainsKey(l), l));
            Assert.All(form.Descendants("Handler"), h => Assert.Contains((string)h.Attribute("libraryName")!, libraries));
        }
    }

    [Theory]
    [InlineData("8448b78f-8f42-454e-8e2a-f8196b0419af", "CrmCx.Forms.accountOnLoad", true)]
    [InlineData("1fed44d1-ae68-4a41-bd2b-f13acac4acfa", "CrmCx.Forms.contactOnLoad", true)]
    [InlineData("4a63c8d1-6c1e-48ec-9db4-3e6c7155334c", "CrmCx.Forms.caseOnLoad", true)]
    public void The_account_contact_and_case_forms_get_the_library_its_OnLoad_handler_and_the_panel(string formId, string handler, bool panel)
    {
        var form = Part(built.ManagedZip, "customizations.xml").Descendants("systemform").Single(f => f.Element("formid")!.Value == "{" + formId + "}");
        var h = form.Descendants("Handler").Single();
        Assert.Equal((handler, "cx_/scripts/cxform.js", "true", "Added"), ((string)h.Attribute("functionName")!, (string)h.Attribute("libraryName")!, (string)h.Attribute("passExecutionContext")!, (string)h.Attribute("solutionaction")!));
        Assert.Equal("onload", (string?)h.Parent!.Parent!.Attribute("name"));
        var control = form.Descendants("control").SingleOrDefault(c => (string?)c.Attribute("id") == "WebResource_cxpanel");
        Assert.Equal(panel, control is not null);
        if (panel)
        {
            var section = control!.Ancestors("section").Single();
            Assert.Equal("Customer experience", section.Element("labels")!.Elements("label").First().Attribute("description")!.Value);
            Assert.Equal("cx_/panel/cxpanel.html", control.Element("parameters")!.Element("Url")!.Value);
        }
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Each_cx_table_ships_a_main_form_and_a_quick_create_form(bool managed)
    {
        var entities = Part(Zip(managed), "customizations.xml").Root!.Element("Entities")!.Elements("Entity")
            .ToDictionary(e => e.Element("Name")!.Value.ToLowerInvariant());
        var tables = Contract.Columns.Select(c => c.Table).Where(t => t.StartsWith("cx_", StringComparison.Ordinal)).Distinct().OrderBy(t => t, StringComparer.Ordinal).ToList();
        Assert.Equal(new[] { "cx_customerjourney", "cx_journeystagescore", "cx_surveyresponse" }, tables);
        foreach (var table in tables)
        {
            Assert.True(entities.TryGetValue(table, out var entity), $"table {table} missing");
            // An export groups forms by type: <forms type="main"> and <forms type="quickCreate">, one systemform each at least.
            var forms = entity!.Element("FormXml")?.Elements("forms").ToDictionary(f => (string)f.Attribute("type")!, f => f.Elements("systemform").ToList())
                ?? new Dictionary<string, List<XElement>>();
            foreach (var type in new[] { "main", "quickCreate" })
            {
                Assert.True(forms.TryGetValue(type, out var systemForms) && systemForms.Count > 0, $"{table} has no {type} form");
                Assert.All(systemForms!, f =>
                {
                    Assert.True(Guid.TryParse(f.Element("formid")!.Value, out _), $"{table} {type} form id");
                    Assert.NotEmpty(f.Element("form")!.Descendants("control"));
                });
            }
        }
    }

    [Fact]
    public void The_form_library_depends_on_both_string_resources()
    {
        var library = Part(built.ManagedZip, "customizations.xml").Descendants("WebResource").Single(w => w.Element("Name")!.Value == "cx_/scripts/cxform.js");
        var dependencies = XElement.Parse(library.Element("DependencyXml")!.Value).Descendants("Library").Select(l => (string)l.Attribute("name")!).ToList();
        Assert.Equal(new[] { "cx_/strings/cx.1033.resx", "cx_/strings/cx.1036.resx" }, dependencies);
        var resx = Part(built.ManagedZip, "customizations.xml").Descendants("WebResource").Where(w => w.Element("WebResourceType")!.Value == "12").Select(w => w.Element("LanguageCode")!.Value);
        Assert.Equal(new[] { "1033", "1036" }, resx.OrderBy(v => v));
    }

    [Theory]
    [InlineData("cx_customerjourney", "Active journeys")]
    [InlineData("cx_customerjourney", "At-risk journeys")]
    [InlineData("cx_customerjourney", "My customers' at-risk journeys")]
    [InlineData("cx_surveyresponse", "Recent detractors")]
    [InlineData("cx_surveyresponse", "Survey responses by customer")]
    public void The_named_views_are_shipped_on_their_table(string table, string name)
    {
        var entity = Part(built.ManagedZip, "customizations.xml").Descendants("Entity").Single(e => e.Element("Name")!.Value.Equals(table, StringComparison.OrdinalIgnoreCase));
        Assert.Contains(entity.Descendants("savedquery"), q => q.Element("LocalizedNames")!.Elements().Any(l => (string?)l.Attribute("description") == name)
            && q.Descendants("fetch").Single().Element("entity")!.Attribute("name")!.Value == table);
    }

    [Fact]
    public void The_three_roles_are_shipped_with_the_survey_integration_limited_to_responses_and_customers()
    {
        var roles = Part(built.ManagedZip, "customizations.xml").Root!.Element("Roles")!.Elements("Role").ToDictionary(r => (string)r.Attribute("name")!);
        Assert.Equal(Contract.Roles.OrderBy(r => r), roles.Keys.OrderBy(r => r));
        var integration = roles["CX Survey Integration"].Descendants("RolePrivilege").Select(p => (string)p.Attribute("name")!).ToList();
        Assert.Contains("prvCreatecx_surveyresponse", integration);
        Assert.Contains("prvWritecx_surveyresponse", integration);
        Assert.DoesNotContain(integration, p => p.StartsWith("prvWrite", StringComparison.Ordinal) && p != "prvWritecx_surveyresponse");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Every_step_names_a_plugin_type_of_the_packed_assembly(bool managed)
    {
        var packed = ReadPackedAssembly(managed);
        var customizations = Part(Zip(managed), "customizations.xml").Root!;
        var steps = customizations.Element("SdkMessageProcessingSteps")!.Elements("SdkMessageProcessingStep").ToList();
        Assert.Equal(built.Assembly.Steps.Count(), steps.Count);
        var typeIds = customizations.Descendants("PluginType").ToDictionary(t => (string)t.Attribute("Name")!, t => (string)t.Attribute("PluginTypeId")!);
        foreach (var step in steps)
        {
            var typeName = step.Element("PluginTypeName")!.Value.Split(',')[0];
            Assert.Contains(packed.Types, t => t.FullName == typeName && t.IsPlugin);
            Assert.Equal(typeIds[typeName], step.Element("PluginTypeId")!.Value);
        }
    }

    [Fact]
    public void The_packed_assembly_is_the_strong_named_net462_build_referencing_only_the_sdk_and_the_framework()
    {
        var packed = ReadPackedAssembly(managed: true);
        Assert.Equal(".NETFramework,Version=v4.6.2", packed.TargetFramework);
        Assert.True(packed.IsStrongNameSigned);
        Assert.NotEqual("null", packed.PublicKeyToken);
        var sdk = packed.References.Single(r => r.Name == "Microsoft.Xrm.Sdk");
        Assert.Equal((new Version(9, 0, 0, 0), "31bf3856ad364e35"), (sdk.Version, sdk.PublicKeyToken));
        // .NET Framework's own keys; the SDK assemblies are signed with Microsoft's 31bf3856ad364e35 key.
        var frameworkTokens = new[] { "b77a5c561934e089", "b03f5f7f11d50a3a", "31bf3856ad364e35" };
        var sdkNames = new[] { "Microsoft.Xrm.Sdk", "Microsoft.Crm.Sdk.Proxy", "Microsoft.Xrm.Sdk.Workflow" };
        foreach (var reference in packed.References)
        {
            Assert.Contains(reference.PublicKeyToken, frameworkTokens);
            Assert.True(sdkNames.Contains(reference.Name) ? reference.Version == new Version(9, 0, 0, 0) : reference.Version.Major == 4, $"{reference.Name} {reference.Version}");
        }
    }

    [Fact]
    public void The_packed_web_resources_are_the_built_files()
    {
        var entries = Entries(built.ManagedZip);
        foreach (var resource in CrmCx.Packaging.Content.WebResourceCatalog.All)
            Assert.Equal(File.ReadAllBytes(Path.Combine(built.Layout.Root, resource.BuiltPath)), entries[resource.ZipPath]);
    }

    private PluginAssemblyInfo ReadPackedAssembly(bool managed)
    {
        var dll = Entries(Zip(managed)).Single(e => e.Key.EndsWith("/CrmCx.Plugins.dll", StringComparison.Ordinal));
        var path = Path.Combine(Path.GetTempPath(), $"crmcx-packed-{Guid.NewGuid():N}.dll");
        File.WriteAllBytes(path, dll.Value);
        try
        {
            return PluginAssemblyReader.Read(path);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
