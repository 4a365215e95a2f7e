using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace CrmCx.Cli.Commands;

/// <summary>Entry of crmcx: picks the command, turns bad input into usage and exit code 2.</summary>
public static class CliApplication
{
    /// <summary>Exit code of a successful run.</summary>
    public const int Ok = 0;
    /// <summary>Exit code of a run that completed with failures (e.g. the packer refused).</summary>
    public const int Failed = 1;
    /// <summary>Exit code of bad command-line input.</summary>
    public const int BadUsage = 2;
    /// <summary>Exit code when Ctrl+C stops a run before it finishes (128 + SIGINT, as shells report it).</summary>
    public const int Cancelled = 130;

    /// <summary>Runs one command; output goes to <paramref name="stdout"/>, progress and errors to <paramref name="stderr"/>.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0)
        {
            await stderr.WriteLineAsync("crmcx: a command is required.").ConfigureAwait(false);
            await stderr.WriteLineAsync(Usage.Text).ConfigureAwait(false);
            return BadUsage;
        }

        var rest = args.Skip(1).ToArray();
        try
        {
            switch (args[0])
            {
                case "demo":
                    return await DemoCommand.Parse(rest).RunAsync(stdout, stderr, cancel).ConfigureAwait(false);
                case "bench":
                    return BenchCommand.Parse(rest).Run(stdout, stderr);
                case "recalc":
                    return RecalcCommand.Parse(rest).Run(stdout, stderr);
                case "pack":
                    return PackCommand.Run(rest, stdout, stderr);
                case "help" or "--help" or "-h":
                    await stdout.WriteLineAsync(Usage.Text).ConfigureAwait(false);
                    return Ok;
                default:
                    throw new UsageException($"'{args[0]}' is not a crmcx command.");
            }
        }
        catch (UsageException e)
        {
            await stderr.WriteLineAsync("crmcx: " + e.Message).ConfigureAwait(false);
            await stderr.WriteLineAsync(Usage.Text).ConfigureAwait(false);
            return BadUsage;
        }
    }
}
