using System;

namespace Microsoft.Xrm.Sdk;

/// <summary>Base of the SDK's own exceptions.</summary>
public abstract class SdkExceptionBase : Exception
{
    /// <summary>Creates the exception with its cause.</summary>
    protected SdkExceptionBase(Exception innerException) : base(innerException?.Message, innerException) { }

    /// <summary>Creates the exception with a message.</summary>
    protected SdkExceptionBase(string message) : base(message) { }

    /// <summary>Creates the exception with a message and its cause.</summary>
    protected SdkExceptionBase(string message, Exception innerException) : base(message, innerException) { }
}
