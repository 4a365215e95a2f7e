using System;
using System.Linq;
using CrmCx.Dataverse.InMemory.Pipeline;
using CrmCx.Dataverse.InMemory.Tests.Fixtures;
using CrmCx.Dataverse.InMemory.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.UpdateMultiple;

public sealed class UpdateMultipleTests
{
    private readonly InMemoryOrganization org = new();
    private IOrganizationService Service => org.GetService();

    private Guid Account(string name) => Service.Create(new Entity("account") { ["name"] = name });

    private static UpdateMultipleRequest Rename(params (Guid Id, string Name)[] changes) => new()
    {
        Targets = new EntityCollection(changes.Select(c => new Entity("account", c.Id) { ["name"] = c.Name }).ToList()) { EntityName = "account" },
    };

    [Fact]
    public void UpdateMultiple_updates_every_target()
    {
        var a = Account("A");
        var b = Account("B");

        Service.Execute(Rename((a, "A2"), (b, "B2")));

        Assert.Equal("A2", org.Peek("account", a)!["name"]);
        Assert.Equal("B2", org.Peek("account", b)!["name"]);
    }

    [Fact]
    public void UpdateMultiple_with_a_missing_row_changes_nothing()
    {
        var a = Account("A");

        var ghost = Guid.NewGuid();

        var fault = FaultAssert.Throws(ErrorCodes.ObjectDoesNotExist, () => Service.Execute(Rename((a, "A2"), (ghost, "Ghost"))));

        Assert.Equal($"account With Ids = {ghost} Do Not Exist", fault.Message);

        Assert.Equal("A", org.Peek("account", a)!["name"]);
    }

    [Fact]
    public void UpdateMultiple_with_a_failing_target_rolls_back_the_targets_before_it()
    {
        var a = Account("A");
        var b = Account("B");
        var request = Rename((a, "A2"), (b, new string('x', 500)));

        var fault = FaultAssert.Throws(ErrorCodes.StringLengthTooLong, () => Service.Execute(request));

        Assert.Contains("Targets[1]", fault.Message);
        Assert.Equal("A", org.Peek("account", a)!["name"]);
    }

    [Fact]
    public void A_single_Update_runs_the_filtered_UpdateMultiple_step_only_when_a_filtering_column_changes()
    {
        FixtureSteps.Add<StampRenamedAccountsPlugin>(org);
        var a = Account("A");
        var b = Account("B");

        Service.Update(new Entity("account", a) { ["name"] = "A2" });
        Service.Update(new Entity("account", b) { ["telephone1"] = "555" });

        Assert.Equal("renamed", org.Peek("account", a)!["description"]);
        Assert.False(org.Peek("account", b)!.Contains("description"));
    }

    [Fact]
    public void UpdateMultiple_runs_the_Update_step_per_target_with_its_pre_image()
    {
        var key = ContextCapture.NewKey();
        org.Pipeline.Register(new PluginStep(typeof(CapturingPlugin), "Update", "account", PipelineStage.PreOperation)
        {
            UnsecureConfiguration = key,
            Images = new[] { new StepImage("Before", ImageKind.PreImage, new[] { "name" }) },
        });
        var a = Account("A");
        var b = Account("B");

        Service.Execute(Rename((a, "A2"), (b, "B2")));

        var contexts = ContextCapture.Of(key);
        Assert.Equal(new[] { "A", "B" }, contexts.Select(c => (string)c.PreEntityImages["Before"]["name"]));
        Assert.All(contexts, c => Assert.Equal("Update", c.MessageName));
        Assert.Equal(new[] { a, b }, contexts.Select(c => c.PrimaryEntityId));
    }
}
