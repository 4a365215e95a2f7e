using System.IO;
using Xunit;

namespace CrmCx.Packaging.Tests.Commands;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData]
    [InlineData("unpack")]
    public void An_unknown_or_missing_command_prints_the_usage_and_exits_with_2(params string[] args)
    {
        var error = new StringWriter();
        Assert.Equal(2, PackagingCommands.Run(args, TextWriter.Null, error));
        Assert.Contains("generate | check | pack", error.ToString(), System.StringComparison.Ordinal);
    }

    [Fact]
    public void The_usage_presents_message_ids_as_an_opt_in_for_one_environment_and_names_the_version_option()
    {
        var error = new StringWriter();
        PackagingCommands.Run(new[] { "help" }, TextWriter.Null, error);
        var usage = error.ToString();
        Assert.Contains("--message-id  opt-in for a zip meant for ONE environment only", usage, System.StringComparison.Ordinal);
        Assert.Contains("the zips\n                for any tenant are packed without it", usage, System.StringComparison.Ordinal);
        Assert.Contains("--version", usage, System.StringComparison.Ordinal);
    }
}
