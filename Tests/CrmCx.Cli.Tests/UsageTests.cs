using System.Threading.Tasks;
using CrmCx.Cli.Commands;
using Xunit;

namespace CrmCx.Cli.Tests;

public sealed class UsageTests
{
    [Theory]
    [InlineData(new string[0], "a command is required")]
    [InlineData(new[] { "serve" }, "'serve' is not a crmcx command")]
    [InlineData(new[] { "demo", "--acounts", "5" }, "--acounts is not an option of crmcx demo")]
    [InlineData(new[] { "demo", "--accounts" }, "--accounts needs a value")]
    [InlineData(new[] { "demo", "--accounts", "many" }, "--accounts must be a whole number; got 'many'")]
    [InlineData(new[] { "demo", "--accounts", "0" }, "--accounts must be from 1 to 1000; got 0")]
    [InlineData(new[] { "demo", "--responses", "-5" }, "--responses must be from 0 to 200000; got -5")]
    [InlineData(new[] { "demo", "--port", "8080" }, "--port is only used with --serve")]
    [InlineData(new[] { "demo", "--serve", "--port", "70000" }, "--port must be from 0 to 65535; got 70000")]
    [InlineData(new[] { "demo", "--seed", "1", "--seed", "2" }, "--seed is given twice")]
    [InlineData(new[] { "demo", "extra" }, "'extra' is not an option of crmcx demo")]
    [InlineData(new[] { "bench", "--serve" }, "--serve is not an option of crmcx bench")]
    [InlineData(new[] { "bench", "--quick=yes" }, "--quick takes no value")]
    public async Task Bad_options_print_the_usage_and_exit_non_zero(string[] args, string message)
    {
        var run = await CliRun.Of(args);

        Assert.Equal(CliApplication.BadUsage, run.ExitCode);
        Assert.Contains("crmcx: " + message, run.Stderr);
        Assert.Contains("Usage: crmcx <command> [options]", run.Stderr);
        Assert.Equal("", run.Stdout);
    }

    [Fact]
    public async Task Help_prints_the_usage_on_standard_output_and_succeeds()
    {
        var run = await CliRun.Of("help");

        Assert.Equal(CliApplication.Ok, run.ExitCode);
        Assert.Contains("demo    Load a realistic data set", run.Stdout);
    }
}
