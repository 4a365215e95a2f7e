using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Query.QueryExpressionTests;

public sealed class QueryExpressionColumnTests
{
    private readonly TestRowSource source = new();

    [Fact]
    public void Listed_columns_and_the_primary_id_are_returned_and_nothing_else()
    {
        var stored = source.Add("account", ("name", "A"), ("numberofemployees", 5), ("address1_city", "Paris"));
        var result = source.Engine().RetrieveMultiple(new QueryExpression("account") { ColumnSet = new ColumnSet("name") });
        var row = Assert.Single(result.Entities);
        Assert.Equal("account", result.EntityName);
        Assert.Equal(stored.Id, row.Id);
        Assert.Equal(new[] { "accountid", "name" }, row.Attributes.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void All_columns_returns_every_stored_column()
    {
        source.Add("account", ("name", "A"), ("numberofemployees", 5));
        var row = Assert.Single(source.Engine().RetrieveMultiple(new QueryExpression("account") { ColumnSet = new ColumnSet(true) }).Entities);
        Assert.Equal(5, row.GetAttributeValue<int>("numberofemployees"));
        Assert.Equal("A", row.GetAttributeValue<string>("name"));
    }

    [Fact]
    public void Results_are_copies_so_changing_them_leaves_the_store_alone()
    {
        var contact = new EntityReference("contact", Guid.NewGuid());
        source.Add("account", ("name", "A"), ("primarycontactid", contact), ("revenue", new Money(5m)));
        var row = source.Engine().RetrieveMultiple(new QueryExpression("account") { ColumnSet = new ColumnSet(true) }).Entities[0];
        row.GetAttributeValue<Money>("revenue").Value = 99m;
        row.GetAttributeValue<EntityReference>("primarycontactid").Id = Guid.Empty;
        row["name"] = "changed";
        var stored = source.Rows("account")[0];
        Assert.Equal(5m, stored.GetAttributeValue<Money>("revenue").Value);
        Assert.Equal(contact.Id, stored.GetAttributeValue<EntityReference>("primarycontactid").Id);
        Assert.Equal("A", stored.GetAttributeValue<string>("name"));
    }

    [Fact]
    public void An_unknown_column_in_the_column_set_fails_with_the_unknown_column_fault()
    {
        var fault = FaultAssert.Throws(
            () => source.Engine().RetrieveMultiple(new QueryExpression("account") { ColumnSet = new ColumnSet("name", "nosuch") }), "nosuch");
        Assert.Equal(ErrorCodes.QueryBuilderNoAttribute, fault.ErrorCode);
    }

    [Fact]
    public void An_unknown_table_fails_with_the_unknown_table_fault()
    {
        var fault = FaultAssert.Throws(() => source.Engine().RetrieveMultiple(new QueryExpression("nosuchtable")), "nosuchtable");
        Assert.Equal(ErrorCodes.QueryBuilderNoEntity, fault.ErrorCode);
    }

    [Fact]
    public void Orders_sort_by_several_columns_with_nulls_first_ascending()
    {
        source.Add("account", ("name", "b"), ("numberofemployees", 1));
        source.Add("account", ("name", "a"), ("numberofemployees", 1));
        source.Add("account", ("name", "c"));
        source.Add("account", ("name", "d"), ("numberofemployees", 9));
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.AddOrder("numberofemployees", OrderType.Ascending);
        query.AddOrder("name", OrderType.Descending);
        var names = source.Engine().RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<string>("name")).ToArray();
        Assert.Equal(new[] { "c", "b", "a", "d" }, names);
    }

    [Fact]
    public void Top_count_limits_the_rows_after_ordering()
    {
        foreach (var n in new[] { 3, 1, 2 }) source.Add("account", ("name", "N" + n), ("numberofemployees", n));
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name"), TopCount = 2 };
        query.AddOrder("numberofemployees", OrderType.Descending);
        var result = source.Engine().RetrieveMultiple(query);
        Assert.Equal(new[] { "N3", "N2" }, result.Entities.Select(e => e.GetAttributeValue<string>("name")).ToArray());
        Assert.False(result.MoreRecords);
    }

    [Fact]
    public void Distinct_removes_duplicate_rows_and_leaves_out_the_id()
    {
        source.Add("account", ("name", "A"), ("address1_city", "Paris"));
        source.Add("account", ("name", "B"), ("address1_city", "PARIS"));
        source.Add("account", ("name", "C"), ("address1_city", "Lyon"));
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("address1_city"), Distinct = true };
        query.AddOrder("address1_city", OrderType.Ascending);
        var rows = source.Engine().RetrieveMultiple(query).Entities;
        Assert.Equal(new[] { "Lyon", "Paris" }, rows.Select(e => e.GetAttributeValue<string>("address1_city")).ToArray());
        Assert.All(rows, r => Assert.False(r.Contains("accountid")));
    }
}
