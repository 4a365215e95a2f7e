using System;
using CrmCx.Dataverse.InMemory.Metadata;
using CrmCx.Dataverse.InMemory.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Delete;

public sealed class DeleteTests
{
    private readonly InMemoryOrganization org = new();
    private IOrganizationService Service => org.GetService();

    [Fact]
    public void Delete_removes_the_row()
    {
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso" });

        Service.Delete("account", id);

        Assert.Null(org.Peek("account", id));
    }

    [Fact]
    public void Delete_of_a_missing_row_fails_with_ObjectDoesNotExist()
    {
        var id = Guid.NewGuid();

        var fault = FaultAssert.Throws(ErrorCodes.ObjectDoesNotExist, () => Service.Delete("account", id));

        Assert.Contains(id.ToString(), fault.Message);
    }

    [Fact]
    public void Delete_with_a_stale_row_version_fails_and_keeps_the_row()
    {
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var version = org.Peek("account", id)!.RowVersion;
        Service.Update(new Entity("account", id) { ["name"] = "Changed" });

        // DeleteRequest.ConcurrencyBehavior: the row is deleted only if its version still matches.
        FaultAssert.Throws(ErrorCodes.ConcurrencyVersionMismatch, () => Service.Execute(new DeleteRequest
        {
            Target = new EntityReference("account", id) { RowVersion = version },
            ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
        }));

        Assert.NotNull(org.Peek("account", id));
    }

    [Fact]
    public void Delete_by_alternate_key_removes_the_matching_row()
    {
        org.Metadata.Find("account")!.AddKey(new AlternateKeyDefinition("account_number_key", new[] { "accountnumber" }));
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso", ["accountnumber"] = "C-1" });

        Service.Execute(new DeleteRequest { Target = new EntityReference("account", "accountnumber", "C-1") });

        Assert.Null(org.Peek("account", id));
    }

    [Fact]
    public void Deleted_rows_free_their_alternate_key_value()
    {
        org.Metadata.Find("account")!.AddKey(new AlternateKeyDefinition("account_number_key", new[] { "accountnumber" }));
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso", ["accountnumber"] = "C-1" });
        Service.Delete("account", id);

        var again = Service.Create(new Entity("account") { ["name"] = "Contoso again", ["accountnumber"] = "C-1" });

        Assert.NotEqual(id, again);
    }
}
