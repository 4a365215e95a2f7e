using System;
using System.Collections.Generic;

namespace CrmCx.Dataverse.InMemory.CustomApis;

/// <summary>A localized text of a solution file: the <c>default</c> attribute and one <c>&lt;label&gt;</c> per language code.</summary>
public sealed class CustomApiLabel
{
    /// <summary>The default text (the element's <c>default</c> attribute), or null when the file has none.</summary>
    public string? Default { get; init; }

    /// <summary>The text per language code (LCID) of the element's <c>&lt;label description languagecode&gt;</c> children.</summary>
    public IReadOnlyDictionary<int, string> Labels { get; init; } = new Dictionary<int, string>();

    /// <inheritdoc />
    public override string ToString() => Default ?? string.Empty;
}

/// <summary>A request parameter of a custom API (a customapirequestparameter row).</summary>
public sealed class CustomApiRequestParameter
{
    /// <summary>The parameter's name in the request (uniquename).</summary>
    public required string UniqueName { get; init; }
    /// <summary>The primary name shown in the solution (name), e.g. "cx_Recalculate.Scope".</summary>
    public string? Name { get; init; }
    /// <summary>Display name.</summary>
    public CustomApiLabel DisplayName { get; init; } = new();
    /// <summary>Description.</summary>
    public CustomApiLabel Description { get; init; } = new();
    /// <summary>The data type the value must have.</summary>
    public required CustomApiParameterType Type { get; init; }
    /// <summary>Whether a request may leave the parameter out (isoptional).</summary>
    public bool IsOptional { get; init; }
    /// <summary>For Entity and EntityReference parameters, the table the value must be of (logicalentityname); null for any table.</summary>
    public string? LogicalEntityName { get; init; }
    /// <summary>The iscustomizable managed property.</summary>
    public bool IsCustomizable { get; init; }
    /// <summary>Whether the org created it from the binding (a bound API's Target) rather than from a file.</summary>
    public bool IsImplicit { get; init; }
}

/// <summary>A response property of a custom API (a customapiresponseproperty row).</summary>
public sealed class CustomApiResponseProperty
{
    /// <summary>The property's name in the response's Results (uniquename).</summary>
    public required string UniqueName { get; init; }
    /// <summary>The primary name shown in the solution (name).</summary>
    public string? Name { get; init; }
    /// <summary>Display name.</summary>
    public CustomApiLabel DisplayName { get; init; } = new();
    /// <summary>Description.</summary>
    public CustomApiLabel Description { get; init; } = new();
    /// <summary>The data type of the value.</summary>
    public required CustomApiParameterType Type { get; init; }
    /// <summary>For Entity and EntityReference properties, the table of the value (logicalentityname).</summary>
    public string? LogicalEntityName { get; init; }
    /// <summary>The iscustomizable managed property.</summary>
    public bool IsCustomizable { get; init; }
}

/// <summary>A custom API (a customapi row with its request parameters, response properties and main-operation plug-in type).</summary>
public sealed class CustomApiDefinition
{
    /// <summary>The message name (uniquename), e.g. "cx_Recalculate".</summary>
    public required string UniqueName { get; init; }
    /// <summary>The primary name shown in the solution (name).</summary>
    public string? Name { get; init; }
    /// <summary>Display name.</summary>
    public CustomApiLabel DisplayName { get; init; } = new();
    /// <summary>Description.</summary>
    public CustomApiLabel Description { get; init; } = new();
    /// <summary>Global, Entity or EntityCollection.</summary>
    public CustomApiBindingType BindingType { get; init; }
    /// <summary>The bound table (boundentitylogicalname) for Entity and EntityCollection bindings; null when Global.</summary>
    public string? BoundEntityLogicalName { get; init; }
    /// <summary>Which steps other developers may add to the message.</summary>
    public CustomApiProcessingStepType AllowedCustomProcessingStepType { get; init; }
    /// <summary>The privilege a caller needs (executeprivilegename), or null when anyone may call it.</summary>
    public string? ExecutePrivilegeName { get; init; }
    /// <summary>The iscustomizable managed property.</summary>
    public bool IsCustomizable { get; init; }
    /// <summary>A function (GET in the Web API) rather than an action.</summary>
    public bool IsFunction { get; init; }
    /// <summary>Private messages are hidden from $metadata and cannot be used from plug-ins (custom-api.md).</summary>
    public bool IsPrivate { get; init; }
    /// <summary>Whether workflows can call it (workflowsdkstepenabled).</summary>
    public bool WorkflowSdkStepEnabled { get; init; }
    /// <summary>The plugintypeid the file names, when it names one by id.</summary>
    public Guid? PluginTypeId { get; init; }
    /// <summary>The plugintypeexportkey the file names, when it names one by export key.</summary>
    public string? PluginTypeExportKey { get; init; }
    /// <summary>The main operation's plug-in type, or null when the API has none (its response properties then keep their default values).</summary>
    public Type? PluginType { get; init; }
    /// <summary>The request parameters, in file order (folder name order); a bound API's implicit Target comes first.</summary>
    public IReadOnlyList<CustomApiRequestParameter> RequestParameters { get; init; } = Array.Empty<CustomApiRequestParameter>();
    /// <summary>The response properties, in folder name order.</summary>
    public IReadOnlyList<CustomApiResponseProperty> ResponseProperties { get; init; } = Array.Empty<CustomApiResponseProperty>();
    /// <summary>The customapi.xml the definition was read from.</summary>
    public string? Source { get; init; }

    /// <inheritdoc />
    public override string ToString() => $"{UniqueName} ({BindingType}{(BoundEntityLogicalName is null ? "" : " " + BoundEntityLogicalName)}, {(IsFunction ? "function" : "action")})";
}
