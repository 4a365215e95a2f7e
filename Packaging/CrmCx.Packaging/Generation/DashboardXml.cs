using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using CrmCx.Model.Labels;
using CrmCx.Packaging.Content;
using CrmCx.Packaging.Identity;
using static CrmCx.Packaging.Generation.XmlFile;

namespace CrmCx.Packaging.Generation;

/// <summary>
/// Entities/&lt;Schema&gt;/Visualizations/{id}.xml: one system chart, the visualization element of the entity's
/// Visualizations section in CustomizationsSolution.xsd (savedqueryvisualizationid, names, data and presentation
/// descriptions). The folder is the one SolutionPackager documents for charts (dataverse-reference.md §2.2).
/// </summary>
public static class VisualizationXml
{
    /// <summary>The visualization element.</summary>
    public static XElement For(ChartModel chart) =>
        Root("visualization",
            new XElement("savedqueryvisualizationid", StableId.Braced(chart.Id)),
            new XElement("datadescription", new XElement(chart.DataDescription)),
            new XElement("presentationdescription", new XElement(chart.PresentationDescription)),
            new XElement("isdefault", "0"),
            new XElement("IsCustomizable", "1"),
            new XElement("CanBeDeleted", "1"),
            new XElement("IntroducedVersion", CrmCxSolution.Version),
            Labels("LocalizedNames", "LocalizedName", chart.Name),
            Labels("Descriptions", "Description", chart.Description));
}

/// <summary>
/// Dashboards/{id}.xml: one system dashboard, the Dashboard element of customizations.xml's Dashboards section
/// (CustomizationsSolution.xsd DashboardsType: FormId, names, FormXml with forms type="dashboard"; the shape Microsoft's
/// "Create a dashboard by customizing a form" shows, MicrosoftDocs/powerapps-docs
/// powerapps-docs/developer/model-driven-apps/create-dashboards.md). The form follows "Sample dashboards"
/// (sample-dashboards.md, commit 0671fd486315ac9d5bf164904db4d05316c87e04): charts and grids are the subgrid control with
/// a ViewId (and a VisualizationId for a chart), one row per rowspan unit as that page's limitations section asks.
/// </summary>
public static class DashboardXml
{
    private const string GridClass = "{E7A81278-8635-4d9e-8D4D-59480B391C5B}";
    private const string WebResourceClass = "{9FDF5F91-88B1-47f4-AD53-C11EFC01A01D}";
    private const int RowSpan = 12;

    /// <summary>The folder of dashboards in the unpacked layout.</summary>
    public const string Folder = "Dashboards";

    /// <summary>The Dashboard element.</summary>
    public static XElement For(DashboardModel dashboard)
    {
        var charts = dashboard.Cells.OfType<DashboardChartCell>().Cast<DashboardCell>().ToList();
        var others = dashboard.Cells.Where(c => c is not DashboardChartCell).ToList();
        var form = new XElement("form",
            new XElement("tabs",
                Tab(dashboard, "charts", dashboard.Name, charts),
                Tab(dashboard, "lists", dashboard.Name, others)),
            // Only the roles named see the dashboard (the form's display conditions, as for role-based forms).
            new XElement("DisplayConditions", new XAttribute("Order", "0"), new XAttribute("FallbackForm", "false"),
                dashboard.Roles.Select(r => new XElement("Role", new XAttribute("Id", StableId.Braced(r.Id))))));
        return Root("Dashboard",
            new XElement("FormId", StableId.Braced(dashboard.Id)),
            Labels("LocalizedNames", "LocalizedName", dashboard.Name),
            Labels("Descriptions", "Description", dashboard.Description),
            new XElement("IsCustomizable", "1"),
            new XElement("IsDefault", "0"),
            new XElement("CanBeDeleted", "1"),
            new XElement("FormXml", new XElement("forms", new XAttribute("type", "dashboard"), form)),
            new XElement("IntroducedVersion", CrmCxSolution.Version),
            new XElement("IsTabletEnabled", "0"));
    }

    private static XElement Tab(DashboardModel dashboard, string name, Label label, IReadOnlyList<DashboardCell> cells)
    {
        if (cells.Count == 0) throw new InvalidOperationException($"Dashboard {dashboard.Key}: tab {name} has no component (a dashboard tab needs a section with cells).");
        var id = StableId.Braced(dashboard.ElementId("tab:" + name));
        var sectionId = StableId.Braced(dashboard.ElementId("section:" + name));
        return new XElement("tab", new XAttribute("name", name), new XAttribute("id", id), new XAttribute("showlabel", "false"), new XAttribute("verticallayout", "true"),
            new XAttribute("locklevel", "0"), new XAttribute("expanded", "true"),
            Labels("labels", "label", label),
            new XElement("columns", new XElement("column", new XAttribute("width", "100%"),
                new XElement("sections",
                    new XElement("section", new XAttribute("name", name + "_section"), new XAttribute("id", sectionId), new XAttribute("showlabel", "false"), new XAttribute("showbar", "false"),
                        new XAttribute("columns", new string('1', cells.Count)),
                        Labels("labels", "label", label),
                        new XElement("rows",
                            new XElement("row", cells.Select(c => Cell(dashboard, c))),
                            Enumerable.Range(1, RowSpan - 1).Select(_ => new XElement("row"))))))));
    }

    private static XElement Cell(DashboardModel dashboard, DashboardCell cell)
    {
        var control = cell switch
        {
            DashboardChartCell c => new XElement("control", new XAttribute("id", c.ControlId), new XAttribute("classid", GridClass),
                Parameters(c.Chart.Entity, "Chart", c.Chart.View.Id,
                    new XElement("VisualizationId", StableId.Braced(c.Chart.Id)),
                    new XElement("IsUserChart", "false"),
                    new XElement("EnableChartPicker", "false"))),
            DashboardGridCell g => new XElement("control", new XAttribute("id", g.ControlId), new XAttribute("classid", GridClass),
                Parameters(g.View.Entity, "Grid", g.View.Id)),
            DashboardWebResourceCell w => new XElement("control", new XAttribute("id", w.ControlId), new XAttribute("classid", WebResourceClass),
                new XElement("parameters",
                    new XElement("Url", w.WebResource),
                    new XElement("PassParameters", "false"),
                    new XElement("Security", "false"),
                    new XElement("Scrolling", "auto"),
                    new XElement("Border", "false"),
                    new XElement("WebResourceId", StableId.Braced(WebResourceCatalog.Get(w.WebResource).Id)))),
            _ => throw new ArgumentOutOfRangeException(nameof(cell), cell, "Unknown dashboard cell."),
        };
        return new XElement("cell", new XAttribute("id", StableId.Braced(dashboard.ElementId("cell:" + cell.ControlId))), new XAttribute("colspan", "1"), new XAttribute("rowspan", RowSpan),
            new XAttribute("showlabel", "false"), new XAttribute("auto", "false"),
            Labels("labels", "label", cell.Label),
            control);
    }

    private static XElement Parameters(string entity, string mode, Guid viewId, params XElement[] more) =>
        new("parameters",
            new XElement("TargetEntityType", entity),
            new XElement("ChartGridMode", mode),
            new XElement("EnableQuickFind", "false"),
            new XElement("EnableViewPicker", "false"),
            new XElement("EnableJumpBar", "false"),
            new XElement("RecordsPerPage", "10"),
            new XElement("ViewId", StableId.Braced(viewId)),
            new XElement("IsUserView", "false"),
            new XElement("ViewIds"),
            new XElement("AutoExpand", "Fixed"),
            more,
            new XElement("RelationshipName"));
}
