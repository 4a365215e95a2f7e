using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Domain.Drivers;
using Xunit;

namespace CrmCx.Domain.Tests.Drivers;

public class DriverAttributionTests
{
    private const int Installation = 964000103;
    private const int Activation = 964000104;
    private static readonly DateTime At = new DateTime(2026, 11, 10, 12, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Journey = Guid.Parse("10000000-0000-0000-0000-000000000001");
    private static readonly Guid Ann = Guid.Parse("a0000000-0000-0000-0000-000000000001");
    private static readonly Guid Bob = Guid.Parse("b0000000-0000-0000-0000-000000000001");

    private static DriverTouchpoint Touch(int id, int? stage, DateTime? actualEnd, DateTime createdOn, Guid owner, Guid? journey = null) =>
        new DriverTouchpoint(new Guid(id, 0, 0, new byte[8]), journey ?? Journey, stage, actualEnd, createdOn, owner);

    [Fact]
    public void A_response_belongs_to_the_owner_of_the_latest_touchpoint_of_its_stage_before_it()
    {
        var touchpoints = new[]
        {
            Touch(1, Installation, null, At.AddDays(-5), Ann),
            Touch(2, Installation, null, At.AddDays(-1), Bob),
        };

        Assert.Equal(Bob, DriverAttribution.Of(Journey, Installation, At, touchpoints).Owner);
    }

    [Fact]
    public void A_touchpoint_after_the_response_does_not_take_it()
    {
        var touchpoints = new[]
        {
            Touch(1, Installation, null, At.AddDays(-5), Ann),
            Touch(2, Installation, null, At.AddMinutes(1), Bob),
        };

        Assert.Equal(Ann, DriverAttribution.Of(Journey, Installation, At, touchpoints).Owner);
    }

    [Fact]
    public void A_touchpoints_time_is_its_actual_end_before_its_creation()
    {
        // Bob's visit was created last but ended before Ann's call; Ann's call was created first and ended last.
        var touchpoints = new[]
        {
            Touch(1, Installation, At.AddHours(-1), At.AddDays(-3), Ann),
            Touch(2, Installation, At.AddHours(-2), At.AddDays(-1), Bob),
        };

        Assert.Equal(Ann, DriverAttribution.Of(Journey, Installation, At, touchpoints).Owner);
    }

    [Fact]
    public void A_touchpoint_created_before_but_ended_after_the_response_does_not_take_it()
    {
        var touchpoints = new[]
        {
            Touch(1, Installation, null, At.AddDays(-3), Ann),
            Touch(2, Installation, At.AddHours(2), At.AddDays(-1), Bob),
        };

        Assert.Equal(Ann, DriverAttribution.Of(Journey, Installation, At, touchpoints).Owner);
    }

    [Fact]
    public void Touchpoints_of_another_stage_or_journey_are_not_the_owner_but_count_as_contacts_of_the_journey()
    {
        var touchpoints = new[]
        {
            Touch(1, Activation, null, At.AddDays(-1), Ann),
            Touch(2, Installation, null, At.AddDays(-1), Bob, journey: Guid.NewGuid()),
            Touch(3, null, null, At.AddDays(-2), Bob),
        };

        var attribution = DriverAttribution.Of(Journey, Installation, At, touchpoints);

        Assert.Null(attribution.Owner);
        Assert.Equal(2, attribution.Contacts);
    }

    [Fact]
    public void Touchpoints_at_the_same_instant_go_to_the_greater_row_id_whatever_their_order()
    {
        var first = Touch(1, Installation, null, At, Ann);
        var second = Touch(2, Installation, null, At, Bob);

        Assert.Equal(Bob, DriverAttribution.Of(Journey, Installation, At, new[] { first, second }).Owner);
        Assert.Equal(Bob, DriverAttribution.Of(Journey, Installation, At, new[] { second, first }).Owner);
    }

    [Theory]
    [InlineData(0, "0")]
    [InlineData(1, "1")]
    [InlineData(2, "2-3")]
    [InlineData(3, "2-3")]
    [InlineData(4, "4+")]
    [InlineData(12, "4+")]
    public void Contacts_fall_in_the_bands_of_the_issue(int contacts, string band) =>
        Assert.Equal(band, DriverAttribution.ContactsBand(contacts));

    [Theory]
    [InlineData(1, "low")]
    [InlineData(3, "low")]
    [InlineData(4, null)]
    [InlineData(5, "high")]
    [InlineData(7, "high")]
    public void Effort_1_to_3_is_low_5_to_7_is_high_and_4_is_left_out(int effort, string? band) =>
        Assert.Equal(band, DriverAttribution.EffortBand(effort));

    [Fact]
    public void A_response_counts_for_its_stage_channel_owner_business_unit_contacts_and_effort_in_the_organization_and_its_account()
    {
        var account = Guid.NewGuid();
        var unit = Guid.NewGuid();
        var response = new DriverResponse(account, Journey, 964000001, Installation, 964000004, 3, 40m, 2, At);

        var tallies = DriverSummarizer.Summarize(new[] { response }, new[] { Touch(1, Installation, null, At.AddDays(-1), Ann) }, new Dictionary<Guid, Guid> { [Ann] = unit });

        var organization = tallies.Where(t => t.Key.Account == null).ToDictionary(t => t.Key.Dimension, t => t.Key.Value);
        Assert.Equal("964000103", organization[DriverDimension.Stage]);
        Assert.Equal("964000004", organization[DriverDimension.Channel]);
        Assert.Equal(Ann.ToString("D"), organization[DriverDimension.Owner]);
        Assert.Equal(unit.ToString("D"), organization[DriverDimension.BusinessUnit]);
        Assert.Equal("1", organization[DriverDimension.Contacts]);
        Assert.Equal("low", organization[DriverDimension.Effort]);
        Assert.Equal(6, tallies.Count(t => t.Key.Account == account));
        Assert.All(tallies, t => Assert.Equal(1, t.Value.Detractors));
        Assert.All(tallies, t => Assert.Equal(964000001, t.Key.JourneyType));
    }
}
