using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Query.Aggregates;

public sealed class FetchAggregateTests
{
    private readonly TestRowSource source = new();

    private EntityCollection Fetch(string xml) => source.Engine().RetrieveMultiple(new FetchExpression(xml));

    private static object? Value(Entity e, string alias) => e.GetAttributeValue<AliasedValue>(alias)?.Value;

    private void AddDocsAccounts()
    {
        // The example data set of Microsoft's "Aggregate data using FetchXml" page.
        source.Add("account", ("name", "Example Account"));
        var rows = new (int Employees, string City)[]
        {
            (1500, "Redmond"), (2700, "Lynnwood"), (2900, "Los Angeles"), (2900, "Redmond"), (3900, "Phoenix"),
            (4300, "Santa Cruz"), (4800, "Missoula"), (6000, "Dallas"), (6200, "Redmond"),
        };
        foreach (var (employees, city) in rows) source.Add("account", ("name", city + employees), ("numberofemployees", employees), ("address1_city", city));
    }

    [Fact]
    public void Aggregates_over_a_whole_table_match_the_documented_example()
    {
        AddDocsAccounts();
        var row = Assert.Single(Fetch(@"<fetch aggregate='true'><entity name='account'>
            <attribute name='numberofemployees' alias='Average' aggregate='avg' />
            <attribute name='numberofemployees' alias='Count' aggregate='count' />
            <attribute name='numberofemployees' alias='ColumnCount' aggregate='countcolumn' />
            <attribute name='numberofemployees' alias='DistinctCount' aggregate='countcolumn' distinct='true' />
            <attribute name='numberofemployees' alias='Maximum' aggregate='max' />
            <attribute name='numberofemployees' alias='Minimum' aggregate='min' />
            <attribute name='numberofemployees' alias='Sum' aggregate='sum' />
          </entity></fetch>").Entities);
        Assert.Equal(10, Value(row, "Count"));
        Assert.Equal(9, Value(row, "ColumnCount"));
        Assert.Equal(8, Value(row, "DistinctCount"));
        Assert.Equal(6200, Value(row, "Maximum"));
        Assert.Equal(1500, Value(row, "Minimum"));
        Assert.Equal(35200, Value(row, "Sum"));
        var average = row.GetAttributeValue<AliasedValue>("Average");
        Assert.Equal("account", average.EntityLogicalName);
        Assert.Equal("numberofemployees", average.AttributeLogicalName);
    }

    [Fact]
    public void Avg_of_a_whole_number_column_is_a_whole_number_truncated_as_sql_avg_does()
    {
        // Microsoft's example shows 3,911 for 35,200 / 9; the in-memory org returns the int 3911.
        AddDocsAccounts();
        var row = Assert.Single(Fetch("<fetch aggregate='true'><entity name='account'><attribute name='numberofemployees' alias='avg' aggregate='avg'/></entity></fetch>").Entities);
        Assert.Equal(3911, Assert.IsType<int>(Value(row, "avg")));
    }

    [Fact]
    public void Sum_and_avg_of_money_are_money_and_of_decimals_are_decimal()
    {
        source.Add("account", ("name", "A"), ("revenue", new Money(10m)), ("exchangerate", 1.5m));
        source.Add("account", ("name", "B"), ("revenue", new Money(15m)), ("exchangerate", 2.0m));
        var row = Assert.Single(Fetch(@"<fetch aggregate='true'><entity name='account'>
            <attribute name='revenue' alias='total' aggregate='sum'/><attribute name='revenue' alias='mean' aggregate='avg'/>
            <attribute name='exchangerate' alias='rates' aggregate='sum'/><attribute name='exchangerate' alias='rate' aggregate='avg'/>
            <attribute name='revenue' alias='most' aggregate='max'/></entity></fetch>").Entities);
        Assert.Equal(25m, Assert.IsType<Money>(Value(row, "total")).Value);
        Assert.Equal(12.5m, Assert.IsType<Money>(Value(row, "mean")).Value);
        Assert.Equal(3.5m, Assert.IsType<decimal>(Value(row, "rates")));
        Assert.Equal(1.75m, Assert.IsType<decimal>(Value(row, "rate")));
        Assert.Equal(15m, Assert.IsType<Money>(Value(row, "most")).Value);
    }

    [Fact]
    public void Aggregates_over_no_rows_give_one_row_with_zero_counts_and_empty_sums()
    {
        var row = Assert.Single(Fetch(@"<fetch aggregate='true'><entity name='account'>
            <attribute name='accountid' alias='n' aggregate='count'/><attribute name='numberofemployees' alias='s' aggregate='sum'/></entity></fetch>").Entities);
        Assert.Equal(0, Value(row, "n"));
        Assert.Null(Value(row, "s"));
    }

    [Fact]
    public void Group_by_returns_one_row_per_value_ordered_by_alias_with_the_null_group_first()
    {
        AddDocsAccounts();
        var rows = Fetch(@"<fetch aggregate='true'><entity name='account'>
            <attribute name='numberofemployees' alias='Total' aggregate='sum' />
            <attribute name='address1_city' alias='Count' aggregate='count' />
            <attribute name='address1_city' alias='City' groupby='true' />
            <order alias='City' />
          </entity></fetch>").Entities;
        Assert.Equal(new object?[] { null, "Dallas", "Los Angeles", "Lynnwood", "Missoula", "Phoenix", "Redmond", "Santa Cruz" }, rows.Select(r => Value(r, "City")).ToArray());
        var redmond = rows.Single(r => (string?)Value(r, "City") == "Redmond");
        Assert.Equal(10600, Value(redmond, "Total"));
        Assert.Equal(3, Value(redmond, "Count"));
    }

    [Fact]
    public void Group_by_values_come_back_raw_as_references_and_option_sets()
    {
        var account = source.Add("account", ("name", "A"));
        source.Add("cx_response", ("cx_accountid", account.ToEntityReference()), ("cx_npscategory", new OptionSetValue(3)), ("cx_score", 9));
        source.Add("cx_response", ("cx_accountid", account.ToEntityReference()), ("cx_npscategory", new OptionSetValue(3)), ("cx_score", 10));
        var row = Assert.Single(Fetch(@"<fetch aggregate='true'><entity name='cx_response'>
            <attribute name='cx_accountid' alias='account' groupby='true'/><attribute name='cx_npscategory' alias='category' groupby='true'/>
            <attribute name='cx_score' alias='n' aggregate='count'/></entity></fetch>").Entities);
        Assert.Equal(account.Id, Assert.IsType<EntityReference>(Value(row, "account")).Id);
        Assert.Equal(3, Assert.IsType<OptionSetValue>(Value(row, "category")).Value);
        Assert.Equal(2, Value(row, "n"));
    }

    [Fact]
    public void Fetch_aggregate_groups_scores_by_month_in_utc()
    {
        // 23:30 UTC on 31 January stays in January whatever the machine's time zone.
        source.Add("cx_response", ("cx_score", 9), ("cx_respondedon", new DateTime(2026, 1, 31, 23, 30, 0, DateTimeKind.Utc)));
        source.Add("cx_response", ("cx_score", 9), ("cx_respondedon", new DateTime(2026, 1, 2, 8, 0, 0, DateTimeKind.Utc)));
        source.Add("cx_response", ("cx_score", 3), ("cx_respondedon", new DateTime(2026, 1, 15, 8, 0, 0, DateTimeKind.Utc)));
        source.Add("cx_response", ("cx_score", 9), ("cx_respondedon", new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc)));
        source.Add("cx_response", ("cx_score", 10), ("cx_respondedon", new DateTime(2025, 2, 3, 0, 0, 0, DateTimeKind.Utc)));
        var rows = Fetch(@"<fetch aggregate='true'><entity name='cx_response'>
            <attribute name='cx_score' alias='score' groupby='true' />
            <attribute name='cx_respondedon' alias='year' groupby='true' dategrouping='year' />
            <attribute name='cx_respondedon' alias='month' groupby='true' dategrouping='month' />
            <attribute name='cx_responseid' alias='n' aggregate='count' />
            <filter><condition attribute='cx_score' operator='not-null' /></filter>
            <order alias='year' /><order alias='month' /><order alias='score' />
          </entity></fetch>").Entities;
        var figures = rows.Select(r => $"{Value(r, "year")}-{Value(r, "month")} score {Value(r, "score")}: {Value(r, "n")}").ToArray();
        Assert.Equal(new[] { "2025-2 score 10: 1", "2026-1 score 3: 1", "2026-1 score 9: 2", "2026-2 score 9: 1" }, figures);
        Assert.IsType<int>(Value(rows[0], "month"));
        Assert.IsType<int>(Value(rows[0], "year"));
        Assert.Equal("cx_respondedon", rows[0].GetAttributeValue<AliasedValue>("month").AttributeLogicalName);
    }

    [Fact]
    public void Day_week_and_quarter_groupings_give_the_date_part_numbers()
    {
        // 25 March 2023 (a Saturday): day 25, SQL week 12, quarter 1 (Microsoft's example gives week 12 for this date).
        source.Add("contact", ("fullname", "X"), ("birthdate", new DateTime(2023, 3, 25, 12, 0, 0, DateTimeKind.Utc)));
        var row = Assert.Single(Fetch(@"<fetch aggregate='true'><entity name='contact'>
            <attribute name='birthdate' alias='d' groupby='true' dategrouping='day'/><attribute name='birthdate' alias='w' groupby='true' dategrouping='week'/>
            <attribute name='birthdate' alias='q' groupby='true' dategrouping='quarter'/><attribute name='contactid' alias='n' aggregate='count'/>
          </entity></fetch>").Entities);
        Assert.Equal(25, Value(row, "d"));
        Assert.Equal(12, Value(row, "w"));
        Assert.Equal(1, Value(row, "q"));
    }

    [Fact]
    public void Aggregates_can_group_and_aggregate_through_link_entities()
    {
        var north = source.Add("account", ("name", "North"));
        var south = source.Add("account", ("name", "South"));
        source.Add("cx_response", ("cx_accountid", north.ToEntityReference()), ("cx_score", 10));
        source.Add("cx_response", ("cx_accountid", north.ToEntityReference()), ("cx_score", 6));
        source.Add("cx_response", ("cx_accountid", south.ToEntityReference()), ("cx_score", 9));
        var rows = Fetch(@"<fetch aggregate='true'><entity name='account'>
            <attribute name='name' alias='account' groupby='true' />
            <link-entity name='cx_response' from='cx_accountid' to='accountid' alias='r'>
              <attribute name='cx_score' alias='total' aggregate='sum' />
              <attribute name='cx_score' alias='worst' aggregate='min' />
            </link-entity>
            <order alias='total' descending='true' />
          </entity></fetch>").Entities;
        Assert.Equal(new object?[] { "North", "South" }, rows.Select(r => Value(r, "account")).ToArray());
        Assert.Equal(16, Value(rows[0], "total"));
        Assert.Equal(6, Value(rows[0], "worst"));
        Assert.Equal("cx_response", rows[0].GetAttributeValue<AliasedValue>("total").EntityLogicalName);
    }

    [Theory]
    [InlineData("<fetch aggregate='true'><entity name='account'><attribute name='numberofemployees' aggregate='sum'/></entity></fetch>", "alias")]
    [InlineData("<fetch aggregate='true'><entity name='account'><attribute name='name' alias='n'/></entity></fetch>", "'account.name'")]
    [InlineData("<fetch aggregate='true'><entity name='account'><attribute name='name' alias='n' aggregate='sum'/></entity></fetch>", "sum")]
    [InlineData("<fetch aggregate='true'><entity name='account'><attribute name='createdon' alias='c' groupby='true'/><attribute name='accountid' alias='n' aggregate='count'/></entity></fetch>", "dategrouping")]
    [InlineData("<fetch aggregate='true'><entity name='account'><attribute name='createdon' alias='c' groupby='true' dategrouping='hour'/></entity></fetch>", "hour")]
    [InlineData("<fetch aggregate='true'><entity name='account'><attribute name='accountid' alias='n' aggregate='median'/></entity></fetch>", "median")]
    [InlineData("<fetch><entity name='account'><attribute name='accountid' alias='n' aggregate='count'/></entity></fetch>", "aggregate='true'")]
    [InlineData("<fetch aggregate='true'><entity name='account'><attribute name='accountid' alias='n' aggregate='count'/><order alias='nosuch'/></entity></fetch>", "nosuch")]
    public void Malformed_aggregates_fail_naming_what_is_wrong(string xml, string named)
    {
        FaultAssert.Throws(() => Fetch(xml), named);
    }

    [Fact]
    public void Query_expression_aggregates_use_attribute_expressions()
    {
        AddDocsAccounts();
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet() };
        query.ColumnSet.AttributeExpressions.Add(new XrmAttributeExpression("address1_city", XrmAggregateType.None, "city") { HasGroupBy = true });
        query.ColumnSet.AttributeExpressions.Add(new XrmAttributeExpression("numberofemployees", XrmAggregateType.Sum, "total"));
        query.Orders.Add(new OrderExpression { Alias = "total", OrderType = OrderType.Descending });
        var top = source.Engine().RetrieveMultiple(query).Entities[0];
        Assert.Equal("Redmond", Value(top, "city"));
        Assert.Equal(10600, Value(top, "total"));
    }

    [Fact]
    public void A_month_and_score_aggregate_over_five_thousand_rows_finds_each_rows_group_with_one_key_comparison()
    {
        // Work, not time: grouping through a hash map compares about one key per row; a quadratic grouping (a scan of
        // the groups found so far) would compare rows x groups / 2, about a million here (the benchmarks measure speed).
        var start = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 5000; i++)
            source.Add("cx_response", ("cx_score", i % 11), ("cx_respondedon", start.AddHours(i * 5)));
        const string xml = @"<fetch aggregate='true'><entity name='cx_response'>
            <attribute name='cx_score' alias='score' groupby='true' />
            <attribute name='cx_respondedon' alias='year' groupby='true' dategrouping='year' />
            <attribute name='cx_respondedon' alias='month' groupby='true' dategrouping='month' />
            <attribute name='cx_responseid' alias='n' aggregate='count' />
          </entity></fetch>";
        var engine = source.Engine();

        var groups = engine.RetrieveMultiple(new FetchExpression(xml)).Entities;

        var expected = Enumerable.Range(0, 5000)
            .GroupBy(i => (Score: i % 11, start.AddHours(i * 5).Year, start.AddHours(i * 5).Month))
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected.Count, groups.Count);
        Assert.All(groups, g => Assert.Equal(expected[((int)Value(g, "score")!, (int)Value(g, "year")!, (int)Value(g, "month")!)], (int)Value(g, "n")!));
        Assert.Equal(5000, engine.Work.RowsRead);
        Assert.InRange(engine.Work.KeyComparisons, 5000 - expected.Count, 2 * 5000);
    }
}
