using System.IO;

namespace CrmCx.Cli.Commands;

/// <summary>crmcx pack: the packer of Packaging/CrmCx.Packaging builds the managed solution zip.</summary>
internal static class PackCommand
{
    /// <summary>Delegates to the packer with the remaining arguments.</summary>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
#if HAS_PACKAGING
        return PackagingAdapter.Pack(args, stdout, stderr);
#else
        stderr.WriteLine("crmcx pack: the packer (Packaging/CrmCx.Packaging) is not part of this build yet.");
        _ = args;
        _ = stdout;
        return CliApplication.Failed;
#endif
    }
}
