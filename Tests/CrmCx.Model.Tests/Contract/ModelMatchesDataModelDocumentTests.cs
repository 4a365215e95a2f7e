using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using CrmCx.Model.Columns;
using CrmCx.Model.Tables;
using Xunit;

namespace CrmCx.Model.Tests.Contract;

/// <summary>The model must say exactly what data-model.md says: these tests read the document, not a copy of it.</summary>
public sealed class ModelMatchesDataModelDocumentTests
{
    private static readonly DataModelDocument Doc = DataModelDocument.Load();

    public static IEnumerable<object[]> ContractColumns() =>
        Doc.Columns.Select(c => new object[] { c.Table, c.Name });

    [Fact]
    public void The_document_is_read_with_every_section()
    {
        Assert.Equal(5, Doc.Choices.Count);
        Assert.Equal(2, Doc.Keys.Count);
        Assert.Contains(Doc.Columns, c => c.Table == "cx_surveyresponse");
        Assert.Contains(Doc.Columns, c => c.Table == "cx_customerjourney");
        Assert.Contains(Doc.Columns, c => c.Table == "cx_journeystagescore");
        Assert.Contains(Doc.Columns, c => c.Table == "contact" && c.Name == "cx_atriskjourneys");
        Assert.Contains(Doc.Columns, c => c.Table == "task" && c.Name == "cx_journeystage");
        Assert.Equal(3, Doc.Roles.Count);
    }

    [Fact]
    public void Every_choice_value_of_the_document_is_in_the_model_with_its_English_label()
    {
        foreach (var (name, options) in Doc.Choices)
        {
            var choice = CrmCxModel.Choices.SingleOrDefault(c => c.Name == name);
            Assert.True(choice is not null, $"choice {name} is missing from the model");
            foreach (var (value, label) in options)
                Assert.Equal(label, choice!.Options.SingleOrDefault(o => o.Value == value)?.Label.English);
        }
    }

    [Fact]
    public void The_model_has_no_choice_value_the_document_does_not_list()
    {
        foreach (var choice in CrmCxModel.Choices)
            Assert.Equal(Doc.Choices[choice.Name].Select(o => o.Value).OrderBy(v => v), choice.Values.OrderBy(v => v));
    }

    [Fact]
    public void Journey_stage_values_follow_the_type_digit_and_stage_order_formula()
    {
        var types = CrmCxModel.Choices.Single(c => c.Name == "cx_journeytype").Values;
        foreach (var stage in CrmCxModel.Choices.Single(c => c.Name == "cx_journeystage").Values)
        {
            var typeDigit = (stage - 964000000) / 100;
            Assert.Contains(964000000 + typeDigit, types);
            Assert.InRange((stage - 964000000) % 100, 1, 99);
        }
    }

    [Theory]
    [MemberData(nameof(ContractColumns))]
    public void Every_column_of_the_document_is_in_the_model_with_its_type_and_limits(string table, string name)
    {
        var expected = Doc.Columns.First(c => c.Table == table && c.Name == name);
        var actual = ColumnOf(table, name);
        Assert.True(actual is not null, $"{table}.{name} is missing from the model");
        Assert.Equal(expected.Kind, actual!.Kind.ToString());
        if (expected.MaxLength is not null) Assert.Equal(expected.MaxLength, actual.MaxLength);
        if (expected.Min is not null) Assert.Equal(expected.Min, actual.MinValue);
        if (expected.Max is not null) Assert.Equal(expected.Max, actual.MaxValue);
        if (expected.Precision is not null) Assert.Equal(expected.Precision, actual.Precision);
        if (expected.Target is not null) Assert.Equal(expected.Target, actual.Target);
        if (expected.Choice is not null) Assert.Equal(expected.Choice, actual.Choice?.Name);
        if (expected.Required) Assert.Equal(RequiredLevel.ApplicationRequired, actual.RequiredLevel);
        Assert.Equal(expected.PrimaryName, actual.IsPrimaryName);
    }

    [Fact]
    public void Lookups_named_after_a_table_point_to_that_table()
    {
        foreach (var c in AllColumns().Where(c => c.Column.Kind == ColumnKind.Lookup))
        {
            var named = c.Column.LogicalName[3..^2];
            Assert.Contains(c.Column.Target, new[] { named, "cx_" + named });
        }
    }

    [Fact]
    public void Every_alternate_key_of_the_document_is_in_the_model_on_the_same_columns()
    {
        Assert.NotEmpty(Doc.Keys);
        foreach (var key in Doc.Keys)
        {
            var modelKey = CrmCxModel.Table(key.Table).Keys.SingleOrDefault(k => k.LogicalName == key.Name);
            Assert.True(modelKey is not null, $"key {key.Name} is missing");
            Assert.Equal(key.Columns, modelKey!.Columns);
        }
    }

    [Fact]
    public void Every_role_of_the_document_is_in_the_model()
    {
        Assert.Equal(Doc.Roles.OrderBy(r => r), CrmCxModel.Roles.Select(r => r.Name).OrderBy(r => r));
    }

    [Fact]
    public void The_publisher_and_solution_names_are_those_of_the_document()
    {
        // The document wraps lines anywhere, so whitespace is matched loosely.
        var text = Regex.Replace(Doc.Text, @"\s+", " ");
        Assert.Contains($"customization prefix `{CrmCxModel.CustomizationPrefix}`", text, StringComparison.Ordinal);
        Assert.Contains($"option value prefix `{CrmCxModel.OptionValuePrefix}`", text, StringComparison.Ordinal);
        Assert.Contains($"Publisher: unique name `{CrmCxModel.PublisherUniqueName}`", text, StringComparison.Ordinal);
        Assert.Contains($"Solution unique name `{CrmCxModel.SolutionUniqueName}`", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_model_column_on_a_cx_or_extended_table_is_in_the_document_or_a_listed_addition()
    {
        var documented = Doc.Columns.Select(c => (c.Table, c.Name)).ToHashSet();
        foreach (var (table, column) in AllColumns().Where(c => !IsAddition(c.Table, c.Column.LogicalName)))
            Assert.True(documented.Contains((table, column.LogicalName)), $"{table}.{column.LogicalName} is in the model but not in data-model.md");
    }

    [Fact]
    public void The_additions_beyond_the_document_are_in_the_model_and_not_in_the_document()
    {
        // data-model.md allows additions; these are the plugins' (NpsDaySchema, CustomerSchema.NpsDaysThrough, CustomerSchema.NpsCorrelationId).
        Assert.Equal(AdditionalTables, CrmCxModel.Tables.Select(t => t.LogicalName).Where(t => !Doc.Columns.Any(c => c.Table == t)));
        foreach (var (table, column) in AdditionalColumns)
        {
            Assert.NotNull(ColumnOf(table, column));
            Assert.DoesNotContain(Doc.Columns, c => c.Table == table && c.Name == column);
        }
    }

    private static readonly string[] AdditionalTables = { "cx_npsday", "cx_driverday" };
    private static readonly (string Table, string Column)[] AdditionalColumns = { ("account", "cx_npsdaysthrough"), ("contact", "cx_npsdaysthrough"), ("account", "cx_npsdaybase"), ("contact", "cx_npsdaybase"), ("account", "cx_npsdaybaseend"), ("contact", "cx_npsdaybaseend"), ("account", "cx_npscorrelationid"), ("contact", "cx_npscorrelationid"),
        ("account", "cx_recalculateon"), ("contact", "cx_recalculateon"), ("cx_customerjourney", "cx_recalculateon"),
        ("account", "cx_openjourneys"), ("contact", "cx_openjourneys"), ("account", "cx_journeyrisklevel"), ("contact", "cx_journeyrisklevel"),
        // In data-model.md's "Added in the second round" table, which DataModelDocument does not parse yet.
        ("cx_surveyresponse", "cx_validationerror"),
        ("cx_customerjourney", "cx_riskreasonsjson"), ("account", "cx_riskreasonsjson"), ("contact", "cx_riskreasonsjson"),
        ("account", "cx_riskreasons"), ("contact", "cx_riskreasons") };

    private static bool IsAddition(string table, string column) =>
        AdditionalTables.Contains(table) || AdditionalColumns.Contains((table, column));

    private static IEnumerable<(string Table, ColumnModel Column)> AllColumns() =>
        CrmCxModel.Tables.SelectMany(t => t.Columns.Select(c => (t.LogicalName, c)))
            .Concat(CrmCxModel.Extensions.SelectMany(e => e.Columns.Select(c => (e.LogicalName, c))));

    private static ColumnModel? ColumnOf(string table, string name)
    {
        var own = CrmCxModel.Tables.SingleOrDefault(t => t.LogicalName == table);
        if (own is not null) return own.Columns.SingleOrDefault(c => c.LogicalName == name);
        return CrmCxModel.Extensions.SingleOrDefault(e => e.LogicalName == table)?.Columns.SingleOrDefault(c => c.LogicalName == name);
    }
}
