using System;
using CrmCx.Dataverse.InMemory.Pipeline;
using CrmCx.Dataverse.InMemory.Tests.Fixtures;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Pipeline;

/// <summary>Register(PluginStep): the hand-made steps tests use, validated like imported ones.</summary>
public sealed class RegistrationTests
{
    private readonly InMemoryOrganization org = new();

    [Fact]
    public void A_hand_made_step_is_registered_as_given()
    {
        var step = org.Pipeline.Register(new PluginStep(typeof(CapturingPlugin), "Update", "contact", PipelineStage.PostOperation, StepMode.Asynchronous)
        {
            Name = "Capture contact updates",
            FilteringAttributes = new[] { "emailaddress1" },
            ExecutionOrder = 3,
            UnsecureConfiguration = "key",
        });

        Assert.Same(step, Assert.Single(org.Pipeline.Steps));
        Assert.Equal("Capture contact updates", step.Name);
        Assert.Equal(StepMode.Asynchronous, step.Mode);
        Assert.Equal(3, step.ExecutionOrder);
    }

    [Fact]
    public void An_asynchronous_step_outside_PostOperation_is_refused_at_registration()
    {
        // register-plug-in.md: asynchronous steps can only be registered in PostOperation.
        var step = new PluginStep(typeof(CapturingPlugin), "Create", "contact", PipelineStage.PreOperation, StepMode.Asynchronous) { Name = "Invalid async" };

        var e = Assert.Throws<InvalidOperationException>(() => org.Pipeline.Register(step));

        Assert.Contains("Invalid async", e.Message);
        Assert.Contains("PostOperation", e.Message);
        Assert.Empty(org.Pipeline.Steps);
    }

    [Fact]
    public void A_pre_image_on_Create_is_refused_at_registration()
    {
        // register-plug-in.md "Define entity images": no pre-image on Create.
        var step = new PluginStep(typeof(CapturingPlugin), "Create", "contact", PipelineStage.PostOperation)
        {
            Images = new[] { new StepImage("Pre", ImageKind.PreImage, new[] { "lastname" }) },
        };

        var e = Assert.Throws<InvalidOperationException>(() => org.Pipeline.Register(step));

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

    [Fact]
    public void A_step_whose_id_is_already_registered_is_refused()
    {
        var first = org.Pipeline.Register(new PluginStep(typeof(CapturingPlugin), "Create", "account", PipelineStage.PreOperation));

        var e = Assert.Throws<InvalidOperationException>(() =>
            org.Pipeline.Register(new PluginStep(typeof(CapturingPlugin), "Update", "account", PipelineStage.PreOperation) { Id = first.Id }));

        Assert.Contains(first.Id.ToString("D"), e.Message);
        Assert.Single(org.Pipeline.Steps);
    }
}
