using System;
using System.Linq;
using CrmCx.Dataverse.InMemory.Metadata;
using CrmCx.Dataverse.InMemory.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Retrieve;

public sealed class RetrieveTests
{
    private readonly InMemoryOrganization org = new();
    private IOrganizationService Service => org.GetService();

    [Fact]
    public void Retrieve_returns_the_requested_columns_and_the_primary_id_only()
    {
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso", ["accountnumber"] = "C-1", ["telephone1"] = "555" });

        var row = Service.Retrieve("account", id, new ColumnSet("name", "telephone1"));

        Assert.Equal(new[] { "accountid", "name", "telephone1" }, row.Attributes.Keys.Order());
        Assert.Equal(id, row.Id);
        Assert.False(string.IsNullOrEmpty(row.RowVersion));
    }

    [Fact]
    public void Retrieve_with_all_columns_returns_the_platform_columns_too()
    {
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso" });

        var row = Service.Retrieve("account", id, new ColumnSet(true));

        Assert.True(row.Contains("createdon"));
        Assert.True(row.Contains("ownerid"));
        Assert.True(row.Contains("versionnumber"));
    }

    [Fact]
    public void Retrieve_of_a_missing_row_fails_naming_the_table_and_the_id()
    {
        var id = Guid.NewGuid();

        var fault = FaultAssert.Throws(ErrorCodes.ObjectDoesNotExist, () => Service.Retrieve("contact", id, new ColumnSet(true)));

        Assert.Equal($"contact With Id = {id} Does Not Exist", fault.Message);
    }

    [Fact]
    public void Retrieve_of_an_unknown_column_fails_naming_it()
    {
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso" });

        var fault = FaultAssert.Throws(ErrorCodes.QueryBuilderNoAttribute, () => Service.Retrieve("account", id, new ColumnSet("nosuchcolumn")));

        Assert.Contains("nosuchcolumn", fault.Message);
    }

    [Fact]
    public void Retrieve_by_alternate_key_finds_the_row()
    {
        org.Metadata.Find("account")!.AddKey(new AlternateKeyDefinition("account_number_key", new[] { "accountnumber" }));
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso", ["accountnumber"] = "C-1" });

        var response = (RetrieveResponse)Service.Execute(new RetrieveRequest { Target = new EntityReference("account", "accountnumber", "C-1"), ColumnSet = new ColumnSet("name") });

        Assert.Equal(id, response.Entity.Id);
    }

    [Fact]
    public void Retrieve_returns_a_copy_that_the_caller_may_change()
    {
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso" });

        Service.Retrieve("account", id, new ColumnSet(true))["name"] = "Changed";

        Assert.Equal("Contoso", Service.Retrieve("account", id, new ColumnSet("name"))["name"]);
    }

    [Fact]
    public void Retrieve_names_the_rows_lookups_point_to()
    {
        var account = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var contact = Service.Create(new Entity("contact") { ["lastname"] = "Smith", ["parentcustomerid"] = new EntityReference("account", account) });

        var row = Service.Retrieve("contact", contact, new ColumnSet("parentcustomerid"));

        Assert.Equal("Contoso", row.GetAttributeValue<EntityReference>("parentcustomerid").Name);
    }
}
