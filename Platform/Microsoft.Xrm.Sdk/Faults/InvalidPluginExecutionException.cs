using System;

namespace Microsoft.Xrm.Sdk;

/// <summary>The error a plugin raises to cancel the operation; its message is shown to the user.</summary>
public sealed class InvalidPluginExecutionException : Exception
{
    internal const int DefaultErrorCode = -2147220891; // 0x80040265, ISV code aborted the operation
    internal const string DefaultMessage = "An unexpected error occurred from ISV code.";

    /// <summary>Creates the error with the default message.</summary>
    public InvalidPluginExecutionException() : this(OperationStatus.Failed, DefaultErrorCode, DefaultMessage) { }

    /// <summary>Creates the error with a message.</summary>
    public InvalidPluginExecutionException(string message) : this(OperationStatus.Failed, DefaultErrorCode, message) { }

    /// <summary>Creates the error with a message and an HTTP status.</summary>
    public InvalidPluginExecutionException(string message, PluginHttpStatusCode httpStatus) : this(OperationStatus.Failed, DefaultErrorCode, message, httpStatus) { }

    /// <summary>Creates the error with a message and its cause.</summary>
    public InvalidPluginExecutionException(string message, Exception inner) : base(message, inner)
    {
        Status = OperationStatus.Failed;
        ErrorCode = DefaultErrorCode;
    }

    /// <summary>Creates the error with a status.</summary>
    public InvalidPluginExecutionException(OperationStatus status) : this(status, DefaultErrorCode, DefaultMessage) { }

    /// <summary>Creates the error with a status and a message.</summary>
    public InvalidPluginExecutionException(OperationStatus status, string message) : this(status, DefaultErrorCode, message) { }

    /// <summary>Creates the error with a status, an error code and a message.</summary>
    public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message) : this(status, errorCode, message, PluginHttpStatusCode.NotSet) { }

    /// <summary>Creates the error with a status, an error code, a message and an HTTP status.</summary>
    public InvalidPluginExecutionException(OperationStatus status, int errorCode, string message, PluginHttpStatusCode httpStatus) : base(message)
    {
        Status = status;
        ErrorCode = errorCode;
        HttpStatus = httpStatus;
    }

    /// <summary>The operation status (Failed unless set).</summary>
    public OperationStatus Status { get; }

    /// <summary>The Dataverse error code.</summary>
    public int ErrorCode { get; }

    /// <summary>The HTTP status the error maps to.</summary>
    public PluginHttpStatusCode HttpStatus { get; }
}
