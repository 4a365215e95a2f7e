using System;
using System.Linq;
using CrmCx.Model.Columns;
using CrmCx.Model.Relationships;
using CrmCx.Model.Security;
using CrmCx.Model.Tables;
using CrmCx.Schema;
using Xunit;

namespace CrmCx.Model.Tests.Contract;

/// <summary>cx_npsday and the customers' cx_npsdaysthrough: additions to data-model.md, checked against the names the plugins use.</summary>
public sealed class NpsDayModelTests
{
    private static TableModel NpsDay => CrmCxModel.Table(NpsDaySchema.EntityName);

    [Fact]
    public void Npsday_table_is_in_the_model_under_the_plugins_logical_name_with_its_primary_key()
    {
        Assert.Contains(CrmCxModel.Tables, t => t.LogicalName == NpsDaySchema.EntityName);
        Assert.Equal(NpsDaySchema.Id, NpsDay.PrimaryIdColumn);
        Assert.Equal(NpsDaySchema.Name, NpsDay.PrimaryName.LogicalName);
        Assert.Equal(100, NpsDay.PrimaryName.MaxLength);
        Assert.Equal(ColumnKind.Text, NpsDay.PrimaryName.Kind);
    }

    [Fact]
    public void Npsday_table_has_every_column_the_plugins_name_and_no_other()
    {
        var expected = new[]
        {
            NpsDaySchema.Name, NpsDaySchema.Key, NpsDaySchema.Account, NpsDaySchema.Contact, NpsDaySchema.Day,
            NpsDaySchema.Promoters, NpsDaySchema.Passives, NpsDaySchema.Detractors, NpsDaySchema.LastResponseOn,
        };
        Assert.Equal(expected.OrderBy(n => n, StringComparer.Ordinal), NpsDay.Columns.Select(c => c.LogicalName).OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void Npsday_table_has_one_alternate_key_on_cx_key()
    {
        var key = Assert.Single(NpsDay.Keys);
        Assert.Equal(NpsDaySchema.KeyName, key.LogicalName);
        Assert.Equal(new[] { NpsDaySchema.Key }, key.Columns);
        var column = NpsDay[NpsDaySchema.Key];
        Assert.Equal((ColumnKind.Text, (int?)100), (column.Kind, column.MaxLength));
    }

    [Theory]
    [InlineData(NpsDaySchema.Account, "account", "cx_account_cx_npsday")]
    [InlineData(NpsDaySchema.Contact, "contact", "cx_contact_cx_npsday")]
    public void Npsday_customer_lookups_point_to_their_table_and_are_deleted_with_the_customer(string column, string target, string relationship)
    {
        var lookup = NpsDay[column];
        Assert.Equal((ColumnKind.Lookup, target), (lookup.Kind, lookup.Target));
        var r = Assert.Single(CrmCxModel.Relationships, x => x.ReferencingEntity == NpsDaySchema.EntityName && x.ReferencingAttribute == column);
        Assert.Equal((relationship, target), (r.SchemaName, r.ReferencedEntity));
        Assert.Equal(CascadeDelete.Cascade, r.CascadeDelete);
        // Only the delete cascades: assigning or sharing a customer leaves the system's rows alone.
        Assert.False(r.IsParental);
    }

    [Fact]
    public void Npsday_day_is_a_whole_number_yyyyMMdd_and_the_counts_are_whole_numbers_from_zero()
    {
        var day = NpsDay[NpsDaySchema.Day];
        Assert.Equal((ColumnKind.WholeNumber, (decimal?)19000101m, (decimal?)99991231m), (day.Kind, day.MinValue, day.MaxValue));
        Assert.Equal("UTC day (yyyyMMdd)", day.DisplayName.English);
        foreach (var name in new[] { NpsDaySchema.Promoters, NpsDaySchema.Passives, NpsDaySchema.Detractors })
        {
            var count = NpsDay[name];
            Assert.Equal((ColumnKind.WholeNumber, (decimal?)0m), (count.Kind, count.MinValue));
        }
        Assert.Equal(ColumnKind.DateTime, NpsDay[NpsDaySchema.LastResponseOn].Kind);
    }

    [Fact]
    public void Npsday_table_and_every_column_are_labelled_in_English_and_French_and_computed()
    {
        Assert.Equal(("NPS day", "Jour NPS"), (NpsDay.DisplayName.English, NpsDay.DisplayName.French));
        Assert.Equal(("NPS days", "Jours NPS"), (NpsDay.PluralName.English, NpsDay.PluralName.French));
        Assert.False(string.IsNullOrWhiteSpace(NpsDay.Description.French));
        Assert.All(NpsDay.Columns, c =>
        {
            Assert.False(string.IsNullOrWhiteSpace(c.Description.English), c.LogicalName);
            Assert.False(string.IsNullOrWhiteSpace(c.Description.French), c.LogicalName);
            Assert.True(c.IsComputed, c.LogicalName);
        });
    }

    [Theory]
    [InlineData("account")]
    [InlineData("contact")]
    public void The_customer_has_a_computed_whole_number_cx_npsdaysthrough(string table)
    {
        var column = Assert.Single(CrmCxModel.Extensions.Single(e => e.LogicalName == table).Columns, c => c.LogicalName == CustomerSchema.NpsDaysThrough);
        Assert.Equal((ColumnKind.WholeNumber, (decimal?)19000101m, (decimal?)99991231m), (column.Kind, column.MinValue, column.MaxValue));
        Assert.True(column.IsComputed);
        Assert.Equal(RequiredLevel.None, column.RequiredLevel);
        Assert.Equal(("NPS days summarized through", "Jours NPS résumés jusqu'au"), (column.DisplayName.English, column.DisplayName.French));
    }

    [Fact]
    public void The_cx_roles_read_NPS_days_in_the_whole_organization_and_the_survey_integration_has_no_access()
    {
        PrivilegeDepth? Depth(RoleModel role, string right) => role.Privileges.SingleOrDefault(p => p.Name == "prv" + right + NpsDaySchema.EntityName)?.Depth;
        foreach (var right in new[] { "Create", "Read", "Write", "Delete", "Append", "AppendTo", "Assign", "Share" })
            Assert.Equal(PrivilegeDepth.Global, Depth(CrmCxRoles.Manager, right));
        Assert.Equal(PrivilegeDepth.Global, Depth(CrmCxRoles.Agent, "Read"));
        Assert.Single(CrmCxRoles.Agent.Privileges, p => p.Name.EndsWith(NpsDaySchema.EntityName, StringComparison.Ordinal));
        Assert.DoesNotContain(CrmCxRoles.SurveyIntegration.Privileges, p => p.Name.EndsWith(NpsDaySchema.EntityName, StringComparison.Ordinal));
    }
}
