using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using CrmCx.Dataverse.InMemory.Metadata;
using CrmCx.Dataverse.InMemory.Pipeline;
using CrmCx.Dataverse.InMemory.Tests.Fixtures;
using CrmCx.Dataverse.InMemory.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Pipeline;

/// <summary>The importer: step files (Solution/SdkMessageProcessingSteps, customizations.xml) become pipeline steps as an import resolves them.</summary>
public sealed class StepImportTests
{
    private const int Pre = 0, Post = 1, Both = 2;
    private static readonly Guid StepId = new("0b0f4c52-1d1e-4c0e-9a51-3d8f2f6a7c11");
    private readonly InMemoryOrganization org = new();

    private IReadOnlyList<PluginStep> Import(params XElement[] steps) => org.Pipeline.ImportSteps(steps, typeof(StepImportTests).Assembly);

    private static XElement Step(string message = "Update", int stage = 40, int mode = 0, Type? plugin = null, params XElement[] images) =>
        StepXml.Step(plugin ?? typeof(CapturingPlugin), message, "account", stage, mode, "Account step", id: StepId, images: images);

    private InvalidOperationException Refused(XElement step)
    {
        var e = Assert.Throws<InvalidOperationException>(() => Import(step));
        Assert.Empty(org.Pipeline.Steps);
        // Every refusal names the step by name and id.
        Assert.Contains("Step 'Account step' ({0b0f4c52-1d1e-4c0e-9a51-3d8f2f6a7c11})", e.Message);
        return e;
    }

    [Fact]
    public void Every_field_of_a_step_file_reaches_the_pipeline_step()
    {
        var typeId = new Guid("5d6c7b8a-0000-4000-8000-000000000001");
        var preId = new Guid("5d6c7b8a-0000-4000-8000-000000000002");
        var xml = XElement.Parse($@"
            <SdkMessageProcessingStep xmlns:xsi='http://www.w3.org/2001/XMLSchema-instance' Name='Account step' SdkMessageProcessingStepId='{{0b0f4c52-1d1e-4c0e-9a51-3d8f2f6a7c11}}'>
              <SdkMessageId>20bebb1b-ea3e-db11-86a7-000a3a5473e8</SdkMessageId>
              <PluginTypeName>{typeof(CapturingPlugin).AssemblyQualifiedName}</PluginTypeName>
              <PluginTypeId>{typeId:D}</PluginTypeId>
              <PrimaryEntity>account</PrimaryEntity>
              <AsyncAutoDelete>1</AsyncAutoDelete>
              <Configuration>{{""key"": 1}}</Configuration>
              <Description>Recomputes the account.</Description>
              <FilteringAttributes>name,accountnumber</FilteringAttributes>
              <InvocationSource>1</InvocationSource>
              <Mode>1</Mode>
              <Rank>3</Rank>
              <EventHandlerTypeCode>4602</EventHandlerTypeCode>
              <Stage>40</Stage>
              <IsCustomizable>1</IsCustomizable>
              <IsHidden>0</IsHidden>
              <SupportedDeployment>0</SupportedDeployment>
              <IntroducedVersion>1.0.0.0</IntroducedVersion>
              <SdkMessageProcessingStepImages>
                <SdkMessageProcessingStepImage Name='before'>
                  <SdkMessageProcessingStepImageId>{{{preId:D}}}</SdkMessageProcessingStepImageId>
                  <Attributes>name</Attributes>
                  <EntityAlias>pre</EntityAlias>
                  <ImageType>0</ImageType>
                  <MessagePropertyName>Target</MessagePropertyName>
                  <IsCustomizable>1</IsCustomizable>
                </SdkMessageProcessingStepImage>
                <SdkMessageProcessingStepImage Name='both'>
                  <Attributes></Attributes>
                  <EntityAlias>both</EntityAlias>
                  <ImageType>2</ImageType>
                  <MessagePropertyName>Target</MessagePropertyName>
                </SdkMessageProcessingStepImage>
              </SdkMessageProcessingStepImages>
            </SdkMessageProcessingStep>");

        var step = Assert.Single(Import(xml));

        Assert.Same(step, Assert.Single(org.Pipeline.Steps));
        Assert.Equal(StepId, step.Id);
        Assert.Equal("Account step", step.Name);
        Assert.Equal("Recomputes the account.", step.Description);
        Assert.Equal(typeof(CapturingPlugin), step.PluginType);
        Assert.Equal(typeId, step.PluginTypeId);
        Assert.Equal("Update", step.MessageName);
        Assert.Equal(new Guid("20bebb1b-ea3e-db11-86a7-000a3a5473e8"), step.MessageId);
        Assert.Equal("account", step.EntityLogicalName);
        Assert.Equal(PipelineStage.PostOperation, step.Stage);
        Assert.Equal(StepMode.Asynchronous, step.Mode);
        Assert.Equal(3, step.ExecutionOrder);
        Assert.True(step.AsyncAutoDelete);
        Assert.Equal(new[] { "name", "accountnumber" }, step.FilteringAttributes);
        Assert.Equal("{\"key\": 1}", step.UnsecureConfiguration);
        Assert.Null(step.SecureConfiguration);
        Assert.Equal(2, step.Images.Count);
        var before = step.Images[0];
        Assert.Equal(("before", "pre", ImageKind.PreImage, "Target", (Guid?)preId), (before.Name, before.EntityAlias, before.Kind, before.MessagePropertyName, before.Id));
        Assert.Equal(new[] { "name" }, before.Attributes);
        Assert.Equal(ImageKind.Both, step.Images[1].Kind);
        Assert.Empty(step.Images[1].Attributes);
        Assert.Null(step.Images[1].Id);
    }

    [Fact]
    public void The_child_elements_of_a_step_may_come_in_any_order()
    {
        var step = Step(images: StepXml.Image("pre", Pre, "name"));
        var reversed = new XElement(step.Name, step.Attributes(), step.Elements().Reverse());

        var imported = Assert.Single(Import(reversed));

        Assert.Equal(("Update", PipelineStage.PostOperation, StepMode.Synchronous, "pre"), (imported.MessageName, imported.Stage, imported.Mode, imported.Images.Single().Name));
    }

    [Fact]
    public void A_step_without_PrimaryEntity_or_Rank_fires_for_every_table_at_rank_one()
    {
        var step = Step();
        step.Element("PrimaryEntity")!.Remove();
        step.Element("Rank")!.Remove();

        var imported = Assert.Single(Import(step));

        Assert.Null(imported.EntityLogicalName);
        Assert.Equal(1, imported.ExecutionOrder);
    }

    [Fact]
    public void The_plugin_reads_an_image_by_the_alias_of_its_step_file()
    {
        Import(StepXml.Step(typeof(AliasReadingPlugin), "Update", "account", 20, 0, "Account step", images: StepXml.Image("Image named differently", Pre, "name", alias: "pre")));
        var id = org.GetService().Create(new Entity("account") { ["name"] = "Contoso" });

        org.GetService().Update(new Entity("account", id) { ["name"] = "Fabrikam" });

        Assert.Equal("images: pre", Assert.Single(org.Traces).Text);
    }

    [Fact]
    public void Every_message_of_the_catalog_resolves_from_its_sdkmessageid()
    {
        foreach (var (name, id) in SdkMessageCatalog.Messages)
        {
            var pipeline = new InMemoryOrganization().Pipeline;
            var step = StepXml.Step(typeof(CapturingPlugin), name, "account", 20, 0, name);

            Assert.Equal(name, Assert.Single(pipeline.ImportSteps(new[] { step }, typeof(CapturingPlugin).Assembly)).MessageName);
            Assert.Equal(id, SdkMessageCatalog.IdOf(name));
            Assert.Equal(name, SdkMessageCatalog.NameOf(id));
        }
    }

    [Fact]
    public void A_step_without_SdkMessageId_is_refused_because_an_import_cannot_resolve_its_message()
    {
        var step = Step();
        step.Element("SdkMessageId")!.Remove();

        Assert.Contains("has no SdkMessageId: an import cannot resolve its message", Refused(step).Message);
    }

    [Fact]
    public void A_step_whose_SdkMessageId_is_not_in_the_catalog_is_refused()
    {
        var step = Step();
        step.Element("SdkMessageId")!.Value = "11111111-2222-4333-8444-555555555555";

        var message = Refused(step).Message;

        Assert.Contains("its SdkMessageId 11111111-2222-4333-8444-555555555555 is not a message of the in-memory org's sdkmessage catalog", message);
        Assert.Contains("Create 9ebdbb1b-ea3e-db11-86a7-000a3a5473e8", message);
    }

    [Fact]
    public void A_step_whose_SdkMessageId_is_not_a_GUID_is_refused()
    {
        var step = Step();
        step.Element("SdkMessageId")!.Value = "Create";

        Assert.Contains("its SdkMessageId 'Create' is not a GUID", Refused(step).Message);
    }

    [Fact]
    public void A_step_whose_plugin_type_is_not_in_the_assembly_is_refused()
    {
        var step = Step();
        step.Element("PluginTypeName")!.Value = "CrmCx.Missing.Plugin, CrmCx.Dataverse.InMemory.Tests, Version=1.0.0.0, Culture=neutral, PublicKeyToken=null";

        Assert.Contains("its plugin type CrmCx.Missing.Plugin is not in assembly CrmCx.Dataverse.InMemory.Tests", Refused(step).Message);
    }

    [Theory]
    [InlineData(typeof(InternalPlugin))]
    [InlineData(typeof(AbstractPlugin))]
    [InlineData(typeof(NotAPlugin))]
    public void A_step_whose_plugin_type_is_not_a_public_concrete_IPlugin_is_refused(Type type)
    {
        var message = Refused(Step(plugin: type)).Message;

        Assert.Contains($"its plugin type {type.FullName} is not a public concrete IPlugin class", message);
    }

    [Theory]
    [InlineData("2")]
    [InlineData("")]
    [InlineData("async")]
    public void A_step_with_an_unknown_Mode_is_refused(string mode)
    {
        var step = Step();
        step.Element("Mode")!.Value = mode;

        Assert.Contains($"its Mode '{mode}' is not a mode (0 synchronous, 1 asynchronous)", Refused(step).Message);
    }

    [Theory]
    [InlineData("50")]
    [InlineData("PostOperation")]
    public void A_step_with_an_unknown_Stage_is_refused(string stage)
    {
        var step = Step();
        step.Element("Stage")!.Value = stage;

        Assert.Contains($"its Stage '{stage}' is not a stage (10 PreValidation, 20 PreOperation, 40 PostOperation)", Refused(step).Message);
    }

    [Fact]
    public void A_step_on_the_MainOperation_stage_is_refused()
    {
        Assert.Contains("plugins cannot be registered on the MainOperation stage (30)", Refused(Step(stage: 30)).Message);
    }

    [Fact]
    public void An_asynchronous_step_outside_PostOperation_is_refused()
    {
        Assert.Contains("asynchronous steps can only be registered on the PostOperation stage (40), not PreOperation (20)", Refused(Step(stage: 20, mode: 1)).Message);
    }

    [Theory]
    [InlineData("Create", 40, Pre, "message 'Create' has no pre-image (image 'image')")]
    [InlineData("Delete", 40, Post, "message 'Delete' has no post-image (image 'image')")]
    [InlineData("Update", 20, Post, "post-image 'image' is only available on the PostOperation stage, not PreOperation")]
    [InlineData("Update", 20, Both, "post-image 'image' is only available on the PostOperation stage, not PreOperation")]
    [InlineData("Retrieve", 40, Pre, "image 'image' is not supported on message 'Retrieve'")]
    public void An_image_the_message_or_stage_does_not_support_is_refused(string message, int stage, int imageType, string reason)
    {
        Assert.Contains(reason, Refused(Step(message, stage, images: StepXml.Image("image", imageType, "name"))).Message);
    }

    [Fact]
    public void An_image_with_an_unknown_ImageType_is_refused()
    {
        Assert.Contains("image 'image' has ImageType '3', not an image type (0 pre, 1 post, 2 both)", Refused(Step(images: StepXml.Image("image", 3, "name"))).Message);
    }

    [Fact]
    public void A_step_without_an_id_is_refused()
    {
        var step = Step();
        step.Attribute("SdkMessageProcessingStepId")!.Remove();

        var e = Assert.Throws<InvalidOperationException>(() => Import(step));

        Assert.Contains("Step 'Account step' (no SdkMessageProcessingStepId): its SdkMessageProcessingStepId attribute is missing or not a GUID", e.Message);
    }

    [Fact]
    public void Two_steps_with_one_id_are_refused()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Import(Step(), Step("Create")));

        Assert.Contains("another step has the same SdkMessageProcessingStepId", e.Message);
        Assert.Empty(org.Pipeline.Steps);
    }

    [Fact]
    public void An_import_registers_all_its_steps_or_none_and_names_every_refused_step()
    {
        var good = StepXml.Step(typeof(CapturingPlugin), "Create", "account", 20, 0, "Good step");
        var noMessage = StepXml.Step(typeof(CapturingPlugin), "Create", "account", 20, 0, "No message");
        noMessage.Element("SdkMessageId")!.Remove();
        var badMode = StepXml.Step(typeof(CapturingPlugin), "Create", "account", 20, 0, "Bad mode");
        badMode.Element("Mode")!.Value = "9";

        var e = Assert.Throws<InvalidOperationException>(() => Import(good, noMessage, badMode));

        Assert.StartsWith("The import registers no step: 2 step(s) refused.", e.Message);
        Assert.Contains("Step 'No message'", e.Message);
        Assert.Contains("Step 'Bad mode'", e.Message);
        Assert.DoesNotContain("Good step", e.Message);
        Assert.Empty(org.Pipeline.Steps);
    }

    [Fact]
    public void A_folder_of_step_files_is_imported_in_file_name_order_and_refusals_name_the_file()
    {
        var folder = Directory.CreateTempSubdirectory("crmcx-steps-").FullName;
        try
        {
            var first = StepXml.Step(typeof(CapturingPlugin), "Create", "account", 20, 0, "First", id: new Guid("00000001-0000-4000-8000-000000000000"));
            var second = StepXml.Step(typeof(CapturingPlugin), "Update", "account", 20, 0, "Second", id: new Guid("00000002-0000-4000-8000-000000000000"));
            new XDocument(second).Save(Path.Combine(folder, "{00000002-0000-4000-8000-000000000000}.xml"));
            new XDocument(first).Save(Path.Combine(folder, "{00000001-0000-4000-8000-000000000000}.xml"));
            File.WriteAllText(Path.Combine(folder, "notes.txt"), "not a step");

            var steps = org.Pipeline.ImportStepFolder(folder, typeof(CapturingPlugin).Assembly);

            Assert.Equal(new[] { "First", "Second" }, steps.Select(s => s.Name));

            second.Element("Stage")!.Value = "99";
            new XDocument(second).Save(Path.Combine(folder, "{00000002-0000-4000-8000-000000000000}.xml"));
            var e = Assert.Throws<InvalidOperationException>(() => new InMemoryOrganization().Pipeline.ImportStepFolder(folder, typeof(CapturingPlugin).Assembly));
            Assert.Contains("Step 'Second' ({00000002-0000-4000-8000-000000000000}) in {00000002-0000-4000-8000-000000000000}.xml: its Stage '99'", e.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void The_steps_of_a_packed_customizations_xml_are_imported()
    {
        var customizations = new XDocument(new XElement("ImportExportXml",
            new XElement("Entities"),
            new XElement("SdkMessageProcessingSteps",
                StepXml.Step(typeof(CapturingPlugin), "Create", "account", 20, 0, "From customizations"),
                StepXml.Step(typeof(CapturingPlugin), "Delete", "contact", 40, 1, "Also from customizations"))));

        var steps = org.Pipeline.ImportCustomizations(customizations, typeof(CapturingPlugin).Assembly);

        Assert.Equal(new[] { ("Create", "account"), ("Delete", "contact") }, steps.Select(s => (s.MessageName, s.EntityLogicalName!)));
    }

    [Fact]
    public void A_document_that_is_not_a_customizations_xml_is_refused()
    {
        var e = Assert.Throws<InvalidOperationException>(() => org.Pipeline.ImportCustomizations(new XDocument(new XElement("SdkMessageProcessingSteps")), typeof(CapturingPlugin).Assembly));

        Assert.Contains("root <ImportExportXml>", e.Message);
    }

    [Fact]
    public void An_imported_step_runs_like_any_other()
    {
        FixtureSteps.Add<SetAccountNumberPlugin>(org);

        var id = org.GetService().Create(new Entity("account") { ["name"] = "Contoso" });

        Assert.Equal("AN-CONTOSO", org.Peek("account", id)!["accountnumber"]);
        Assert.Equal("Set account number", Assert.Single(org.Traces).StepName);
    }
}
