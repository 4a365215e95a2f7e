using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using CrmCx.Model;
using CrmCx.Model.Labels;
using CrmCx.Packaging.Content;
using CrmCx.Packaging.Identity;
using CrmCx.Packaging.Registration;
using static CrmCx.Packaging.Generation.XmlFile;

namespace CrmCx.Packaging.Generation;

/// <summary>Other/Solution.xml: the manifest (unique name, version, publisher, root components).</summary>
public static class SolutionManifestXml
{
    /// <summary>Solution component types (componenttype choice).</summary>
    private const int Entity = 1, OptionSet = 9, Role = 20, SavedQuery = 26, Workflow = 29, SavedQueryVisualization = 59, SystemForm = 60, WebResource = 61, PluginAssembly = 91, Step = 92;

    /// <summary>
    /// The manifest; managed is 0 or 1 in a zip, 2 in the unpacked folder (both kinds can be packed). Component type codes
    /// are the ComponentType choice of Microsoft's SolutionComponent table reference (MicrosoftDocs/powerapps-docs,
    /// powerapps-docs/developer/data-platform/reference/entities/solutioncomponent.md, commit 1b6722f3d3bb2df684b71d6c2aab31dca9d8d4b4).
    /// The cx_Settings environment variable (component type 380 there) is not listed: exports carry environment variable
    /// definitions as their own folder and leave them out of RootComponents (microsoft/terraform-provider-power-platform
    /// commit 57ba091a132156ca50582343473e716da18c25e7, both example zips; microsoft/coe-starter-kit Core Components and
    /// devkeydet/explicitpluginimpersonation Other/Solution.xml), and this manifest follows them. So are the custom API
    /// cx_Recalculate and the connection reference cx_DataverseConnection: the zips Microsoft exported with custom APIs
    /// (microsoft/PowerApps-Samples commit 3297c082f229b0fd37220b5cb1d8d662aecc0d92, IsSystemAdminFunction_1_0_0_0_managed.zip and
    /// ExportDataUsingFetchXmlToAnnotation_1_0_0_0_managed.zip) list only their plugin assembly, and those with a connection
    /// reference (same commit, CreateAIBuilderpromptsusingyourownDataversedata_1_0_0_1_managed.zip; coe-starter-kit Core
    /// Components) only their flows; neither component has a code in the ComponentType choice of that reference.
    /// </summary>
    public static XElement For(PluginAssemblyInfo? assembly, int managed)
    {
        var roots = new List<XElement>();
        roots.AddRange(CrmCxModel.Tables.Select(t => Root(Entity, schemaName: t.LogicalName)));
        // Standard tables travel as shells (behavior 2): only CrmCx's columns and form additions, never Microsoft's table.
        roots.AddRange(CrmCxModel.Extensions.Select(e => Root(Entity, schemaName: e.LogicalName, behavior: 2)));
        roots.AddRange(CrmCxModel.Choices.Select(c => Root(OptionSet, schemaName: c.Name)));
        roots.AddRange(CrmCxModel.Roles.Select(r => Root(Role, id: StableId.Braced(r.Id))));
        // Exports list a cloud flow as a Workflow (29) by id (microsoft/PowerApps-Samples commit 3297c082f229b0fd37220b5cb1d8d662aecc0d92,
        // ai-builder/LearningModules/CreateAIBuilderpromptsusingyourownDataversedata_1_0_0_1_managed.zip; coe-starter-kit Core Components).
        roots.Add(Root(Workflow, id: StableId.Braced(ScheduleCatalog.FlowId)));
        roots.AddRange(FormCatalog.Forms.Where(f => f.IsDifference).Select(f => Root(SystemForm, id: StableId.Braced(f.Id))));
        // A standard table travels as a shell, which carries none of its views and charts: CrmCx's own are listed by id
        // (those of CrmCx's tables come with their table).
        var standard = CrmCxModel.Extensions.Select(e => e.LogicalName).ToHashSet(StringComparer.Ordinal);
        roots.AddRange(ViewCatalog.Views.Where(v => standard.Contains(v.Entity)).Select(v => Root(SavedQuery, id: StableId.Braced(v.Id))));
        roots.AddRange(ChartCatalog.Charts.Where(c => standard.Contains(c.Entity)).Select(c => Root(SavedQueryVisualization, id: StableId.Braced(c.Id))));
        // A dashboard is a system form (type 0) of its own.
        roots.AddRange(DashboardCatalog.All.Select(d => Root(SystemForm, id: StableId.Braced(d.Id))));
        roots.AddRange(WebResourceCatalog.All.Select(w => Root(WebResource, schemaName: w.Name)));
        if (assembly is not null)
        {
            roots.Add(Root(PluginAssembly, id: StableId.Braced(PluginXml.AssemblyId(assembly.Name)), schemaName: assembly.FullName));
            roots.AddRange(assembly.Steps.Where(s => StepCheck.CanShip(s.Type, s.Step)).Select(s => Root(Step, id: StableId.Braced(PluginXml.StepId(s.Type, s.Step)))));
        }

        var name = new Label("CrmCx", "CrmCx");
        return XmlFile.Root("ImportExportXml",
            new XAttribute("version", "9.2.0.0"), new XAttribute("SolutionPackageVersion", "9.2"), new XAttribute("languagecode", Label.EnglishLcid), new XAttribute("generatedBy", "CrmLive"),
            new XElement("SolutionManifest",
                new XElement("UniqueName", CrmCxModel.SolutionUniqueName),
                Labels("LocalizedNames", "LocalizedName", name),
                Labels("Descriptions", "Description", new Label("Customer experience for Dynamics 365: NPS, customer journeys and risk.", "Expérience client pour Dynamics 365 : NPS, parcours clients et risque.")),
                new XElement("Version", CrmCxSolution.Version),
                new XElement("Managed", managed),
                new XElement("Publisher",
                    new XElement("UniqueName", CrmCxModel.PublisherUniqueName),
                    Labels("LocalizedNames", "LocalizedName", new Label(CrmCxModel.PublisherDisplayName, CrmCxModel.PublisherDisplayName)),
                    Labels("Descriptions", "Description", new Label("Publisher of CrmCx.", "Éditeur de CrmCx.")),
                    Nil("EMailAddress"),
                    Nil("SupportingWebsiteUrl"),
                    new XElement("CustomizationPrefix", CrmCxModel.CustomizationPrefix),
                    new XElement("CustomizationOptionValuePrefix", CrmCxModel.OptionValuePrefix),
                    new XElement("Addresses", Address(1), Address(2))),
                new XElement("RootComponents", roots),
                new XElement("MissingDependencies")));
    }

    /// <summary>The RootComponent element of one SDK message processing step (type 92), as the packer adds a step given --message-id.</summary>
    public static XElement StepRoot(Guid stepId) => Root(Step, id: StableId.Braced(stepId));

    private static XElement Root(int type, string? schemaName = null, string? id = null, int behavior = 0) =>
        new("RootComponent", new XAttribute("type", type), id is null ? null : new XAttribute("id", id), schemaName is null ? null : new XAttribute("schemaName", schemaName), new XAttribute("behavior", behavior));

    private static XElement Nil(string name) => new(name, new XAttribute(Xsi + "nil", "true"));

    private static XElement Address(int number) =>
        new("Address",
            new XElement("AddressNumber", number),
            new XElement("AddressTypeCode", "1"),
            Nil("City"), Nil("County"), Nil("Country"), Nil("Fax"), Nil("FreightTermsCode"), Nil("ImportSequenceNumber"), Nil("Latitude"),
            Nil("Line1"), Nil("Line2"), Nil("Line3"), Nil("Longitude"), Nil("Name"), Nil("PostalCode"), Nil("PostOfficeBox"), Nil("PrimaryContactName"),
            new XElement("ShippingMethodCode", "1"),
            Nil("StateOrProvince"), Nil("Telephone1"), Nil("Telephone2"), Nil("Telephone3"), Nil("TimeZoneRuleVersionNumber"), Nil("UPSZone"), Nil("UTCOffset"), Nil("UTCConversionTimeZoneCode"));
}
