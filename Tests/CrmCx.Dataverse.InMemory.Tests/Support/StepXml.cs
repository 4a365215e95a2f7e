using System;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using CrmCx.Dataverse.InMemory.Metadata;

namespace CrmCx.Dataverse.InMemory.Tests.Support;

/// <summary>Builds step files in the format of Solution/SdkMessageProcessingSteps (the message named by its SdkMessageId, written first as the packer will).</summary>
public static class StepXml
{
    /// <summary>A step file of a plugin type; the message must be in the in-memory org's sdkmessage catalog.</summary>
    public static XElement Step(Type plugin, string message, string? entity, int stage, int mode, string name,
        Guid? id = null, int rank = 1, string? filtering = null, string? configuration = null, params XElement[] images)
    {
        var messageId = SdkMessageCatalog.IdOf(message) ?? throw new ArgumentException($"{message} has no id in the catalog; register a PluginStep instead.", nameof(message));
        return new XElement("SdkMessageProcessingStep",
            new XAttribute(XNamespace.Xmlns + "xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            new XAttribute("Name", name),
            new XAttribute("SdkMessageProcessingStepId", (id ?? Guid.NewGuid()).ToString("B")),
            new XElement("SdkMessageId", messageId.ToString("D")),
            new XElement("PluginTypeName", plugin.AssemblyQualifiedName),
            new XElement("PluginTypeId", Guid.NewGuid().ToString("D")),
            entity is null ? null : new XElement("PrimaryEntity", entity),
            new XElement("AsyncAutoDelete", "0"),
            configuration is null ? null : new XElement("Configuration", configuration),
            new XElement("Description", name),
            new XElement("FilteringAttributes", filtering ?? ""),
            new XElement("InvocationSource", "1"),
            new XElement("Mode", mode.ToString(CultureInfo.InvariantCulture)),
            new XElement("Rank", rank.ToString(CultureInfo.InvariantCulture)),
            new XElement("EventHandlerTypeCode", "4602"),
            new XElement("Stage", stage.ToString(CultureInfo.InvariantCulture)),
            new XElement("IsCustomizable", "1"),
            new XElement("IsHidden", "0"),
            new XElement("SupportedDeployment", "0"),
            new XElement("IntroducedVersion", "1.0.0.0"),
            new XElement("SdkMessageProcessingStepImages", images.Cast<object>().ToArray()));
    }

    /// <summary>An image of a step file (ImageType 0 pre, 1 post, 2 both); the alias is the name unless given.</summary>
    public static XElement Image(string name, int imageType, string attributes, string property = "Target", string? alias = null) =>
        new("SdkMessageProcessingStepImage", new XAttribute("Name", name),
            new XElement("SdkMessageProcessingStepImageId", Guid.NewGuid().ToString("B")),
            new XElement("Attributes", attributes),
            new XElement("EntityAlias", alias ?? name),
            new XElement("ImageType", imageType.ToString(CultureInfo.InvariantCulture)),
            new XElement("MessagePropertyName", property),
            new XElement("IsCustomizable", "1"));
}
