using System;
using System.IO;
using System.Linq;
using CrmCx.Packaging.Generation;
using CrmCx.Packaging.Registration;
using Xunit;

namespace CrmCx.Packaging.Tests.Registration;

public sealed class PluginAssemblyReaderTests
{
    private static readonly PluginAssemblyInfo Fixture = PluginAssemblyReader.Read(Path.Combine(AppContext.BaseDirectory, "CrmCx.Packaging.Fixture.dll"));

    private static StepInfo Step(string name) => Fixture.Steps.Single(s => s.Step.Name == name).Step;

    [Fact]
    public void Attributes_are_matched_by_type_name_whatever_their_namespace()
    {
        Assert.Equal(new[] { "Fixture.Plugins.AccountPlugin", "Fixture.Plugins.FixtureActivity", "Fixture.Plugins.StepWithoutId" }, Fixture.Types.Select(t => t.FullName));
    }

    [Fact]
    public void A_step_is_read_with_message_table_stage_mode_filter_rank_and_id()
    {
        var step = Step("Fixture: account updated");
        Assert.Equal(("Update", "account", 40, true, 3), (step.Message, step.Entity, step.Stage, step.Asynchronous, step.Rank));
        Assert.Equal("name, AccountNumber", step.FilteringAttributes);
        Assert.Equal("11111111-2222-3333-4444-555555555555", step.Id);
        Assert.Equal("{\"windowDays\":90}", step.UnsecureConfiguration);
        Assert.True(step.DeleteAsyncOperation);
        var created = Step("Fixture: account created");
        Assert.Equal((10, false), (created.Stage, created.Asynchronous));
        Assert.Null(created.FilteringAttributes);
    }

    [Fact]
    public void Both_images_are_read_with_their_type_and_columns()
    {
        var images = Step("Fixture: account updated").Images;
        Assert.Equal(new[] { new ImageInfo("pre", "name", 0), new ImageInfo("post", "name,accountnumber", 1) }, images);
    }

    [Fact]
    public void Plugins_are_recognised_through_a_base_class_declared_in_the_assembly()
    {
        Assert.True(Fixture.Types.Single(t => t.FullName == "Fixture.Plugins.AccountPlugin").IsPlugin);
        Assert.False(Fixture.Types.Single(t => t.FullName == "Fixture.Plugins.FixtureActivity").IsPlugin);
    }

    [Fact]
    public void A_workflow_activity_registration_gives_its_name_friendly_name_and_group()
    {
        Assert.Equal(new WorkflowActivityInfo("LinkSomething", "Link something", "Links something.", "Fixture group"),
            Fixture.Types.Single(t => t.FullName == "Fixture.Plugins.FixtureActivity").Activity);
    }

    [Fact]
    public void A_step_without_an_id_is_refused_with_a_message_naming_it()
    {
        var (type, step) = Fixture.Steps.Single(s => s.Step.Name == "Fixture: contact deleted without id");
        var error = Assert.Throws<InvalidOperationException>(() => PluginXml.StepId(type, step));
        Assert.Contains("Fixture: contact deleted without id", error.Message, StringComparison.Ordinal);
        Assert.Contains("Fixture.Plugins.StepWithoutId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_step_file_carries_the_registration_with_SdkMessageId_first_as_exports_do_and_no_configuration()
    {
        var (type, step) = Fixture.Steps.Single(s => s.Step.Name == "Fixture: account updated");
        var xml = PluginXml.Step(Fixture, type, step, SdkMessages.IdOf(step.Message)!.Value);
        Assert.Equal("{11111111-2222-3333-4444-555555555555}", (string?)xml.Attribute("SdkMessageProcessingStepId"));
        Assert.Equal("name,accountnumber", xml.Element("FilteringAttributes")!.Value);
        Assert.Equal("1", xml.Element("Mode")!.Value);
        Assert.Equal("1", xml.Element("AsyncAutoDelete")!.Value);
        Assert.Null(xml.Element("Configuration"));
        Assert.Equal(new[] { "Target", "Target" }, xml.Descendants("MessagePropertyName").Select(e => e.Value));
        var order = xml.Elements().Select(e => e.Name.LocalName).ToList();
        Assert.Equal(new[] { "SdkMessageId", "PluginTypeName", "PluginTypeId", "PrimaryEntity", "AsyncAutoDelete", "Description", "FilteringAttributes", "InvocationSource", "Mode", "Rank",
            "EventHandlerTypeCode", "Stage", "IsCustomizable", "IsHidden", "SupportedDeployment", "IntroducedVersion", "SdkMessageProcessingStepImages" }, order);
        Assert.Equal("20bebb1b-ea3e-db11-86a7-000a3a5473e8", xml.Element("SdkMessageId")!.Value);
    }

    [Theory]
    [InlineData("Create", "Id")]
    [InlineData("Update", "Target")]
    [InlineData("Delete", "Target")]
    [InlineData("CreateMultiple", "Ids")]
    [InlineData("UpdateMultiple", "Targets")]
    public void Images_read_the_request_property_the_message_carries(string message, string property)
    {
        Assert.Equal(property, SdkMessages.ImagePropertyOf(message));
    }

    [Fact]
    public void Create_update_and_delete_have_their_platform_message_ids()
    {
        Assert.Equal(new Guid("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8"), SdkMessages.IdOf("Create"));
        Assert.Equal(new Guid("20bebb1b-ea3e-db11-86a7-000a3a5473e8"), SdkMessages.IdOf("Update"));
        Assert.Equal(new Guid("a1bdbb1b-ea3e-db11-86a7-000a3a5473e8"), SdkMessages.IdOf("Delete"));
    }
}
