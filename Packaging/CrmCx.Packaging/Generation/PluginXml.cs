using System;
using System.Globalization;
using System.Linq;
using System.Security;
using System.Xml.Linq;
using CrmCx.Packaging.Content;
using CrmCx.Packaging.Identity;
using CrmCx.Packaging.Registration;
using static CrmCx.Packaging.Generation.XmlFile;

namespace CrmCx.Packaging.Generation;

/// <summary>WebResources/&lt;name&gt;.data.xml: the metadata of one web resource.</summary>
public static class WebResourceXml
{
    /// <summary>The WebResource element.</summary>
    public static XElement For(WebResourceModel resource)
    {
        var dependencies = resource.Dependencies.Count == 0 ? null : new XElement("DependencyXml", DependencyXml(resource));
        return Root("WebResource",
            new XElement("WebResourceId", StableId.Braced(resource.Id)),
            new XElement("Name", resource.Name),
            new XElement("DisplayName", resource.DisplayName),
            new XElement("Description", resource.Description),
            new XElement("LanguageCode", resource.LanguageCode),
            new XElement("WebResourceType", resource.Type),
            new XElement("IntroducedVersion", CrmCxSolution.Version),
            new XElement("IsEnabledForMobileClient", "1"),
            new XElement("IsAvailableForMobileOffline", "0"),
            dependencies,
            new XElement("IsCustomizable", "1"),
            new XElement("CanBeDeleted", "1"),
            new XElement("IsHidden", "0"),
            new XElement("FileName", "/" + resource.ZipPath));
    }

    // Stored as text (escaped) inside DependencyXml, as exports store it.
    private static string DependencyXml(WebResourceModel resource) =>
        new XElement("Dependencies", new XElement("Dependency", new XAttribute("componentType", "WebResource"),
            resource.Dependencies.Select(d =>
            {
                var library = WebResourceCatalog.Get(d);
                return new XElement("Library", new XAttribute("name", library.Name), new XAttribute("displayName", library.DisplayName),
                    new XAttribute("languagecode", library.LanguageCode), new XAttribute("description", library.Description),
                    new XAttribute("libraryUniqueId", StableId.Braced(StableId.For($"dependency:{resource.Name}:{library.Name}"))));
            }))).ToString(SaveOptions.DisableFormatting);
}

/// <summary>PluginAssemblies/&lt;name&gt;-&lt;GUID&gt;/&lt;name&gt;.dll.data.xml and SdkMessageProcessingSteps/{id}.xml, from the registration attributes.</summary>
public static class PluginXml
{
    /// <summary>Stable id of the plugin assembly.</summary>
    public static Guid AssemblyId(string assemblyName) => StableId.For("pluginassembly:" + assemblyName);

    /// <summary>Stable id of a plugin type.</summary>
    public static Guid TypeId(string fullName) => StableId.For("plugintype:" + fullName);

    /// <summary>The folder of the assembly in the unpacked layout and in the zip.</summary>
    public static string Folder(string assemblyName) => $"PluginAssemblies/{assemblyName}-{AssemblyId(assemblyName).ToString("D").ToUpperInvariant()}";

    /// <summary>The PluginAssembly element.</summary>
    public static XElement Assembly(PluginAssemblyInfo assembly)
    {
        // spkl takes the isolation mode from the first registration; solution files number it 1 none, 2 sandbox.
        var firstIsolation = assembly.Types.SelectMany(t => t.Steps).Select(s => (int?)s.IsolationMode).FirstOrDefault() ?? 1;
        return Root("PluginAssembly",
            new XAttribute("FullName", assembly.FullName),
            new XAttribute("PluginAssemblyId", AssemblyId(assembly.Name).ToString("D")),
            new XAttribute("CustomizationLevel", "1"),
            new XElement("IsolationMode", firstIsolation == 1 ? "2" : "1"),
            new XElement("SourceType", "0"),
            new XElement("IntroducedVersion", CrmCxSolution.Version),
            new XElement("FileName", $"/{Folder(assembly.Name)}/{assembly.Name}.dll"),
            new XElement("PluginTypes", assembly.Types.Select(t => PluginType(assembly, t))));
    }

    private static XElement PluginType(PluginAssemblyInfo assembly, PluginTypeInfo type)
    {
        var qualified = $"{type.FullName}, {assembly.FullName}";
        if (type.Activity is { } activity)
            return new XElement("PluginType", new XAttribute("AssemblyQualifiedName", qualified), new XAttribute("PluginTypeId", TypeId(type.FullName).ToString("D")), new XAttribute("Name", type.FullName),
                new XElement("Description", activity.Description),
                new XElement("FriendlyName", string.IsNullOrEmpty(activity.FriendlyName) ? activity.Name : activity.FriendlyName),
                new XElement("WorkflowActivityGroupName", activity.GroupName));
        return new XElement("PluginType", new XAttribute("AssemblyQualifiedName", qualified), new XAttribute("PluginTypeId", TypeId(type.FullName).ToString("D")), new XAttribute("Name", type.FullName),
            new XElement("FriendlyName", type.FullName));
    }

    /// <summary>
    /// The SdkMessageProcessingStep element of one registration, naming its message by <paramref name="messageId"/>.
    /// Elements follow real exports: SdkMessageId first (mikefactorial/PluginSample commit c98147d7a67d5cff3ce55399761240eb9fad7536,
    /// src/SdkMessageProcessingSteps/{a5191a6b-9290-ee11-8179-000d3a354bf5}.xml; devkeydet/explicitpluginimpersonation commit
    /// ab7a64f101b1003bbe378fc3393698d45ca58491, src/SdkMessageProcessingSteps/{8739256a-3623-ef11-840a-000d3a9c1a05}.xml), then the
    /// 9.0 schema's sequence (CustomizationsSchema accepts that first position). No Configuration: the plug-ins read the
    /// cx_Settings environment variable, and StepCheck refuses a registration that sets one.
    /// </summary>
    public static XElement Step(PluginAssemblyInfo assembly, PluginTypeInfo type, StepInfo step, Guid messageId)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(step);
        var id = StepId(type, step);
        var imageProperty = SdkMessages.ImagePropertyOf(step.Message);
        return Root("SdkMessageProcessingStep", new XAttribute("Name", step.Name), new XAttribute("SdkMessageProcessingStepId", StableId.Braced(id)),
            new XElement("SdkMessageId", messageId.ToString("D")),
            new XElement("PluginTypeName", $"{type.FullName}, {assembly.FullName}"),
            new XElement("PluginTypeId", TypeId(type.FullName).ToString("D")),
            string.Equals(step.Entity, "none", StringComparison.OrdinalIgnoreCase) ? null : new XElement("PrimaryEntity", step.Entity),
            new XElement("AsyncAutoDelete", Bit(step.Asynchronous && step.DeleteAsyncOperation)),
            new XElement("Description", step.Description ?? step.Name),
            new XElement("FilteringAttributes", Normalise(step.FilteringAttributes)),
            new XElement("InvocationSource", "1"),
            new XElement("Mode", Bit(step.Asynchronous)),
            new XElement("Rank", step.Rank.ToString(CultureInfo.InvariantCulture)),
            new XElement("EventHandlerTypeCode", "4602"),
            new XElement("Stage", step.Stage.ToString(CultureInfo.InvariantCulture)),
            new XElement("IsCustomizable", "1"),
            new XElement("IsHidden", "0"),
            new XElement("SupportedDeployment", step.SupportedDeployment.ToString(CultureInfo.InvariantCulture)),
            new XElement("IntroducedVersion", CrmCxSolution.Version),
            new XElement("SdkMessageProcessingStepImages", step.Images.Select(i => new XElement("SdkMessageProcessingStepImage", new XAttribute("Name", i.Name),
                new XElement("SdkMessageProcessingStepImageId", StableId.Braced(StableId.For($"stepimage:{id:D}:{i.Name}"))),
                new XElement("Attributes", Normalise(i.Attributes)),
                new XElement("EntityAlias", i.Name),
                new XElement("ImageType", i.ImageType.ToString(CultureInfo.InvariantCulture)),
                new XElement("MessagePropertyName", imageProperty),
                new XElement("IsCustomizable", "1")))));
    }

    /// <summary>The step id from the attribute; a step without one cannot be upgraded in place, so it is refused.</summary>
    public static Guid StepId(PluginTypeInfo type, StepInfo step)
    {
        if (string.IsNullOrWhiteSpace(step.Id))
            throw new InvalidOperationException($"Step '{step.Name}' of {type.FullName} has no Id: set Id = \"<a new GUID>\" on its CrmPluginRegistration attribute, so that every deployment updates the same step.");
        if (!Guid.TryParse(step.Id, out var id))
            throw new InvalidOperationException($"Step '{step.Name}' of {type.FullName} has an Id that is not a GUID: '{SecurityElement.Escape(step.Id)}'.");
        return id;
    }

    private static string Normalise(string? columns) =>
        columns is null ? string.Empty : string.Join(",", columns.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToLowerInvariant()));
}
