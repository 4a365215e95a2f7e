using System;
using CrmCx.Dataverse.InMemory.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Store;

public sealed class StoreTests
{
    private readonly InMemoryOrganization org = new();

    [Fact]
    public void Peek_and_Snapshot_hand_out_copies()
    {
        var id = org.Seed(new Entity("account") { ["name"] = "Contoso" });

        org.Peek("account", id)!["name"] = "Changed";
        org.Snapshot("account")[0]["name"] = "Changed";

        Assert.Equal("Contoso", org.Peek("account", id)!["name"]);
    }

    [Fact]
    public void Seed_validates_rows_like_Create()
    {
        FaultAssert.Throws(ErrorCodes.QueryBuilderNoAttribute, () => org.Seed(new Entity("account") { ["nosuchcolumn"] = 1 }));
    }

    [Fact]
    public void The_clock_only_moves_when_the_test_moves_it()
    {
        var service = org.GetService();
        var first = service.Create(new Entity("account") { ["name"] = "A" });
        org.Clock.Advance(TimeSpan.FromDays(2));
        var second = service.Create(new Entity("account") { ["name"] = "B" });

        Assert.Equal(ManualClock.DefaultStart, org.Peek("account", first)!["createdon"]);
        Assert.Equal(ManualClock.DefaultStart.AddDays(2), org.Peek("account", second)!["createdon"]);
    }

    [Fact]
    public void A_clock_source_given_to_the_org_is_read_until_the_test_sets_the_time()
    {
        var now = new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var sourced = new InMemoryOrganization(() => now);
        now = now.AddMinutes(5);

        Assert.Equal(new DateTime(2030, 1, 1, 0, 5, 0, DateTimeKind.Utc), sourced.Clock.UtcNow);
        sourced.Clock.Set(new DateTime(2031, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        Assert.Equal(2031, sourced.Clock.UtcNow.Year);
    }

    [Fact]
    public void Assigning_a_row_to_another_user_moves_its_owning_user()
    {
        var service = org.GetService();
        var user = org.CreateUser("Margaret Hamilton");
        var id = service.Create(new Entity("account") { ["name"] = "Contoso" });

        service.Update(new Entity("account", id) { ["ownerid"] = new EntityReference("systemuser", user) });

        Assert.Equal(user, org.Peek("account", id)!.GetAttributeValue<EntityReference>("owninguser").Id);
    }

    [Fact]
    public void An_owner_that_is_not_a_user_or_team_is_refused()
    {
        FaultAssert.Throws(ErrorCodes.InvalidArgument,
            () => org.GetService().Create(new Entity("account") { ["name"] = "x", ["ownerid"] = new EntityReference("businessunit", org.BusinessUnitId) }));
    }

    [Fact]
    public void A_query_that_names_a_column_twice_returns_it_once_and_a_new_row_has_its_system_columns()
    {
        var service = org.GetService();
        var id = service.Create(new Entity("account") { ["name"] = "Contoso" });

        var row = Assert.Single(service.RetrieveMultiple(new Microsoft.Xrm.Sdk.Query.FetchExpression(
            "<fetch><entity name='account'><attribute name='name'/><attribute name='name'/><attribute name='accountid'/></entity></fetch>")).Entities);
        Assert.Equal("Contoso", row["name"]);
        Assert.Equal(id, row.Id);

        var stored = org.Peek("account", id)!;
        foreach (var column in new[] { "accountid", "createdon", "modifiedon", "createdby", "modifiedby", "ownerid", "owningbusinessunit", "owninguser", "statecode", "statuscode", "versionnumber" })
            Assert.NotNull(stored.GetAttributeValue<object>(column));
    }
}
