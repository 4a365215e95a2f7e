using System.Linq;
using CrmCx.Domain.Choices;
using CrmCx.Domain.Configuration;
using Xunit;

namespace CrmCx.Domain.Tests.Configuration;

public class CrmCxSettingsTests
{
    [Fact]
    public void The_shipped_default_value_reads_as_every_default()
    {
        var settings = CrmCxSettings.Parse(CrmCxSettings.DefaultJson());

        Assert.Equal(365, settings.Nps.WindowDays);
        Assert.True(settings.Nps.FollowUpEnabled);
        Assert.Equal(2, settings.Nps.FollowUpDueDays);
        Assert.Equal(20, settings.JourneyRisk.TrendDropPoints);
        Assert.Equal(90, settings.JourneyRisk.ExpectedDaysFor(JourneyType.Onboarding));
        Assert.Equal(3, settings.JourneyRisk.ExpectedTouchpointsFor(JourneyType.TechnicalIssue));
    }

    [Fact]
    public void The_default_value_names_every_key_once()
    {
        var json = CrmCxSettings.DefaultJson();

        foreach (var key in CrmCxSettings.Keys) Assert.Contains("\"" + key + "\":", json, System.StringComparison.Ordinal);
        Assert.Equal(CrmCxSettings.Keys.Length, CrmCxSettings.Keys.Distinct().Count());
    }

    [Fact]
    public void Nps_and_risk_keys_mix_in_one_object_and_missing_keys_keep_their_defaults()
    {
        var settings = CrmCxSettings.Parse("{\"windowDays\": 90, \"expectedDays\": {\"renewal\": 60}}");

        Assert.Equal(90, settings.Nps.WindowDays);
        Assert.Equal(60, settings.JourneyRisk.ExpectedDaysFor(JourneyType.Renewal));
        Assert.Equal(90, settings.JourneyRisk.ExpectedDaysFor(JourneyType.Onboarding));
        Assert.Equal(2, settings.Nps.FollowUpDueDays);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void An_empty_value_means_every_default(string? json)
    {
        Assert.Equal(365, CrmCxSettings.Parse(json).Nps.WindowDays);
    }

    [Fact]
    public void An_unknown_key_is_refused_naming_the_variable_and_the_key()
    {
        var e = Assert.Throws<ConfigurationException>(() => CrmCxSettings.Parse("{\"windowdays\": 90}"));

        Assert.StartsWith("Environment variable cx_Settings: Unknown key \"windowdays\"", e.Message, System.StringComparison.Ordinal);
        Assert.Contains("did you mean \"windowDays\"", e.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_outside_its_rule_is_refused_naming_the_key()
    {
        var e = Assert.Throws<ConfigurationException>(() => CrmCxSettings.Parse("{\"followUpDueDays\": -1}"));

        Assert.Contains("cx_Settings", e.Message, System.StringComparison.Ordinal);
        Assert.Contains("followUpDueDays", e.Message, System.StringComparison.Ordinal);
    }
}
