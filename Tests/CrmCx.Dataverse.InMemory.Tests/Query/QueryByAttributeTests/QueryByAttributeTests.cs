using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Query.QueryByAttributeTests;

public sealed class QueryByAttributeTests
{
    private readonly TestRowSource source = new();

    public QueryByAttributeTests()
    {
        source.Add("account", ("name", "A"), ("address1_city", "Paris"), ("industrycode", new OptionSetValue(1)), ("numberofemployees", 3));
        source.Add("account", ("name", "B"), ("address1_city", "Paris"), ("industrycode", new OptionSetValue(2)), ("numberofemployees", 1));
        source.Add("account", ("name", "C"), ("address1_city", "Paris"), ("industrycode", new OptionSetValue(1)), ("numberofemployees", 2));
        source.Add("account", ("name", "D"), ("address1_city", "Lyon"), ("industrycode", new OptionSetValue(1)));
    }

    [Fact]
    public void Every_attribute_must_equal_its_value_and_orders_apply()
    {
        var query = new QueryByAttribute("account") { ColumnSet = new ColumnSet("name") };
        query.AddAttributeValue("address1_city", "paris");
        query.AddAttributeValue("industrycode", 1);
        query.AddOrder("numberofemployees", OrderType.Ascending);
        var result = source.Engine().RetrieveMultiple(query);
        Assert.Equal(new[] { "C", "A" }, result.Entities.Select(e => e.GetAttributeValue<string>("name")).ToArray());
        Assert.Equal("account", result.EntityName);
    }

    [Fact]
    public void Top_count_and_paging_work_as_for_query_expression()
    {
        var top = new QueryByAttribute("account") { ColumnSet = new ColumnSet("name"), TopCount = 1 };
        top.AddAttributeValue("address1_city", "Paris");
        Assert.Single(source.Engine().RetrieveMultiple(top).Entities);

        var paged = new QueryByAttribute("account") { ColumnSet = new ColumnSet("name"), PageInfo = new PagingInfo { Count = 2, PageNumber = 1 } };
        paged.AddAttributeValue("address1_city", "Paris");
        var page = source.Engine().RetrieveMultiple(paged);
        Assert.Equal(2, page.Entities.Count);
        Assert.True(page.MoreRecords);
    }

    [Fact]
    public void A_query_without_attributes_fails()
    {
        FaultAssert.Throws(() => source.Engine().RetrieveMultiple(new QueryByAttribute("account")), "at least one attribute");
    }

    [Fact]
    public void Attributes_and_values_must_pair_up()
    {
        var query = new QueryByAttribute("account");
        query.Attributes.Add("name");
        FaultAssert.Throws(() => source.Engine().RetrieveMultiple(query), "values");
    }
}
