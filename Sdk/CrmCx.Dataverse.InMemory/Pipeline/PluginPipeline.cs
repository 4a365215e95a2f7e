using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Pipeline;

/// <summary>The registered plugin steps; discovers them from CrmPluginRegistrationAttribute (matched by type name, as spkl does).</summary>
public sealed class PluginPipeline
{
    private const string AttributeName = "CrmPluginRegistrationAttribute";

    // Messages whose steps may have images, and the images they allow (register-plug-in.md "Define entity images").
    private static readonly Dictionary<string, (bool Pre, bool Post)> ImageMessages = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Create"] = (false, true),
        ["CreateMultiple"] = (false, true),
        ["Update"] = (true, true),
        ["UpdateMultiple"] = (true, true),
        ["Delete"] = (true, false),
        ["Assign"] = (true, true),
        ["SetState"] = (true, true),
        ["SetStateDynamicEntity"] = (true, true),
        ["Merge"] = (true, true),
        ["Route"] = (true, true),
        ["Send"] = (true, true),
        ["DeliverIncoming"] = (true, true),
        ["DeliverPromote"] = (true, true),
    };

    private readonly List<PluginStep> steps = new();

    /// <summary>Every registered step, in registration order.</summary>
    public IReadOnlyList<PluginStep> Steps => steps;

    /// <summary>Registers the steps of every public IPlugin type of the assembly that carries registration attributes (Dataverse only runs public plugin types); returns them.</summary>
    public IReadOnlyList<PluginStep> RegisterAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var added = new List<PluginStep>();
        Type[] types;
        try { types = assembly.GetTypes(); }
        catch (ReflectionTypeLoadException e) { types = e.Types.Where(t => t is not null).ToArray()!; }
        foreach (var type in types.Where(t => IsPlugin(t) && (t.IsPublic || t.IsNestedPublic)).OrderBy(t => t.FullName, StringComparer.Ordinal)) added.AddRange(Register(type));
        return added;
    }

    /// <summary>Registers the steps the type's registration attributes declare; returns them.</summary>
    public IReadOnlyList<PluginStep> Register(Type pluginType)
    {
        ArgumentNullException.ThrowIfNull(pluginType);
        if (!IsPlugin(pluginType)) throw new ArgumentException($"'{pluginType.FullName}' is not a concrete IPlugin type.", nameof(pluginType));
        var added = new List<PluginStep>();
        foreach (var data in pluginType.GetCustomAttributesData().Where(a => a.AttributeType.Name == AttributeName))
        {
            var step = FromAttribute(pluginType, data);
            if (step is not null) added.Add(Register(step));
        }
        return added;
    }

    /// <summary>Registers one step; fails on a registration Dataverse refuses (async outside PostOperation, an image the message does not support).</summary>
    public PluginStep Register(PluginStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        if (step.Mode == StepMode.Asynchronous && step.Stage != PipelineStage.PostOperation)
            throw new InvalidOperationException($"Step '{step.Name}': asynchronous steps can only be registered on the PostOperation stage (40), not {step.Stage} ({(int)step.Stage}).");
        if (step.Stage == PipelineStage.MainOperation)
            throw new InvalidOperationException($"Step '{step.Name}': plugins cannot be registered on the MainOperation stage (30).");
        foreach (var image in step.Images)
        {
            if (!ImageMessages.TryGetValue(step.MessageName, out var allowed))
                throw new InvalidOperationException($"Step '{step.Name}': image '{image.Name}' is not supported on message '{step.MessageName}'; images exist only for {string.Join(", ", ImageMessages.Keys)}.");
            if (image.IsPre && !allowed.Pre)
                throw new InvalidOperationException($"Step '{step.Name}': message '{step.MessageName}' has no pre-image (image '{image.Name}').");
            if (image.IsPost && !allowed.Post)
                throw new InvalidOperationException($"Step '{step.Name}': message '{step.MessageName}' has no post-image (image '{image.Name}').");
            if (image.IsPost && step.Stage != PipelineStage.PostOperation)
                throw new InvalidOperationException($"Step '{step.Name}': post-image '{image.Name}' is only available on the PostOperation stage, not {step.Stage}.");
        }
        steps.Add(step);
        return step;
    }

    /// <summary>Removes every step.</summary>
    public void Clear() => steps.Clear();

    /// <summary>Removes the steps of a plugin type.</summary>
    public int Unregister(Type pluginType) => steps.RemoveAll(s => s.PluginType == pluginType);

    /// <summary>Steps of a message for a table, in stage then execution order, registration order breaking ties.</summary>
    internal IEnumerable<PluginStep> For(string messageName, string? entityName) =>
        steps.Where(s => s.MessageName.Equals(messageName, StringComparison.OrdinalIgnoreCase)
                         && (s.EntityLogicalName is null || string.Equals(s.EntityLogicalName, entityName, StringComparison.Ordinal)));

    /// <summary>Whether a step of one of the messages for the table has a pre-image (so the row must be read before the operation).</summary>
    internal bool NeedsPreImage(string entityName, params string[] messageNames) =>
        messageNames.Any(m => For(m, entityName).Any(s => s.Images.Any(i => i.IsPre)));

    /// <summary>Whether any step is registered for the message.</summary>
    internal bool HasSteps(string messageName) => steps.Any(s => s.MessageName.Equals(messageName, StringComparison.OrdinalIgnoreCase));

    private static bool IsPlugin(Type type) => type is { IsClass: true, IsAbstract: false } && typeof(IPlugin).IsAssignableFrom(type);

    private static PluginStep? FromAttribute(Type pluginType, CustomAttributeData data)
    {
        var args = data.ConstructorArguments;
        // The workflow-activity constructor has five arguments; plugin steps have eight.
        if (args.Count < 8) return null;
        var message = args[0].ArgumentType.IsEnum ? Enum.GetName(args[0].ArgumentType, args[0].Value!) ?? "" : (string?)args[0].Value ?? "";
        var entity = (string?)args[1].Value;
        var stage = (PipelineStage)Convert.ToInt32(args[2].Value);
        var modeName = Enum.GetName(args[3].ArgumentType, args[3].Value!) ?? "Synchronous";
        var mode = modeName.StartsWith("Async", StringComparison.OrdinalIgnoreCase) ? StepMode.Asynchronous : StepMode.Synchronous;
        var filtering = (string?)args[4].Value;
        var name = (string?)args[5].Value;
        var order = Convert.ToInt32(args[6].Value);

        var named = data.NamedArguments.ToDictionary(a => a.MemberName, a => a.TypedValue.Value, StringComparer.Ordinal);
        string? Named(string key) => named.TryGetValue(key, out var v) ? v as string : null;
        var images = new List<StepImage>();
        for (var i = 1; i <= 2; i++)
        {
            var imageName = Named($"Image{i}Name");
            if (string.IsNullOrWhiteSpace(imageName)) continue;
            var kind = named.TryGetValue($"Image{i}Type", out var k) && k is not null ? (ImageKind)Convert.ToInt32(k) : ImageKind.PreImage;
            images.Add(new StepImage(imageName, kind, StepImage.ParseColumns(Named($"Image{i}Attributes"))));
        }

        return new PluginStep(pluginType, message, entity, stage, mode)
        {
            Id = Guid.TryParse(Named("Id"), out var id) ? id : Guid.NewGuid(),
            Name = string.IsNullOrWhiteSpace(name) ? $"{pluginType.FullName}: {message} of {entity}" : name,
            FilteringAttributes = StepImage.ParseColumns(filtering),
            ExecutionOrder = order,
            Images = images,
            UnsecureConfiguration = Named("UnSecureConfiguration"),
            SecureConfiguration = Named("SecureConfiguration"),
        };
    }
}
