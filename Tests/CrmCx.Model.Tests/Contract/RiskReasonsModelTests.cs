using System.Linq;
using CrmCx.Model.Columns;
using CrmCx.Schema;
using Xunit;

namespace CrmCx.Model.Tests.Contract;

/// <summary>cx_riskreasonsjson on journeys and customers and cx_riskreasons on customers (data-model.md, second round; docs/risk-reasons.md).</summary>
public sealed class RiskReasonsModelTests
{
    private static ColumnModel Column(string table, string name) => table == JourneySchema.EntityName
        ? Assert.Single(CrmCxModel.Table(table).Columns, c => c.LogicalName == name)
        : Assert.Single(CrmCxModel.Extensions.Single(e => e.LogicalName == table).Columns, c => c.LogicalName == name);

    [Theory]
    [InlineData(JourneySchema.EntityName, JourneySchema.RiskReasonsJson)]
    [InlineData(CustomerSchema.Account, CustomerSchema.RiskReasonsJson)]
    [InlineData(CustomerSchema.Contact, CustomerSchema.RiskReasonsJson)]
    [InlineData(CustomerSchema.Account, CustomerSchema.RiskReasons)]
    [InlineData(CustomerSchema.Contact, CustomerSchema.RiskReasons)]
    public void The_risk_reason_columns_are_computed_multiple_lines_of_text_labelled_in_English_and_French(string table, string name)
    {
        var column = Column(table, name);
        Assert.Equal(ColumnKind.Memo, column.Kind);
        Assert.True(column.IsComputed);
        Assert.False(string.IsNullOrWhiteSpace(column.DisplayName.English));
        Assert.False(string.IsNullOrWhiteSpace(column.DisplayName.French));
        Assert.NotEqual(column.DisplayName.English, column.DisplayName.French);
    }

    [Fact]
    public void The_reasons_as_data_hold_more_than_the_plain_text_lines()
    {
        // JSON carries keys and values besides each sentence's figures: it gets more room than the 4,000 characters of text.
        Assert.True(Column(JourneySchema.EntityName, JourneySchema.RiskReasonsJson).MaxLength > Column(JourneySchema.EntityName, JourneySchema.RiskReasons).MaxLength);
    }
}
