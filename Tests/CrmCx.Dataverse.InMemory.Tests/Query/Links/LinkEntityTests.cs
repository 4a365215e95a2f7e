using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Query.Links;

public sealed class LinkEntityTests
{
    private readonly TestRowSource source = new();
    private readonly Entity ann;
    private readonly Entity bob;

    public LinkEntityTests()
    {
        ann = source.Add("contact", ("fullname", "Ann"));
        bob = source.Add("contact", ("fullname", "Bob"));
        source.Add("account", ("name", "WithAnn"), ("primarycontactid", ann.ToEntityReference()));
        source.Add("account", ("name", "WithBob"), ("primarycontactid", bob.ToEntityReference()));
        source.Add("account", ("name", "Nobody"));
    }

    private static QueryExpression AccountsWithContact(JoinOperator join, string? alias = "c")
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.AddOrder("name", OrderType.Ascending);
        var link = query.AddLink("contact", "primarycontactid", "contactid", join);
        link.EntityAlias = alias;
        link.Columns = new ColumnSet("fullname");
        return query;
    }

    [Fact]
    public void Inner_link_returns_matching_rows_with_link_columns_as_aliased_values()
    {
        var rows = source.Engine().RetrieveMultiple(AccountsWithContact(JoinOperator.Inner)).Entities;
        Assert.Equal(new[] { "WithAnn", "WithBob" }, rows.Select(r => r.GetAttributeValue<string>("name")).ToArray());
        var aliased = rows[0].GetAttributeValue<AliasedValue>("c.fullname");
        Assert.Equal("Ann", aliased.Value);
        Assert.Equal("contact", aliased.EntityLogicalName);
        Assert.Equal("fullname", aliased.AttributeLogicalName);
    }

    [Fact]
    public void Outer_link_keeps_rows_without_a_match_and_leaves_their_link_columns_out()
    {
        var rows = source.Engine().RetrieveMultiple(AccountsWithContact(JoinOperator.LeftOuter)).Entities;
        Assert.Equal(new[] { "Nobody", "WithAnn", "WithBob" }, rows.Select(r => r.GetAttributeValue<string>("name")).ToArray());
        Assert.False(rows[0].Contains("c.fullname"));
    }

    [Fact]
    public void A_link_without_an_alias_is_named_after_its_table_and_number()
    {
        var rows = source.Engine().RetrieveMultiple(AccountsWithContact(JoinOperator.Inner, alias: null)).Entities;
        Assert.Equal("Ann", rows[0].GetAttributeValue<AliasedValue>("contact1.fullname").Value);
    }

    [Fact]
    public void Link_criteria_filter_the_linked_rows_inside_the_join()
    {
        var inner = AccountsWithContact(JoinOperator.Inner);
        inner.LinkEntities[0].LinkCriteria.AddCondition("fullname", ConditionOperator.Equal, "Bob");
        Assert.Equal(new[] { "WithBob" }, source.Engine().RetrieveMultiple(inner).Entities.Select(r => r.GetAttributeValue<string>("name")).ToArray());

        // For an outer join the criteria belong to the ON clause: every account stays, only Bob's columns come along.
        var outer = AccountsWithContact(JoinOperator.LeftOuter);
        outer.LinkEntities[0].LinkCriteria.AddCondition("fullname", ConditionOperator.Equal, "Bob");
        var rows = source.Engine().RetrieveMultiple(outer).Entities;
        Assert.Equal(3, rows.Count);
        Assert.Equal(new[] { "Bob" }, rows.Where(r => r.Contains("c.fullname")).Select(r => (string)r.GetAttributeValue<AliasedValue>("c.fullname").Value).ToArray());
    }

    [Fact]
    public void Parent_filter_conditions_can_name_a_link_by_alias()
    {
        var query = AccountsWithContact(JoinOperator.LeftOuter);
        query.Criteria.AddCondition("c", "fullname", ConditionOperator.Equal, "ann");
        Assert.Equal(new[] { "WithAnn" }, source.Engine().RetrieveMultiple(query).Entities.Select(r => r.GetAttributeValue<string>("name")).ToArray());

        // The outer-join-and-null pattern finds rows without a match.
        var orphans = AccountsWithContact(JoinOperator.LeftOuter);
        orphans.Criteria.AddCondition("c", "contactid", ConditionOperator.Null);
        Assert.Equal(new[] { "Nobody" }, source.Engine().RetrieveMultiple(orphans).Entities.Select(r => r.GetAttributeValue<string>("name")).ToArray());
    }

    [Fact]
    public void Nested_links_join_through_the_intermediate_table()
    {
        var parent = source.Add("account", ("name", "Parent"));
        ann["parentcustomerid"] = parent.ToEntityReference();
        var query = AccountsWithContact(JoinOperator.Inner);
        var nested = query.LinkEntities[0].AddLink("account", "parentcustomerid", "accountid", JoinOperator.Inner);
        nested.EntityAlias = "p";
        nested.Columns = new ColumnSet("name");
        var row = Assert.Single(source.Engine().RetrieveMultiple(query).Entities);
        Assert.Equal("WithAnn", row.GetAttributeValue<string>("name"));
        Assert.Equal("Parent", row.GetAttributeValue<AliasedValue>("p.name").Value);
    }

    [Fact]
    public void A_one_to_many_link_returns_one_row_per_match()
    {
        var account = source.Rows("account")[0];
        source.Add("cx_response", ("cx_name", "r1"), ("cx_accountid", account.ToEntityReference()), ("cx_score", 9));
        source.Add("cx_response", ("cx_name", "r2"), ("cx_accountid", account.ToEntityReference()), ("cx_score", 3));
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        var link = query.AddLink("cx_response", "accountid", "cx_accountid");
        link.EntityAlias = "r";
        link.Columns = new ColumnSet("cx_score");
        link.Orders.Add(new OrderExpression("cx_score", OrderType.Ascending));
        var rows = source.Engine().RetrieveMultiple(query).Entities;
        Assert.Equal(new[] { 3, 9 }, rows.Select(r => (int)r.GetAttributeValue<AliasedValue>("r.cx_score").Value).ToArray());
        Assert.All(rows, r => Assert.Equal(account.Id, r.Id));
    }

    [Fact]
    public void Orders_can_name_a_link_column()
    {
        var query = AccountsWithContact(JoinOperator.Inner);
        query.Orders.Clear();
        query.Orders.Add(new OrderExpression("fullname", OrderType.Descending, null, "c"));
        Assert.Equal(new[] { "WithBob", "WithAnn" }, source.Engine().RetrieveMultiple(query).Entities.Select(r => r.GetAttributeValue<string>("name")).ToArray());
    }

    [Fact]
    public void A_link_on_an_unknown_column_fails_with_the_unknown_column_fault()
    {
        var query = new QueryExpression("account");
        query.AddLink("contact", "primarycontactid", "nosuch");
        FaultAssert.Throws(() => source.Engine().RetrieveMultiple(query), "nosuch");
    }

    [Fact]
    public void An_inner_join_over_thousands_of_rows_reads_each_table_once_and_compares_each_key_a_bounded_number_of_times()
    {
        // Work, not time: a nested-loop join would read or compare 5,000 x 2,000 pairs; the hash join reads each table
        // once and makes about one key comparison per index lookup (the benchmarks measure speed).
        var accounts = Enumerable.Range(0, 2000).Select(i => source.Add("account", ("name", "A" + i))).ToList();
        for (var i = 0; i < 5000; i++)
            source.Add("cx_response", ("cx_accountid", accounts[i % accounts.Count].ToEntityReference()), ("cx_score", i % 11));
        var query = new QueryExpression("cx_response") { ColumnSet = new ColumnSet("cx_score", "cx_accountid") };
        query.AddLink("account", "cx_accountid", "accountid").Columns = new ColumnSet("name");
        var engine = source.Engine();

        var rows = engine.RetrieveMultiple(query).Entities;

        Assert.Equal(5000, rows.Count);
        var names = accounts.ToDictionary(a => a.Id, a => a.GetAttributeValue<string>("name"));
        Assert.All(rows, r => Assert.Equal(names[r.GetAttributeValue<EntityReference>("cx_accountid").Id], r.GetAttributeValue<AliasedValue>("account1.name").Value));
        // Every response, then each account a response names, sought by its id (the three of the constructor are not read).
        Assert.Equal(5000 + 2000, engine.Work.RowsRead);
        Assert.InRange(engine.Work.KeyComparisons, 5000, 2 * 5000);
    }

    [Fact]
    public void A_link_on_a_lookup_indexes_only_the_linked_rows_some_parent_row_points_to()
    {
        // Each account's responses through a link on cx_accountid: 5,000 responses are read once, and only the 10 of the
        // one account asked for are indexed and compared (the index of the whole table would compare 5,000 keys).
        var accounts = Enumerable.Range(0, 500).Select(i => source.Add("account", ("name", "A" + i))).ToList();
        for (var i = 0; i < 5000; i++)
            source.Add("cx_response", ("cx_accountid", accounts[i % accounts.Count].ToEntityReference()), ("cx_score", i % 11));
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.Criteria.AddCondition("accountid", ConditionOperator.Equal, accounts[7].Id);
        query.AddLink("cx_response", "accountid", "cx_accountid").Columns = new ColumnSet("cx_score");
        var engine = source.Engine();

        var rows = engine.RetrieveMultiple(query).Entities;

        Assert.Equal(10, rows.Count);
        Assert.All(rows, r => Assert.Equal("A7", r.GetAttributeValue<string>("name")));
        Assert.InRange(engine.Work.KeyComparisons, 10, 2 * 10 + 5);
    }
    [Fact]
    public void A_filter_that_compares_with_a_linked_row_joins_only_the_root_rows_its_root_conditions_allow()
    {
        // Each branch of the or names some accounts by id and compares with the linked account (cross-table valueof and
        // an entityname condition): only those accounts' responses are joined, not every response, and the answer is
        // what the whole filter says.
        var accounts = Enumerable.Range(0, 2000).Select(i => source.Add("account", ("name", "A" + i), ("address1_city", i == 1 ? "A1" : "Elsewhere"))).ToList();
        for (var i = 0; i < 5000; i++)
            source.Add("cx_response", ("cx_accountid", accounts[i % accounts.Count].ToEntityReference()), ("cx_name", i % 2 == 0 ? "A" + (i % accounts.Count) : "other"));
        var engine = source.Engine();

        var rows = engine.RetrieveMultiple(new FetchExpression($@"<fetch><entity name='cx_response'><attribute name='cx_name'/>
            <filter type='or'>
              <filter><condition attribute='cx_accountid' operator='eq' value='{accounts[0].Id}'/><condition attribute='cx_name' operator='eq' valueof='acct.name'/></filter>
              <filter><condition attribute='cx_accountid' operator='eq' value='{accounts[1].Id}'/><condition entityname='acct' attribute='address1_city' operator='eq' value='A1'/></filter>
            </filter>
            <link-entity name='account' from='accountid' to='cx_accountid' link-type='outer' alias='acct'><attribute name='name'/></link-entity>
            </entity></fetch>")).Entities;

        // Account 0: responses 0, 2000, 4000 (names A0: all match their account's name); account 1: 1, 2001, 4001 (its city matches).
        Assert.Equal(6, rows.Count);
        Assert.Equal(3, rows.Count(r => r.GetAttributeValue<string>("cx_name") == "A0"));
        // The 5,000 responses scanned once, then only the two accounts of the six rows kept sought by id (joining every
        // response first would seek all 2,000).
        Assert.Equal(5000 + 2, engine.Work.RowsRead);
    }
}
