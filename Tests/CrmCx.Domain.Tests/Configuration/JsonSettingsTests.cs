using System.Collections.Generic;
using CrmCx.Domain.Configuration;
using Xunit;

namespace CrmCx.Domain.Tests.Configuration;

public class JsonSettingsTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("{}")]
    public void An_empty_configuration_gives_every_default(string? json)
    {
        var c = JsonSettings.Parse(json);
        Assert.Equal(365, c.GetInt("windowDays", 365, 1, 3650));
        Assert.True(c.GetBool("followUpEnabled", true));
        Assert.Equal(20m, c.GetDecimal("margin", 20m, 0m, 200m));
        Assert.Empty(c.Keys);
    }

    [Fact]
    public void Values_are_read_with_their_types()
    {
        var c = JsonSettings.Parse(" { \"windowDays\" : 90, \"followUpEnabled\": false, \"margin\": 12.5, \"mode\": \"strict\" } ");
        Assert.Equal(90, c.GetInt("windowDays", 365, 1, 3650));
        Assert.False(c.GetBool("followUpEnabled", true));
        Assert.Equal(12.5m, c.GetDecimal("margin", 20m, 0m, 200m));
        Assert.Equal("strict", c.GetString("mode", "loose", "strict", "loose"));
        Assert.Equal(new[] { "windowDays", "followUpEnabled", "margin", "mode" }, c.Keys);
    }

    [Fact]
    public void A_whole_number_written_with_a_zero_fraction_is_accepted()
    {
        Assert.Equal(30, JsonSettings.Parse("{\"d\": 30.0}").GetInt("d", 1, 1, 100));
    }

    [Fact]
    public void An_unknown_key_is_refused_with_its_name_and_the_known_keys()
    {
        var c = JsonSettings.Parse("{\"windowDays\": 90, \"windowdays2\": 1}");
        var ex = Assert.Throws<ConfigurationException>(() => c.EnsureOnlyKnownKeys("windowDays", "followUpEnabled"));
        Assert.Equal("Unknown key \"windowdays2\" in the CrmCx settings; known keys: windowDays, followUpEnabled.", ex.Message);
    }

    [Fact]
    public void A_key_in_the_wrong_case_is_refused_with_a_hint()
    {
        var c = JsonSettings.Parse("{\"WindowDays\": 90}");
        var ex = Assert.Throws<ConfigurationException>(() => c.EnsureOnlyKnownKeys("windowDays"));
        Assert.Contains("\"WindowDays\"", ex.Message);
        Assert.Contains("did you mean \"windowDays\"", ex.Message);
    }

    [Theory]
    [InlineData("{\"windowDays\": 0}", "Setting \"windowDays\" must be a whole number from 1 to 3650; got 0.")]
    [InlineData("{\"windowDays\": 3651}", "Setting \"windowDays\" must be a whole number from 1 to 3650; got 3651.")]
    [InlineData("{\"windowDays\": 36.5}", "Setting \"windowDays\" must be a whole number from 1 to 3650; got 36.5.")]
    [InlineData("{\"windowDays\": \"365\"}", "Setting \"windowDays\" must be a whole number from 1 to 3650; got \"365\".")]
    [InlineData("{\"windowDays\": null}", "Setting \"windowDays\" must be a whole number from 1 to 3650; got null.")]
    [InlineData("{\"windowDays\": 1e400}", "Setting \"windowDays\" must be a whole number from 1 to 3650; got 1e400.")]
    public void A_bad_whole_number_is_refused_naming_key_rule_and_value(string json, string message)
    {
        var ex = Assert.Throws<ConfigurationException>(() => JsonSettings.Parse(json).GetInt("windowDays", 365, 1, 3650));
        Assert.Equal(message, ex.Message);
    }

    [Theory]
    [InlineData("{\"on\": \"true\"}", "got \"true\"")]
    [InlineData("{\"on\": 1}", "got 1")]
    [InlineData("{\"on\": [true]}", "got an array")]
    public void A_bad_boolean_is_refused(string json, string got)
    {
        var ex = Assert.Throws<ConfigurationException>(() => JsonSettings.Parse(json).GetBool("on", true));
        Assert.Equal("Setting \"on\" must be true or false; " + got + ".", ex.Message);
    }

    [Fact]
    public void A_decimal_outside_its_range_is_refused()
    {
        var ex = Assert.Throws<ConfigurationException>(() => JsonSettings.Parse("{\"m\": -0.5}").GetDecimal("m", 20m, 0m, 200m));
        Assert.Equal("Setting \"m\" must be a number from 0 to 200; got -0.5.", ex.Message);
    }

    [Fact]
    public void A_string_outside_the_allowed_values_is_refused()
    {
        var ex = Assert.Throws<ConfigurationException>(() => JsonSettings.Parse("{\"mode\": \"Strict\"}").GetString("mode", "loose", "strict", "loose"));
        Assert.Equal("Setting \"mode\" must be one of \"strict\", \"loose\"; got \"Strict\".", ex.Message);
    }

    [Fact]
    public void An_int_map_overrides_only_the_keys_it_names()
    {
        var defaults = new Dictionary<string, int> { ["Onboarding"] = 6, ["Renewal"] = 3 };
        var map = JsonSettings.Parse("{\"expected\": {\"Renewal\": 4}}").GetIntMap("expected", defaults, 1, 100);
        Assert.Equal(6, map["Onboarding"]);
        Assert.Equal(4, map["Renewal"]);
        Assert.Equal(3, defaults["Renewal"]);
    }

    [Fact]
    public void An_int_map_refuses_an_unknown_key_and_a_bad_value_naming_them()
    {
        var defaults = new Dictionary<string, int> { ["Onboarding"] = 6 };
        var unknown = Assert.Throws<ConfigurationException>(() => JsonSettings.Parse("{\"expected\": {\"Onbording\": 4}}").GetIntMap("expected", defaults, 1, 100));
        Assert.Equal("Unknown key \"Onbording\" in \"expected\" of the CrmCx settings; known keys: Onboarding.", unknown.Message);
        var bad = Assert.Throws<ConfigurationException>(() => JsonSettings.Parse("{\"expected\": {\"Onboarding\": 0}}").GetIntMap("expected", defaults, 1, 100));
        Assert.Equal("Setting \"expected.Onboarding\" must be a whole number from 1 to 100; got 0.", bad.Message);
        var notObject = Assert.Throws<ConfigurationException>(() => JsonSettings.Parse("{\"expected\": 5}").GetIntMap("expected", defaults, 1, 100));
        Assert.StartsWith("Setting \"expected\" must be an object of whole numbers", notObject.Message);
    }

    [Theory]
    [InlineData("[1, 2]", "The CrmCx settings must be a JSON object such as {\"windowDays\": 365}; got an array.")]
    [InlineData("365", "The CrmCx settings must be a JSON object such as {\"windowDays\": 365}; got 365.")]
    [InlineData("{\"a\": 1,}", "The CrmCx settings are not valid JSON: expected a property name in double quotes at character 9.")]
    [InlineData("{\"a\": 1} x", "The CrmCx settings are not valid JSON: unexpected text after the JSON value at character 10.")]
    [InlineData("{'a': 1}", "The CrmCx settings are not valid JSON: expected a property name in double quotes at character 2.")]
    [InlineData("{\"a\": 1, \"a\": 2}", "The CrmCx settings are not valid JSON: duplicate key \"a\" at character 10.")]
    [InlineData("{\"a\": 01}", "The CrmCx settings are not valid JSON: expected ',' or '}' at character 8.")]
    [InlineData("{\"a\": tru}", "The CrmCx settings are not valid JSON: unexpected character 't' at character 7.")]
    [InlineData("{\"a\": \"x}", "The CrmCx settings are not valid JSON: unterminated string at character 10.")]
    public void Text_that_is_not_one_json_object_is_refused_with_the_position(string json, string message)
    {
        var ex = Assert.Throws<ConfigurationException>(() => JsonSettings.Parse(json));
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Strings_with_escapes_are_read_exactly()
    {
        var c = JsonSettings.Parse("{\"s\": \"a\\\"b\\\\c\\n\\u00e9\\/\"}");
        Assert.Equal("a\"b\\c\né/", c.GetString("s", ""));
    }

    [Fact]
    public void Quoting_escapes_what_json_requires()
    {
        Assert.Equal("\"a\\\"b\\\\c\\n\\u0001\"", JsonText.Quote("a\"b\\c\n\u0001"));
    }

    [Fact]
    public void Very_deep_nesting_is_refused_rather_than_exhausting_the_stack()
    {
        var json = "{\"a\":" + new string('[', 100) + new string(']', 100) + "}";
        var ex = Assert.Throws<ConfigurationException>(() => JsonSettings.Parse(json));
        Assert.Contains("nesting deeper than 32 levels", ex.Message);
    }
}
