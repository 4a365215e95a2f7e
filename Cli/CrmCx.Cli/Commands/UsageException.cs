using System;

namespace CrmCx.Cli.Commands;

/// <summary>Bad command-line input: the message says what was wrong; the caller prints it with the usage and exits non-zero.</summary>
public sealed class UsageException : Exception
{
    /// <summary>Creates it with the message shown to the user.</summary>
    public UsageException(string message) : base(message) { }
}
