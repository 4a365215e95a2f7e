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
/// <item>it leaves a chart's datadescription and presentationdescription untyped: their content is taken out of the
/// copy and checked here instead: the datadefinition against VisualizationDataDescription.xsd, each of its fetch
/// elements against Fetch.xsd (through this schema set, which includes it), the presentation as a Chart with at least
/// one typed Series;</item>
/// <item>it cannot tell whether a dashboard's chart or grid names a view and a chart the solution carries: every
/// VisualizationId and ViewId of a dashboard must be a visualization and a savedquery of its TargetEntityType in the
/// same document, and every web resource a dashboard shows must be in its WebResources.</item>
/// </list>
/// </summary>
public sealed class CustomizationsSchema
{
    private readonly XmlSchemaSet schemas;
    private readonly XmlSchemaSet visualization;

    private CustomizationsSchema(XmlSchemaSet schemas, XmlSchemaSet visualization)
    {
        this.schemas = schemas;
        this.visualization = visualization;
    }

    /// <summary>Loads the schema set from a folder (the includes resolve relative to it).</summary>
    public static CustomizationsSchema Load(string folder)
    {
        var path = Path.Combine(folder, "CustomizationsSolution.xsd");
        if (!File.Exists(path)) throw new FileNotFoundException($"Schema not found: {path}.", path);
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        using (var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = new XmlUrlResolver() }))
            set.Add(null, reader);
        set.Compile();
        var chartPath = Path.Combine(folder, "VisualizationDataDescription.xsd");
        if (!File.Exists(chartPath)) throw new FileNotFoundException($"Schema not found: {chartPath}.", chartPath);
        var chartSet = new XmlSchemaSet();
        using (var reader = XmlReader.Create(chartPath, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit }))
            chartSet.Add(null, reader);
        chartSet.Compile();
        return new CustomizationsSchema(set, chartSet);
    }

    private IEnumerable<string> ChartErrors(XElement chart)
    {
        var where = $"visualization {chart.Element("savedqueryvisualizationid")?.Value}";
        var data = chart.Element("datadescription");
        var definition = data?.Elements().SingleOrDefault();
        if (definition?.Name.LocalName != "datadefinition") { yield return $"{where}: datadescription must hold one datadefinition"; }
        else
        {
            var shell = new XElement(definition);
            foreach (var fetch in shell.Descendants("fetch")) fetch.RemoveAll();
            foreach (var error in ValidateAgainst(visualization, shell)) yield return $"{where}: datadescription: {error}";
            foreach (var fetch in definition.Descendants("fetch"))
                foreach (var error in ValidateAgainst(schemas, fetch)) yield return $"{where}: datadescription fetch: {error}";
            var aliases = definition.Descendants("fetch").Descendants("attribute").Select(a => (string?)a.Attribute("alias")).ToHashSet(StringComparer.Ordinal);
            foreach (var measure in definition.Descendants("measure").Where(m => !aliases.Contains((string?)m.Attribute("alias"))))
                yield return $"{where}: measure '{(string?)measure.Attribute("alias")}' names no aliased attribute of the fetch";
        }
        var chartElement = chart.Element("presentationdescription")?.Elements().SingleOrDefault();
        if (chartElement?.Name.LocalName != "Chart" || !chartElement.Elements("Series").Elements("Series").Any(x => !string.IsNullOrEmpty((string?)x.Attribute("ChartType"))))
            yield return $"{where}: presentationdescription must hold one Chart with a Series that names its ChartType";
        data?.RemoveNodes();
        chart.Element("presentationdescription")?.RemoveNodes();
    }

    private static IEnumerable<string> DashboardReferenceErrors(XElement root)
    {
        var views = new HashSet<(string, Guid)>();
        var charts = new HashSet<(string, Guid)>();
        foreach (var entity in root.Element("Entities")?.Elements("Entity") ?? Enumerable.Empty<XElement>())
        {
            var name = entity.Element("Name")?.Value.ToLowerInvariant() ?? string.Empty;
            foreach (var id in entity.Descendants("savedqueryid")) if (Guid.TryParse(id.Value, out var g)) views.Add((name, g));
            foreach (var id in entity.Descendants("savedqueryvisualizationid")) if (Guid.TryParse(id.Value, out var g)) charts.Add((name, g));
        }
        var resources = root.Element("WebResources")?.Elements("WebResource").Select(w => w.Element("Name")?.Value).ToHashSet(StringComparer.Ordinal) ?? new HashSet<string?>();
        foreach (var dashboard in root.Element("Dashboards")?.Elements("Dashboard") ?? Enumerable.Empty<XElement>())
            foreach (var control in dashboard.Descendants("control"))
            {
                var where = $"Dashboard {dashboard.Element("FormId")?.Value} control {(string?)control.Attribute("id")}";
                var parameters = control.Element("parameters");
                var url = parameters?.Element("Url")?.Value;
                if (url is not null)
                {
                    if (!resources.Contains(url)) yield return $"{where}: web resource {url} is not in the solution";
                    continue;
                }
                var entity = parameters?.Element("TargetEntityType")?.Value ?? string.Empty;
                if (!Guid.TryParse(parameters?.Element("ViewId")?.Value, out var view) || !views.Contains((entity, view)))
                    yield return $"{where}: ViewId {parameters?.Element("ViewId")?.Value} is no view of {entity} in the solution";
                var chart = parameters?.Element("VisualizationId")?.Value;
                if (chart is not null && (!Guid.TryParse(chart, out var c) || !charts.Contains((entity, c))))
                    yield return $"{where}: VisualizationId {chart} is no chart of {entity} in the solution";
            }
    }

    private static List<string> ValidateAgainst(XmlSchemaSet set, XElement element)
    {
        var errors = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = set, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => errors.Add($"line {e.Exception.LineNumber}: {e.Message}");
        using var reader = XmlReader.Create(new StringReader(element.ToString(SaveOptions.None)), settings);
        while (reader.Read()) { }
        return errors;
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
        if (copy.Root is not null) errors.AddRange(DashboardReferenceErrors(copy.Root));
        foreach (var chart in copy.Descendants("visualization").ToList())
            errors.AddRange(ChartErrors(chart).ToList());
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
