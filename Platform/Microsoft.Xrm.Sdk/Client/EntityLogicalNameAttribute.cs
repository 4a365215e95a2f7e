using System;

namespace Microsoft.Xrm.Sdk.Client;

/// <summary>The table logical name of an early-bound entity class.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class EntityLogicalNameAttribute : Attribute
{
    /// <summary>Marks the class with the table's logical name.</summary>
    public EntityLogicalNameAttribute(string logicalName) { LogicalName = logicalName; }

    /// <summary>The table's logical name.</summary>
    public string LogicalName { get; }
}
