using System;

namespace Microsoft.Xrm.Sdk.Workflow;

/// <summary>Base of the attributes naming a workflow activity's input or output.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public abstract class ParameterAttribute : Attribute
{
    /// <summary>Names the parameter.</summary>
    protected ParameterAttribute(string name) { Name = name; }

    /// <summary>The display name of the parameter.</summary>
    public string Name { get; }
}

/// <summary>Marks an activity property as an input parameter.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class InputAttribute : ParameterAttribute
{
    /// <summary>Marks the input with its display name.</summary>
    public InputAttribute(string name) : base(name) { }
}

/// <summary>Marks an activity property as an output parameter.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class OutputAttribute : ParameterAttribute
{
    /// <summary>Marks the output with its display name.</summary>
    public OutputAttribute(string name) : base(name) { }
}

/// <summary>The default value of an input parameter.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class DefaultAttribute : Attribute
{
    /// <summary>Sets the default value.</summary>
    public DefaultAttribute(string value) { Value = value; }

    /// <summary>Sets the default value of an entity-reference input.</summary>
    public DefaultAttribute(string value, string entityName) : this(value) { EntityName = entityName; }

    /// <summary>The default value.</summary>
    public string Value { get; }

    /// <summary>The table of an entity-reference default.</summary>
    public string EntityName { get; }
}

/// <summary>The table an entity-reference parameter refers to.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class ReferenceTargetAttribute : Attribute
{
    /// <summary>Sets the referenced table.</summary>
    public ReferenceTargetAttribute(string entityName) { EntityName = entityName; }

    /// <summary>The referenced table.</summary>
    public string EntityName { get; }
}

/// <summary>The choice column whose options an OptionSetValue parameter uses.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class AttributeTargetAttribute : Attribute
{
    /// <summary>Sets the table and choice column.</summary>
    public AttributeTargetAttribute(string entityName, string attributeName)
    {
        EntityName = entityName;
        AttributeName = attributeName;
    }

    /// <summary>The table.</summary>
    public string EntityName { get; }

    /// <summary>The choice column.</summary>
    public string AttributeName { get; }
}
