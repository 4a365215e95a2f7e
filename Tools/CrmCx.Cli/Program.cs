using System;
using System.Threading;
using CrmCx.Cli.Commands;

// Ctrl+C stops a --serve session cleanly instead of killing the process mid-write.
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
return await CliApplication.RunAsync(args, Console.Out, Console.Error, cancel.Token).ConfigureAwait(false);
