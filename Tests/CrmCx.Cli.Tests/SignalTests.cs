using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Xunit;

namespace CrmCx.Cli.Tests;

/// <summary>
/// crmcx demo --serve as a service manager or a script runs it: a child process with no terminal (every stream
/// redirected), stopped with a signal. It must exit 0 promptly and free its port.
/// </summary>
public sealed class SignalTests
{
    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task Demo_serve_started_without_a_terminal_exits_0_promptly_on_the_signal_and_frees_its_port(string signal)
    {
        var dll = CrmcxDll();
        using var process = new Process
        {
            StartInfo = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { dll, "demo", "--accounts", "1", "--responses", "20", "--serve", "--port", "0" },
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            },
        };
        var stdout = new StringBuilder();
        var served = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (stdout) stdout.AppendLine(e.Data);
            var match = Regex.Match(e.Data, @"Serving the CX panel on http://127\.0\.0\.1:(\d+)");
            if (match.Success) served.TrySetResult(int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        };
        process.ErrorDataReceived += (_, _) => { };
        Assert.True(process.Start());
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var port = await served.Task.WaitAsync(TimeSpan.FromMinutes(3));
            using (var http = new System.Net.Http.HttpClient())
            {
                Assert.Contains("Harbor Point Logistics", await http.GetStringAsync($"http://127.0.0.1:{port}/"));
            }

            var started = Stopwatch.StartNew();
            using (var kill = Process.Start("kill", $"-{signal} {process.Id}")) await kill.WaitForExitAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(15));

            Assert.Equal(0, process.ExitCode);
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"stopped in {started.Elapsed}");
            lock (stdout) Assert.EndsWith("Stopped." + Environment.NewLine, stdout.ToString());
            // The port is free again: a new listener can take it.
            var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            listener.Stop();
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
    }

    /// <summary>crmcx.dll as built next to its runtimeconfig (Cli/CrmCx.Cli/bin/{configuration}/net10.0).</summary>
    private static string CrmcxDll()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testBin.Parent!.Name;
        for (var dir = testBin; dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "CrmCx.sln"))) continue;
            var dll = Path.Combine(dir.FullName, "Cli", "CrmCx.Cli", "bin", configuration, testBin.Name, "crmcx.dll");
            Assert.True(File.Exists(dll), $"{dll} is built with the tests");
            return dll;
        }
        throw new InvalidOperationException("The tests run from inside the repository.");
    }
}
