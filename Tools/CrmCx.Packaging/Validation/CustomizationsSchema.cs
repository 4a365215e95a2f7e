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
/// <item>it has no connectionreferences section (dataverse-reference.md §8), which exports carry between EntityDataProviders
/// and Languages: the section is taken out of the copy and checked here instead (each connectionreference named by a
/// connectionreferencelogicalname, with a display name and a connector id, and only the children exports write);</item>
/// <item>its Workflow type predates cloud flows: a modern flow's row (Category 5) carries JsonFileName first and
/// IsCustomProcessingStepAllowedForOtherPublishers after IsCustomizable, as exports write it (microsoft/PowerApps-Samples
/// commit 3297c082f229b0fd37220b5cb1d8d662aecc0d92, CreateAIBuilderpromptsusingyourownDataversedata_1_0_0_1_managed.zip).
/// Those two elements are taken out of a Category 5 row after checking JsonFileName names a Workflows/*.json part;
/// everything else of the row is validated as written.</item>
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

    // The children of a connectionreference in exports (microsoft/coe-starter-kit CenterofExcellenceCoreComponents/SolutionPackage/src/Other/Customizations.xml,
    // commit 050826dfb078dd46f0f43ecd1b007c281016689f; the PowerApps-Samples zip above), in their order.
    private static readonly string[] ConnectionReferenceChildren = { "connectionreferencedisplayname", "connectorid", "description", "iscustomizable", "statecode", "statuscode" };

    private static IEnumerable<string> ConnectionReferenceErrors(XElement section)
    {
        foreach (var element in section.Elements())
        {
            var name = (string?)element.Attribute("connectionreferencelogicalname");
            var where = $"connectionreferences: {element.Name.LocalName} '{name}'";
            if (element.Name.LocalName != "connectionreference") { yield return $"{where}: only connectionreference elements belong here"; continue; }
            if (string.IsNullOrWhiteSpace(name)) yield return $"{where}: no connectionreferencelogicalname";
            if (string.IsNullOrWhiteSpace(element.Element("connectionreferencedisplayname")?.Value)) yield return $"{where}: no connectionreferencedisplayname";
            if (element.Element("connectorid")?.Value.StartsWith("/providers/Microsoft.PowerApps/apis/", StringComparison.Ordinal) != true)
                yield return $"{where}: connectorid must name a connector as /providers/Microsoft.PowerApps/apis/<name>";
            var children = element.Elements().Select(e => e.Name.LocalName).ToList();
            foreach (var unknown in children.Where(c => Array.IndexOf(ConnectionReferenceChildren, c) < 0)) yield return $"{where}: unknown element {unknown}";
            var known = children.Where(c => Array.IndexOf(ConnectionReferenceChildren, c) >= 0).ToList();
            if (!known.SequenceEqual(known.OrderBy(c => Array.IndexOf(ConnectionReferenceChildren, c)))) yield return $"{where}: elements out of order";
        }
    }

    private static IEnumerable<string> SetAsideModernFlowElements(XElement flow)
    {
        var first = flow.Elements().FirstOrDefault();
        var where = $"Workflow {(string?)flow.Attribute("WorkflowId")}";
        if (first?.Name.LocalName != "JsonFileName")
            yield return $"{where}: a cloud flow (Category 5) starts with its JsonFileName";
        else if (!first.Value.StartsWith("/Workflows/", StringComparison.Ordinal) || !first.Value.EndsWith(".json", StringComparison.Ordinal))
            yield return $"{where}: JsonFileName must be /Workflows/<name>.json";
        else
            first.Remove();
        flow.Elements("IsCustomProcessingStepAllowedForOtherPublishers").Where(e => e.ElementsBeforeSelf().LastOrDefault()?.Name.LocalName == "IsCustomizable").Remove();
    }

    /// <summary>Every validation error, with its line; empty when the document is valid.</summary>
    public IReadOnlyList<string> Validate(XDocument customizations)
    {
        var copy = new XDocument(customizations);
        foreach (var form in copy.Descendants("form").ToList())
            form.DescendantsAndSelf().Attributes("solutionaction").Remove();
        foreach (var step in copy.Descendants("SdkMessageProcessingStep").ToList())
            MoveExportedMessageIdToSchemaPosition(step);
        var errors = new List<string>();
        foreach (var section in copy.Root?.Elements("connectionreferences").ToList() ?? new List<XElement>())
        {
            errors.AddRange(ConnectionReferenceErrors(section));
            section.Remove();
        }
        foreach (var flow in copy.Descendants("Workflow").Where(w => w.Element("Category")?.Value == "5").ToList())
            errors.AddRange(SetAsideModernFlowElements(flow));
        var text = copy.ToString(SaveOptions.None);
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        // Warnings count too: "could not find schema information" means an element the schema does not cover went unchecked.
        settings.ValidationEventHandler += (_, e) => errors.Add($"line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(text), settings);
        while (reader.Read()) { }
        return errors;
    }
}
