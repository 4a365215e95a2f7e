using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Dataverse.InMemory.CustomApis;
using CrmCx.Dataverse.InMemory.Pipeline;
using CrmCx.Dataverse.InMemory.Store;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Messages;

/// <summary>
/// A custom API's message: checks the request's parameters against the definition and the caller's execute privilege,
/// then runs the event pipeline with the API's plug-in as the main operation (stage 30) and returns its response properties.
/// </summary>
internal sealed class CustomApiExecutor : IMessageExecutor
{
    /// <summary>
    /// Optional parameters Dataverse accepts on any request (optional-parameters.md, commit 0d4dace07bc9128d6825e52b33d411116e8bc136),
    /// so they are not unknown request parameters of a custom API. The org ignores them.
    /// </summary>
    private static readonly HashSet<string> OptionalParameters = new(StringComparer.Ordinal)
    {
        "tag", "SuppressDuplicateDetection", "BypassBusinessLogicExecution", "SuppressCallbackRegistrationExpanderJob",
    };

    private readonly InMemoryOrganization org;
    private readonly CustomApiDefinition api;
    // One step, hence one cached plug-in instance, per API: Dataverse caches plug-in instances too (keep plug-ins stateless).
    private readonly PluginStep? main;

    public CustomApiExecutor(InMemoryOrganization org, CustomApiDefinition api)
    {
        this.org = org;
        this.api = api;
        if (api.PluginType is { } type)
        {
            main = new PluginStep(type, api.UniqueName, api.BoundEntityLogicalName, PipelineStage.MainOperation)
            {
                Name = $"{type.FullName}: main operation of {api.UniqueName}",
                PluginTypeId = api.PluginTypeId,
            };
        }
    }

    public string MessageName => api.UniqueName;

    public OrganizationResponse Execute(OrganizationRequest request, RequestScope scope)
    {
        Validate(request.Parameters);
        // custom-api.md "Secure your custom API with a privilege": the caller needs the ExecutePrivilegeName privilege.
        if (api.ExecutePrivilegeName is { } privilege) org.Security.Demand(scope.UserId, privilege);

        object target = NoTarget;
        var primaryId = Guid.Empty;
        if (api.BindingType == CustomApiBindingType.Entity)
        {
            var reference = (EntityReference)request.Parameters["Target"];
            target = reference;
            primaryId = reference.Id;
        }
        var op = new PipelineOperation
        {
            SingleMessage = api.UniqueName,
            // An unbound API has no table: "none", which PluginStep also reads as no table (the org's choice, see README).
            EntityName = api.BoundEntityLogicalName ?? "none",
            RequestInputs = request.Parameters,
            Items = new[] { new PipelineItem(target, primaryId) },
            MainOperation = main,
            AllowsStep = Allows,
        };
        org.Runner.Run(op, scope);

        var response = new OrganizationResponse { ResponseName = api.UniqueName };
        foreach (var property in api.ResponseProperties)
        {
            // A property the plug-in did not set keeps the type's default (custom-api.md: without code to set them,
            // "any output parameter values return the default values for the type"). Outputs that are not response
            // properties of the API are not part of its response.
            response.Results[property.UniqueName] = op.RequestOutputs.TryGetValue(property.UniqueName, out var value)
                ? EntityCopier.CopyValue(value)
                : CustomApiTypeMap.DefaultValue(property.Type);
        }
        return response;
    }

    // Unknown parameters first (in request order), then missing ones and wrong types (in definition order): one fault, the first found.
    private void Validate(ParameterCollection parameters)
    {
        foreach (var name in parameters.Keys)
        {
            if (!OptionalParameters.Contains(name) && !api.RequestParameters.Any(p => p.UniqueName == name))
                throw Faults.CustomApiUnknownParameter(api.UniqueName, name, api.RequestParameters.Select(p => p.UniqueName));
        }
        foreach (var parameter in api.RequestParameters)
        {
            // A null value is no value: an optional parameter may be null, a required one may not.
            if (!parameters.TryGetValue(parameter.UniqueName, out var value) || value is null)
            {
                if (!parameter.IsOptional) throw Faults.CustomApiParameterMissing(api.UniqueName, parameter.UniqueName, Describe(parameter));
                continue;
            }
            if (!CustomApiTypeMap.Accepts(parameter.Type, value))
                throw Faults.CustomApiParameterType(api.UniqueName, parameter.UniqueName, Describe(parameter), $"a {value.GetType().FullName}");
            var table = value switch { Entity e => e.LogicalName, EntityReference r => r.LogicalName, _ => null };
            if (parameter.LogicalEntityName is { } expected && table is not null && !string.Equals(table, expected, StringComparison.Ordinal))
                throw Faults.CustomApiParameterType(api.UniqueName, parameter.UniqueName, Describe(parameter), $"a '{table}' {value.GetType().Name}");
        }
    }

    private static string Describe(CustomApiRequestParameter parameter) =>
        $"{parameter.Type} ({CustomApiTypeMap.ClrType(parameter.Type).FullName}{(parameter.LogicalEntityName is null ? "" : $" of '{parameter.LogicalEntityName}'")})";

    // custom-api.md "Select a custom processing step type": None allows no step, Async Only asynchronous steps only.
    private bool Allows(PluginStep step) => api.AllowedCustomProcessingStepType switch
    {
        CustomApiProcessingStepType.None => false,
        CustomApiProcessingStepType.AsyncOnly => step.Mode == StepMode.Asynchronous,
        _ => true,
    };

    // The pipeline item of an unbound API: it has no row, and the object never equals a Target a plug-in could set.
    private static readonly object NoTarget = new();
}
