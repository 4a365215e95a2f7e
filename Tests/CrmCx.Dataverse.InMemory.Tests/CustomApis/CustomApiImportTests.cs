using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using CrmCx.Dataverse.InMemory.CustomApis;
using CrmCx.Dataverse.InMemory.Tests.Fixtures;
using CrmCx.Dataverse.InMemory.Tests.Support;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.CustomApis;

/// <summary>The custom API importer: a solution's customapis folder (create-custom-api-solution.md) becomes callable messages.</summary>
public sealed class CustomApiImportTests : IDisposable
{
    private readonly InMemoryOrganization org = new();
    private readonly CustomApiFiles files = new();

    public void Dispose() => files.Dispose();

    private InvalidOperationException Refused()
    {
        var e = Assert.Throws<InvalidOperationException>(() => files.Import(org));
        Assert.Empty(org.CustomApis.Definitions);
        Assert.StartsWith("The import registers no custom API:", e.Message);
        return e;
    }

    [Fact]
    public void Every_field_of_the_custom_api_its_request_parameters_and_response_properties_reaches_the_definition()
    {
        files.Api("cx_Recalculate", typeof(RecalculateTestPlugin), privilege: "prvWritecx_npsday", steps: 2)
            .Request("Target", CustomApiParameterType.EntityReference, optional: true)
            .Request("Scope", CustomApiParameterType.String, optional: true)
            .Request("Continuation", CustomApiParameterType.String, optional: true)
            .Response("Processed", CustomApiParameterType.Integer)
            .Response("Changed", CustomApiParameterType.Integer)
            .Response("Continuation", CustomApiParameterType.String);

        var api = Assert.Single(files.Import(org));

        Assert.Same(api, org.CustomApis.Find("CX_RECALCULATE"));
        Assert.Equal("cx_Recalculate", api.UniqueName);
        Assert.Equal("cx_Recalculate", api.Name);
        Assert.Equal("Display name of cx_Recalculate", api.DisplayName.Default);
        Assert.Equal("Description of cx_Recalculate", api.Description.Labels[1033]);
        Assert.Equal(CustomApiBindingType.Global, api.BindingType);
        Assert.Null(api.BoundEntityLogicalName);
        Assert.Equal(CustomApiProcessingStepType.SyncAndAsync, api.AllowedCustomProcessingStepType);
        Assert.Equal("prvWritecx_npsday", api.ExecutePrivilegeName);
        Assert.False(api.IsCustomizable);
        Assert.False(api.IsFunction);
        Assert.False(api.IsPrivate);
        Assert.False(api.WorkflowSdkStepEnabled);
        Assert.Equal(CustomApiFiles.PluginTypeId(typeof(RecalculateTestPlugin)), api.PluginTypeId);
        Assert.Equal(typeof(RecalculateTestPlugin), api.PluginType);
        Assert.Equal(Path.Combine(files.Folder, "cx_Recalculate", "customapi.xml"), api.Source);

        // Folder name order, as the files lie in the solution.
        Assert.Equal(new[] { "Continuation", "Scope", "Target" }, api.RequestParameters.Select(p => p.UniqueName));
        var target = api.RequestParameters.Single(p => p.UniqueName == "Target");
        Assert.Equal(CustomApiParameterType.EntityReference, target.Type);
        Assert.True(target.IsOptional);
        Assert.Null(target.LogicalEntityName);
        Assert.Equal("cx_Recalculate.Target", target.Name);
        Assert.Equal("The Target of cx_Recalculate", target.Description.Default);
        Assert.False(target.IsImplicit);
        Assert.Equal(new[] { ("Changed", CustomApiParameterType.Integer), ("Continuation", CustomApiParameterType.String), ("Processed", CustomApiParameterType.Integer) },
            api.ResponseProperties.Select(p => (p.UniqueName, p.Type)));
    }

    [Theory]
    [InlineData(0, CustomApiParameterType.Boolean)]
    [InlineData(1, CustomApiParameterType.DateTime)]
    [InlineData(2, CustomApiParameterType.Decimal)]
    [InlineData(3, CustomApiParameterType.Entity)]
    [InlineData(4, CustomApiParameterType.EntityCollection)]
    [InlineData(5, CustomApiParameterType.EntityReference)]
    [InlineData(6, CustomApiParameterType.Float)]
    [InlineData(7, CustomApiParameterType.Integer)]
    [InlineData(8, CustomApiParameterType.Money)]
    [InlineData(9, CustomApiParameterType.Picklist)]
    [InlineData(10, CustomApiParameterType.String)]
    [InlineData(11, CustomApiParameterType.StringArray)]
    [InlineData(12, CustomApiParameterType.Guid)]
    public void Each_documented_type_code_reads_as_its_parameter_type(int code, CustomApiParameterType expected)
    {
        files.Api("cx_Typed").Request("Value", (CustomApiParameterType)code).Response("Result", (CustomApiParameterType)code);

        var api = Assert.Single(files.Import(org));

        Assert.Equal(expected, Assert.Single(api.RequestParameters).Type);
        Assert.Equal(expected, Assert.Single(api.ResponseProperties).Type);
    }

    [Fact]
    public void A_custom_api_without_a_plugin_type_imports_with_no_main_operation()
    {
        files.Api("cx_Event").Response("Done", CustomApiParameterType.Boolean);

        var api = Assert.Single(files.Import(org));

        Assert.Null(api.PluginType);
        Assert.Null(api.PluginTypeId);
    }

    [Fact]
    public void An_entity_bound_custom_api_gets_a_required_Target_reference_to_its_table()
    {
        files.Api("cx_RecalculateAccount", typeof(RecalculateTestPlugin), binding: 1, boundEntity: "account").Request("Scope", CustomApiParameterType.String, optional: true);

        var api = Assert.Single(files.Import(org));

        Assert.Equal(CustomApiBindingType.Entity, api.BindingType);
        Assert.Equal("account", api.BoundEntityLogicalName);
        var target = api.RequestParameters[0];
        Assert.Equal(("Target", CustomApiParameterType.EntityReference, false, "account", true), (target.UniqueName, target.Type, target.IsOptional, target.LogicalEntityName, target.IsImplicit));
    }

    [Fact]
    public void A_plugin_type_named_by_export_key_resolves_when_the_metadata_carries_that_key()
    {
        var key = "{6f1d2c3b-0000-4000-8000-00000000e001}";
        files.Api("cx_Keyed").Write("customapi.xml", new XElement("customapi", new XAttribute("uniquename", "cx_Keyed"),
            new XElement("bindingtype", "0"), new XElement("isfunction", "0"), new XElement("name", "cx_Keyed"),
            new XElement("plugintypeid", new XElement("plugintypeexportkey", key))));
        files.Describe(typeof(RecalculateTestPlugin)).WriteAssemblyData(new Dictionary<Type, string> { [typeof(RecalculateTestPlugin)] = key });

        var api = Assert.Single(org.CustomApis.ImportFolder(files.Folder, files.AssemblyData, typeof(CustomApiFiles).Assembly));

        Assert.Equal(typeof(RecalculateTestPlugin), api.PluginType);
        Assert.Equal(key, api.PluginTypeExportKey);
        Assert.Equal(CustomApiFiles.PluginTypeId(typeof(RecalculateTestPlugin)), api.PluginTypeId);
    }

    [Fact]
    public void A_custom_api_pointing_at_a_type_of_the_solutions_own_assembly_metadata_resolves_in_CrmCx_Plugins()
    {
        // The shipped Solution/PluginAssemblies/…/CrmCx.Plugins.dll.data.xml, read as it is: the id of one of its plug-in types.
        var data = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Solution", "PluginAssemblies"), "CrmCx.Plugins.dll.data.xml", SearchOption.AllDirectories).Single();
        var type = XDocument.Load(data).Descendants("PluginType").First(t => (string?)t.Attribute("Name") == "CrmCx.Nps.NpsRollup");
        files.Api("cx_Shipped").Write("customapi.xml", new XElement("customapi", new XAttribute("uniquename", "cx_Shipped"),
            new XElement("bindingtype", "0"), new XElement("isfunction", "0"), new XElement("name", "cx_Shipped"),
            new XElement("plugintypeid", new XElement("plugintypeid", (string)type.Attribute("PluginTypeId")!))));

        var api = Assert.Single(org.CustomApis.ImportFolder(files.Folder, data, typeof(CrmCx.Infrastructure.PluginBase).Assembly));

        Assert.Equal("CrmCx.Nps.NpsRollup", api.PluginType!.FullName);
    }

    [Fact]
    public void The_solutions_customapis_folder_imports_against_CrmCx_Plugins_as_cx_Recalculate_and_cx_GetDrivers_with_their_privileges_parameters_and_properties()
    {
        var solution = Path.Combine(AppContext.BaseDirectory, "Solution");
        var data = Directory.GetFiles(Path.Combine(solution, "PluginAssemblies"), "CrmCx.Plugins.dll.data.xml", SearchOption.AllDirectories).Single();

        var apis = org.CustomApis.ImportFolder(Path.Combine(solution, "customapis"), data, typeof(CrmCx.Infrastructure.PluginBase).Assembly);
        Assert.Equal(new[] { "cx_GetDrivers", "cx_Recalculate" }, apis.Select(a => a.UniqueName).OrderBy(n => n, StringComparer.Ordinal));

        var drivers = apis.Single(a => a.UniqueName == "cx_GetDrivers");
        Assert.Equal((CustomApiBindingType.Global, true, "prvReadcx_driverday"), (drivers.BindingType, drivers.IsFunction, drivers.ExecutePrivilegeName));
        Assert.Equal("CrmCx.Drivers.GetDriversPlugin", drivers.PluginType!.FullName);
        Assert.Equal(new[] { ("Account", CustomApiParameterType.EntityReference, true), ("Dimension", CustomApiParameterType.String, false), ("JourneyType", CustomApiParameterType.Integer, true), ("Since", CustomApiParameterType.DateTime, true) },
            drivers.RequestParameters.Select(p => (p.UniqueName, p.Type, p.IsOptional)).OrderBy(p => p.UniqueName, StringComparer.Ordinal));
        Assert.Equal(new[] { ("Drivers", CustomApiParameterType.String) }, drivers.ResponseProperties.Select(p => (p.UniqueName, p.Type)));

        var api = apis.Single(a => a.UniqueName == "cx_Recalculate");

        Assert.Equal("cx_Recalculate", api.UniqueName);
        Assert.Equal((CustomApiBindingType.Global, false, "prvWritecx_npsday"), (api.BindingType, api.IsFunction, api.ExecutePrivilegeName));
        Assert.Equal("CrmCx.Recalculation.RecalculatePlugin", api.PluginType!.FullName);
        Assert.Equal(new[] { ("Continuation", CustomApiParameterType.String, true), ("Scope", CustomApiParameterType.String, true), ("Target", CustomApiParameterType.EntityReference, true) },
            api.RequestParameters.Select(p => (p.UniqueName, p.Type, p.IsOptional)));
        Assert.Equal(new[] { ("Changed", CustomApiParameterType.Integer), ("Continuation", CustomApiParameterType.String), ("Processed", CustomApiParameterType.Integer) },
            api.ResponseProperties.Select(p => (p.UniqueName, p.Type)));
    }

    [Fact]
    public void An_unknown_plugin_type_id_is_refused_naming_the_file_and_the_id()
    {
        files.Api("cx_Recalculate", typeof(RecalculateTestPlugin));
        var unknown = new Guid("0badc0de-0000-4000-8000-000000000001");
        files.Api("cx_Recalculate").Write("customapi.xml", new XElement("customapi", new XAttribute("uniquename", "cx_Recalculate"),
            new XElement("plugintypeid", new XElement("plugintypeid", unknown.ToString("B")))));

        var e = Refused();

        Assert.Contains($"customapis/cx_Recalculate/customapi.xml: the plug-in type id {unknown:D} is not a PluginType of {files.AssemblyData}", e.Message);
    }

    [Fact]
    public void A_plugin_type_the_metadata_names_but_the_assembly_lacks_is_refused()
    {
        files.Api("cx_Recalculate", typeof(RecalculateTestPlugin));
        files.WriteAssemblyData();
        // The metadata describes a type the given assembly does not have.
        var data = XDocument.Load(files.AssemblyData);
        data.Descendants("PluginType").Single().SetAttributeValue("AssemblyQualifiedName", "CrmCx.Missing.Plugin, CrmCx.Dataverse.InMemory.Tests");
        data.Save(files.AssemblyData);

        var e = Assert.Throws<InvalidOperationException>(() => org.CustomApis.ImportFolder(files.Folder, files.AssemblyData, typeof(CustomApiFiles).Assembly));

        Assert.Contains("the plug-in type CrmCx.Missing.Plugin", e.Message);
        Assert.Contains("is not in assembly CrmCx.Dataverse.InMemory.Tests", e.Message);
        Assert.Empty(org.CustomApis.Definitions);
    }

    [Fact]
    public void Metadata_of_another_assembly_is_refused()
    {
        files.Api("cx_Recalculate", typeof(RecalculateTestPlugin));
        files.WriteAssemblyData();

        var e = Assert.Throws<InvalidOperationException>(() => org.CustomApis.ImportFolder(files.Folder, files.AssemblyData, typeof(CrmCx.Infrastructure.PluginBase).Assembly));

        Assert.Contains("describes the assembly CrmCx.Dataverse.InMemory.Tests, not CrmCx.Plugins", e.Message);
    }

    [Theory]
    [InlineData("13")]
    [InlineData("-1")]
    [InlineData("String")]
    [InlineData("")]
    public void A_request_parameter_with_an_unknown_type_code_is_refused_naming_its_file(string code)
    {
        files.Api("cx_Recalculate").Write("customapirequestparameters/Scope/customapirequestparameter.xml",
            new XElement("customapirequestparameter", new XAttribute("uniquename", "Scope"), new XElement("isoptional", "1"), new XElement("type", code)));

        var e = Refused();

        Assert.Contains($"customapis/cx_Recalculate/customapirequestparameters/Scope/customapirequestparameter.xml: Scope has the type '{(code == "" ? "(missing)" : code)}', not a type code", e.Message);
    }

    [Fact]
    public void A_response_property_with_an_unknown_type_code_is_refused_naming_its_file()
    {
        files.Api("cx_Recalculate").Write("customapiresponseproperties/Processed/customapiresponseproperty.xml",
            new XElement("customapiresponseproperty", new XAttribute("uniquename", "Processed"), new XElement("type", "42")));

        var e = Refused();

        Assert.Contains("customapis/cx_Recalculate/customapiresponseproperties/Processed/customapiresponseproperty.xml: Processed has the type '42'", e.Message);
    }

    [Fact]
    public void A_custom_api_without_a_uniquename_is_refused_naming_its_file()
    {
        files.Write("cx_Recalculate/customapi.xml", new XElement("customapi", new XElement("name", "cx_Recalculate")));

        var e = Refused();

        Assert.Contains("customapis/cx_Recalculate/customapi.xml: <customapi> has no uniquename attribute.", e.Message);
    }

    [Fact]
    public void A_request_parameter_or_response_property_without_a_uniquename_is_refused_naming_its_file()
    {
        files.Api("cx_Recalculate")
            .Write("customapirequestparameters/Scope/customapirequestparameter.xml", new XElement("customapirequestparameter", new XElement("type", "10")))
            .Write("customapiresponseproperties/Processed/customapiresponseproperty.xml", new XElement("customapiresponseproperty", new XElement("type", "7")));

        var e = Refused();

        Assert.Contains("customapis/cx_Recalculate/customapirequestparameters/Scope/customapirequestparameter.xml: <customapirequestparameter> has no uniquename attribute.", e.Message);
        Assert.Contains("customapis/cx_Recalculate/customapiresponseproperties/Processed/customapiresponseproperty.xml: <customapiresponseproperty> has no uniquename attribute.", e.Message);
        Assert.Contains("2 problem(s)", e.Message);
    }

    [Fact]
    public void A_response_property_with_isoptional_is_refused_as_the_documentation_says_an_import_does()
    {
        files.Api("cx_Recalculate").Write("customapiresponseproperties/Processed/customapiresponseproperty.xml",
            new XElement("customapiresponseproperty", new XAttribute("uniquename", "Processed"), new XElement("isoptional", "0"), new XElement("type", "7")));

        var e = Refused();

        Assert.Contains("Processed/customapiresponseproperty.xml: <isoptional> is not valid for a response property.", e.Message);
    }

    [Fact]
    public void One_refused_custom_api_keeps_every_other_api_of_the_folder_out_too()
    {
        files.Api("cx_Good", typeof(RecalculateTestPlugin)).Response("Processed", CustomApiParameterType.Integer);
        files.Api("cx_Bad").Request("Scope", (CustomApiParameterType)99);

        var e = Refused();

        Assert.Contains("1 problem(s)", e.Message);
        Assert.Contains("cx_Bad", e.Message);
        Assert.Null(org.CustomApis.Find("cx_Good"));
    }

    [Fact]
    public void A_folder_named_otherwise_than_its_custom_api_is_refused()
    {
        files.Write("cx_Other/customapi.xml", new XElement("customapi", new XAttribute("uniquename", "cx_Recalculate")));

        var e = Refused();

        Assert.Contains("the custom API cx_Recalculate is in the folder 'cx_Other'", e.Message);
    }

    [Fact]
    public void A_custom_api_named_after_a_message_the_org_has_or_after_an_imported_api_is_refused()
    {
        files.Api("WhoAmI");
        Assert.Contains("WhoAmI is the name of a message the org already has.", Refused().Message);

        using var first = new CustomApiFiles();
        first.Api("cx_Recalculate");
        first.Import(org);
        using var second = new CustomApiFiles();
        second.Api("cx_Recalculate");
        var e = Assert.Throws<InvalidOperationException>(() => second.Import(org));
        Assert.Contains("another custom API is named cx_Recalculate.", e.Message);
        Assert.Single(org.CustomApis.Definitions);
    }

    [Fact]
    public void Unknown_choice_and_yes_no_values_are_refused()
    {
        files.Write("cx_Recalculate/customapi.xml", new XElement("customapi", new XAttribute("uniquename", "cx_Recalculate"),
            new XElement("bindingtype", "3"), new XElement("allowedcustomprocessingsteptype", "9"), new XElement("isprivate", "yes")));

        var e = Refused();

        Assert.Contains("<bindingtype> is '3', not one of 0 Global, 1 Entity, 2 EntityCollection.", e.Message);
        Assert.Contains("<allowedcustomprocessingsteptype> is '9'", e.Message);
        Assert.Contains("<isprivate> is 'yes', not 0 or 1.", e.Message);
    }

    [Fact]
    public void A_bound_api_may_not_define_its_own_Target_nor_lack_a_bound_table()
    {
        files.Api("cx_Bound", binding: 1, boundEntity: "account").Request("Target", CustomApiParameterType.EntityReference);
        files.Api("cx_Unbound", binding: 1);

        var e = Refused();

        Assert.Contains("cx_Bound has an automatic Target parameter (Entity binding), so it cannot define one.", e.Message);
        Assert.Contains("the custom API cx_Unbound is bound (Entity) but has no boundentitylogicalname.", e.Message);
    }
}
