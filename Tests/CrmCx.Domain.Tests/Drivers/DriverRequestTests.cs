using System;
using CrmCx.Domain.Drivers;
using Xunit;

namespace CrmCx.Domain.Tests.Drivers;

public class DriverRequestTests
{
    private static readonly DateTime Now = new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Since_defaults_to_the_start_of_the_configured_window()
    {
        var request = DriverRequest.Parse("stage", null, null, null, null, Now, 365);

        Assert.Equal(Now.AddDays(-365), request.Since);
        Assert.Equal(DriverDimension.Stage, request.Dimension);
    }

    [Theory]
    [InlineData("Owner", DriverDimension.Owner)]
    [InlineData(" businessunit ", DriverDimension.BusinessUnit)]
    [InlineData("contacts", DriverDimension.Contacts)]
    [InlineData("effort", DriverDimension.Effort)]
    public void Dimension_names_are_read_without_regard_to_case_or_spaces(string name, DriverDimension dimension) =>
        Assert.Equal(dimension, DriverRequest.Parse(name, null, null, null, null, Now, 365).Dimension);

    [Theory]
    [InlineData("team", null, null, null, "Dimension must be one of stage, channel, owner, businessunit, contacts, effort; got \"team\".")]
    [InlineData(null, null, null, null, "Dimension must be one of stage, channel, owner, businessunit, contacts, effort; got nothing.")]
    [InlineData("stage", 964000005, null, null, "JourneyType must be a cx_journeytype value")]
    [InlineData("stage", null, "contact", null, "Account must reference an account; got a contact.")]
    [InlineData("stage", null, null, 1, "Since must not be in the future; got 2026-11-21T09:00:00Z.")]
    [InlineData("stage", null, null, -4000, "Since must be within the last ten years")]
    public void Bad_parameters_are_refused_naming_the_parameter(string? dimension, int? journeyType, string? accountTable, int? sinceDays, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => DriverRequest.Parse(dimension, journeyType, accountTable, accountTable == null ? null : Guid.NewGuid(),
            sinceDays.HasValue ? Now.AddDays(sinceDays.Value) : null, Now, 365));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Summaries_cover_the_whole_days_after_since_up_to_yesterday()
    {
        var request = DriverRequest.Parse("stage", null, null, null, new DateTime(2026, 11, 1, 6, 0, 0, DateTimeKind.Utc), Now, 365);

        request.SummaryDays(Now, out var first, out var last);

        Assert.Equal(20261102, first!.Value.Number);
        Assert.Equal(20261119, last!.Value.Number);
    }

    [Fact]
    public void Since_today_reads_no_summaries()
    {
        var request = DriverRequest.Parse("stage", null, null, null, Now.AddHours(-2), Now, 365);

        request.SummaryDays(Now, out var first, out var last);

        Assert.Null(first);
        Assert.Null(last);
    }
}
