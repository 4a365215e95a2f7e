using System;

namespace Microsoft.Xrm.Sdk.Workflow;

/// <summary>An attribute describing a workflow argument.</summary>
public interface IWorkflowArgument
{
    /// <summary>The described value.</summary>
    object ArgumentValue { get; }
}

/// <summary>The description of a workflow argument.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class ArgumentDescriptionAttribute : Attribute, IWorkflowArgument
{
    /// <summary>Creates an empty description.</summary>
    public ArgumentDescriptionAttribute() { }

    /// <summary>Sets the description.</summary>
    public ArgumentDescriptionAttribute(string value) { Value = value; }

    /// <summary>The description.</summary>
    public string Value { get; set; }

    /// <summary>The description.</summary>
    public object ArgumentValue => Value;
}

/// <summary>The direction of a workflow argument.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class ArgumentDirectionAttribute : Attribute, IWorkflowArgument
{
    /// <summary>Creates an input direction.</summary>
    public ArgumentDirectionAttribute() { }

    /// <summary>Sets the direction.</summary>
    public ArgumentDirectionAttribute(ArgumentDirection value) { Value = value; }

    /// <summary>The direction.</summary>
    public ArgumentDirection Value { get; set; }

    /// <summary>The direction.</summary>
    public object ArgumentValue => Value;
}

/// <summary>The table of a workflow argument.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class ArgumentEntityAttribute : Attribute, IWorkflowArgument
{
    /// <summary>Creates an empty value.</summary>
    public ArgumentEntityAttribute() { }

    /// <summary>Sets the table.</summary>
    public ArgumentEntityAttribute(string value) { Value = value; }

    /// <summary>The table.</summary>
    public string Value { get; set; }

    /// <summary>The table.</summary>
    public object ArgumentValue => Value;
}

/// <summary>Whether a workflow argument is required.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class ArgumentRequiredAttribute : Attribute, IWorkflowArgument
{
    /// <summary>Marks the argument as not required.</summary>
    public ArgumentRequiredAttribute() { }

    /// <summary>Sets whether the argument is required.</summary>
    public ArgumentRequiredAttribute(bool value) { Value = value; }

    /// <summary>Whether the argument is required.</summary>
    public bool Value { get; set; }

    /// <summary>Whether the argument is required.</summary>
    public object ArgumentValue => Value;
}

/// <summary>Whether a workflow argument is the target.</summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false)]
public sealed class ArgumentTargetAttribute : Attribute, IWorkflowArgument
{
    /// <summary>Marks the argument as not the target.</summary>
    public ArgumentTargetAttribute() { }

    /// <summary>Sets whether the argument is the target.</summary>
    public ArgumentTargetAttribute(bool value) { Value = value; }

    /// <summary>Whether the argument is the target.</summary>
    public bool Value { get; set; }

    /// <summary>Whether the argument is the target.</summary>
    public object ArgumentValue => Value;
}
