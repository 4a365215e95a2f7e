using System;
using System.Security.Cryptography;
using System.Text;

namespace CrmCx.Packaging.Identity;

/// <summary>
/// Name-based GUIDs (RFC 4122 version 5): a component keeps the same id from build to build, so that an upgrade
/// updates it in place instead of creating a duplicate, and the generated files are reproducible.
/// </summary>
public static class StableId
{
    // Fixed namespace for CrmCx; changing it would give every component a new identity.
    private static readonly byte[] Namespace = new Guid("2f1c6a0e-6c1b-4b7e-8f43-0c5a4e9d7b21").ToByteArray(bigEndian: true);

    /// <summary>The GUID of a named component, for example "form:cx_surveyresponse:main".</summary>
    public static Guid For(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var nameBytes = Encoding.UTF8.GetBytes(name);
        var input = new byte[Namespace.Length + nameBytes.Length];
        Namespace.CopyTo(input, 0);
        nameBytes.CopyTo(input, Namespace.Length);
#pragma warning disable CA5350 // SHA-1 is what RFC 4122 version 5 prescribes; this is an identifier, not a security boundary.
        var hash = SHA1.HashData(input);
#pragma warning restore CA5350
        var bytes = hash.AsSpan(0, 16).ToArray();
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>"{guid}" in lower case, as solution files write ids.</summary>
    public static string Braced(Guid id) => "{" + id.ToString("D") + "}";
}
