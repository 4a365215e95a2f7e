using System;
using System.Linq;
using CrmCx.Dataverse.InMemory.Pipeline;
using CrmCx.Dataverse.InMemory.Tests.Fixtures;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Pipeline;

public sealed class RegistrationTests
{
    private readonly InMemoryOrganization org = new();

    [Fact]
    public void A_step_is_read_from_the_registration_attribute_by_its_type_name()
    {
        var step = Assert.Single(org.Pipeline.Register(typeof(ContactEmailAuditPlugin)));

        Assert.Equal("Update", step.MessageName);
        Assert.Equal("contact", step.EntityLogicalName);
        Assert.Equal(PipelineStage.PostOperation, step.Stage);
        Assert.Equal(StepMode.Synchronous, step.Mode);
        Assert.Equal(new[] { "emailaddress1" }, step.FilteringAttributes);
        Assert.Equal("Audit email change", step.Name);
        Assert.Equal(new[] { "Pre", "Post" }, step.Images.Select(i => i.Name));
        Assert.Equal(new[] { "emailaddress1", "firstname" }, step.Images[0].Attributes);
        Assert.Equal(ImageKind.PostImage, step.Images[1].Kind);
    }

    [Fact]
    public void Asynchronous_mode_and_configuration_are_read_from_the_attribute()
    {
        Assert.Equal(StepMode.Asynchronous, Assert.Single(org.Pipeline.Register(typeof(FollowUpTaskAsyncPlugin))).Mode);
        var configured = Assert.Single(org.Pipeline.Register(typeof(ConfiguredPlugin)));
        Assert.Equal("unsecure-value", configured.UnsecureConfiguration);
        Assert.Equal("secure-value", configured.SecureConfiguration);
    }

    [Fact]
    public void Registering_an_assembly_finds_every_public_decorated_plugin()
    {
        var steps = org.Pipeline.RegisterAssembly(typeof(RegistrationTests).Assembly);

        Assert.Contains(steps, s => s.PluginType == typeof(SetAccountNumberPlugin));
        Assert.Contains(steps, s => s.PluginType == typeof(FollowUpTaskAsyncPlugin));
        Assert.DoesNotContain(steps, s => s.PluginType == typeof(CapturingPlugin));
    }

    [Fact]
    public void An_asynchronous_step_outside_PostOperation_is_refused_at_registration()
    {
        // register-plug-in.md: asynchronous steps can only be registered in PostOperation.
        var e = Assert.Throws<InvalidOperationException>(() => org.Pipeline.Register(typeof(InvalidAsyncPreOperationPlugin)));

        Assert.Contains("PostOperation", e.Message);
        Assert.Empty(org.Pipeline.Steps);
    }

    [Fact]
    public void A_pre_image_on_Create_is_refused_at_registration()
    {
        // register-plug-in.md "Define entity images": no pre-image on Create.
        var e = Assert.Throws<InvalidOperationException>(() => org.Pipeline.Register(typeof(InvalidCreatePreImagePlugin)));

        Assert.Contains("no pre-image", e.Message);
    }

    [Theory]
    [InlineData("Delete", ImageKind.PostImage, PipelineStage.PostOperation)]
    [InlineData("Update", ImageKind.PostImage, PipelineStage.PreOperation)]
    [InlineData("Retrieve", ImageKind.PreImage, PipelineStage.PostOperation)]
    public void Images_a_message_or_stage_does_not_support_are_refused(string message, ImageKind kind, PipelineStage stage)
    {
        var step = new PluginStep(typeof(CapturingPlugin), message, "account", stage) { Images = new[] { new StepImage("Image", kind, Array.Empty<string>()) } };

        Assert.Throws<InvalidOperationException>(() => org.Pipeline.Register(step));
    }
}
