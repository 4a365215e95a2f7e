using System;
using System.Linq;
using CrmCx.Dataverse.InMemory.Diagnostics;
using CrmCx.Dataverse.InMemory.Tests.Fixtures;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.CallCounting;

public sealed class CallCountingTests
{
    private readonly InMemoryOrganization org = new();
    private IOrganizationService Service => org.GetService();

    [Fact]
    public void Every_client_call_is_counted_by_message()
    {
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        Service.Retrieve("account", id, new ColumnSet("name"));
        Service.Update(new Entity("account", id) { ["name"] = "Contoso Ltd" });
        Service.RetrieveMultiple(new QueryExpression("account") { ColumnSet = new ColumnSet("name") });
        Service.Execute(new RetrieveMultipleRequest { Query = new QueryExpression("contact") });
        Service.Delete("account", id);

        Assert.Equal(6, org.Calls.Total);
        Assert.Equal(1, org.Calls.Count("Create"));
        Assert.Equal(1, org.Calls.Count("Retrieve"));
        Assert.Equal(1, org.Calls.Count("Update"));
        Assert.Equal(2, org.Calls.Count("RetrieveMultiple"));
        Assert.Equal(1, org.Calls.Count("Delete"));
        Assert.Equal(6, org.Calls.CountFrom(CallCounter.Client));
    }

    [Fact]
    public void Calls_made_by_a_plugin_are_attributed_to_its_type()
    {
        FixtureSteps.Add<ReadingPlugin>(org);
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        org.Calls.Reset();

        Service.Update(new Entity("account", id) { ["name"] = "Contoso Ltd" });

        var plugin = typeof(ReadingPlugin).FullName!;
        Assert.Equal(3, org.Calls.Total);
        Assert.Equal(1, org.Calls.Count("Update", CallCounter.Client));
        Assert.Equal(1, org.Calls.Count("Retrieve", plugin));
        Assert.Equal(1, org.Calls.Count("RetrieveMultiple", plugin));
        Assert.Equal(2, org.Calls.CountFrom(typeof(ReadingPlugin)));
        Assert.Equal(new[] { 1, 2, 2 }, org.Calls.Records.Select(r => r.Depth));
    }

    [Fact]
    public void Reset_forgets_the_counts()
    {
        Service.Create(new Entity("account") { ["name"] = "Contoso" });

        org.Calls.Reset();

        Assert.Equal(0, org.Calls.Total);
        Assert.Empty(org.Calls.ByMessage());
    }

    [Fact]
    public void Assertion_helpers_and_setup_are_not_counted()
    {
        var id = org.Seed(new Entity("account") { ["name"] = "Seeded" });
        org.Peek("account", id);
        org.Snapshot("account");
        org.CreateUser("Someone");

        Assert.Equal(0, org.Calls.Total);
    }

    [Fact]
    public void Failed_calls_are_counted_too()
    {
        Assert.ThrowsAny<Exception>(() => Service.Retrieve("account", Guid.NewGuid(), new ColumnSet(true)));

        Assert.Equal(1, org.Calls.Count("Retrieve"));
    }
}
