using System;
using System.Threading;
using CrmCx.Cli.Commands;

// The first Ctrl+C stops the load or the --serve session cleanly; a second one ends the process at once.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    if (cancel.IsCancellationRequested) return;
    e.Cancel = true;
    cancel.Cancel();
};
return await CliApplication.RunAsync(args, Console.Out, Console.Error, cancel.Token).ConfigureAwait(false);
