using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>Base of the faults the SDK's services return.</summary>
public abstract class BaseServiceFault : IExtensibleDataObject
{
    private ErrorDetailCollection _errorDetails;

    /// <summary>Creates an empty fault.</summary>
    protected BaseServiceFault() { }

    /// <summary>The activity id of the failed operation.</summary>
    public Guid ActivityId { get; set; }

    /// <summary>The Dataverse error code.</summary>
    public int ErrorCode { get; set; }

    /// <summary>Additional details.</summary>
    public ErrorDetailCollection ErrorDetails
    {
        get { return _errorDetails ?? (_errorDetails = new ErrorDetailCollection()); }
        set { _errorDetails = value; }
    }

    /// <summary>A help link.</summary>
    public string HelpLink { get; set; }

    /// <summary>The error message.</summary>
    public string Message { get; set; }

    /// <summary>When the error occurred (UTC).</summary>
    public DateTime Timestamp { get; set; }

    /// <summary>Data-contract extension data.</summary>
    public ExtensionDataObject ExtensionData { get; set; }
}

/// <summary>The fault of the organization service (detail of FaultException&lt;OrganizationServiceFault&gt;).</summary>
public class OrganizationServiceFault : BaseServiceFault
{
    /// <summary>Creates an empty fault.</summary>
    public OrganizationServiceFault() { }

    /// <summary>The fault that caused this one.</summary>
    public OrganizationServiceFault InnerFault { get; set; }

    /// <summary>The plugin trace of the failed operation.</summary>
    public string TraceText { get; set; }

    /// <summary>The error message.</summary>
    public override string ToString() => Message ?? base.ToString();
}

/// <summary>The fault of ExecuteTransaction: which request failed.</summary>
public sealed class ExecuteTransactionFault : OrganizationServiceFault
{
    /// <summary>Creates an empty fault.</summary>
    public ExecuteTransactionFault() { }

    /// <summary>The zero-based index of the failed request.</summary>
    public int FaultedRequestIndex { get; set; }
}
