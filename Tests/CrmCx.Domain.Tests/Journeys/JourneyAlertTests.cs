using System;
using CrmCx.Domain.Choices;
using CrmCx.Domain.Journeys;
using Xunit;

namespace CrmCx.Domain.Tests.Journeys;

public class JourneyAlertTests
{
    [Theory]
    [InlineData(RiskLevel.Medium, RiskLevel.High, true, true)]
    [InlineData(RiskLevel.None, RiskLevel.High, true, true)]
    [InlineData(RiskLevel.High, RiskLevel.High, true, false)]
    [InlineData(RiskLevel.Low, RiskLevel.Medium, true, false)]
    [InlineData(RiskLevel.Low, RiskLevel.High, false, false)]
    public void Only_a_rise_to_High_of_an_open_journey_alerts(RiskLevel previous, RiskLevel current, bool open, bool alerts) =>
        Assert.Equal(alerts, JourneyAlert.ShouldAlert(previous, current, open));

    [Fact]
    public void A_rise_into_Medium_or_High_moves_the_flag_date()
    {
        Assert.True(JourneyAlert.RisesToFlag(RiskLevel.Low, RiskLevel.Medium));
        Assert.True(JourneyAlert.RisesToFlag(RiskLevel.Medium, RiskLevel.High));
        Assert.True(JourneyAlert.RisesToFlag(null, RiskLevel.High));
        Assert.False(JourneyAlert.RisesToFlag(RiskLevel.High, RiskLevel.Medium));
        Assert.False(JourneyAlert.RisesToFlag(RiskLevel.None, RiskLevel.Low));
    }

    [Fact]
    public void The_alert_names_customer_journey_and_reasons_and_links_to_the_journey()
    {
        var id = Guid.NewGuid();
        var owner = Guid.NewGuid();
        var alert = JourneyAlert.Compose(id, "Onboarding – Contoso", "Contoso \"Ltd\"", 70, new[] { "2 detractor responses", "Journey satisfaction 44/100" }, new Guid?[] { owner, owner, null });
        Assert.Equal(new[] { owner }, alert.Recipients);
        Assert.Contains("Contoso", alert.Title);
        Assert.Contains("2 detractor responses", alert.Body);
        Assert.Contains("Journey satisfaction 44/100", alert.Body);
        Assert.Contains("\"url\":\"?pagetype=entityrecord&etn=cx_customerjourney&id=" + id.ToString("D") + "\"", alert.Data);
        Assert.Contains("Contoso \\\"Ltd\\\"", alert.Data);
    }

    [Fact]
    public void Long_reasons_never_push_the_data_past_five_thousand_characters()
    {
        var reasons = new string('x', 3000);
        var alert = JourneyAlert.Compose(Guid.NewGuid(), "J", "C", 100, new[] { reasons, reasons }, new Guid?[] { Guid.NewGuid() });
        Assert.True(alert.Data.Length <= JourneyAlert.DataMaximumLength);
    }

    [Fact]
    public void The_title_names_the_customer_once()
    {
        Assert.Equal("High risk: Onboarding – Contoso", JourneyAlert.Compose(Guid.NewGuid(), "Onboarding – Contoso", "Contoso", 60, new string[0], new Guid?[0]).Title);
        Assert.Equal("High risk: Move (Contoso)", JourneyAlert.Compose(Guid.NewGuid(), "Move", "Contoso", 60, new string[0], new Guid?[0]).Title);
    }

    [Fact]
    public void Markdown_in_names_is_escaped_so_a_name_cannot_forge_a_link()
    {
        var alert = JourneyAlert.Compose(Guid.NewGuid(), "J", "[Click](http://evil)", 60, new[] { "r" }, new Guid?[0]);
        // JSON of the markdown escape \[ is \\[.
        Assert.Contains(@"\\[Click\\]\\(http://evil\\)", alert.Data);
    }
}
