using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace CrmCx.Packaging.Tests.Infrastructure;

/// <summary>The files of a packed zip by their path in it, for tests that read what a zip carries.</summary>
internal static class ZipEntries
{
    /// <summary>Every entry's bytes by its full name.</summary>
    public static Dictionary<string, byte[]> Read(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        return archive.Entries.ToDictionary(e => e.FullName, e =>
        {
            using var s = e.Open();
            using var m = new MemoryStream();
            s.CopyTo(m);
            return m.ToArray();
        });
    }
}
