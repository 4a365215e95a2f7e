using System;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.CustomApis;

// Values of the choice columns of the customapi, customapirequestparameter and customapiresponseproperty tables, as
// MicrosoftDocs/powerapps-docs developer/data-platform/custom-api-tables.md lists them (commit 05cfff5341d4db7cec326318fdd63b9618e9c206).

/// <summary>The data type of a custom API request parameter or response property (the Type column, custom-api-tables.md).</summary>
public enum CustomApiParameterType
{
    /// <summary>0: bool.</summary>
    Boolean = 0,
    /// <summary>1: DateTime.</summary>
    DateTime = 1,
    /// <summary>2: decimal.</summary>
    Decimal = 2,
    /// <summary>3: Entity.</summary>
    Entity = 3,
    /// <summary>4: EntityCollection.</summary>
    EntityCollection = 4,
    /// <summary>5: EntityReference.</summary>
    EntityReference = 5,
    /// <summary>6: double.</summary>
    Float = 6,
    /// <summary>7: int.</summary>
    Integer = 7,
    /// <summary>8: Money.</summary>
    Money = 8,
    /// <summary>9: OptionSetValue.</summary>
    Picklist = 9,
    /// <summary>10: string.</summary>
    String = 10,
    /// <summary>11: string[].</summary>
    StringArray = 11,
    /// <summary>12: Guid.</summary>
    Guid = 12,
}

/// <summary>What a custom API is bound to (the BindingType column, custom-api-tables.md).</summary>
public enum CustomApiBindingType
{
    /// <summary>0: not bound to a table (an unbound action or function).</summary>
    Global = 0,
    /// <summary>1: one row of the bound table, passed as the implicit Target parameter.</summary>
    Entity = 1,
    /// <summary>2: the bound table's entity set (no implicit parameter).</summary>
    EntityCollection = 2,
}

/// <summary>Which steps other developers may register on the custom API's message (the AllowedCustomProcessingStepType column).</summary>
public enum CustomApiProcessingStepType
{
    /// <summary>0: only the main operation's plug-in runs.</summary>
    None = 0,
    /// <summary>1: asynchronous steps only.</summary>
    AsyncOnly = 1,
    /// <summary>2: synchronous and asynchronous steps.</summary>
    SyncAndAsync = 2,
}

/// <summary>The SDK type of each parameter type, and its default value.</summary>
internal static class CustomApiTypeMap
{
    /// <summary>
    /// The .NET type a value of this parameter type must have. The labels are custom-api-tables.md's; no public page lists
    /// their SDK types as a table, so the mapping is read from the labels and the SDK's own types for those kinds of values:
    /// custom-api.md's example passes a Picklist parameter as OptionSetValue, and workflow-extensions.md's argument types for
    /// the workflow-compatible kinds are bool, DateTime, Decimal, Double (Float), EntityReference, int, Money,
    /// OptionSetValue and string. StringArray as string[] is the org's reading of the label (README, "Custom APIs").
    /// </summary>
    public static Type ClrType(CustomApiParameterType type) => type switch
    {
        CustomApiParameterType.Boolean => typeof(bool),
        CustomApiParameterType.DateTime => typeof(DateTime),
        CustomApiParameterType.Decimal => typeof(decimal),
        CustomApiParameterType.Entity => typeof(Entity),
        CustomApiParameterType.EntityCollection => typeof(EntityCollection),
        CustomApiParameterType.EntityReference => typeof(EntityReference),
        CustomApiParameterType.Float => typeof(double),
        CustomApiParameterType.Integer => typeof(int),
        CustomApiParameterType.Money => typeof(Money),
        CustomApiParameterType.Picklist => typeof(OptionSetValue),
        CustomApiParameterType.String => typeof(string),
        CustomApiParameterType.StringArray => typeof(string[]),
        CustomApiParameterType.Guid => typeof(Guid),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not a custom API parameter type."),
    };

    /// <summary>
    /// The value of a response property the main operation did not set: custom-api.md says that without code to set them
    /// "any output parameter values return the default values for the type", so it is default(T) (null for reference types).
    /// </summary>
    public static object? DefaultValue(CustomApiParameterType type)
    {
        var clr = ClrType(type);
        return clr.IsValueType ? Activator.CreateInstance(clr) : null;
    }

    /// <summary>Whether the value is of the parameter type (exact type; a long is not an Integer, a float is not a Float).</summary>
    public static bool Accepts(CustomApiParameterType type, object value) => ClrType(type) == value.GetType()
        // An Entity or EntityCollection subclass (early-bound classes) is still that type.
        || (type is CustomApiParameterType.Entity or CustomApiParameterType.EntityCollection or CustomApiParameterType.EntityReference
            && ClrType(type).IsInstanceOfType(value));

    /// <summary>Whether the numeric code is a parameter type.</summary>
    public static bool IsDefined(int code) => Enum.IsDefined(typeof(CustomApiParameterType), code);
}
