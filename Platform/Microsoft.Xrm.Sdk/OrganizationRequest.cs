using System;
using System.Runtime.Serialization;

namespace Microsoft.Xrm.Sdk;

/// <summary>A message sent to the organization service: name and parameters.</summary>
public class OrganizationRequest : IExtensibleDataObject
{
    private ParameterCollection _parameters;

    /// <summary>Creates a request without a name.</summary>
    public OrganizationRequest() { }

    /// <summary>Creates a request for a message.</summary>
    public OrganizationRequest(string requestName) { RequestName = requestName; }

    /// <summary>The message name (Create, Update, WhoAmI...).</summary>
    public string RequestName { get; set; }

    /// <summary>The request parameters (a plugin's InputParameters).</summary>
    public ParameterCollection Parameters
    {
        get { return _parameters ?? (_parameters = new ParameterCollection()); }
        set { _parameters = value; }
    }

    /// <summary>The request id.</summary>
    public Guid? RequestId { get; set; }

    /// <summary>Data-contract extension data.</summary>
    public ExtensionDataObject ExtensionData { get; set; }

    /// <summary>Gets or sets a parameter.</summary>
    public object this[string parameterName]
    {
        get { return Parameters[parameterName]; }
        set { Parameters[parameterName] = value; }
    }

    internal T GetParameter<T>(string name) => ((DataCollection<string, object>)Parameters).TryGetValue(name, out object value) && value != null ? (T)value : default(T);
}

/// <summary>The response of the organization service: name and results.</summary>
public class OrganizationResponse : IExtensibleDataObject
{
    private ParameterCollection _results;

    /// <summary>Creates an empty response.</summary>
    public OrganizationResponse() { }

    /// <summary>The message name.</summary>
    public string ResponseName { get; set; }

    /// <summary>The results (a plugin's OutputParameters).</summary>
    public ParameterCollection Results
    {
        get { return _results ?? (_results = new ParameterCollection()); }
        set { _results = value; }
    }

    /// <summary>Data-contract extension data.</summary>
    public ExtensionDataObject ExtensionData { get; set; }

    /// <summary>Gets or sets a result.</summary>
    public object this[string parameterName]
    {
        get { return Results[parameterName]; }
        set { Results[parameterName] = value; }
    }

    internal T GetResult<T>(string name) => ((DataCollection<string, object>)Results).TryGetValue(name, out object value) && value != null ? (T)value : default(T);
}
