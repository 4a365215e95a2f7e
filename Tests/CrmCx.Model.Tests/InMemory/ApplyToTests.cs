using System;
using System.Linq;
using CrmCx.Dataverse.InMemory.Metadata;
using Xunit;

namespace CrmCx.Model.Tests.InMemory;

public sealed class ApplyToTests
{
    private static readonly string[] Standard = { "account", "contact", "incident", "phonecall", "email", "appointment", "task" };

    private static MetadataStore StoreWithStandardTables()
    {
        var store = new MetadataStore();
        store.Define(new TableDefinition("account", "name"));
        store.Define(new TableDefinition("contact", "fullname"));
        store.Define(new TableDefinition("incident", "title"));
        foreach (var activity in new[] { "phonecall", "email", "appointment", "task" })
            store.Define(new TableDefinition(activity, "subject", OwnershipType.UserOwned, isActivity: true));
        return store;
    }

    [Fact]
    public void The_cx_tables_are_defined_with_every_model_column_and_type()
    {
        var store = StoreWithStandardTables();
        CrmCxModel.ApplyTo(store);
        foreach (var table in CrmCxModel.Tables)
        {
            var definition = store.Find(table.LogicalName);
            Assert.NotNull(definition);
            Assert.Equal("cx_name", definition!.PrimaryNameAttribute);
            Assert.Equal(table.LogicalName + "id", definition.PrimaryIdAttribute);
            foreach (var column in table.Columns)
            {
                var c = definition.FindColumn(column.LogicalName);
                Assert.NotNull(c);
                Assert.Equal(CrmCxModel.ToDefinition(column).Type, c!.Type);
            }
        }
    }

    [Fact]
    public void Limits_targets_and_choice_values_reach_the_in_memory_columns()
    {
        var store = StoreWithStandardTables();
        CrmCxModel.ApplyTo(store);
        var response = store.Find("cx_surveyresponse")!;
        Assert.Equal((ColumnType.Integer, 0m, 10m), (response.Columns["cx_score"].Type, response.Columns["cx_score"].MinValue!.Value, response.Columns["cx_score"].MaxValue!.Value));
        Assert.Equal(2, response.Columns["cx_satisfactionindex"].Precision);
        Assert.Equal(4000, response.Columns["cx_comment"].MaxLength);
        Assert.Equal(new[] { "cx_customerjourney" }, response.Columns["cx_customerjourneyid"].Targets);
        Assert.Equal(new[] { 964000000, 964000001, 964000002 }, response.Columns["cx_npscategory"].Options);
    }

    [Fact]
    public void The_alternate_keys_are_declared_on_their_columns()
    {
        var store = StoreWithStandardTables();
        CrmCxModel.ApplyTo(store);
        var key = Assert.Single(store.Find("cx_surveyresponse")!.Keys);
        Assert.Equal("cx_surveyresponse_externalid", key.LogicalName);
        Assert.Equal(new[] { "cx_source", "cx_externalid" }, key.Columns);
        var stage = Assert.Single(store.Find("cx_journeystagescore")!.Keys);
        Assert.Equal(new[] { "cx_customerjourneyid", "cx_journeystage" }, stage.Columns);
    }

    [Fact]
    public void The_in_memory_npsday_table_has_its_key_on_cx_key_and_lookups_to_account_and_contact()
    {
        var store = StoreWithStandardTables();
        CrmCxModel.ApplyTo(store);
        var npsDay = store.Find("cx_npsday");
        Assert.NotNull(npsDay);
        Assert.Equal(("cx_npsdayid", "cx_name"), (npsDay!.PrimaryIdAttribute, npsDay.PrimaryNameAttribute));
        var key = Assert.Single(npsDay.Keys);
        Assert.Equal("cx_npsday_key", key.LogicalName);
        Assert.Equal(new[] { "cx_key" }, key.Columns);
        Assert.Equal(new[] { "account" }, npsDay.Columns["cx_accountid"].Targets);
        Assert.Equal(new[] { "contact" }, npsDay.Columns["cx_contactid"].Targets);
        Assert.Equal((ColumnType.Integer, 19000101m, 99991231m), (npsDay.Columns["cx_day"].Type, npsDay.Columns["cx_day"].MinValue!.Value, npsDay.Columns["cx_day"].MaxValue!.Value));
        foreach (var count in new[] { "cx_promoters", "cx_passives", "cx_detractors" })
            Assert.Equal((ColumnType.Integer, 0m), (npsDay.Columns[count].Type, npsDay.Columns[count].MinValue!.Value));
        Assert.Equal(ColumnType.DateTime, npsDay.Columns["cx_lastresponseon"].Type);
        Assert.Equal(("account", "cx_npsday", "cx_accountid"), Referencing(store, "cx_account_cx_npsday"));
        Assert.Equal(("contact", "cx_npsday", "cx_contactid"), Referencing(store, "cx_contact_cx_npsday"));
    }

    [Fact]
    public void Account_and_contact_get_cx_npsdaysthrough_as_a_yyyyMMdd_whole_number()
    {
        var store = StoreWithStandardTables();
        CrmCxModel.ApplyTo(store);
        foreach (var table in new[] { "account", "contact" })
        {
            var column = store.Find(table)!.Columns["cx_npsdaysthrough"];
            Assert.Equal((ColumnType.Integer, 19000101m, 99991231m), (column.Type, column.MinValue!.Value, column.MaxValue!.Value));
        }
    }

    private static (string, string, string) Referencing(MetadataStore store, string relationship)
    {
        var r = store.FindRelationship(relationship);
        Assert.NotNull(r);
        return (r!.ReferencedEntity, r.ReferencingEntity, r.ReferencingAttribute);
    }

    [Fact]
    public void A_journey_accepts_its_three_status_reasons_and_defaults_inactive_to_completed()
    {
        var store = StoreWithStandardTables();
        CrmCxModel.ApplyTo(store);
        var journey = store.Find("cx_customerjourney")!;
        Assert.Equal(new[] { 1, 2, 964000001 }, journey.Columns["statuscode"].Options);
        Assert.Equal(1, journey.DefaultStatusForState[0]);
        Assert.Equal(2, journey.DefaultStatusForState[1]);
    }

    [Fact]
    public void The_standard_tables_get_the_cx_columns_and_keep_their_own()
    {
        var store = StoreWithStandardTables();
        CrmCxModel.ApplyTo(store);
        Assert.Equal(ColumnType.Decimal, store.Find("account")!.Columns["cx_nps"].Type);
        Assert.Equal(ColumnType.Picklist, store.Find("contact")!.Columns["cx_risklevel"].Type);
        Assert.NotNull(store.Find("account")!.FindColumn("name"));
        foreach (var t in new[] { "incident", "phonecall", "email", "appointment", "task" })
        {
            Assert.Equal(ColumnType.Lookup, store.Find(t)!.Columns["cx_customerjourneyid"].Type);
            Assert.Equal(ColumnType.Picklist, store.Find(t)!.Columns["cx_journeystage"].Type);
        }
    }

    [Fact]
    public void The_relationships_are_defined_for_associate_and_disassociate()
    {
        var store = StoreWithStandardTables();
        CrmCxModel.ApplyTo(store);
        var r = store.FindRelationship("cx_customerjourney_cx_journeystagescore");
        Assert.NotNull(r);
        Assert.Equal(("cx_customerjourney", "cx_journeystagescore", "cx_customerjourneyid"), (r!.ReferencedEntity, r.ReferencingEntity, r.ReferencingAttribute));
        Assert.Equal(CrmCxModel.Relationships.Count, store.Relationships.Count());
    }

    [Fact]
    public void A_store_without_a_standard_table_is_refused_naming_the_table_and_left_unchanged()
    {
        var store = new MetadataStore();
        store.Define(new TableDefinition("account", "name"));
        var error = Assert.Throws<InvalidOperationException>(() => CrmCxModel.ApplyTo(store));
        Assert.Contains("contact", error.Message, StringComparison.Ordinal);
        Assert.Contains("incident", error.Message, StringComparison.Ordinal);
        Assert.Single(store.Tables);
        Assert.Null(store.Find("account")!.FindColumn("cx_nps"));
    }

    [Fact]
    public void Applying_twice_gives_the_same_definitions()
    {
        var store = StoreWithStandardTables();
        CrmCxModel.ApplyTo(store);
        CrmCxModel.ApplyTo(store);
        Assert.Single(store.Find("cx_surveyresponse")!.Keys);
        Assert.Equal(Standard.Length + CrmCxModel.Tables.Count, store.Tables.Count());
    }
}
