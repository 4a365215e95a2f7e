using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Xml.Linq;
using CrmCx.Model.Security;
using CrmCx.Packaging.Content;
using CrmCx.Packaging.Generation;
using CrmCx.Packaging.Packing;
using CrmCx.Packaging.Registration;
using CrmCx.Packaging.Tests.Infrastructure;
using Xunit;

namespace CrmCx.Packaging.Tests.Packing;

/// <summary>
/// The custom API cx_Recalculate: in Solution/ and both zips at the paths of Microsoft's solution-file layout, unbound,
/// an action, run only by holders of prvWritecx_npsday, linked to RecalculatePlugin by its PluginTypeId.
/// </summary>
[Collection(BuiltSolutionCollection.Name)]
public sealed class CustomApiPackagingTests(BuiltSolution built)
{
    private const string Folder = "customapis/cx_Recalculate";

    public static IEnumerable<object[]> Kinds() => new[] { new object[] { true }, new object[] { false } };

    private static readonly string[] Files =
    {
        Folder + "/customapi.xml",
        Folder + "/customapirequestparameters/Continuation/customapirequestparameter.xml",
        Folder + "/customapirequestparameters/Scope/customapirequestparameter.xml",
        Folder + "/customapirequestparameters/Target/customapirequestparameter.xml",
        Folder + "/customapiresponseproperties/Changed/customapiresponseproperty.xml",
        Folder + "/customapiresponseproperties/Continuation/customapiresponseproperty.xml",
        Folder + "/customapiresponseproperties/Processed/customapiresponseproperty.xml",
    };

    private static Dictionary<string, byte[]> Entries(byte[] zip) => ZipEntries.Read(zip);

    private static XElement Part(byte[] zip, string name) => XDocument.Load(new MemoryStream(Entries(zip)[name])).Root!;

    private XElement Api => Part(built.ManagedZip, Folder + "/customapi.xml");

    private XElement Parameter(string name) => Part(built.ManagedZip, $"{Folder}/customapirequestparameters/{name}/customapirequestparameter.xml");

    private XElement Property(string name) => Part(built.ManagedZip, $"{Folder}/customapiresponseproperties/{name}/customapiresponseproperty.xml");

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Both_zips_carry_the_API_its_three_parameters_and_three_properties_at_the_documented_paths_as_Solution_holds_them(bool managed)
    {
        var entries = Entries(managed ? built.ManagedZip : built.UnmanagedZip);
        Assert.Equal(Files, entries.Keys.Where(k => k.StartsWith(Folder + "/", StringComparison.Ordinal)).OrderBy(k => k, StringComparer.Ordinal));
        foreach (var file in Files)
            Assert.Equal(File.ReadAllBytes(Path.Combine(built.Layout.Solution, file)), entries[file]);
        // Exports do not name custom APIs in customizations.xml.
        Assert.DoesNotContain(Part(managed ? built.ManagedZip : built.UnmanagedZip, "customizations.xml").Descendants(), e => e.Name.LocalName.StartsWith("customapi", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_API_is_an_unbound_public_action_with_no_custom_steps_and_English_and_French_labels()
    {
        var api = Api;
        Assert.Equal(("customapi", "cx_Recalculate"), (api.Name.LocalName, (string?)api.Attribute("uniquename")));
        Assert.Equal(("0", "0", "0", "0", "0"), (api.Element("bindingtype")!.Value, api.Element("isfunction")!.Value, api.Element("isprivate")!.Value,
            api.Element("allowedcustomprocessingsteptype")!.Value, api.Element("workflowsdkstepenabled")!.Value));
        Assert.Null(api.Element("boundentitylogicalname"));
        foreach (var label in new[] { "displayname", "description" })
            Assert.Equal(new[] { "1033", "1036" }, api.Element(label)!.Elements("label").Select(l => (string?)l.Attribute("languagecode")));
        // Files in the shape exports write them: lower-case children in alphabetical order, no XML declaration.
        var names = api.Elements().Select(e => e.Name.LocalName).ToList();
        Assert.Equal(names.OrderBy(n => n, StringComparer.Ordinal), names);
        Assert.StartsWith("<customapi ", File.ReadAllText(Path.Combine(built.Layout.Solution, Folder, "customapi.xml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Only_holders_of_prvWritecx_npsday_may_run_it_and_among_CrmCx_roles_only_CX_Manager_holds_it()
    {
        Assert.Equal("prvWritecx_npsday", Api.Element("executeprivilegename")!.Value);
        var holders = CrmCxRoles.All.Where(r => r.Privileges.Any(p => p.Name == "prvWritecx_npsday")).Select(r => r.Name);
        Assert.Equal(new[] { "CX Manager" }, holders);
        var roles = Part(built.ManagedZip, "customizations.xml").Element("Roles")!.Elements("Role");
        Assert.Equal(new[] { "CX Manager" }, roles.Where(r => r.Descendants("RolePrivilege").Any(p => (string?)p.Attribute("name") == "prvWritecx_npsday")).Select(r => (string?)r.Attribute("name")));
    }

    [Theory]
    [InlineData("Target", "5")]
    [InlineData("Scope", "10")]
    [InlineData("Continuation", "10")]
    public void Each_request_parameter_is_optional_with_Microsofts_type_code(string name, string type)
    {
        var parameter = Parameter(name);
        Assert.Equal(name, (string?)parameter.Attribute("uniquename"));
        Assert.Equal((type, "1", "cx_Recalculate." + name), (parameter.Element("type")!.Value, parameter.Element("isoptional")!.Value, parameter.Element("name")!.Value));
        Assert.Null(parameter.Element("logicalentityname"));
    }

    [Theory]
    [InlineData("Processed", "7")]
    [InlineData("Changed", "7")]
    [InlineData("Continuation", "10")]
    public void Each_response_property_has_Microsofts_type_code_and_no_isoptional_which_the_import_refuses(string name, string type)
    {
        var property = Property(name);
        Assert.Equal((name, type), ((string?)property.Attribute("uniquename"), property.Element("type")!.Value));
        Assert.Null(property.Element("isoptional"));
    }

    [Fact]
    public void The_type_codes_are_those_of_the_customapifieldtype_choice()
    {
        Assert.Equal((0, 5, 7, 10, 12), (CustomApiFieldType.Boolean, CustomApiFieldType.EntityReference, CustomApiFieldType.Integer, CustomApiFieldType.String, CustomApiFieldType.Guid));
    }

    [Fact]
    public void Labels_fit_the_columns_of_the_custom_API_tables()
    {
        // customapi.md and customapirequestparameter.md (MicrosoftDocs/powerapps-docs reference/entities): DisplayName MaxLength 100, Description MaxLength 300.
        foreach (var element in Files.Select(f => Part(built.ManagedZip, f)))
            foreach (var label in element.Elements().Where(e => e.Name.LocalName is "displayname" or "description").SelectMany(e => e.Elements("label")))
                Assert.True(((string)label.Attribute("description")!).Length <= (label.Parent!.Name.LocalName == "displayname" ? 100 : 300), (string?)label.Attribute("description"));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_API_names_RecalculatePlugin_by_the_PluginTypeId_the_assembly_file_gives_it_and_the_packed_dll_has_that_public_plugin_class(bool managed)
    {
        var zip = managed ? built.ManagedZip : built.UnmanagedZip;
        var api = Part(zip, Folder + "/customapi.xml");
        var id = api.Element("plugintypeid")!.Element("plugintypeid")!.Value;
        var type = Part(zip, "customizations.xml").Descendants("PluginType").Single(t => (string?)t.Attribute("PluginTypeId") == id);
        Assert.Equal("CrmCx.Recalculation.RecalculatePlugin", (string?)type.Attribute("Name"));
        Assert.Equal(PluginXml.TypeId("CrmCx.Recalculation.RecalculatePlugin").ToString("D"), id);
        var dll = Entries(zip).Single(e => e.Key.EndsWith("/CrmCx.Plugins.dll", StringComparison.Ordinal)).Value;
        var path = Path.Combine(Path.GetTempPath(), $"crmcx-api-{Guid.NewGuid():N}.dll");
        File.WriteAllBytes(path, dll);
        try
        {
            Assert.Contains("CrmCx.Recalculation.RecalculatePlugin", PluginAssemblyReader.Read(path).PluginClasses);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_API_is_not_a_root_component_as_in_Microsofts_exports_with_custom_APIs()
    {
        var roots = Part(built.ManagedZip, "solution.xml").Descendants("RootComponent").ToList();
        Assert.DoesNotContain(roots, r => (string?)r.Attribute("schemaName") == "cx_Recalculate");
        Assert.DoesNotContain(roots, r => (string?)r.Attribute("type") == "90");
    }

    [Fact]
    public void The_reader_lists_public_concrete_plugin_classes_with_or_without_registrations_and_nothing_else()
    {
        var fixture = PluginAssemblyReader.Read(BuiltSolution.FixtureAssembly("CrmCx.Packaging.Fixture"));
        // BasePlugin is abstract, HiddenPlugin internal, FixtureActivity no IPlugin.
        Assert.Equal(new[] { "CrmCx.Drivers.GetDriversPlugin", "CrmCx.Recalculation.RecalculatePlugin", "Fixture.Plugins.AccountPlugin", "Fixture.Plugins.StepWithoutId" }, fixture.PluginClasses);
        Assert.DoesNotContain(fixture.Types, t => t.FullName == "CrmCx.Recalculation.RecalculatePlugin");
        Assert.Contains("CrmCx.Recalculation.RecalculatePlugin", built.Assembly.PluginClasses);
    }

    [Fact]
    public void A_catalog_naming_a_class_the_assembly_lacks_is_refused_naming_the_API_and_the_class()
    {
        var gone = CustomApiCatalog.Recalculate with { UniqueName = "cx_Gone", PluginTypeName = "CrmCx.Nowhere.GonePlugin" };
        var error = Assert.Throws<InvalidOperationException>(() => CustomApiXml.WithPluginTypesOf(built.Assembly, new[] { gone }));
        Assert.Contains("cx_Gone", error.Message, StringComparison.Ordinal);
        Assert.Contains("CrmCx.Nowhere.GonePlugin", error.Message, StringComparison.Ordinal);
        // An abstract or internal class is no plug-in Dataverse can run either.
        var fixture = PluginAssemblyReader.Read(BuiltSolution.FixtureAssembly("CrmCx.Packaging.Fixture"));
        Assert.Throws<InvalidOperationException>(() => CustomApiXml.WithPluginTypesOf(fixture, new[] { gone with { PluginTypeName = "Fixture.Plugins.BasePlugin" } }));
        Assert.Throws<InvalidOperationException>(() => CustomApiXml.WithPluginTypesOf(fixture, new[] { gone with { PluginTypeName = "Fixture.Plugins.HiddenPlugin" } }));
    }

    [Fact]
    public void The_catalogs_class_is_listed_once_without_steps_even_when_it_also_carries_registrations()
    {
        var withApi = CustomApiXml.WithPluginTypesOf(built.Assembly, CustomApiCatalog.All);
        var type = withApi.Types.Single(t => t.FullName == "CrmCx.Recalculation.RecalculatePlugin");
        Assert.True(type.IsPlugin);
        var registered = withApi.Types.First(t => t.Steps.Count > 0);
        Assert.Equal(withApi.Types.Count, CustomApiXml.WithPluginTypesOf(withApi, CustomApiCatalog.All.Select(a => a with { PluginTypeName = registered.FullName })).Types.Count);
        Assert.Equal(withApi.Types.Select(t => t.FullName).OrderBy(n => n, StringComparer.Ordinal), withApi.Types.Select(t => t.FullName));
    }

    [Fact]
    public void Generate_and_pack_fail_naming_the_class_when_the_plugin_assembly_lacks_it()
    {
        // CrmCx.Model.dll has no plug-in class at all: it stands for a plug-in build from which RecalculatePlugin was removed.
        var repo = built.TemporaryRepositoryWith(BuiltSolution.FixtureAssembly("CrmCx.Model"));
        var error = new StringWriter();
        Assert.Equal(1, PackagingCommands.Run(new[] { "generate" }, TextWriter.Null, error, repo));
        Assert.Contains("CrmCx.Recalculation.RecalculatePlugin", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("cx_Recalculate", error.ToString(), StringComparison.Ordinal);
        var packError = new StringWriter();
        Assert.Equal(1, PackagingCommands.Run(new[] { "pack", "--no-build", "--out", Path.Combine(repo.Root, "out") }, TextWriter.Null, packError, repo));
        Assert.Contains("CrmCx.Recalculation.RecalculatePlugin", packError.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(repo.Root, "out")), "a zip was written");
    }

    [Fact]
    public void A_custom_API_file_naming_a_plugin_type_id_the_assembly_file_lacks_is_refused_naming_the_file()
    {
        var repo = built.CopyToTemporaryRepository();
        var file = Path.Combine(repo.Solution, "customapis", "cx_Recalculate", "customapi.xml");
        var xml = XDocument.Load(file);
        xml.Root!.Element("plugintypeid")!.Element("plugintypeid")!.Value = PluginXml.TypeId("CrmCx.Nowhere.GonePlugin").ToString("D");
        xml.Save(file);
        var error = Assert.Throws<InvalidOperationException>(() => SolutionPackage.Assemble(repo, managed: true, repo.PluginAssembly));
        Assert.Contains(file, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_response_property_with_isoptional_is_refused_naming_the_file()
    {
        var repo = built.CopyToTemporaryRepository();
        var file = Path.Combine(repo.Solution, "customapis", "cx_Recalculate", "customapiresponseproperties", "Changed", "customapiresponseproperty.xml");
        var xml = XDocument.Load(file);
        xml.Root!.Add(new XElement("isoptional", "1"));
        xml.Save(file);
        var error = Assert.Throws<InvalidOperationException>(() => SolutionPackage.Assemble(repo, managed: false, repo.PluginAssembly));
        Assert.Contains(file, error.Message, StringComparison.Ordinal);
        Assert.Contains("isoptional", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Both_zips_carry_cx_GetDrivers_as_an_unbound_function_only_cx_managers_may_run(bool managed)
    {
        const string drivers = "customapis/cx_GetDrivers";
        var entries = Entries(managed ? built.ManagedZip : built.UnmanagedZip);
        Assert.Equal(new[]
        {
            drivers + "/customapi.xml",
            drivers + "/customapirequestparameters/Account/customapirequestparameter.xml",
            drivers + "/customapirequestparameters/Dimension/customapirequestparameter.xml",
            drivers + "/customapirequestparameters/JourneyType/customapirequestparameter.xml",
            drivers + "/customapirequestparameters/Since/customapirequestparameter.xml",
            drivers + "/customapiresponseproperties/Drivers/customapiresponseproperty.xml",
        }, entries.Keys.Where(k => k.StartsWith(drivers + "/", StringComparison.Ordinal)).OrderBy(k => k, StringComparer.Ordinal));
        var api = XDocument.Load(new MemoryStream(entries[drivers + "/customapi.xml"])).Root!;
        Assert.Equal(("1", "0", "prvReadcx_driverday"), (api.Element("isfunction")!.Value, api.Element("bindingtype")!.Value, api.Element("executeprivilegename")!.Value));
        var dimension = XDocument.Load(new MemoryStream(entries[drivers + "/customapirequestparameters/Dimension/customapirequestparameter.xml"])).Root!;
        Assert.Equal(("10", "0"), (dimension.Element("type")!.Value, dimension.Element("isoptional")!.Value));
        Assert.Equal(new[] { "CX Manager" }, CrmCxRoles.All.Where(r => r.Privileges.Any(p => p.Name == "prvReadcx_driverday")).Select(r => r.Name));
    }
}
