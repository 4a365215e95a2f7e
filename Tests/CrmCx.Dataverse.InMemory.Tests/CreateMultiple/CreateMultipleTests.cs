using System;
using System.Linq;
using CrmCx.Dataverse.InMemory.Pipeline;
using CrmCx.Dataverse.InMemory.Tests.Fixtures;
using CrmCx.Dataverse.InMemory.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.CreateMultiple;

public sealed class CreateMultipleTests
{
    private readonly InMemoryOrganization org = new();
    private IOrganizationService Service => org.GetService();

    private static CreateMultipleRequest Contacts(params string[] lastNames) => new()
    {
        Targets = new EntityCollection(lastNames.Select(n => new Entity("contact") { ["lastname"] = n }).ToList()) { EntityName = "contact" },
    };

    [Fact]
    public void CreateMultiple_creates_every_target_and_returns_their_ids_in_order()
    {
        var response = (CreateMultipleResponse)Service.Execute(Contacts("A", "B", "C"));

        Assert.Equal(3, response.Ids.Length);
        Assert.Equal(new[] { "A", "B", "C" }, response.Ids.Select(id => (string)org.Peek("contact", id)!["lastname"]));
    }

    [Fact]
    public void CreateMultiple_with_one_bad_target_writes_nothing_and_names_the_failing_index()
    {
        var request = Contacts("A", "B", "C");
        request.Targets.Entities[1]["numberofchildren"] = 2;

        var fault = FaultAssert.Throws(ErrorCodes.QueryBuilderNoAttribute, () => Service.Execute(request));

        Assert.Contains("Targets[1]", fault.Message);
        Assert.Contains("numberofchildren", fault.Message);
        Assert.Empty(org.Snapshot("contact"));
    }

    [Fact]
    public void CreateMultiple_with_a_target_of_another_table_fails()
    {
        var request = Contacts("A");
        request.Targets.Entities.Add(new Entity("account") { ["name"] = "x" });

        var fault = FaultAssert.Throws(ErrorCodes.InvalidArgument, () => Service.Execute(request));

        Assert.Contains("Targets[1]", fault.Message);
        Assert.Empty(org.Snapshot("contact"));
    }

    [Fact]
    public void CreateMultiple_runs_the_CreateMultiple_step_once_and_the_Create_step_once_per_target()
    {
        // bulk-operations doc: "CreateMultiple ... a Create event for each entity in Targets" — the pipelines are merged.
        FixtureSteps.Add<CreateMultipleJobTitlePlugin>(org);
        FixtureSteps.Add<SingleCreateTracePlugin>(org);

        Service.Execute(Contacts("A", "B"));

        Assert.Equal(new[] { "CreateMultiple Targets=2 HasTarget=False", "Create of A jobtitle=Set by CreateMultiple step", "Create of B jobtitle=Set by CreateMultiple step" },
            org.Traces.Select(t => t.Text));
        Assert.All(org.Snapshot("contact"), c => Assert.Equal("Set by CreateMultiple step", c["jobtitle"]));
    }

    [Fact]
    public void A_single_Create_runs_the_CreateMultiple_step_with_a_collection_of_one()
    {
        FixtureSteps.Add<CreateMultipleJobTitlePlugin>(org);

        var id = Service.Create(new Entity("contact") { ["lastname"] = "Solo" });

        Assert.Equal("CreateMultiple Targets=1 HasTarget=False", Assert.Single(org.Traces).Text);
        Assert.Equal("Set by CreateMultiple step", org.Peek("contact", id)!["jobtitle"]);
    }

    [Fact]
    public void CreateMultiple_steps_get_post_images_per_target_and_the_new_ids()
    {
        var key = ContextCapture.NewKey();
        org.Pipeline.Register(new PluginStep(typeof(CapturingPlugin), "CreateMultiple", "contact", PipelineStage.PostOperation)
        {
            UnsecureConfiguration = key,
            Images = new[] { new StepImage("Created", ImageKind.PostImage, new[] { "lastname" }) },
        });

        var response = (CreateMultipleResponse)Service.Execute(Contacts("A", "B"));

        var context = Assert.Single(ContextCapture.Of(key));
        Assert.Equal(2, context.PostEntityImagesCollection.Length);
        Assert.Equal("B", context.PostEntityImagesCollection[1]["Created"]["lastname"]);
        Assert.Equal(response.Ids[1], context.PostEntityImagesCollection[1]["Created"].Id);
        Assert.Equal(response.Ids, (Guid[])context.OutputParameters["Ids"]);
    }
}
