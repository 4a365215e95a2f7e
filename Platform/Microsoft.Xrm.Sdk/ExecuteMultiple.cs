using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>How ExecuteMultiple runs its requests.</summary>
public sealed class ExecuteMultipleSettings : IExtensibleDataObject
{
    /// <summary>Creates default settings.</summary>
    public ExecuteMultipleSettings() { }

    /// <summary>Whether to continue after a failed request.</summary>
    public bool ContinueOnError { get; set; }

    /// <summary>Whether to return the responses of successful requests.</summary>
    public bool ReturnResponses { get; set; }

    /// <summary>Data-contract extension data.</summary>
    public ExtensionDataObject ExtensionData { get; set; }
}

/// <summary>One item of an ExecuteMultiple response: the response or the fault of one request.</summary>
public sealed class ExecuteMultipleResponseItem : IExtensibleDataObject
{
    /// <summary>Creates an empty item.</summary>
    public ExecuteMultipleResponseItem() { }

    /// <summary>The zero-based index of the request.</summary>
    public int RequestIndex { get; set; }

    /// <summary>The response, when returned.</summary>
    public OrganizationResponse Response { get; set; }

    /// <summary>The fault, when the request failed.</summary>
    public OrganizationServiceFault Fault { get; set; }

    /// <summary>Data-contract extension data.</summary>
    public ExtensionDataObject ExtensionData { get; set; }
}
