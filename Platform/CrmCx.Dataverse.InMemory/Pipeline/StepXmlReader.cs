using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using CrmCx.Dataverse.InMemory.Metadata;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Pipeline;

/// <summary>
/// Reads one SdkMessageProcessingStep element (a file of Solution/SdkMessageProcessingSteps, or a child of the
/// SdkMessageProcessingSteps section of customizations.xml) into a PluginStep, the way an import resolves it: the message
/// only through SdkMessageId, the plugin type by its full name in the plugin assembly. Child elements may come in any order.
/// </summary>
internal static class StepXmlReader
{
    public const string StepElement = "SdkMessageProcessingStep";

    /// <summary>The step, or the reason it cannot be imported (a sentence naming the step by name and id).</summary>
    public static PluginStep Read(XElement element, Assembly pluginAssembly, string? source)
    {
        var name = (string?)element.Attribute("Name");
        var idText = (string?)element.Attribute("SdkMessageProcessingStepId");
        string Describe() => $"Step '{name ?? "(no Name)"}' ({idText ?? "no SdkMessageProcessingStepId"}){(source is null ? "" : " in " + source)}";
        Exception Refuse(string problem) => new StepImportException(Describe() + ": " + problem);

        if (element.Name.LocalName != StepElement) throw Refuse($"the element is <{element.Name.LocalName}>, not <{StepElement}>.");
        if (string.IsNullOrWhiteSpace(name)) throw Refuse("it has no Name attribute.");
        if (!Guid.TryParse(idText, out var id)) throw Refuse("its SdkMessageProcessingStepId attribute is missing or not a GUID.");

        // The file names its message only by id; the import resolves it against the target's sdkmessage table.
        var messageIdText = Text(element, "SdkMessageId");
        if (string.IsNullOrWhiteSpace(messageIdText)) throw Refuse("it has no SdkMessageId: an import cannot resolve its message.");
        if (!Guid.TryParse(messageIdText, out var messageId)) throw Refuse($"its SdkMessageId '{messageIdText}' is not a GUID.");
        var message = SdkMessageCatalog.NameOf(messageId)
            ?? throw Refuse($"its SdkMessageId {messageId:D} is not a message of the in-memory org's sdkmessage catalog ({string.Join(", ", SdkMessageCatalog.Messages.Select(m => $"{m.Name} {m.Id:D}"))}).");

        var typeName = Text(element, "PluginTypeName");
        if (string.IsNullOrWhiteSpace(typeName)) throw Refuse("it has no PluginTypeName.");
        // PluginTypeName is assembly-qualified ("Namespace.Type, Assembly, Version=…"): the type's full name comes before the first comma.
        var fullName = typeName.Split(',', 2)[0].Trim();
        Type? pluginType;
        try { pluginType = pluginAssembly.GetType(fullName, throwOnError: false, ignoreCase: false); }
        catch (ArgumentException) { pluginType = null; } // a malformed type name is not a type of the assembly either
        if (pluginType is null) throw Refuse($"its plugin type {fullName} is not in assembly {pluginAssembly.GetName().Name}.");
        // Dataverse runs only public plugin classes; an abstract class or a type without IPlugin cannot be instantiated as a step.
        if (!pluginType.IsVisible || !pluginType.IsClass || pluginType.IsAbstract || !typeof(IPlugin).IsAssignableFrom(pluginType))
            throw Refuse($"its plugin type {fullName} is not a public concrete IPlugin class.");

        var stageText = Text(element, "Stage");
        var stage = stageText switch
        {
            "10" => PipelineStage.PreValidation,
            "20" => PipelineStage.PreOperation,
            "30" => PipelineStage.MainOperation,
            "40" => PipelineStage.PostOperation,
            _ => throw Refuse($"its Stage '{stageText ?? "(missing)"}' is not a stage (10 PreValidation, 20 PreOperation, 40 PostOperation)."),
        };
        var modeText = Text(element, "Mode");
        var mode = modeText switch
        {
            "0" => StepMode.Synchronous,
            "1" => StepMode.Asynchronous,
            _ => throw Refuse($"its Mode '{modeText ?? "(missing)"}' is not a mode (0 synchronous, 1 asynchronous)."),
        };
        var rankText = Text(element, "Rank");
        var rank = 1;
        if (rankText is not null && !int.TryParse(rankText, NumberStyles.Integer, CultureInfo.InvariantCulture, out rank))
            throw Refuse($"its Rank '{rankText}' is not an integer.");
        var asyncAutoDelete = Text(element, "AsyncAutoDelete") switch
        {
            null or "0" or "false" => false,
            "1" or "true" => true,
            var other => throw Refuse($"its AsyncAutoDelete '{other}' is not 0 or 1."),
        };
        Guid? pluginTypeId = null;
        if (Text(element, "PluginTypeId") is { Length: > 0 } typeIdText)
            pluginTypeId = Guid.TryParse(typeIdText, out var t) ? t : throw Refuse($"its PluginTypeId '{typeIdText}' is not a GUID.");

        var images = new List<StepImage>();
        foreach (var image in Child(element, "SdkMessageProcessingStepImages")?.Elements().Where(e => e.Name.LocalName == "SdkMessageProcessingStepImage") ?? Enumerable.Empty<XElement>())
            images.Add(ReadImage(image, Refuse));

        return new PluginStep(pluginType, message, Text(element, "PrimaryEntity"), stage, mode)
        {
            Id = id,
            Name = name,
            Description = Text(element, "Description"),
            MessageId = messageId,
            PluginTypeId = pluginTypeId,
            FilteringAttributes = StepImage.ParseColumns(Text(element, "FilteringAttributes")),
            ExecutionOrder = rank,
            AsyncAutoDelete = asyncAutoDelete,
            // Configuration is the unsecure configuration; the secure one is never exported with a step (register-plug-in.md).
            UnsecureConfiguration = Child(element, "Configuration")?.Value,
            Images = images,
        };
    }

    private static StepImage ReadImage(XElement image, Func<string, Exception> refuse)
    {
        var name = (string?)image.Attribute("Name");
        var alias = Text(image, "EntityAlias");
        if (string.IsNullOrWhiteSpace(name) && string.IsNullOrWhiteSpace(alias)) throw refuse("an image has neither a Name attribute nor an EntityAlias.");
        var label = name ?? alias;
        var typeText = Text(image, "ImageType");
        var kind = typeText switch
        {
            "0" => ImageKind.PreImage,
            "1" => ImageKind.PostImage,
            "2" => ImageKind.Both,
            _ => throw refuse($"image '{label}' has ImageType '{typeText ?? "(missing)"}', not an image type (0 pre, 1 post, 2 both)."),
        };
        Guid? imageId = null;
        if (Text(image, "SdkMessageProcessingStepImageId") is { Length: > 0 } idText)
            imageId = Guid.TryParse(idText, out var g) ? g : throw refuse($"image '{label}' has SdkMessageProcessingStepImageId '{idText}', not a GUID.");
        return new StepImage(label!, kind, StepImage.ParseColumns(Text(image, "Attributes")))
        {
            EntityAlias = string.IsNullOrWhiteSpace(alias) ? label! : alias,
            MessagePropertyName = Text(image, "MessagePropertyName"),
            Id = imageId,
        };
    }

    private static XElement? Child(XElement parent, string localName) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    private static string? Text(XElement parent, string localName) => Child(parent, localName)?.Value.Trim();
}

/// <summary>A step file the in-memory import refuses (thrown inside the org; ImportSteps reports every refusal at once).</summary>
internal sealed class StepImportException(string message) : Exception(message);
