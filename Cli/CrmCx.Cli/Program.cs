using System;
using System.Runtime.InteropServices;
using System.Threading;
using CrmCx.Cli.Commands;

// SIGINT (Ctrl+C, or kill -INT without a terminal) and SIGTERM (kill, a container or service stop) stop the load or
// the --serve session cleanly: the token is cancelled, the server is disposed and the port freed, and crmcx exits
// with its code. A second signal ends the process at once.
using var cancel = new CancellationTokenSource();
// A shell starts a background job (`crmcx demo --serve &`, a script, CI) with SIGINT ignored, and the runtime then
// never reports it; the issue asks for `kill -INT` to stop crmcx there too, so take SIGINT back before registering.
if (!OperatingSystem.IsWindows()) Signals.RestoreDefaultInterrupt();
void Stop(PosixSignalContext context)
{
    if (cancel.IsCancellationRequested) return;
    context.Cancel = true;
    cancel.Cancel();
}
using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
return await CliApplication.RunAsync(args, Console.Out, Console.Error, cancel.Token).ConfigureAwait(false);

/// <summary>The one libc call crmcx needs: SIGINT back to its default disposition, so the runtime can handle it.</summary>
internal static class Signals
{
    private const int SigInt = 2; // SIGINT is 2 on Linux and macOS (POSIX's historical value, fixed on both).

    [DllImport("libc", EntryPoint = "signal")]
    private static extern IntPtr Signal(int signal, IntPtr handler);

    /// <summary>Sets SIGINT to SIG_DFL (0) when it was inherited as ignored.</summary>
    public static void RestoreDefaultInterrupt()
    {
        try
        {
            Signal(SigInt, IntPtr.Zero);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // No libc by that name: SIGINT keeps whatever the parent gave it; SIGTERM still stops crmcx.
        }
    }
}
