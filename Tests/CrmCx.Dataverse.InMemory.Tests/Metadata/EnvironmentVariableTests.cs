using CrmCx.Dataverse.InMemory.Tests.Fixtures;
using CrmCx.Dataverse.InMemory.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Metadata;

/// <summary>
/// The environment variable tables (environmentvariabledefinition, environmentvariablevalue and the one-to-many
/// environmentvariabledefinition_environmentvariablevalue, from Microsoft's table reference pages) are standard tables.
/// </summary>
public sealed class EnvironmentVariableTests
{
    private const int Json = 100000003;
    private readonly InMemoryOrganization org = new();

    private System.Guid Definition(string schemaName, string? defaultValue) => org.Seed(new Entity("environmentvariabledefinition")
    {
        ["schemaname"] = schemaName,
        ["displayname"] = "CrmCx settings",
        ["defaultvalue"] = defaultValue,
        ["type"] = new OptionSetValue(Json),
        ["description"] = "Settings of the CrmCx plug-ins.",
    });

    private void ReadFromPlugin(string schemaName)
    {
        org.Pipeline.ImportSteps(new[] { StepXml.Step(typeof(EnvironmentVariableReaderPlugin), "Create", "account", 20, 0, "Read settings", configuration: schemaName) },
            typeof(EnvironmentVariableReaderPlugin).Assembly);
        org.GetService().Create(new Entity("account") { ["name"] = "Contoso" });
    }

    [Fact]
    public void A_plugin_reads_a_definitions_default_and_current_value_in_one_query()
    {
        var definition = Definition("cx_Settings", "{\"windowDays\": 90}");
        org.Seed(new Entity("environmentvariablevalue")
        {
            ["schemaname"] = "cx_Settings",
            ["value"] = "{\"windowDays\": 30}",
            ["environmentvariabledefinitionid"] = new EntityReference("environmentvariabledefinition", definition),
        });

        ReadFromPlugin("cx_Settings");

        Assert.Equal("default={\"windowDays\": 90} value={\"windowDays\": 30}", Assert.Single(org.Traces).Text);
        Assert.Equal(1, org.Calls.Count("RetrieveMultiple", typeof(EnvironmentVariableReaderPlugin).FullName!));
    }

    [Fact]
    public void A_definition_without_a_value_row_gives_its_default_and_no_current_value()
    {
        Definition("cx_Settings", "{\"windowDays\": 90}");

        ReadFromPlugin("cx_Settings");

        Assert.Equal("default={\"windowDays\": 90} value=(none)", Assert.Single(org.Traces).Text);
    }

    [Fact]
    public void A_value_is_associated_with_its_definition_through_the_documented_relationship()
    {
        var definition = Definition("cx_Settings", null);
        var value = org.Seed(new Entity("environmentvariablevalue") { ["schemaname"] = "cx_Settings", ["value"] = "{}" });

        org.GetService().Associate("environmentvariabledefinition", definition, new Relationship("environmentvariabledefinition_environmentvariablevalue"),
            new EntityReferenceCollection { new EntityReference("environmentvariablevalue", value) });

        Assert.Equal(definition, org.Peek("environmentvariablevalue", value)!.GetAttributeValue<EntityReference>("environmentvariabledefinitionid").Id);
    }

    [Fact]
    public void The_type_column_accepts_only_the_documented_choices()
    {
        FaultAssert.Throws(ErrorCodes.ValueOutOfRange, () => org.GetService().Create(new Entity("environmentvariabledefinition")
        {
            ["schemaname"] = "cx_Bad",
            ["type"] = new OptionSetValue(1),
        }));

        Assert.Empty(org.Snapshot("environmentvariabledefinition"));
    }
}
