using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using CrmCx.Model;
using CrmCx.Packaging.Content;
using CrmCx.Packaging.Identity;
using CrmCx.Packaging.Registration;
using static CrmCx.Packaging.Generation.XmlFile;

namespace CrmCx.Packaging.Generation;

/// <summary>
/// Produces every file of Solution/ (the SolutionPackager layout) from the data model, the form, view, chart, dashboard, web resource,
/// settings, custom API and schedule catalogs and the plugin assembly's registration attributes. The same inputs give the same text. A step that
/// cannot ship (<see cref="StepCheck"/>) is left out: Solution/ never holds a step an import could not resolve; the
/// commands report such steps and fail.
/// </summary>
public static class SolutionGenerator
{
    /// <summary>Path (relative to Solution/, forward slashes) → file text.</summary>
    public static SortedDictionary<string, string> Generate(PluginAssemblyInfo? assembly)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        void Add(string path, XElement root)
        {
            if (!files.TryAdd(path, ToText(root))) throw new InvalidOperationException($"Two components would be written to {path}.");
        }

        Add("Other/Solution.xml", SolutionManifestXml.For(assembly, managed: 2));
        Add("Other/Customizations.xml", Root("ImportExportXml",
            new XElement("Entities"), new XElement("Roles"), new XElement("Workflows"), new XElement("FieldSecurityProfiles"), new XElement("Templates"),
            new XElement("EntityMaps"), new XElement("EntityRelationships"), new XElement("OrganizationSettings"), new XElement("optionsets"),
            new XElement("CustomControls"), new XElement("EntityDataProviders"),
            // Where exports put connection references: after EntityDataProviders, before Languages (CloudFlowXml).
            CloudFlowXml.ConnectionReferences(),
            new XElement("Languages", new XElement("Language", "1033"), new XElement("Language", "1036"))));

        var schemaNames = CrmCxModel.Tables.ToDictionary(t => t.LogicalName, t => t.SchemaName, StringComparer.Ordinal);
        foreach (var e in CrmCxModel.Extensions) schemaNames[e.LogicalName] = e.SchemaName;

        Add("Other/Relationships.xml", Root("EntityRelationships", CrmCxModel.Relationships.OrderBy(r => r.SchemaName, StringComparer.Ordinal)
            .Select(r => new XElement("EntityRelationship", new XAttribute("Name", r.SchemaName)))));
        foreach (var group in CrmCxModel.Relationships.GroupBy(r => r.ReferencedEntity))
            Add($"Other/Relationships/{schemaNames[group.Key]}.xml", Root("EntityRelationships",
                group.OrderBy(r => r.SchemaName, StringComparer.Ordinal).Select(r => RelationshipXml.For(r, schemaNames[r.ReferencedEntity], schemaNames[r.ReferencingEntity]))));

        foreach (var table in CrmCxModel.Tables)
        {
            Add($"Entities/{table.SchemaName}/Entity.xml", EntityXml.ForTable(table));
            AddViewsAndCharts(table.LogicalName, table.SchemaName);
        }
        foreach (var extension in CrmCxModel.Extensions)
        {
            Add($"Entities/{extension.SchemaName}/Entity.xml", EntityXml.ForExtension(extension));
            // Views and charts CrmCx adds to a standard table are new components of their own, valid in both zips.
            AddViewsAndCharts(extension.LogicalName, extension.SchemaName);
        }
        foreach (var dashboard in DashboardCatalog.All)
            Add($"{DashboardXml.Folder}/{StableId.Braced(dashboard.Id)}.xml", DashboardXml.For(dashboard));

        void AddViewsAndCharts(string entity, string schemaName)
        {
            foreach (var view in ViewCatalog.Of(entity))
                Add($"Entities/{schemaName}/SavedQueries/{StableId.Braced(view.Id)}.xml", SavedQueryXml.For(view));
            foreach (var chart in ChartCatalog.Of(entity))
                Add($"Entities/{schemaName}/Visualizations/{StableId.Braced(chart.Id)}.xml", VisualizationXml.For(chart));
        }
        foreach (var form in FormCatalog.Forms)
        {
            var xml = FormXml.For(form);
            var folder = $"Entities/{form.EntitySchemaName}/FormXml/{form.Folder}/{StableId.Braced(form.Id)}";
            // SolutionPackager packs {id}.xml into the unmanaged zip and {id}_managed.xml into the managed one. A difference
            // (solutionaction="Added") of one of Microsoft's forms is valid only in a managed solution, so it has no unmanaged file.
            if (!form.IsDifference) Add(folder + ".xml", xml);
            Add(folder + "_managed.xml", xml);
        }

        foreach (var choice in CrmCxModel.Choices) Add($"OptionSets/{choice.Name}.xml", OptionSetXml.For(choice));
        foreach (var role in CrmCxModel.Roles) Add($"Roles/{role.Name}.xml", RoleXml.For(role));
        foreach (var resource in WebResourceCatalog.All) Add($"WebResources/{resource.Name}.data.xml", WebResourceXml.For(resource));
        // Exports write environment variable definitions without an XML declaration (see EnvironmentVariableXml).
        if (!files.TryAdd(SettingsCatalog.File, ToText(EnvironmentVariableXml.Settings(), declaration: false))) throw new InvalidOperationException($"Two components would be written to {SettingsCatalog.File}.");
        // Custom API files are written like exports write them: without an XML declaration (see CustomApiXml).
        foreach (var (path, root) in CustomApiCatalog.All.SelectMany(CustomApiXml.Files))
            if (!files.TryAdd(path, ToText(root, declaration: false))) throw new InvalidOperationException($"Two components would be written to {path}.");
        Add(CloudFlowXml.DataPath, CloudFlowXml.Workflow());
        if (!files.TryAdd(CloudFlowXml.JsonPath, CloudFlowXml.FlowJson())) throw new InvalidOperationException($"Two components would be written to {CloudFlowXml.JsonPath}.");

        if (assembly is not null)
        {
            Add($"{PluginXml.Folder(assembly.Name)}/{assembly.Name}.dll.data.xml", PluginXml.Assembly(assembly));
            foreach (var (type, step) in assembly.Steps.Where(s => StepCheck.CanShip(s.Type, s.Step)))
                Add($"SdkMessageProcessingSteps/{StableId.Braced(PluginXml.StepId(type, step))}.xml", PluginXml.Step(assembly, type, step, SdkMessages.IdOf(step.Message)!.Value));
        }
        return files;
    }
}
