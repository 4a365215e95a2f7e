using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace CrmCx.Domain.Configuration;

/// <summary>
/// The CrmCx settings (the JSON of the environment variable cx_Settings, see <see cref="CrmCxSettings"/>): one JSON object read strictly, so that a mistyped key or a value outside
/// its rule fails when the plugin is constructed (with a message naming it) instead of being silently ignored.
/// Typical use in an options class: <c>var c = JsonSettings.Parse(json); c.EnsureOnlyKnownKeys("a", "b");
/// var a = c.GetInt("a", 365, 1, 3650);</c>. An empty or missing configuration means "all defaults".
/// JSON null is not a way to ask for the default: leave the key out instead (null is refused, so typos in values show).
/// </summary>
public sealed class JsonSettings
{
    private readonly JsonObject values;

    private JsonSettings(JsonObject values)
    {
        this.values = values;
    }

    /// <summary>A configuration with no keys: every getter returns its default.</summary>
    public static JsonSettings Empty => new JsonSettings(new JsonObject());

    /// <summary>The keys present, in document order.</summary>
    public IReadOnlyList<string> Keys => values.Keys.ToList();

    /// <summary>Parses the settings: null, empty or whitespace means every default; anything else must be one JSON object.</summary>
    public static JsonSettings Parse(string? json)
    {
        if (json == null || json.Trim().Length == 0) return Empty;
        var parsed = JsonText.Parse(json);
        var obj = parsed as JsonObject;
        if (obj == null) throw new ConfigurationException("The CrmCx settings must be a JSON object such as {\"windowDays\": 365}; got " + JsonText.Describe(parsed) + ".");
        return new JsonSettings(obj);
    }

    /// <summary>Whether the key is present.</summary>
    public bool Has(string key) => values.ContainsKey(key);

    /// <summary>Fails, naming the first unknown key and listing the known ones, when a key is not in the list (JSON keys are case-sensitive).</summary>
    public void EnsureOnlyKnownKeys(params string[] knownKeys)
    {
        var known = new HashSet<string>(knownKeys ?? Array.Empty<string>(), StringComparer.Ordinal);
        foreach (var key in values.Keys)
        {
            if (known.Contains(key)) continue;
            var hint = knownKeys != null && knownKeys.Any(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase))
                ? " (keys are case-sensitive: did you mean " + JsonText.Quote(knownKeys.First(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase))) + "?)"
                : string.Empty;
            throw new ConfigurationException("Unknown key " + JsonText.Quote(key) + " in the CrmCx settings" + hint + "; known keys: " +
                (known.Count == 0 ? "none" : string.Join(", ", knownKeys!)) + ".");
        }
    }

    /// <summary>A whole number from min to max (inclusive), or the default when the key is absent.</summary>
    public int GetInt(string key, int defaultValue, int min, int max)
    {
        object? raw;
        if (!values.TryGetValue(key, out raw)) return defaultValue;
        return ToInt(key, raw, min, max, "a whole number from " + Format(min) + " to " + Format(max));
    }

    /// <summary>true or false, or the default when the key is absent.</summary>
    public bool GetBool(string key, bool defaultValue)
    {
        object? raw;
        if (!values.TryGetValue(key, out raw)) return defaultValue;
        if (raw is bool b) return b;
        throw Bad(key, "true or false", raw);
    }

    /// <summary>A number from min to max (inclusive), or the default when the key is absent.</summary>
    public decimal GetDecimal(string key, decimal defaultValue, decimal min, decimal max)
    {
        object? raw;
        if (!values.TryGetValue(key, out raw)) return defaultValue;
        var rule = "a number from " + Format(min) + " to " + Format(max);
        var n = raw as JsonNumber;
        var d = n?.AsDecimal();
        if (d == null || d.Value < min || d.Value > max) throw Bad(key, rule, raw);
        return d.Value;
    }

    /// <summary>A string (optionally one of the allowed values, compared exactly), or the default when the key is absent.</summary>
    public string GetString(string key, string defaultValue, params string[] allowedValues)
    {
        object? raw;
        if (!values.TryGetValue(key, out raw)) return defaultValue;
        var s = raw as string;
        var allowed = allowedValues != null && allowedValues.Length > 0;
        if (s == null || (allowed && !allowedValues!.Contains(s, StringComparer.Ordinal)))
            throw Bad(key, allowed ? "one of " + string.Join(", ", allowedValues!.Select(JsonText.Quote)) : "a string", raw);
        return s;
    }

    /// <summary>
    /// An object of whole numbers keyed by name, e.g. {"Onboarding": 6, "Renewal": 3}, merged over the defaults: keys left
    /// out keep their default. Every key must be one of <paramref name="allowedKeys"/> (the defaults' keys when null).
    /// </summary>
    public IReadOnlyDictionary<string, int> GetIntMap(string key, IReadOnlyDictionary<string, int> defaults, int min, int max, IEnumerable<string>? allowedKeys = null)
    {
        if (defaults == null) throw new ArgumentNullException(nameof(defaults));
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var pair in defaults) result[pair.Key] = pair.Value;
        object? raw;
        if (!values.TryGetValue(key, out raw)) return result;
        var obj = raw as JsonObject;
        var allowed = (allowedKeys ?? defaults.Keys).ToList();
        if (obj == null)
            throw Bad(key, "an object of whole numbers such as {" + string.Join(", ", allowed.Take(2).Select(k => JsonText.Quote(k) + ": " + Format(defaults.TryGetValue(k, out var v) ? v : min))) + "}", raw);
        foreach (var pair in obj)
        {
            if (!allowed.Contains(pair.Key, StringComparer.Ordinal))
                throw new ConfigurationException("Unknown key " + JsonText.Quote(pair.Key) + " in " + JsonText.Quote(key) + " of the CrmCx settings; known keys: " + string.Join(", ", allowed) + ".");
            result[pair.Key] = ToInt(key + "." + pair.Key, pair.Value, min, max, "a whole number from " + Format(min) + " to " + Format(max));
        }
        return result;
    }

    private static int ToInt(string key, object? raw, int min, int max, string rule)
    {
        var n = raw as JsonNumber;
        var d = n?.AsDecimal();
        // 3.0 is accepted as 3 (it is a whole number); 3.5 is not.
        if (d == null || decimal.Truncate(d.Value) != d.Value || d.Value < min || d.Value > max) throw Bad(key, rule, raw);
        return (int)d.Value;
    }

    private static ConfigurationException Bad(string key, string rule, object? raw) =>
        new ConfigurationException("Setting " + JsonText.Quote(key) + " must be " + rule + "; got " + JsonText.Describe(raw) + ".");

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Format(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
