using System;
using CrmCx.Dataverse.InMemory.Metadata;
using CrmCx.Dataverse.InMemory.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Update;

public sealed class UpdateTests
{
    private readonly InMemoryOrganization org = new();
    private IOrganizationService Service => org.GetService();

    [Fact]
    public void Update_changes_only_the_columns_in_the_target()
    {
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso", ["telephone1"] = "555" });

        Service.Update(new Entity("account", id) { ["telephone1"] = "777" });

        var row = org.Peek("account", id)!;
        Assert.Equal("Contoso", row["name"]);
        Assert.Equal("777", row["telephone1"]);
    }

    [Fact]
    public void Update_with_null_clears_the_column()
    {
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso", ["telephone1"] = "555" });

        Service.Update(new Entity("account", id) { ["telephone1"] = null });

        Assert.Null(org.Peek("account", id)!.GetAttributeValue<string>("telephone1"));
    }

    [Fact]
    public void Update_stamps_modifiedon_modifiedby_and_a_newer_row_version()
    {
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var before = org.Peek("account", id)!;
        var user = org.CreateUser("Linus Torvalds");
        org.Clock.Advance(TimeSpan.FromHours(1));

        org.GetService(user).Update(new Entity("account", id) { ["name"] = "Contoso Ltd" });

        var after = org.Peek("account", id)!;
        Assert.Equal(ManualClock.DefaultStart.AddHours(1), after["modifiedon"]);
        Assert.Equal(ManualClock.DefaultStart, after["createdon"]);
        Assert.Equal(user, after.GetAttributeValue<EntityReference>("modifiedby").Id);
        Assert.True(after.GetAttributeValue<long>("versionnumber") > before.GetAttributeValue<long>("versionnumber"));
    }

    [Fact]
    public void Update_of_a_missing_row_fails_with_ObjectDoesNotExist()
    {
        var id = Guid.NewGuid();

        var fault = FaultAssert.Throws(ErrorCodes.ObjectDoesNotExist, () => Service.Update(new Entity("account", id) { ["name"] = "x" }));

        Assert.Equal($"account With Id = {id} Does Not Exist", fault.Message);
    }

    [Fact]
    public void Update_with_stale_row_version_fails_and_keeps_the_stored_row()
    {
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var read = Service.Retrieve("account", id, new ColumnSet("name"));
        Service.Update(new Entity("account", id) { ["name"] = "Changed by someone else" });
        var stored = org.Peek("account", id)!;

        // learn.microsoft.com ConcurrencyBehavior: IfRowVersionMatches updates only if the row versions match.
        var stale = new Entity("account", id) { ["name"] = "Mine", RowVersion = read.RowVersion };
        FaultAssert.Throws(ErrorCodes.ConcurrencyVersionMismatch,
            () => Service.Execute(new UpdateRequest { Target = stale, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches }));

        var after = org.Peek("account", id)!;
        Assert.Equal("Changed by someone else", after["name"]);
        Assert.Equal(stored.RowVersion, after.RowVersion);
    }

    [Fact]
    public void Update_with_IfRowVersionMatches_and_no_row_version_fails_immediately()
    {
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso" });

        FaultAssert.Throws(ErrorCodes.ConcurrencyVersionNotProvided,
            () => Service.Execute(new UpdateRequest { Target = new Entity("account", id) { ["name"] = "x" }, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches }));
    }

    [Fact]
    public void Update_with_the_current_row_version_succeeds()
    {
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var read = Service.Retrieve("account", id, new ColumnSet("name"));

        Service.Execute(new UpdateRequest { Target = new Entity("account", id) { ["name"] = "Mine", RowVersion = read.RowVersion }, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches });

        Assert.Equal("Mine", org.Peek("account", id)!["name"]);
    }

    [Fact]
    public void Update_by_alternate_key_updates_the_matching_row()
    {
        org.Metadata.Find("account")!.AddKey(new AlternateKeyDefinition("account_number_key", new[] { "accountnumber" }));
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso", ["accountnumber"] = "C-1" });

        Service.Update(new Entity("account", "accountnumber", "C-1") { ["name"] = "By key" });

        Assert.Equal("By key", org.Peek("account", id)!["name"]);
    }

    [Fact]
    public void Update_that_would_duplicate_an_alternate_key_fails()
    {
        org.Metadata.Find("account")!.AddKey(new AlternateKeyDefinition("account_number_key", new[] { "accountnumber" }));
        Service.Create(new Entity("account") { ["name"] = "A", ["accountnumber"] = "A-1" });
        var b = Service.Create(new Entity("account") { ["name"] = "B", ["accountnumber"] = "B-1" });

        FaultAssert.Throws(ErrorCodes.DuplicateRecordEntityKey, () => Service.Update(new Entity("account", b) { ["accountnumber"] = "A-1" }));

        Assert.Equal("B-1", org.Peek("account", b)!["accountnumber"]);
    }

    [Fact]
    public void Update_to_another_state_without_status_takes_the_states_default_status()
    {
        var id = Service.Create(new Entity("incident") { ["title"] = "Broken" });

        Service.Update(new Entity("incident", id) { ["statecode"] = new OptionSetValue(1) });

        Assert.Equal(5, org.Peek("incident", id)!.GetAttributeValue<OptionSetValue>("statuscode").Value);
    }

    [Fact]
    public void Update_with_a_value_of_the_wrong_type_fails_and_changes_nothing()
    {
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso", ["numberofemployees"] = 10 });

        FaultAssert.Throws(ErrorCodes.InvalidArgument, () => Service.Update(new Entity("account", id) { ["name"] = "New", ["numberofemployees"] = 11L }));

        Assert.Equal("Contoso", org.Peek("account", id)!["name"]);
    }
}
