using System;
using System.Diagnostics;
using System.Linq;
using CrmCx.Dataverse.InMemory.Metadata;
using CrmCx.Dataverse.InMemory.Tests.Fixtures;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;
using Xunit.Abstractions;

namespace CrmCx.Dataverse.InMemory.Tests.Performance;

public sealed class VolumeTests(ITestOutputHelper output)
{
    [Fact]
    public void Five_thousand_rows_go_through_create_update_and_retrieve_with_plugins_in_seconds()
    {
        var org = new InMemoryOrganization();
        org.Metadata.Find("contact")!.AddKey(new AlternateKeyDefinition("contact_email_key", new[] { "emailaddress1" }));
        org.Pipeline.Register(typeof(SingleCreateTracePlugin));
        org.Pipeline.Register(typeof(ContactEmailAuditPlugin));
        var service = org.GetService();
        var account = service.Create(new Entity("account") { ["name"] = "Contoso" });
        var watch = Stopwatch.StartNew();

        var ids = Enumerable.Range(0, 5000).Select(i => service.Create(new Entity("contact")
        {
            ["lastname"] = "Contact " + i, ["emailaddress1"] = $"c{i}@test", ["parentcustomerid"] = new EntityReference("account", account),
        })).ToList();
        foreach (var id in ids) service.Update(new Entity("contact", id) { ["telephone1"] = "555" });
        foreach (var id in ids) service.Retrieve("contact", id, new ColumnSet("lastname"));
        var created = watch.Elapsed;

        output.WriteLine($"15,000 requests in {created.TotalMilliseconds:F0} ms");
        Assert.Equal(5000, org.Snapshot("contact").Count);
        Assert.Equal(15001, org.Calls.Total);
        Assert.True(created < TimeSpan.FromSeconds(30), $"took {created}");
    }
}
