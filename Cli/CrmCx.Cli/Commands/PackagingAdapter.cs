#if HAS_PACKAGING
using System.IO;
using System.Linq;
using CrmCx.Packaging;

namespace CrmCx.Cli.Commands;

/// <summary>The one call into Packaging/CrmCx.Packaging: its "pack" command with our remaining arguments.</summary>
internal static class PackagingAdapter
{
    public static int Pack(string[] args, TextWriter stdout, TextWriter stderr) =>
        PackagingCommands.Run(new[] { "pack" }.Concat(args).ToArray(), stdout, stderr);
}
#endif
