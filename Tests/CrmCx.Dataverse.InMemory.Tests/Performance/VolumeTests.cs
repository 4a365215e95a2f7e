using System.Linq;
using CrmCx.Dataverse.InMemory.Metadata;
using CrmCx.Dataverse.InMemory.Tests.Fixtures;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Performance;

// Volume, not speed: a test suite asserts no wall-clock time (it flakes on a shared machine); the benchmarks print figures.
public sealed class VolumeTests
{
    [Fact]
    public void Five_thousand_rows_go_through_create_update_and_retrieve_with_plugins_and_every_call_and_step_is_accounted_for()
    {
        var org = new InMemoryOrganization();
        org.Metadata.Find("contact")!.AddKey(new AlternateKeyDefinition("contact_email_key", new[] { "emailaddress1" }));
        FixtureSteps.Add<SingleCreateTracePlugin>(org);
        FixtureSteps.Add<ContactEmailAuditPlugin>(org);
        var service = org.GetService();
        var account = service.Create(new Entity("account") { ["name"] = "Contoso" });

        var ids = Enumerable.Range(0, 5000).Select(i => service.Create(new Entity("contact")
        {
            ["lastname"] = "Contact " + i, ["emailaddress1"] = $"c{i}@test", ["parentcustomerid"] = new EntityReference("account", account),
        })).ToList();
        // Every tenth update changes the email: the audit step (filtered on emailaddress1) fires for those only.
        for (var i = 0; i < ids.Count; i++)
        {
            var change = new Entity("contact", ids[i]) { ["telephone1"] = "555" };
            if (i % 10 == 0) change["emailaddress1"] = $"new{i}@test";
            service.Update(change);
        }
        var retrieved = ids.Select(id => service.Retrieve("contact", id, new ColumnSet("lastname", "telephone1"))).ToList();

        Assert.Equal(5000, org.Snapshot("contact").Count);
        Assert.All(retrieved.Select((row, i) => (row, i)), x =>
        {
            Assert.Equal("Contact " + x.i, x.row.GetAttributeValue<string>("lastname"));
            Assert.Equal("555", x.row.GetAttributeValue<string>("telephone1"));
        });
        Assert.Equal(500, org.Snapshot("task").Count);
        Assert.Equal(5000, org.Traces.Count(t => t.PluginTypeName == typeof(SingleCreateTracePlugin).FullName));
        Assert.Equal(500, org.Traces.Count(t => t.PluginTypeName == typeof(ContactEmailAuditPlugin).FullName));
        Assert.Equal(5001 + 500, org.Calls.Count("Create"));
        Assert.Equal(5000, org.Calls.Count("Update"));
        Assert.Equal(5000, org.Calls.Count("Retrieve"));
        Assert.Equal(15501, org.Calls.Total);
        // The key index followed the changed emails: the new value finds the row, the old one is free again.
        var byKey = (RetrieveResponse)service.Execute(new RetrieveRequest { Target = new EntityReference("contact", "emailaddress1", "new10@test"), ColumnSet = new ColumnSet(false) });
        Assert.Equal(ids[10], byKey.Entity.Id);
        service.Create(new Entity("contact") { ["lastname"] = "Reuses the old email", ["emailaddress1"] = "c10@test" });
    }
}
