using System;
using CrmCx.Dataverse.InMemory.Metadata;
using CrmCx.Dataverse.InMemory.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Metadata;

public sealed class MetadataTests
{
    [Theory]
    [InlineData("systemuser", "systemuserid")]
    [InlineData("team", "teamid")]
    [InlineData("businessunit", "businessunitid")]
    [InlineData("organization", "organizationid")]
    [InlineData("account", "accountid")]
    [InlineData("contact", "contactid")]
    [InlineData("incident", "incidentid")]
    [InlineData("phonecall", "activityid")]
    [InlineData("email", "activityid")]
    [InlineData("appointment", "activityid")]
    [InlineData("task", "activityid")]
    [InlineData("appnotification", "appnotificationid")]
    public void Standard_tables_are_predefined_with_their_primary_key(string table, string primaryKey)
    {
        var org = new InMemoryOrganization();

        Assert.Equal(primaryKey, org.Metadata.Find(table)!.PrimaryIdAttribute);
    }

    [Fact]
    public void The_org_starts_with_its_organization_business_unit_SYSTEM_and_an_administrator()
    {
        var org = new InMemoryOrganization();

        Assert.NotNull(org.Peek("organization", org.OrganizationId));
        Assert.NotNull(org.Peek("businessunit", org.BusinessUnitId));
        Assert.Equal("SYSTEM", org.Peek("systemuser", org.SystemUserId)!["fullname"]);
        Assert.Equal("Admin User", org.Peek("systemuser", org.AdminUserId)!["fullname"]);
    }

    [Fact]
    public void A_table_defined_by_the_model_can_be_written_at_once()
    {
        var org = new InMemoryOrganization();
        org.Metadata.Define(new TableDefinition("crmcx_survey", "crmcx_name").Add(new ColumnDefinition("crmcx_score", ColumnType.Integer) { MinValue = 0, MaxValue = 10 }));

        var id = org.GetService().Create(new Entity("crmcx_survey") { ["crmcx_name"] = "NPS", ["crmcx_score"] = 9 });

        Assert.Equal(9, org.Peek("crmcx_survey", id)!["crmcx_score"]);
        FaultAssert.Throws(ErrorCodes.ValueOutOfRange, () => org.GetService().Create(new Entity("crmcx_survey") { ["crmcx_score"] = 11 }));
    }

    [Fact]
    public void An_alternate_key_over_an_unknown_column_is_refused()
    {
        var table = new TableDefinition("crmcx_thing", "crmcx_name");

        Assert.Throws<ArgumentException>(() => table.AddKey(new AlternateKeyDefinition("crmcx_key", new[] { "crmcx_missing" })));
    }

    [Fact]
    public void A_many_to_many_relationship_defines_its_intersect_table()
    {
        var metadata = new MetadataStore();
        metadata.Define(new TableDefinition("account", "name"));
        metadata.Define(new TableDefinition("contact", "fullname"));

        metadata.DefineRelationship(RelationshipDefinition.ManyToMany("crmcx_account_contact", "account", "contact", "crmcx_account_contact"));

        var intersect = metadata.Find("crmcx_account_contact")!;
        Assert.NotNull(intersect.FindColumn("accountid"));
        Assert.NotNull(intersect.FindColumn("contactid"));
    }

    [Fact]
    public void Activity_tables_have_open_completed_and_canceled_states()
    {
        var org = new InMemoryOrganization();
        var service = org.GetService();
        var id = service.Create(new Entity("phonecall") { ["subject"] = "Call back" });

        service.Update(new Entity("phonecall", id) { ["statecode"] = new OptionSetValue(1) });

        var row = org.Peek("phonecall", id)!;
        Assert.Equal(2, row.GetAttributeValue<OptionSetValue>("statuscode").Value);
        Assert.Equal("phonecall", row["activitytypecode"]);
        FaultAssert.Throws(ErrorCodes.ValueOutOfRange, () => service.Update(new Entity("phonecall", id) { ["statecode"] = new OptionSetValue(3) }));
    }
}
