using System;
using System.Linq;
using CrmCx.Dataverse.InMemory.Metadata;
using CrmCx.Dataverse.InMemory.Pipeline;
using CrmCx.Dataverse.InMemory.Tests.Fixtures;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Upsert;

public sealed class UpsertTests
{
    private readonly InMemoryOrganization org = new();
    private IOrganizationService Service => org.GetService();

    public UpsertTests() =>
        org.Metadata.Find("account")!.AddKey(new AlternateKeyDefinition("account_number_key", new[] { "accountnumber" }));

    [Fact]
    public void Upsert_creates_the_row_when_no_row_has_the_key_and_says_so()
    {
        var response = (UpsertResponse)Service.Execute(new UpsertRequest { Target = new Entity("account", "accountnumber", "C-1") { ["name"] = "Contoso" } });

        Assert.True(response.RecordCreated);
        var row = org.Peek("account", response.Target.Id)!;
        Assert.Equal("C-1", row["accountnumber"]);
        Assert.Equal("Contoso", row["name"]);
    }

    [Fact]
    public void Upsert_updates_the_row_the_key_matches()
    {
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso", ["accountnumber"] = "C-1", ["telephone1"] = "555" });

        var response = (UpsertResponse)Service.Execute(new UpsertRequest { Target = new Entity("account", "accountnumber", "C-1") { ["name"] = "Contoso Ltd" } });

        Assert.False(response.RecordCreated);
        Assert.Equal(id, response.Target.Id);
        var row = org.Peek("account", id)!;
        Assert.Equal("Contoso Ltd", row["name"]);
        Assert.Equal("555", row["telephone1"]);
        Assert.Single(org.Snapshot("account"));
    }

    [Fact]
    public void Upsert_by_id_creates_the_row_with_that_id_when_it_does_not_exist()
    {
        var id = Guid.NewGuid();

        var response = (UpsertResponse)Service.Execute(new UpsertRequest { Target = new Entity("account", id) { ["name"] = "Contoso" } });

        Assert.True(response.RecordCreated);
        Assert.Equal(id, response.Target.Id);
    }

    [Fact]
    public void Upsert_raises_the_create_events_when_it_creates_and_the_update_events_when_it_updates()
    {
        var key = ContextCapture.NewKey();
        foreach (var message in new[] { "Upsert", "Create", "CreateMultiple", "Update", "UpdateMultiple" })
            org.Pipeline.Register(new PluginStep(typeof(CapturingPlugin), message, "account", PipelineStage.PreOperation) { UnsecureConfiguration = key });

        Service.Execute(new UpsertRequest { Target = new Entity("account", "accountnumber", "C-1") { ["name"] = "Contoso" } });
        var afterCreate = ContextCapture.Of(key).Select(c => c.MessageName).ToList();
        Service.Execute(new UpsertRequest { Target = new Entity("account", "accountnumber", "C-1") { ["name"] = "Contoso Ltd" } });
        var afterUpdate = ContextCapture.Of(key).Skip(afterCreate.Count).Select(c => c.MessageName).ToList();

        Assert.Equal(new[] { "Upsert", "Create", "CreateMultiple" }, afterCreate);
        Assert.Equal(new[] { "Upsert", "Update", "UpdateMultiple" }, afterUpdate);
        Assert.Equal(2, org.Calls.Count("Upsert"));
        Assert.Equal(0, org.Calls.Count("Create"));
    }
}
