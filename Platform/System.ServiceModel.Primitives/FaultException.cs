
namespace System.ServiceModel;

/// <summary>Base of communication errors, as in System.ServiceModel.</summary>
public class CommunicationException : SystemException
{
    /// <summary>Creates an empty communication error.</summary>
    public CommunicationException() { }
    /// <summary>Creates a communication error with a message.</summary>
    public CommunicationException(string message) : base(message) { }
    /// <summary>Creates a communication error with a message and its cause.</summary>
    public CommunicationException(string message, Exception innerException) : base(message, innerException) { }
}

/// <summary>A SOAP fault, as in System.ServiceModel.</summary>
public class FaultException : CommunicationException
{
    /// <summary>Creates an empty fault.</summary>
    public FaultException() { }
    /// <summary>Creates a fault with a reason.</summary>
    public FaultException(string reason) : base(reason) { }
    /// <summary>Creates a fault with a reason and its cause.</summary>
    public FaultException(string reason, Exception innerException) : base(reason, innerException) { }
}

/// <summary>A SOAP fault carrying a typed detail, as in System.ServiceModel.</summary>
public class FaultException<TDetail> : FaultException
{
    /// <summary>Creates a fault with its detail.</summary>
    public FaultException(TDetail detail) : base(detail?.ToString() ?? "The creator of this fault did not specify a Reason.") { Detail = detail; }
    /// <summary>Creates a fault with its detail and a reason.</summary>
    public FaultException(TDetail detail, string reason) : base(reason) { Detail = detail; }
    /// <summary>The fault's detail.</summary>
    public TDetail Detail { get; }
}
