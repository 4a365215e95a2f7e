using System;
using System.Linq;
using System.Xml.Linq;
using CrmCx.Packaging.Repository;
using CrmCx.Packaging.Validation;
using Xunit;

namespace CrmCx.Packaging.Tests.Validation;

public sealed class CustomizationsSchemaTests
{
    private static readonly CustomizationsSchema Schema = CustomizationsSchema.Load(RepositoryLayout.Find(AppContext.BaseDirectory).Schemas);

    [Fact]
    public void An_empty_customizations_file_is_valid()
    {
        Assert.Empty(Schema.Validate(XDocument.Parse("<ImportExportXml><Entities/><Roles/><Languages><Language>1033</Language></Languages></ImportExportXml>")));
    }

    [Fact]
    public void Sections_out_of_the_schema_order_are_reported()
    {
        Assert.NotEmpty(Schema.Validate(XDocument.Parse("<ImportExportXml><Roles/><Entities/></ImportExportXml>")));
    }

    [Fact]
    public void An_element_the_schema_does_not_know_is_reported()
    {
        Assert.NotEmpty(Schema.Validate(XDocument.Parse("<ImportExportXml><Entities/><Bogus/></ImportExportXml>")));
        Assert.NotEmpty(Schema.Validate(XDocument.Parse("<SomethingElse/>")));
    }

    [Fact]
    public void A_step_without_its_required_id_is_reported()
    {
        var errors = Schema.Validate(XDocument.Parse("<ImportExportXml><SdkMessageProcessingSteps><SdkMessageProcessingStep Name=\"x\"><Mode>0</Mode></SdkMessageProcessingStep></SdkMessageProcessingSteps></ImportExportXml>"));
        Assert.Contains(errors, e => e.Contains("SdkMessageProcessingStepId", StringComparison.Ordinal));
    }

    [Fact]
    public void Form_difference_markers_the_old_schema_predates_are_not_reported_but_the_rest_of_the_form_is_checked()
    {
        var form = "<ImportExportXml><Entities><Entity><Name LocalizedName=\"Account\" OriginalName=\"Account\">Account</Name><FormXml><forms type=\"main\"><systemform><formid>{8448b78f-8f42-454e-8e2a-f8196b0419af}</formid>"
            + "<form><tabs><tab name=\"t\" solutionaction=\"Added\" {0}><columns><column width=\"100%\"/></columns></tab></tabs></form>"
            + "<LocalizedNames><LocalizedName description=\"Account\" languagecode=\"1033\"/></LocalizedNames></systemform></forms></FormXml></Entity></Entities></ImportExportXml>";
        Assert.Empty(Schema.Validate(XDocument.Parse(form.Replace("{0}", string.Empty, StringComparison.Ordinal))));
        Assert.NotEmpty(Schema.Validate(XDocument.Parse(form.Replace("{0}", "bogus=\"1\"", StringComparison.Ordinal))));
    }

    private static string Step(string elements) =>
        "<ImportExportXml><SdkMessageProcessingSteps><SdkMessageProcessingStep Name=\"s\" SdkMessageProcessingStepId=\"{a5191a6b-9290-ee11-8179-000d3a354bf5}\">"
        + elements + "</SdkMessageProcessingStep></SdkMessageProcessingSteps></ImportExportXml>";

    private const string MessageId = "<SdkMessageId>9ebdbb1b-ea3e-db11-86a7-000a3a5473e8</SdkMessageId>";

    [Fact]
    public void A_step_with_SdkMessageId_first_as_Dataverse_exports_it_is_valid()
    {
        Assert.Empty(Schema.Validate(XDocument.Parse(Step(MessageId + "<PluginTypeName>P, A</PluginTypeName><Mode>0</Mode><Rank>1</Rank><Stage>40</Stage><SdkMessageProcessingStepImages />"))));
        Assert.Empty(Schema.Validate(XDocument.Parse(Step(MessageId))));
    }

    [Fact]
    public void A_step_with_SdkMessageId_at_the_schemas_place_after_Rank_is_still_valid()
    {
        Assert.Empty(Schema.Validate(XDocument.Parse(Step("<PluginTypeName>P, A</PluginTypeName><Rank>1</Rank>" + MessageId + "<Stage>40</Stage>"))));
    }

    [Fact]
    public void A_step_with_SdkMessageId_anywhere_else_is_reported()
    {
        Assert.NotEmpty(Schema.Validate(XDocument.Parse(Step("<PluginTypeName>P, A</PluginTypeName><Stage>40</Stage>" + MessageId))));
        Assert.NotEmpty(Schema.Validate(XDocument.Parse(Step("<PluginTypeName>P, A</PluginTypeName>" + MessageId + "<Rank>1</Rank>"))));
    }

    [Fact]
    public void Moving_the_exported_SdkMessageId_leaves_the_rest_of_the_step_checked()
    {
        Assert.NotEmpty(Schema.Validate(XDocument.Parse(Step(MessageId + "<Stage>40</Stage><PluginTypeName>P, A</PluginTypeName>"))));
        Assert.NotEmpty(Schema.Validate(XDocument.Parse(Step(MessageId + "<Bogus/>"))));
    }

    private static string WithConnectionReference(string children) =>
        "<ImportExportXml><Entities/><EntityDataProviders/><connectionreferences><connectionreference connectionreferencelogicalname=\"cx_X\">"
        + children + "</connectionreference></connectionreferences><Languages><Language>1033</Language></Languages></ImportExportXml>";

    [Fact]
    public void A_connection_reference_as_exports_write_it_is_valid_although_the_schema_has_no_such_section()
    {
        Assert.Empty(Schema.Validate(XDocument.Parse(WithConnectionReference(
            "<connectionreferencedisplayname>X</connectionreferencedisplayname><connectorid>/providers/Microsoft.PowerApps/apis/shared_commondataserviceforapps</connectorid>"
            + "<description>d</description><iscustomizable>1</iscustomizable><statecode>0</statecode><statuscode>1</statuscode>"))));
    }

    [Fact]
    public void A_connection_reference_without_a_connector_or_with_an_unknown_element_is_reported()
    {
        Assert.Contains(Schema.Validate(XDocument.Parse(WithConnectionReference("<connectionreferencedisplayname>X</connectionreferencedisplayname>"))), e => e.Contains("connectorid", StringComparison.Ordinal));
        Assert.Contains(Schema.Validate(XDocument.Parse(WithConnectionReference(
            "<connectionreferencedisplayname>X</connectionreferencedisplayname><connectorid>/providers/Microsoft.PowerApps/apis/shared_sql</connectorid><bogus/>"))), e => e.Contains("bogus", StringComparison.Ordinal));
        Assert.NotEmpty(Schema.Validate(XDocument.Parse(WithConnectionReference(
            "<connectorid>/providers/Microsoft.PowerApps/apis/shared_sql</connectorid><connectionreferencedisplayname>X</connectionreferencedisplayname>"))));
    }

    private static string Flow(string category, string first, string rest = "") =>
        "<ImportExportXml><Workflows><Workflow WorkflowId=\"{55337eae-b7d7-ee11-904d-00224822316d}\" Name=\"f\">" + first
        + "<Type>1</Type><Subprocess>0</Subprocess><Category>" + category + "</Category><Mode>0</Mode><Scope>4</Scope><StateCode>0</StateCode><StatusCode>1</StatusCode>"
        + "<IntroducedVersion>1.0.0.0</IntroducedVersion><IsCustomizable>1</IsCustomizable><IsCustomProcessingStepAllowedForOtherPublishers>1</IsCustomProcessingStepAllowedForOtherPublishers>"
        + rest + "<PrimaryEntity>none</PrimaryEntity><LocalizedNames><LocalizedName languagecode=\"1033\" description=\"f\" /></LocalizedNames></Workflow></Workflows></ImportExportXml>";

    private const string JsonFileName = "<JsonFileName>/Workflows/f-55337EAE-B7D7-EE11-904D-00224822316D.json</JsonFileName>";

    [Fact]
    public void A_cloud_flow_row_as_exports_write_it_is_valid_although_the_schema_predates_its_first_and_its_publisher_elements()
    {
        Assert.Empty(Schema.Validate(XDocument.Parse(Flow("5", JsonFileName))));
    }

    [Fact]
    public void The_rest_of_a_cloud_flow_row_is_checked_and_a_row_that_is_no_cloud_flow_gets_no_allowance()
    {
        Assert.NotEmpty(Schema.Validate(XDocument.Parse(Flow("5", JsonFileName, "<Bogus/>"))));
        Assert.Contains(Schema.Validate(XDocument.Parse(Flow("5", string.Empty))), e => e.Contains("JsonFileName", StringComparison.Ordinal));
        Assert.NotEmpty(Schema.Validate(XDocument.Parse(Flow("5", "<JsonFileName>/Elsewhere/f.txt</JsonFileName>"))));
        Assert.NotEmpty(Schema.Validate(XDocument.Parse(Flow("0", JsonFileName))));
    }
}
