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
}
