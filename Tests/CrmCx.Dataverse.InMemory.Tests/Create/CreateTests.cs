using System;
using CrmCx.Dataverse.InMemory.Metadata;
using CrmCx.Dataverse.InMemory.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Create;

public sealed class CreateTests
{
    private readonly InMemoryOrganization org = new();
    private IOrganizationService Service => org.GetService();

    [Fact]
    public void Create_gives_the_row_an_id_and_the_platform_columns()
    {
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso" });

        var row = org.Peek("account", id)!;
        Assert.NotEqual(Guid.Empty, id);
        Assert.Equal(id, row.Id);
        Assert.Equal(id, row["accountid"]);
        Assert.Equal(ManualClock.DefaultStart, row["createdon"]);
        Assert.Equal(ManualClock.DefaultStart, row["modifiedon"]);
        Assert.Equal(org.AdminUserId, row.GetAttributeValue<EntityReference>("createdby").Id);
        Assert.Equal(org.AdminUserId, row.GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.Equal(org.BusinessUnitId, row.GetAttributeValue<EntityReference>("owningbusinessunit").Id);
        Assert.Equal(0, row.GetAttributeValue<OptionSetValue>("statecode").Value);
        Assert.Equal(1, row.GetAttributeValue<OptionSetValue>("statuscode").Value);
        Assert.True(row.GetAttributeValue<long>("versionnumber") > 0);
        Assert.Equal(row["versionnumber"].ToString(), row.RowVersion);
    }

    [Fact]
    public void Create_keeps_the_id_given_in_Entity_Id_or_in_the_primary_id_column()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();

        Assert.Equal(a, Service.Create(new Entity("account", a) { ["name"] = "A" }));
        Assert.Equal(b, Service.Create(new Entity("account") { ["accountid"] = b, ["name"] = "B" }));
    }

    [Fact]
    public void Create_with_an_id_that_is_taken_fails_with_DuplicateRecord()
    {
        var id = Service.Create(new Entity("account") { ["name"] = "First" });

        var fault = FaultAssert.Throws(ErrorCodes.DuplicateRecord, () => Service.Create(new Entity("account", id) { ["name"] = "Second" }));

        Assert.Contains(id.ToString(), fault.Message);
        Assert.Equal("First", org.Peek("account", id)!["name"]);
    }

    [Fact]
    public void Create_on_an_unknown_table_fails_naming_the_table()
    {
        var fault = FaultAssert.Throws(ErrorCodes.QueryBuilderNoEntity, () => Service.Create(new Entity("new_widget") { ["new_name"] = "x" }));

        Assert.Contains("'new_widget'", fault.Message);
    }

    [Fact]
    public void Create_with_an_unknown_column_fails_naming_the_table_and_the_column()
    {
        var fault = FaultAssert.Throws(ErrorCodes.QueryBuilderNoAttribute, () => Service.Create(new Entity("account") { ["name"] = "x", ["new_missing"] = 1 }));

        Assert.Equal("'account' entity doesn't contain attribute with Name = 'new_missing' and NameMapping = 'Logical'.", fault.Message);
        Assert.Empty(org.Snapshot("account"));
    }

    [Theory]
    [InlineData("numberofemployees", "12")]
    [InlineData("industrycode", 3)]
    [InlineData("revenue", 100.5)]
    [InlineData("primarycontactid", "not a reference")]
    public void Create_with_a_value_of_the_wrong_type_fails_naming_the_column_and_the_table(string column, object value)
    {
        var fault = FaultAssert.Throws(ErrorCodes.InvalidArgument, () => Service.Create(new Entity("account") { ["name"] = "x", [column] = value }));

        Assert.Contains($"'{column}'", fault.Message);
        Assert.Contains("'account'", fault.Message);
    }

    [Fact]
    public void Create_with_a_lookup_to_a_table_the_column_does_not_target_fails()
    {
        var user = org.AdminUserId;

        var fault = FaultAssert.Throws(ErrorCodes.InvalidArgument,
            () => Service.Create(new Entity("account") { ["name"] = "x", ["primarycontactid"] = new EntityReference("systemuser", user) }));

        Assert.Contains("primarycontactid", fault.Message);
    }

    [Fact]
    public void Create_with_a_lookup_to_a_missing_row_fails_with_ObjectDoesNotExist()
    {
        var missing = Guid.NewGuid();

        var fault = FaultAssert.Throws(ErrorCodes.ObjectDoesNotExist,
            () => Service.Create(new Entity("contact") { ["lastname"] = "x", ["parentcustomerid"] = new EntityReference("account", missing) }));

        Assert.Equal($"account With Id = {missing} Does Not Exist", fault.Message);
    }

    [Fact]
    public void Create_with_text_longer_than_the_column_allows_fails()
    {
        var fault = FaultAssert.Throws(ErrorCodes.StringLengthTooLong, () => Service.Create(new Entity("account") { ["name"] = new string('x', 161) }));

        Assert.Equal("A validation error occurred. The length of the 'name' attribute of the 'account' entity exceeded the maximum allowed length of '160'.", fault.Message);
    }

    [Fact]
    public void Create_with_a_number_outside_the_column_range_fails()
    {
        FaultAssert.Throws(ErrorCodes.ValueOutOfRange, () => Service.Create(new Entity("account") { ["name"] = "x", ["numberofemployees"] = -1 }));
        FaultAssert.Throws(ErrorCodes.DecimalValueOutOfRange, () => Service.Create(new Entity("account") { ["name"] = "x", ["revenue"] = new Money(-5m) }));
    }

    [Fact]
    public void Create_with_a_choice_value_the_column_does_not_have_fails()
    {
        var fault = FaultAssert.Throws(ErrorCodes.ValueOutOfRange,
            () => Service.Create(new Entity("appnotification") { ["title"] = "x", ["icontype"] = new OptionSetValue(7) }));

        Assert.Contains("'icontype'", fault.Message);
        Assert.Contains("'appnotification'", fault.Message);
    }

    [Fact]
    public void Create_stores_dates_in_utc()
    {
        var local = new DateTime(2025, 3, 1, 10, 0, 0, DateTimeKind.Local);
        var unspecified = new DateTime(2025, 3, 2, 10, 0, 0, DateTimeKind.Unspecified);

        var id = Service.Create(new Entity("task") { ["subject"] = "x", ["scheduledstart"] = local, ["scheduledend"] = unspecified });

        var row = org.Peek("task", id)!;
        Assert.Equal(DateTimeKind.Utc, row.GetAttributeValue<DateTime>("scheduledstart").Kind);
        Assert.Equal(local.ToUniversalTime(), row.GetAttributeValue<DateTime>("scheduledstart"));
        Assert.Equal(new DateTime(2025, 3, 2, 10, 0, 0, DateTimeKind.Utc), row.GetAttributeValue<DateTime>("scheduledend"));
    }

    [Fact]
    public void Create_neither_changes_nor_keeps_the_callers_entity()
    {
        var account = new Entity("account") { ["name"] = "Original" };

        var id = Service.Create(account);
        account["name"] = "Changed after create";

        Assert.Equal(Guid.Empty, account.Id);
        Assert.Equal("Original", org.Peek("account", id)!["name"]);
    }

    [Fact]
    public void Create_ignores_platform_managed_columns_but_honours_overriddencreatedon()
    {
        var past = new DateTime(2020, 5, 1, 0, 0, 0, DateTimeKind.Utc);

        var ignored = Service.Create(new Entity("account") { ["name"] = "x", ["createdon"] = past });
        var overridden = Service.Create(new Entity("account") { ["name"] = "y", ["overriddencreatedon"] = past });

        Assert.Equal(ManualClock.DefaultStart, org.Peek("account", ignored)!["createdon"]);
        Assert.Equal(past, org.Peek("account", overridden)!["createdon"]);
    }

    [Fact]
    public void Create_with_an_alternate_key_value_another_row_has_fails_naming_the_key()
    {
        org.Metadata.Find("account")!.AddKey(new AlternateKeyDefinition("account_number_key", new[] { "accountnumber" }));
        Service.Create(new Entity("account") { ["name"] = "A", ["accountnumber"] = "A-1" });

        var fault = FaultAssert.Throws(ErrorCodes.DuplicateRecordEntityKey, () => Service.Create(new Entity("account") { ["name"] = "B", ["accountnumber"] = "a-1" }));

        Assert.Contains("account_number_key", fault.Message);
        Assert.Contains("accountnumber", fault.Message);
        Assert.Single(org.Snapshot("account"));
    }

    [Fact]
    public void Alternate_key_values_compare_ignoring_case_and_accents_as_the_database_collation_does()
    {
        org.Metadata.Find("contact")!.AddKey(new AlternateKeyDefinition("contact_lastname_key", new[] { "lastname" }));
        Service.Create(new Entity("contact") { ["lastname"] = "Lefèvre" });

        FaultAssert.Throws(ErrorCodes.DuplicateRecordEntityKey, () => Service.Create(new Entity("contact") { ["lastname"] = "LEFEVRE" }));
    }

    [Fact]
    public void Create_resolves_a_lookup_given_by_alternate_key()
    {
        org.Metadata.Find("account")!.AddKey(new AlternateKeyDefinition("account_number_key", new[] { "accountnumber" }));
        var accountId = Service.Create(new Entity("account") { ["name"] = "A", ["accountnumber"] = "A-1" });

        var contactId = Service.Create(new Entity("contact") { ["lastname"] = "x", ["parentcustomerid"] = new EntityReference("account", "accountnumber", "A-1") });

        Assert.Equal(accountId, org.Peek("contact", contactId)!.GetAttributeValue<EntityReference>("parentcustomerid").Id);
    }

    [Fact]
    public void Create_of_a_contact_composes_its_fullname()
    {
        var id = Service.Create(new Entity("contact") { ["firstname"] = "Ada", ["lastname"] = "Lovelace" });

        Assert.Equal("Ada Lovelace", org.Peek("contact", id)!["fullname"]);
    }

    [Fact]
    public void Create_with_a_statuscode_of_another_state_fails()
    {
        FaultAssert.Throws(ErrorCodes.InvalidStateCodeStatusCode,
            () => Service.Create(new Entity("incident") { ["title"] = "x", ["statecode"] = new OptionSetValue(0), ["statuscode"] = new OptionSetValue(5) }));
    }

    [Fact]
    public void Create_by_another_user_makes_that_user_the_owner_and_creator()
    {
        var user = org.CreateUser("Grace Hopper");

        var id = org.GetService(user).Create(new Entity("account") { ["name"] = "x" });

        var row = org.Peek("account", id)!;
        Assert.Equal(user, row.GetAttributeValue<EntityReference>("ownerid").Id);
        Assert.Equal(user, row.GetAttributeValue<EntityReference>("createdby").Id);
        Assert.Equal("Grace Hopper", org.Peek("systemuser", user)!["fullname"]);
    }
}
