using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Query.FetchXml;

public sealed class FetchXmlRelatedRowTests
{
    private readonly TestRowSource source = new();

    public FetchXmlRelatedRowTests()
    {
        var happy = source.Add("account", ("name", "Happy"));
        var unhappy = source.Add("account", ("name", "Unhappy"));
        source.Add("account", ("name", "Silent"));
        source.Add("cx_response", ("cx_name", "r1"), ("cx_accountid", happy.ToEntityReference()), ("cx_score", 10));
        source.Add("cx_response", ("cx_name", "r2"), ("cx_accountid", unhappy.ToEntityReference()), ("cx_score", 2));
        source.Add("cx_response", ("cx_name", "r3"), ("cx_accountid", unhappy.ToEntityReference()), ("cx_score", 9));
    }

    private string[] Names(string xml) =>
        source.Engine().RetrieveMultiple(new FetchExpression(xml)).Entities.Select(e => e.GetAttributeValue<string>("name")).OrderBy(n => n, System.StringComparer.Ordinal).ToArray();

    [Fact]
    public void A_filter_link_of_type_any_keeps_rows_with_a_matching_related_row_once()
    {
        Assert.Equal(new[] { "Unhappy" }, Names(@"<fetch><entity name='account'><attribute name='name'/>
            <filter><link-entity name='cx_response' from='cx_accountid' to='accountid' link-type='any'>
              <filter><condition attribute='cx_score' operator='le' value='6'/></filter></link-entity></filter></entity></fetch>"));
        Assert.Equal(new[] { "Happy", "Unhappy" }, Names(@"<fetch><entity name='account'><attribute name='name'/>
            <filter><link-entity name='cx_response' from='cx_accountid' to='accountid' link-type='any'/></filter></entity></fetch>"));
    }

    [Fact]
    public void A_filter_link_of_type_not_any_keeps_rows_without_one()
    {
        Assert.Equal(new[] { "Happy", "Silent" }, Names(@"<fetch><entity name='account'><attribute name='name'/>
            <filter><link-entity name='cx_response' from='cx_accountid' to='accountid' link-type='not any'>
              <filter><condition attribute='cx_score' operator='le' value='6'/></filter></link-entity></filter></entity></fetch>"));
    }

    [Fact]
    public void An_exists_link_keeps_each_parent_row_once_without_columns()
    {
        var rows = source.Engine().RetrieveMultiple(new FetchExpression(@"<fetch><entity name='account'><attribute name='name'/>
            <link-entity name='cx_response' from='cx_accountid' to='accountid' link-type='exists'/></entity></fetch>")).Entities;
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(2, r.Attributes.Count));
    }

    [Fact]
    public void A_link_filter_condition_with_entityname_applies_after_an_outer_join()
    {
        // In the ON clause the condition would keep every account; naming the link applies it to the joined rows.
        Assert.Equal(new[] { "Silent" }, Names(@"<fetch><entity name='account'><attribute name='name'/>
            <link-entity name='cx_response' from='cx_accountid' to='accountid' link-type='outer' alias='r'>
              <filter><condition entityname='r' attribute='cx_responseid' operator='null'/></filter></link-entity></entity></fetch>"));
        Assert.Equal(new[] { "Happy", "Silent", "Unhappy" }, Names(@"<fetch distinct='true'><entity name='account'><attribute name='name'/>
            <link-entity name='cx_response' from='cx_accountid' to='accountid' link-type='outer' alias='r'>
              <filter><condition attribute='cx_responseid' operator='null'/></filter></link-entity></entity></fetch>"));
    }

    [Fact]
    public void Valueof_compares_two_columns_of_the_row_or_of_a_linked_table()
    {
        source.Add("contact", ("fullname", "Same"), ("parentcustomerid", source.Rows("account")[0].ToEntityReference()));
        var account = source.Rows("account")[0];
        account["address1_city"] = "Happy";
        Assert.Equal(new[] { "Happy" }, Names("<fetch><entity name='account'><attribute name='name'/><filter><condition attribute='name' operator='eq' valueof='address1_city'/></filter></entity></fetch>"));
        var contacts = source.Engine().RetrieveMultiple(new FetchExpression(@"<fetch><entity name='contact'><attribute name='fullname'/>
            <filter><condition attribute='fullname' operator='ne' valueof='acct.name'/></filter>
            <link-entity name='account' from='accountid' to='parentcustomerid' link-type='outer' alias='acct'/></entity></fetch>")).Entities;
        Assert.Equal("Same", Assert.Single(contacts).GetAttributeValue<string>("fullname"));
    }

    [Fact]
    public void A_column_comparison_with_another_operator_fails()
    {
        FaultAssert.Throws(() => Names("<fetch><entity name='account'><filter><condition attribute='name' operator='like' valueof='address1_city'/></filter></entity></fetch>"), "like");
    }

    [Fact]
    public void Query_expression_compare_columns_names_the_other_column_as_its_value()
    {
        var account = source.Rows("account")[1];
        account["address1_city"] = "UNHAPPY";
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.Criteria.AddCondition("name", ConditionOperator.Equal, true, "address1_city");
        Assert.Equal("Unhappy", Assert.Single(source.Engine().RetrieveMultiple(query).Entities).GetAttributeValue<string>("name"));
    }

    [Fact]
    public void An_aliased_attribute_comes_back_as_an_aliased_value_under_its_alias()
    {
        var row = source.Engine().RetrieveMultiple(new FetchExpression("<fetch top='1'><entity name='account'><attribute name='name' alias='title'/><order attribute='name'/></entity></fetch>")).Entities[0];
        var aliased = row.GetAttributeValue<AliasedValue>("title");
        Assert.Equal("Happy", aliased.Value);
        Assert.Equal("account", aliased.EntityLogicalName);
        Assert.False(row.Contains("name"));
    }
}
