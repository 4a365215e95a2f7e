using System.IO;
using System.Threading;
using System.Threading.Tasks;
using CrmCx.Cli.Commands;

namespace CrmCx.Cli.Tests;

/// <summary>One in-process run of crmcx: exit code and both streams.</summary>
internal sealed record CliRun(int ExitCode, string Stdout, string Stderr)
{
    public static async Task<CliRun> Of(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = await CliApplication.RunAsync(args, stdout, stderr, CancellationToken.None);
        return new CliRun(code, stdout.ToString(), stderr.ToString());
    }
}
