using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Query.FetchXml;

public sealed class FetchXmlQueryTests
{
    private readonly TestRowSource source = new();
    private readonly Entity ann;

    public FetchXmlQueryTests()
    {
        ann = source.Add("contact", ("fullname", "Ann"));
        source.Add("account", ("name", "A"), ("numberofemployees", 5), ("address1_city", "Paris"), ("primarycontactid", ann.ToEntityReference()), ("creditonhold", true), ("revenue", new Money(10m)));
        source.Add("account", ("name", "B"), ("numberofemployees", 50), ("address1_city", "Lyon"), ("creditonhold", false), ("revenue", new Money(20m)));
        source.Add("account", ("name", "C"), ("numberofemployees", 500), ("industrycode", new OptionSetValue(7)));
    }

    private EntityCollection Fetch(string xml) => source.Engine().RetrieveMultiple(new FetchExpression(xml));

    private string[] Names(string xml) => Fetch(xml).Entities.Select(e => e.GetAttributeValue<string>("name")).ToArray();

    [Fact]
    public void Attributes_filters_and_orders_select_as_in_dataverse()
    {
        var rows = Fetch(@"<fetch>
            <entity name='account'>
              <attribute name='name' />
              <filter type='or'>
                <condition attribute='address1_city' operator='eq' value='paris' />
                <filter>
                  <condition attribute='numberofemployees' operator='ge' value='100' />
                  <condition attribute='industrycode' operator='in'><value>7</value><value>8</value></condition>
                </filter>
              </filter>
              <order attribute='numberofemployees' descending='true' />
            </entity>
          </fetch>");
        Assert.Equal(new[] { "C", "A" }, rows.Entities.Select(e => e.GetAttributeValue<string>("name")).ToArray());
        Assert.Equal(new[] { "accountid", "name" }, rows.Entities[0].Attributes.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray());
        Assert.Equal("account", rows.EntityName);
    }

    [Fact]
    public void Values_are_read_by_column_type()
    {
        Assert.Equal(new[] { "A" }, Names("<fetch><entity name='account'><attribute name='name'/><filter><condition attribute='creditonhold' operator='eq' value='1'/></filter></entity></fetch>"));
        Assert.Equal(new[] { "B" }, Names("<fetch><entity name='account'><attribute name='name'/><filter><condition attribute='creditonhold' operator='eq' value='false'/></filter></entity></fetch>"));
        Assert.Equal(new[] { "B" }, Names("<fetch><entity name='account'><attribute name='name'/><filter><condition attribute='revenue' operator='gt' value='15.5'/></filter></entity></fetch>"));
        Assert.Equal(new[] { "A" }, Names($"<fetch><entity name='account'><attribute name='name'/><filter><condition attribute='primarycontactid' operator='eq' value='{{{ann.Id}}}'/></filter></entity></fetch>"));
        Assert.Equal(new[] { "A", "B" }, Names("<fetch><entity name='account'><attribute name='name'/><filter><condition attribute='numberofemployees' operator='between'><value>5</value><value>50</value></condition></filter></entity></fetch>"));
    }

    [Fact]
    public void Dates_in_iso_8601_are_read_as_utc()
    {
        source.Add("contact", ("fullname", "Late"), ("birthdate", new DateTime(2026, 1, 31, 23, 0, 0, DateTimeKind.Utc)));
        var rows = Fetch("<fetch><entity name='contact'><attribute name='fullname'/><filter><condition attribute='birthdate' operator='ge' value='2026-01-31T22:00:00Z'/></filter></entity></fetch>");
        Assert.Equal("Late", Assert.Single(rows.Entities).GetAttributeValue<string>("fullname"));
        var on = Fetch("<fetch><entity name='contact'><attribute name='fullname'/><filter><condition attribute='birthdate' operator='on' value='2026-01-31'/></filter></entity></fetch>");
        Assert.Single(on.Entities);
    }

    [Fact]
    public void Link_entities_return_aliased_columns_and_take_conditions_by_entityname()
    {
        var rows = Fetch(@"<fetch>
            <entity name='account'>
              <attribute name='name' />
              <link-entity name='contact' from='contactid' to='primarycontactid' link-type='outer' alias='pc'>
                <attribute name='fullname' />
                <attribute name='fullname' alias='contactname' />
              </link-entity>
              <filter><condition entityname='pc' attribute='fullname' operator='not-null' /></filter>
            </entity>
          </fetch>");
        var row = Assert.Single(rows.Entities);
        Assert.Equal("Ann", row.GetAttributeValue<AliasedValue>("pc.fullname").Value);
        Assert.Equal("Ann", row.GetAttributeValue<AliasedValue>("contactname").Value);
    }

    [Fact]
    public void All_attributes_and_top_and_distinct_work()
    {
        var all = Fetch("<fetch top='1'><entity name='account'><all-attributes/><order attribute='name'/></entity></fetch>");
        var row = Assert.Single(all.Entities);
        Assert.Equal(5, row.GetAttributeValue<int>("numberofemployees"));

        source.Add("account", ("name", "A"));
        var distinct = Fetch("<fetch distinct='true'><entity name='account'><attribute name='name'/><order attribute='name'/></entity></fetch>");
        Assert.Equal(new[] { "A", "B", "C" }, distinct.Entities.Select(e => e.GetAttributeValue<string>("name")).ToArray());
    }

    [Fact]
    public void Count_and_page_page_through_the_rows_with_a_cookie()
    {
        var first = Fetch("<fetch count='2' page='1' returntotalrecordcount='true'><entity name='account'><attribute name='name'/><order attribute='name'/></entity></fetch>");
        Assert.True(first.MoreRecords);
        Assert.Equal(3, first.TotalRecordCount);
        var cookie = System.Security.SecurityElement.Escape(first.PagingCookie);
        var second = Fetch($"<fetch count='2' page='2' paging-cookie='{cookie}'><entity name='account'><attribute name='name'/><order attribute='name'/></entity></fetch>");
        Assert.Equal(new[] { "C" }, second.Entities.Select(e => e.GetAttributeValue<string>("name")).ToArray());
        Assert.False(second.MoreRecords);
    }

    [Theory]
    [InlineData("<fetch><entity name='account'><attribute name='nosuch'/></entity></fetch>", "nosuch")]
    [InlineData("<fetch><entity name='account'><filter><condition attribute='name' operator='sounds-like' value='x'/></filter></entity></fetch>", "sounds-like")]
    [InlineData("<fetch><entity name='account'><attribut name='name'/></entity></fetch>", "attribut")]
    [InlineData("<fetch><entity name='account'><attribute name='name' colour='red'/></entity></fetch>", "colour")]
    [InlineData("<fetch><entity name='account'><attribute name='name'></entity></fetch>", "well-formed")]
    [InlineData("<fetch top='2' count='2'><entity name='account'/></fetch>", "top")]
    [InlineData("<fetch><entity name='account'><link-entity name='contact' from='contactid'/></entity></fetch>", "'to'")]
    [InlineData("<fetch><entity name='account'><filter type='xor'/></entity></fetch>", "xor")]
    public void Malformed_fetch_xml_fails_naming_what_is_wrong(string xml, string named)
    {
        FaultAssert.Throws(() => Fetch(xml), named);
    }

    [Fact]
    public void An_unknown_entity_fails_with_the_unknown_table_fault()
    {
        var fault = FaultAssert.Throws(() => Fetch("<fetch><entity name='nosuch'/></fetch>"), "nosuch");
        Assert.Equal(ErrorCodes.QueryBuilderNoEntity, fault.ErrorCode);
    }

    [Fact]
    public void Eq_userid_matches_the_caller()
    {
        var me = Guid.NewGuid();
        source.Add("account", ("name", "Mine"), ("ownerid", new EntityReference("systemuser", me)));
        var rows = source.Engine().RetrieveMultiple(new FetchExpression("<fetch><entity name='account'><attribute name='name'/><filter><condition attribute='ownerid' operator='eq-userid'/></filter></entity></fetch>"), me);
        Assert.Equal("Mine", Assert.Single(rows.Entities).GetAttributeValue<string>("name"));
    }

    [Fact]
    public void An_order_can_name_a_link_column_with_entityname_and_comes_before_link_orders()
    {
        var bob = source.Add("contact", ("fullname", "Bob"));
        source.Rows("account")[1]["primarycontactid"] = bob.ToEntityReference();
        var rows = Fetch(@"<fetch><entity name='account'><attribute name='name'/>
            <link-entity name='contact' from='contactid' to='primarycontactid' alias='pc'><attribute name='fullname'/></link-entity>
            <order entityname='pc' attribute='fullname' descending='true'/></entity></fetch>").Entities;
        Assert.Equal(new[] { "B", "A" }, rows.Select(e => e.GetAttributeValue<string>("name")).ToArray());
    }
}
