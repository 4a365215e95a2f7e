using System;
using System.Collections.Generic;
using System.Globalization;

namespace CrmCx.Cli.Commands;

/// <summary>
/// Reads "--name value", "--name=value" and "--flag" options after the command word. Parsed by hand: the options are
/// few, and a hand parser keeps error messages exact and the tool free of a parsing dependency.
/// </summary>
internal sealed class OptionReader
{
    private readonly Dictionary<string, string?> values = new(StringComparer.Ordinal);
    private readonly string command;

    /// <summary>Parses the arguments; valued and flag options are the only names accepted.</summary>
    public OptionReader(string command, IReadOnlyList<string> args, IReadOnlyCollection<string> valued, IReadOnlyCollection<string> flags)
    {
        this.command = command;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
                throw new UsageException($"'{arg}' is not an option of crmcx {command}.");
            var name = arg[2..];
            string? inline = null;
            var eq = name.IndexOf('=', StringComparison.Ordinal);
            if (eq >= 0)
            {
                inline = name[(eq + 1)..];
                name = name[..eq];
            }
            if (values.ContainsKey(name)) throw new UsageException($"--{name} is given twice.");
            if (Contains(flags, name))
            {
                if (inline is not null) throw new UsageException($"--{name} takes no value.");
                values[name] = null;
            }
            else if (Contains(valued, name))
            {
                if (inline is null)
                {
                    if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                        throw new UsageException($"--{name} needs a value.");
                    inline = args[++i];
                }
                values[name] = inline;
            }
            else
            {
                throw new UsageException($"--{name} is not an option of crmcx {command}.");
            }
        }
    }

    /// <summary>Whether a flag was given.</summary>
    public bool Flag(string name) => values.ContainsKey(name);

    /// <summary>A whole-number option within [min, max], or the default when absent.</summary>
    public int Int(string name, int defaultValue, int min, int max)
    {
        if (!values.TryGetValue(name, out var text) || text is null) return defaultValue;
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            throw new UsageException($"--{name} must be a whole number; got '{text}'.");
        if (value < min || value > max)
            throw new UsageException($"--{name} must be from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}; got {value.ToString(CultureInfo.InvariantCulture)}.");
        return value;
    }

    /// <summary>Whether a valued option was given.</summary>
    public bool Has(string name) => values.ContainsKey(name);

    /// <summary>A text option, or the default when absent.</summary>
    public string? Text(string name, string? defaultValue = null) => values.TryGetValue(name, out var text) ? text : defaultValue;

    private static bool Contains(IReadOnlyCollection<string> names, string name)
    {
        foreach (var n in names) if (n == name) return true;
        return false;
    }

    /// <inheritdoc />
    public override string ToString() => command;
}
