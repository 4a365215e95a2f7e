using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text.Json;
using System.Xml.Linq;
using CrmCx.Packaging.Content;
using CrmCx.Packaging.Generation;
using CrmCx.Packaging.Packing;
using CrmCx.Packaging.Tests.Infrastructure;
using Xunit;

namespace CrmCx.Packaging.Tests.Packing;

/// <summary>
/// The daily recalculation flow: a modern flow (Workflow row in customizations.xml, definition at its JsonFileName) that
/// shipped turned off, runs once a day, calls cx_Recalculate with Scope due through the Dataverse connector until the
/// returned Continuation is empty, and uses the connection reference cx_DataverseConnection, which the solution carries.
/// </summary>
[Collection(BuiltSolutionCollection.Name)]
public sealed class CloudFlowPackagingTests(BuiltSolution built)
{
    public static IEnumerable<object[]> Kinds() => new[] { new object[] { true }, new object[] { false } };

    private byte[] Zip(bool managed) => managed ? built.ManagedZip : built.UnmanagedZip;

    private static Dictionary<string, byte[]> Entries(byte[] zip) => ZipEntries.Read(zip);

    private static XElement Customizations(byte[] zip) => XDocument.Load(new MemoryStream(Entries(zip)["customizations.xml"])).Root!;

    private static XElement Flow(byte[] zip) => Customizations(zip).Element("Workflows")!.Elements("Workflow").Single();

    private static JsonElement Definition(byte[] zip)
    {
        var path = Flow(zip).Element("JsonFileName")!.Value.TrimStart('/');
        return JsonDocument.Parse(Entries(zip)[path]).RootElement.Clone();
    }

    private static JsonElement Actions(byte[] zip) => Definition(zip).GetProperty("properties").GetProperty("definition").GetProperty("actions");

    private static (string Name, JsonElement Action) Loop(byte[] zip) =>
        Actions(zip).EnumerateObject().Where(a => a.Value.GetProperty("type").GetString() == "Until").Select(a => (a.Name, a.Value)).Single();

    private static (string Name, JsonElement Action) Call(byte[] zip) =>
        Loop(zip).Action.GetProperty("actions").EnumerateObject().Where(a => a.Value.GetProperty("type").GetString() == "OpenApiConnection").Select(a => (a.Name, a.Value)).Single();

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Both_zips_carry_one_modern_flow_row_and_its_definition_at_its_JsonFileName_as_Solution_holds_it(bool managed)
    {
        var zip = Zip(managed);
        var flow = Flow(zip);
        Assert.Equal(StableIdText(), (string?)flow.Attribute("WorkflowId"));
        Assert.Equal(("1", "5", "4", "none", "0"), (flow.Element("Type")!.Value, flow.Element("Category")!.Value, flow.Element("Scope")!.Value, flow.Element("PrimaryEntity")!.Value, flow.Element("Subprocess")!.Value));
        var jsonFileName = flow.Element("JsonFileName")!.Value;
        Assert.Equal("/Workflows/" + ScheduleCatalog.FlowFileName, jsonFileName);
        Assert.Equal(File.ReadAllBytes(Path.Combine(built.Layout.Solution, "Workflows", ScheduleCatalog.FlowFileName)), Entries(zip)[jsonFileName.TrimStart('/')]);
        Assert.Equal("JsonFileName", flow.Elements().First().Name.LocalName);
        // Solution/ keeps the row next to the JSON, as SolutionPackager unpacks it; Other/Customizations.xml has none.
        Assert.True(File.Exists(Path.Combine(built.Layout.Solution, "Workflows", ScheduleCatalog.FlowFileName + ".data.xml")));
        Assert.Empty(XDocument.Load(Path.Combine(built.Layout.Solution, "Other", "Customizations.xml")).Root!.Element("Workflows")!.Elements());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_flow_ships_turned_off_as_a_draft(bool managed)
    {
        var flow = Flow(Zip(managed));
        Assert.Equal(("0", "1"), (flow.Element("StateCode")!.Value, flow.Element("StatusCode")!.Value));
        Assert.Equal("1", flow.Element("IsCustomizable")!.Value);
    }

    [Fact]
    public void The_definition_parses_and_has_the_envelope_of_an_exported_flow()
    {
        var root = Definition(built.ManagedZip);
        Assert.Equal("1.0.0.0", root.GetProperty("schemaVersion").GetString());
        var definition = root.GetProperty("properties").GetProperty("definition");
        Assert.Equal("https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#", definition.GetProperty("$schema").GetString());
        Assert.Equal(("Object", "SecureObject"), (definition.GetProperty("parameters").GetProperty("$connections").GetProperty("type").GetString(), definition.GetProperty("parameters").GetProperty("$authentication").GetProperty("type").GetString()));
    }

    [Fact]
    public void The_flow_is_triggered_once_a_day_at_the_catalogs_hour_in_UTC()
    {
        var trigger = Definition(built.ManagedZip).GetProperty("properties").GetProperty("definition").GetProperty("triggers").EnumerateObject().Single().Value;
        Assert.Equal("Recurrence", trigger.GetProperty("type").GetString());
        var recurrence = trigger.GetProperty("recurrence");
        Assert.Equal(("Day", 1), (recurrence.GetProperty("frequency").GetString(), recurrence.GetProperty("interval").GetInt32()));
        Assert.Equal(new[] { "2" }, recurrence.GetProperty("schedule").GetProperty("hours").EnumerateArray().Select(h => h.GetString()));
        Assert.Equal(new[] { 0 }, recurrence.GetProperty("schedule").GetProperty("minutes").EnumerateArray().Select(m => m.GetInt32()));
        Assert.False(recurrence.TryGetProperty("timeZone", out _));
        Assert.Equal(2, ScheduleCatalog.Hour);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_flow_calls_cx_Recalculate_with_Scope_due_through_the_Dataverse_connectors_unbound_action(bool managed)
    {
        var (_, call) = Call(Zip(managed));
        var host = call.GetProperty("inputs").GetProperty("host");
        Assert.Equal(("PerformUnboundAction", "/providers/Microsoft.PowerApps/apis/shared_commondataserviceforapps"), (host.GetProperty("operationId").GetString(), host.GetProperty("apiId").GetString()));
        var parameters = call.GetProperty("inputs").GetProperty("parameters");
        Assert.Equal(("cx_Recalculate", "due"), (parameters.GetProperty("actionName").GetString(), parameters.GetProperty("item/Scope").GetString()));
        Assert.Equal("@variables('Continuation')", parameters.GetProperty("item/Continuation").GetString());
        Assert.Equal(CustomApiCatalog.Recalculate.UniqueName, parameters.GetProperty("actionName").GetString());
        // Every parameter the call passes is one the API declares.
        var declared = CustomApiCatalog.Recalculate.RequestParameters.Select(p => "item/" + p.UniqueName).ToHashSet(StringComparer.Ordinal);
        Assert.All(parameters.EnumerateObject().Where(p => p.Name != "actionName"), p => Assert.Contains(p.Name, declared));
    }

    [Fact]
    public void The_flow_loops_until_the_returned_Continuation_is_empty_and_passes_it_back()
    {
        var (loopName, loop) = Loop(built.ManagedZip);
        var (callName, _) = Call(built.ManagedZip);
        Assert.Equal("@empty(variables('Continuation'))", loop.GetProperty("expression").GetString());
        Assert.True(loop.GetProperty("limit").GetProperty("count").GetInt32() is > 60 and <= 5000);
        var keep = loop.GetProperty("actions").EnumerateObject().Single(a => a.Value.GetProperty("type").GetString() == "SetVariable").Value;
        Assert.Equal("Continuation", keep.GetProperty("inputs").GetProperty("name").GetString());
        Assert.Contains($"outputs('{callName}')?['body/Continuation']", keep.GetProperty("inputs").GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.True(keep.GetProperty("runAfter").TryGetProperty(callName, out _), "the Continuation is kept after the call");
        // The variable starts empty, so the first call starts a run; the loop runs after it is initialized.
        var init = Actions(built.ManagedZip).EnumerateObject().Single(a => a.Value.GetProperty("type").GetString() == "InitializeVariable"
            && a.Value.GetProperty("inputs").GetProperty("variables")[0].GetProperty("name").GetString() == "Continuation").Value;
        Assert.Equal(("string", ""), (init.GetProperty("inputs").GetProperty("variables")[0].GetProperty("type").GetString(), init.GetProperty("inputs").GetProperty("variables")[0].GetProperty("value").GetString()));
        Assert.NotEmpty(loop.GetProperty("runAfter").EnumerateObject());
        Assert.Equal("Until_the_run_is_complete", loopName);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_flow_uses_the_connection_reference_cx_DataverseConnection_which_the_solution_carries(bool managed)
    {
        var zip = Zip(managed);
        var references = Definition(zip).GetProperty("properties").GetProperty("connectionReferences").EnumerateObject().ToList();
        var (key, reference) = (references.Single().Name, references.Single().Value);
        Assert.Equal("cx_DataverseConnection", reference.GetProperty("connection").GetProperty("connectionReferenceLogicalName").GetString());
        Assert.Equal("shared_commondataserviceforapps", reference.GetProperty("api").GetProperty("name").GetString());
        Assert.Equal(key, Call(zip).Action.GetProperty("inputs").GetProperty("host").GetProperty("connectionName").GetString());
        var carried = Customizations(zip).Element("connectionreferences")!.Elements("connectionreference").Single();
        Assert.Equal("cx_DataverseConnection", (string?)carried.Attribute("connectionreferencelogicalname"));
        Assert.Equal(ScheduleCatalog.DataverseConnectorId, carried.Element("connectorid")!.Value);
        Assert.Equal(("0", "1", "1"), (carried.Element("statecode")!.Value, carried.Element("statuscode")!.Value, carried.Element("iscustomizable")!.Value));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void The_connection_references_sit_between_EntityDataProviders_and_Languages_as_exports_have_them(bool managed)
    {
        var sections = Customizations(Zip(managed)).Elements().Select(e => e.Name.LocalName).ToList();
        var at = sections.IndexOf("connectionreferences");
        Assert.True(at > sections.IndexOf("EntityDataProviders") && at == sections.IndexOf("Languages") - 1, string.Join(", ", sections));
    }

    [Fact]
    public void The_flow_is_a_Workflow_root_component_and_the_connection_reference_is_none()
    {
        var roots = XDocument.Load(new MemoryStream(Entries(built.ManagedZip)["solution.xml"])).Descendants("RootComponent").ToList();
        Assert.Single(roots, r => (string?)r.Attribute("type") == "29" && (string?)r.Attribute("id") == StableIdText() && (string?)r.Attribute("behavior") == "0");
        Assert.DoesNotContain(roots, r => ((string?)r.Attribute("schemaName"))?.Contains("cx_DataverseConnection", StringComparison.Ordinal) == true);
    }

    [Fact]
    public void The_content_types_declare_json_as_an_export_does()
    {
        var types = XDocument.Load(new MemoryStream(Entries(built.ManagedZip)["[Content_Types].xml"])).Root!;
        Assert.Contains(types.Elements(), e => e.Name.LocalName == "Default" && (string?)e.Attribute("Extension") == "json");
    }

    [Fact]
    public void A_flow_whose_definition_is_missing_is_refused_naming_it()
    {
        var repo = built.CopyToTemporaryRepository();
        File.Delete(Path.Combine(repo.Solution, "Workflows", ScheduleCatalog.FlowFileName));
        var error = Assert.Throws<InvalidOperationException>(() => SolutionPackage.Assemble(repo, managed: true, repo.PluginAssembly));
        Assert.Contains(ScheduleCatalog.FlowFileName, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flow_using_a_connection_reference_the_solution_lacks_is_refused_naming_the_reference()
    {
        var repo = built.CopyToTemporaryRepository();
        var json = Path.Combine(repo.Solution, "Workflows", ScheduleCatalog.FlowFileName);
        File.WriteAllText(json, File.ReadAllText(json).Replace("\"cx_DataverseConnection\"", "\"cx_Elsewhere\"", StringComparison.Ordinal));
        var error = Assert.Throws<InvalidOperationException>(() => SolutionPackage.Assemble(repo, managed: false, repo.PluginAssembly));
        Assert.Contains("cx_Elsewhere", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_flow_definition_that_is_not_JSON_is_refused_naming_the_file()
    {
        var repo = built.CopyToTemporaryRepository();
        var json = Path.Combine(repo.Solution, "Workflows", ScheduleCatalog.FlowFileName);
        File.WriteAllText(json, "{ \"properties\": ");
        var error = Assert.Throws<InvalidOperationException>(() => SolutionPackage.Assemble(repo, managed: true, repo.PluginAssembly));
        Assert.Contains(json, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generating_the_definition_twice_gives_the_same_text_with_LF_line_ends_and_readable_quotes()
    {
        var text = CloudFlowXml.FlowJson();
        Assert.Equal(text, CloudFlowXml.FlowJson());
        Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u0027", text, StringComparison.Ordinal);
    }

    private static string StableIdText() => "{" + ScheduleCatalog.FlowId.ToString("D") + "}";
}
