using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using CrmCx.Model.Labels;
using CrmCx.Packaging.Content;
using CrmCx.Packaging.Identity;
using static CrmCx.Packaging.Generation.XmlFile;

namespace CrmCx.Packaging.Generation;

/// <summary>
/// The daily recalculation flow in the layout SolutionPackager unpacks modern flows to: Workflows/&lt;Name&gt;-&lt;ID&gt;.json
/// (the definition) and Workflows/&lt;Name&gt;-&lt;ID&gt;.json.data.xml (its Workflow row), with Other/Customizations.xml's
/// &lt;connectionreferences&gt; holding the connection reference (microsoft/coe-starter-kit
/// CenterofExcellenceCoreComponents/SolutionPackage/src/: Workflows/AdminCapacityAlerts-108A99EF-B08C-EB11-A812-000D3A1F6308.json(.data.xml),
/// commits 07d0c50e86f506b6bc372be8befe90ab4fe0e468 and 0efcbbdcba79d907f9c68574888f929e896ebb5f; Other/Customizations.xml,
/// commit 050826dfb078dd46f0f43ecd1b007c281016689f). The packer moves the Workflow row into customizations.xml and the JSON
/// to its JsonFileName, as a zip Microsoft exported has them (microsoft/PowerApps-Samples commit 3297c082f229b0fd37220b5cb1d8d662aecc0d92,
/// ai-builder/LearningModules/CreateAIBuilderpromptsusingyourownDataversedata_1_0_0_1_managed.zip).
/// </summary>
public static class CloudFlowXml
{
    /// <summary>The flow's definition file, relative to Solution/.</summary>
    public static string JsonPath => "Workflows/" + ScheduleCatalog.FlowFileName;

    /// <summary>The flow's Workflow row file, relative to Solution/.</summary>
    public static string DataPath => JsonPath + ".data.xml";

    /// <summary>
    /// The Workflow row, element for element as those exports write a cloud flow: Type 1 (Definition), Category 5 (Modern
    /// Flow), Scope 4 (Organization), PrimaryEntity none; StateCode 0 / StatusCode 1 (Draft) so that it ships turned off,
    /// as the exports above carry a flow that is off (the PowerApps-Samples zip ai-builder/starter-kit/invoice-processing/
    /// AIBuilderInvoiceProcessingAutomation.zip, "IPA Email"; coe-starter-kit "Admin | Capacity Alerts"). The codes are the
    /// choices of Microsoft's workflow table reference (MicrosoftDocs/powerapps-docs
    /// powerapps-docs/developer/data-platform/reference/entities/workflow.md, commit 06570acda9b264783a6b7732e4ce286ea3d3c45f:
    /// StateCode 0 Draft, 1 Activated; StatusCode 1 Draft, 2 Activated; Category 5 Modern Flow; Type 1 Definition; Scope 4
    /// Organization). Customizable, so that an administrator may change its hour.
    /// </summary>
    public static XElement Workflow() =>
        Root("Workflow", new XAttribute("WorkflowId", StableId.Braced(ScheduleCatalog.FlowId)), new XAttribute("Name", ScheduleCatalog.FlowName),
            new XAttribute("Description", ScheduleCatalog.FlowDescription.English),
            new XElement("JsonFileName", "/" + JsonPath),
            new XElement("Type", "1"),
            new XElement("Subprocess", "0"),
            new XElement("Category", "5"),
            new XElement("Mode", "0"),
            new XElement("Scope", "4"),
            new XElement("OnDemand", "0"),
            new XElement("TriggerOnCreate", "0"),
            new XElement("TriggerOnDelete", "0"),
            new XElement("AsyncAutodelete", "0"),
            new XElement("SyncWorkflowLogOnFailure", "0"),
            new XElement("StateCode", "0"),
            new XElement("StatusCode", "1"),
            new XElement("RunAs", "1"),
            new XElement("IsTransacted", "1"),
            new XElement("IntroducedVersion", CrmCxSolution.Version),
            new XElement("IsCustomizable", "1"),
            new XElement("IsCustomProcessingStepAllowedForOtherPublishers", "1"),
            new XElement("PrimaryEntity", "none"),
            Names("LocalizedNames", "LocalizedName", ScheduleCatalog.FlowLabel),
            Names("Descriptions", "Description", ScheduleCatalog.FlowDescription));

    /// <summary>
    /// The connectionreferences section of customizations.xml, with cx_DataverseConnection: the elements of the exports
    /// above (connectionreferencedisplayname, connectorid, description, iscustomizable, statecode 0, statuscode 1).
    /// </summary>
    public static XElement ConnectionReferences() =>
        new("connectionreferences",
            new XElement("connectionreference", new XAttribute("connectionreferencelogicalname", ScheduleCatalog.ConnectionReferenceName),
                new XElement("connectionreferencedisplayname", ScheduleCatalog.ConnectionReferenceDisplayName),
                new XElement("connectorid", ScheduleCatalog.DataverseConnectorId),
                new XElement("description", ScheduleCatalog.ConnectionReferenceDescription),
                new XElement("iscustomizable", "1"),
                new XElement("statecode", "0"),
                new XElement("statuscode", "1")));

    /// <summary>
    /// The flow's definition: the exports' envelope (properties.connectionReferences keyed by the connector's API name,
    /// runtimeSource embedded; definition with the 2016-06-01 workflow definition schema, $connections and $authentication
    /// parameters; templateName; schemaVersion 1.0.0.0) around a Recurrence trigger, once a day at
    /// <see cref="ScheduleCatalog.Hour"/>:00 UTC (the trigger shape of coe-starter-kit's
    /// AdminSyncTemplatev4Driver-74157AA1-A8AC-EE11-A569-000D3A341D27.json, commit 0fdbee94312a7dd9e90f6754b51e6e92b409371d),
    /// and a Do until loop that calls cx_Recalculate with Scope due and the last Continuation until the one returned is empty
    /// (the Until action of Azure Logic Apps' workflow definition language: MicrosoftDocs/azure-docs
    /// articles/logic-apps/logic-apps-control-flow-loops.md, commit 1e2689b45dc02747887ff982748537357a27c71a, "Until definition (JSON)").
    /// The call is the Dataverse connector's "Perform an unbound action", operation PerformUnboundAction with the action's
    /// name in actionName and its request body flattened as item/&lt;parameter&gt; (the connector's operation list as
    /// Microsoft's code generator emits it: path /{connectionId}/flow/api/data/v9.1/{actionName}, body parameter item;
    /// the item/&lt;column&gt; flattening of the same body parameter in the exported CreateRecord calls above).
    /// </summary>
    public static string FlowJson()
    {
        const string call = "Recalculate_due_rows";
        var connections = ScheduleCatalog.DataverseApiName;
        var definition = new JsonObject
        {
            ["properties"] = new JsonObject
            {
                ["connectionReferences"] = new JsonObject
                {
                    [connections] = new JsonObject
                    {
                        ["runtimeSource"] = "embedded",
                        ["connection"] = new JsonObject { ["connectionReferenceLogicalName"] = ScheduleCatalog.ConnectionReferenceName },
                        ["api"] = new JsonObject { ["name"] = ScheduleCatalog.DataverseApiName },
                    },
                },
                ["definition"] = new JsonObject
                {
                    ["$schema"] = "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#",
                    ["contentVersion"] = "1.0.0.0",
                    ["parameters"] = new JsonObject
                    {
                        ["$connections"] = new JsonObject { ["defaultValue"] = new JsonObject(), ["type"] = "Object" },
                        ["$authentication"] = new JsonObject { ["defaultValue"] = new JsonObject(), ["type"] = "SecureObject" },
                    },
                    ["triggers"] = new JsonObject
                    {
                        ["Recurrence"] = new JsonObject
                        {
                            // No timeZone: a recurrence without one runs in UTC.
                            ["recurrence"] = new JsonObject
                            {
                                ["frequency"] = "Day",
                                ["interval"] = 1,
                                ["schedule"] = new JsonObject
                                {
                                    ["hours"] = new JsonArray(ScheduleCatalog.Hour.ToString(CultureInfo.InvariantCulture)),
                                    ["minutes"] = new JsonArray(0),
                                },
                            },
                            ["metadata"] = Metadata("trigger:Recurrence"),
                            ["type"] = "Recurrence",
                        },
                    },
                    ["actions"] = new JsonObject
                    {
                        ["Initialize_Continuation"] = Variable("Continuation", "string", JsonValue.Create(string.Empty), after: null),
                        ["Initialize_Processed"] = Variable("Processed", "integer", JsonValue.Create(0), after: "Initialize_Continuation"),
                        ["Initialize_Changed"] = Variable("Changed", "integer", JsonValue.Create(0), after: "Initialize_Processed"),
                        ["Until_the_run_is_complete"] = new JsonObject
                        {
                            ["actions"] = new JsonObject
                            {
                                [call] = new JsonObject
                                {
                                    ["runAfter"] = new JsonObject(),
                                    ["metadata"] = Metadata("action:" + call),
                                    ["type"] = "OpenApiConnection",
                                    ["inputs"] = new JsonObject
                                    {
                                        ["host"] = new JsonObject
                                        {
                                            ["connectionName"] = connections,
                                            ["operationId"] = "PerformUnboundAction",
                                            ["apiId"] = ScheduleCatalog.DataverseConnectorId,
                                        },
                                        ["parameters"] = new JsonObject
                                        {
                                            ["actionName"] = CustomApiCatalog.Recalculate.UniqueName,
                                            ["item/Scope"] = "due",
                                            // Empty on the first call, which starts a run; then what the previous call returned.
                                            ["item/Continuation"] = "@variables('Continuation')",
                                        },
                                        ["authentication"] = "@parameters('$authentication')",
                                    },
                                },
                                ["Keep_the_Continuation"] = new JsonObject
                                {
                                    ["runAfter"] = Succeeded(call),
                                    ["metadata"] = Metadata("action:Keep_the_Continuation"),
                                    ["type"] = "SetVariable",
                                    // A missing property reads as empty, which ends the loop rather than repeating the last page forever.
                                    ["inputs"] = new JsonObject { ["name"] = "Continuation", ["value"] = $"@{{coalesce(outputs('{call}')?['body/Continuation'], '')}}" },
                                },
                                ["Count_processed"] = Increment("Processed", $"@outputs('{call}')?['body/Processed']", "Keep_the_Continuation"),
                                ["Count_changed"] = Increment("Changed", $"@outputs('{call}')?['body/Changed']", "Count_processed"),
                            },
                            ["runAfter"] = Succeeded("Initialize_Changed"),
                            ["metadata"] = Metadata("action:Until_the_run_is_complete"),
                            ["expression"] = "@empty(variables('Continuation'))",
                            ["limit"] = new JsonObject { ["count"] = ScheduleCatalog.MaxCalls, ["timeout"] = ScheduleCatalog.LoopTimeout },
                            ["type"] = "Until",
                        },
                    },
                },
                ["templateName"] = string.Empty,
            },
            ["schemaVersion"] = "1.0.0.0",
        };
        return ToText(definition);
    }

    private static JsonObject Variable(string name, string type, JsonNode? value, string? after) => new()
    {
        ["runAfter"] = after is null ? new JsonObject() : Succeeded(after),
        ["metadata"] = Metadata("action:Initialize_" + name),
        ["type"] = "InitializeVariable",
        ["inputs"] = new JsonObject { ["variables"] = new JsonArray(new JsonObject { ["name"] = name, ["type"] = type, ["value"] = value }) },
    };

    private static JsonObject Increment(string name, string value, string after) => new()
    {
        ["runAfter"] = Succeeded(after),
        ["metadata"] = Metadata("action:Count_" + name),
        ["type"] = "IncrementVariable",
        ["inputs"] = new JsonObject { ["name"] = name, ["value"] = value },
    };

    private static JsonObject Succeeded(string action) => new() { [action] = new JsonArray("Succeeded") };

    // The designer's per-operation id, which exports carry; derived from the operation's name so that it never changes.
    private static JsonObject Metadata(string operation) =>
        new() { ["operationMetadataId"] = StableId.For($"cloudflow:{ScheduleCatalog.FlowId:D}:{operation}").ToString("D") };

    private static XElement Names(string container, string item, Label label) =>
        new(container,
            new XElement(item, new XAttribute("languagecode", CrmCx.Model.Labels.Label.EnglishLcid), new XAttribute("description", label.English)),
            new XElement(item, new XAttribute("languagecode", CrmCx.Model.Labels.Label.FrenchLcid), new XAttribute("description", label.French)));

    private static string ToText(JsonNode node)
    {
        // Relaxed escaping keeps the flow expressions' quotes readable (@variables('x') rather than \u0027); the file is
        // data for the flow engine, never embedded in HTML. LF line ends, as every generated file.
        var options = new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" };
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, options)) node.WriteTo(writer);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
