using System;

namespace CrmCx.Domain.Configuration;

/// <summary>Settings that cannot be used: bad JSON, an unknown key or a value outside its rule; the message names it.</summary>
[Serializable]
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates the exception with a message that names the key, the value and the rule.</summary>
    public ConfigurationException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public ConfigurationException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates an empty exception (serialization and framework conventions).</summary>
    public ConfigurationException() : base("The CrmCx settings is invalid.")
    {
    }
}
