using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;

namespace CrmCx.Packaging.Validation;

/// <summary>
/// Validates customizations.xml against Microsoft's CustomizationsSolution.xsd (9.0.0.2090). That schema predates
/// what newer exports carry, in two places, and a copy is adjusted for those before validating; everything else is
/// validated as written:
/// <list type="bullet">
/// <item>it declares solutionaction (the managed form-difference marker) only on a few parameter values, while the
/// platform reads it on tabs, sections, form libraries and event handlers: those attributes are removed;</item>
/// <item>its step sequence puts SdkMessageId after Rank, while Dataverse exports it as the step's first element
/// (mikefactorial/PluginSample commit c98147d7a67d5cff3ce55399761240eb9fad7536 and devkeydet/explicitpluginimpersonation
/// commit ab7a64f101b1003bbe378fc3393698d45ca58491, src/SdkMessageProcessingSteps/*.xml) and imports what it exports:
/// an SdkMessageId in that first position is moved to the schema's position. Anywhere else it is validated as written,
/// so any other misplacement is still reported.</item>
/// </list>
/// </summary>
public sealed class CustomizationsSchema
{
    private readonly XmlSchemaSet schemas;

    private CustomizationsSchema(XmlSchemaSet schemas) => this.schemas = schemas;

    /// <summary>Loads the schema set from a folder (the includes resolve relative to it).</summary>
    public static CustomizationsSchema Load(string folder)
    {
        var path = Path.Combine(folder, "CustomizationsSolution.xsd");
        if (!File.Exists(path)) throw new FileNotFoundException($"Schema not found: {path}.", path);
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        using (var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = new XmlUrlResolver() }))
            set.Add(null, reader);
        set.Compile();
        return new CustomizationsSchema(set);
    }

    // CustomizationsSolution.xsd, sdkmessageprocessingsteptype: … Mode, Rank, SdkMessageId, EventHandler, EventHandlerTypeCode, Stage …
    private static readonly string[] AfterMessageId = { "EventHandler", "EventHandlerTypeCode", "Stage", "IsCustomizable", "IsHidden", "SupportedDeployment", "IntroducedVersion", "SdkMessageProcessingStepImages" };

    private static void MoveExportedMessageIdToSchemaPosition(XElement step)
    {
        var first = step.Elements().FirstOrDefault();
        if (first?.Name.LocalName != "SdkMessageId") return;
        var next = step.Elements().Skip(1).FirstOrDefault(e => Array.IndexOf(AfterMessageId, e.Name.LocalName) >= 0);
        first.Remove();
        if (next is null) step.Add(first);
        else next.AddBeforeSelf(first);
    }

    /// <summary>Every validation error, with its line; empty when the document is valid.</summary>
    public IReadOnlyList<string> Validate(XDocument customizations)
    {
        var copy = new XDocument(customizations);
        foreach (var form in copy.Descendants("form").ToList())
            form.DescendantsAndSelf().Attributes("solutionaction").Remove();
        foreach (var step in copy.Descendants("SdkMessageProcessingStep").ToList())
            MoveExportedMessageIdToSchemaPosition(step);
        var text = copy.ToString(SaveOptions.None);
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        // Warnings count too: "could not find schema information" means an element the schema does not cover went unchecked.
        settings.ValidationEventHandler += (_, e) => errors.Add($"line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(text), settings);
        while (reader.Read()) { }
        return errors;
    }
}
