using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Query.Aggregates;

public sealed class AggregateShapeTests
{
    private readonly TestRowSource source = new();

    public AggregateShapeTests()
    {
        foreach (var (score, category) in new[] { (9, 1), (10, 1), (7, 2), (3, 3), (2, 3), (1, 3) })
            source.Add("cx_response", ("cx_score", score), ("cx_npscategory", new OptionSetValue(category)));
        source.Add("cx_response", ("cx_score", 5));
    }

    private EntityCollection Fetch(string xml) => source.Engine().RetrieveMultiple(new FetchExpression(xml));

    [Fact]
    public void A_group_whose_value_is_missing_comes_back_with_a_null_aliased_value()
    {
        var rows = Fetch(@"<fetch aggregate='true'><entity name='cx_response'>
            <attribute name='cx_npscategory' alias='category' groupby='true'/><attribute name='cx_responseid' alias='n' aggregate='count'/>
            <order alias='category'/></entity></fetch>").Entities;
        Assert.Equal(4, rows.Count);
        Assert.Null(rows[0].GetAttributeValue<AliasedValue>("category").Value);
        Assert.Equal(1, rows[0].GetAttributeValue<AliasedValue>("n").Value);
        Assert.Equal(new[] { 1, 2, 3 }, rows.Skip(1).Select(r => ((OptionSetValue)r.GetAttributeValue<AliasedValue>("category").Value).Value).ToArray());
    }

    [Fact]
    public void Groups_can_be_ordered_by_an_aggregate_and_limited_with_top()
    {
        var rows = Fetch(@"<fetch aggregate='true' top='2'><entity name='cx_response'>
            <attribute name='cx_npscategory' alias='category' groupby='true'/><attribute name='cx_score' alias='n' aggregate='count'/>
            <order alias='n' descending='true'/></entity></fetch>").Entities;
        Assert.Equal(new[] { 3, 2 }, rows.Select(r => (int)r.GetAttributeValue<AliasedValue>("n").Value).ToArray());
    }

    [Fact]
    public void Aggregate_results_carry_only_the_aliases_and_no_id()
    {
        var row = Assert.Single(Fetch("<fetch aggregate='true'><entity name='cx_response'><attribute name='cx_score' alias='total' aggregate='sum'/></entity></fetch>").Entities);
        Assert.Equal(new[] { "total" }, row.Attributes.Keys.ToArray());
        Assert.Equal(System.Guid.Empty, row.Id);
        Assert.Equal("cx_response", row.LogicalName);
        Assert.Equal(37, row.GetAttributeValue<AliasedValue>("total").Value);
    }

    [Fact]
    public void Filters_apply_before_aggregating()
    {
        var row = Assert.Single(Fetch(@"<fetch aggregate='true'><entity name='cx_response'>
            <attribute name='cx_score' alias='promoters' aggregate='count'/>
            <filter><condition attribute='cx_score' operator='ge' value='9'/></filter></entity></fetch>").Entities);
        Assert.Equal(2, row.GetAttributeValue<AliasedValue>("promoters").Value);
    }

    [Fact]
    public void Group_by_on_an_order_attribute_without_alias_orders_by_that_group()
    {
        var rows = Fetch(@"<fetch aggregate='true'><entity name='cx_response'>
            <attribute name='cx_score' alias='score' groupby='true'/><attribute name='cx_responseid' alias='n' aggregate='count'/>
            <order attribute='cx_score' descending='true'/></entity></fetch>").Entities;
        Assert.Equal(10, rows[0].GetAttributeValue<AliasedValue>("score").Value);
    }

    [Fact]
    public void An_aggregate_over_more_rows_than_its_aggregatelimit_fails_with_the_record_limit_fault()
    {
        var fault = FaultAssert.Throws(
            () => Fetch("<fetch aggregate='true' aggregatelimit='3'><entity name='cx_response'><attribute name='cx_score' alias='n' aggregate='count'/></entity></fetch>"),
            "AggregateQueryRecordLimit exceeded");
        Assert.Equal(unchecked((int)0x8004E023), fault.ErrorCode);
    }
}
