using CrmCx.Domain.Configuration;
using CrmCx.Domain.Nps;
using Xunit;

namespace CrmCx.Domain.Tests.Nps;

public class NpsOptionsTests
{
    [Fact]
    public void Without_configuration_the_defaults_of_the_scoring_rules_apply()
    {
        var o = NpsOptions.Parse(null);
        Assert.Equal(365, o.WindowDays);
        Assert.True(o.FollowUpEnabled);
        Assert.Equal(2, o.FollowUpDueDays);
    }

    [Fact]
    public void Every_option_can_be_set()
    {
        var o = NpsOptions.Parse("{\"windowDays\": 90, \"followUpEnabled\": false, \"followUpDueDays\": 5}");
        Assert.Equal(90, o.WindowDays);
        Assert.False(o.FollowUpEnabled);
        Assert.Equal(5, o.FollowUpDueDays);
    }

    [Theory]
    [InlineData("{\"window\": 90}", "Unknown key \"window\"")]
    [InlineData("{\"windowDays\": 0}", "\"windowDays\" must be a whole number from 1 to 3650; got 0")]
    [InlineData("{\"followUpEnabled\": \"yes\"}", "\"followUpEnabled\" must be true or false; got \"yes\"")]
    [InlineData("{\"followUpDueDays\": -1}", "\"followUpDueDays\" must be a whole number from 0 to 365; got -1")]
    // The panel's low-confidence thresholds are fixed, not options: a configuration that tries to set them is refused.
    [InlineData("{\"lowConfidenceMinResponses\": 30}", "Unknown key \"lowConfidenceMinResponses\"")]
    [InlineData("{\"lowConfidenceMaxMargin\": 12.5}", "Unknown key \"lowConfidenceMaxMargin\"")]
    public void An_unknown_key_or_bad_value_is_named(string json, string expected)
    {
        var ex = Assert.Throws<ConfigurationException>(() => NpsOptions.Parse(json));
        Assert.Contains(expected, ex.Message);
    }
}
