using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using CrmCx.Model.Labels;
using CrmCx.Model.Tables;
using CrmCx.Packaging.Identity;
using CrmCx.Schema;

namespace CrmCx.Packaging.Content;

/// <summary>
/// A system chart (savedqueryvisualization) of a table. A chart holds only its aggregation; the rows come from the view
/// it is shown with (the dashboard cell's ViewId), so every chart names the shipped view it is meant for.
/// </summary>
public sealed record ChartModel(string Entity, string Key, Label Name, Label Description, string ViewKey, XElement DataDescription, XElement PresentationDescription)
{
    /// <summary>Stable id.</summary>
    public Guid Id => StableId.For($"chart:{Entity}:{Key}");

    /// <summary>The view the chart is shown with.</summary>
    public ViewModel View => ViewCatalog.Get(Entity, ViewKey);
}

/// <summary>
/// The system charts of the CX overview dashboard. Data and presentation descriptions follow Microsoft's "Sample charts"
/// (MicrosoftDocs/powerapps-docs, powerapps-docs/developer/model-driven-apps/sample-charts.md, commit
/// 0671fd486315ac9d5bf164904db4d05316c87e04): a comparison (stacked) chart has two groupby attributes and one measure (the
/// first groupby is the category axis, the second the stacked series); a bar chart one groupby and one measure; the
/// category names no alias, as in the samples. The data description is validated against VisualizationDataDescription.xsd.
/// </summary>
public static class ChartCatalog
{
    /// <summary>Key of "At-risk journeys by type and stage".</summary>
    public const string AtRiskByTypeAndStage = "atriskbytypeandstage";
    /// <summary>Key of "NPS by account owner".</summary>
    public const string NpsByAccountOwner = "npsbyaccountowner";

    /// <summary>Every chart.</summary>
    public static IReadOnlyList<ChartModel> Charts { get; } = new[]
    {
        new ChartModel(CustomerJourneyTable.LogicalName, AtRiskByTypeAndStage,
            new Label("At-risk journeys by type and stage", "Parcours à risque par type et étape"),
            new Label("Open journeys at Medium or High risk, by journey type, stacked by the stage they are in.",
                "Parcours ouverts à risque moyen ou élevé, par type de parcours, empilés par étape en cours."),
            ViewCatalog.AtRiskJourneys,
            Data(CustomerJourneyTable.LogicalName,
                Aggregate(JourneySchema.Id, "count", "journeys"),
                GroupBy(JourneySchema.JourneyType, "journeytype"),
                GroupBy(JourneySchema.CurrentStage, "stage")),
            Presentation("StackedColumn", legend: true)),
        // A mean of the accounts' NPS, each account counting once: pooling the responses would need the counts of every
        // account, which a chart aggregate cannot combine into an NPS. The admin guide says so.
        new ChartModel("account", NpsByAccountOwner,
            new Label("NPS by account owner", "NPS par propriétaire de compte"),
            new Label("Average NPS of each owner's accounts that have responses in the window.",
                "NPS moyen des comptes de chaque propriétaire ayant des réponses dans la fenêtre."),
            ViewCatalog.AccountsWithNps,
            Data("account",
                Aggregate(JourneySchema.Nps, "avg", "averagenps"),
                GroupBy("ownerid", "owner")),
            Presentation("Bar", legend: false)),
    };

    /// <summary>The chart of a table with this key.</summary>
    public static ChartModel Get(string entity, string key) => Charts.Single(c => c.Entity == entity && c.Key == key);

    /// <summary>The charts of one table.</summary>
    public static IEnumerable<ChartModel> Of(string entity) => Charts.Where(c => c.Entity == entity);

    private static XElement Data(string entity, XElement measure, params XElement[] groupBys) =>
        new("datadefinition",
            new XElement("fetchcollection",
                new XElement("fetch", new XAttribute("mapping", "logical"), new XAttribute("aggregate", "true"),
                    new XElement("entity", new XAttribute("name", entity), measure, groupBys))),
            new XElement("categorycollection",
                new XElement("category",
                    new XElement("measurecollection",
                        new XElement("measure", new XAttribute("alias", (string)measure.Attribute("alias")!))))));

    private static XElement Aggregate(string column, string aggregate, string alias) =>
        new("attribute", new XAttribute("name", column), new XAttribute("aggregate", aggregate), new XAttribute("alias", alias));

    private static XElement GroupBy(string column, string alias) =>
        new("attribute", new XAttribute("name", column), new XAttribute("groupby", "true"), new XAttribute("alias", alias));

    // The presentation of Microsoft's samples, reduced to the series type, the axes and the legend. {0} is the font the
    // platform fills in.
    private static XElement Presentation(string chartType, bool legend) =>
        new("Chart", new XAttribute("Palette", "None"),
            new XAttribute("PaletteCustomColors", "55,118,193; 197,56,52; 149,189,66; 117,82,160; 49,171,204; 255,136,35; 97,142,206; 209,98,96; 168,203,104; 142,116,178; 93,186,215; 255,155,83"),
            new XElement("Series",
                new XElement("Series", new XAttribute("ChartType", chartType), new XAttribute("IsValueShownAsLabel", "True"), new XAttribute("Font", "{0}, 9.5px"), new XAttribute("LabelForeColor", "59, 59, 59"),
                    new XAttribute("CustomProperties", "MinPixelPointWidth=5, PointWidth=0.75, MaxPixelPointWidth=40"),
                    new XElement("SmartLabelStyle", new XAttribute("Enabled", "True")))),
            new XElement("ChartAreas",
                new XElement("ChartArea", new XAttribute("BorderColor", "White"), new XAttribute("BorderDashStyle", "Solid"),
                    Axis("AxisY"), Axis("AxisX"))),
            new XElement("Titles",
                new XElement("Title", new XAttribute("Alignment", "TopLeft"), new XAttribute("DockingOffset", "-3"), new XAttribute("Font", "{0}, 13px"), new XAttribute("ForeColor", "59, 59, 59"))),
            legend
                ? new XElement("Legends", new XElement("Legend", new XAttribute("Alignment", "Center"), new XAttribute("LegendStyle", "Table"), new XAttribute("Docking", "Bottom"),
                    new XAttribute("IsEquallySpacedItems", "True"), new XAttribute("Font", "{0}, 11px"), new XAttribute("ShadowColor", "0, 0, 0, 0"), new XAttribute("ForeColor", "59, 59, 59")))
                : null);

    private static XElement Axis(string name) =>
        new(name, new XAttribute("LabelAutoFitMinFontSize", "8"), new XAttribute("TitleForeColor", "59, 59, 59"), new XAttribute("TitleFont", "{0}, 10.5px"), new XAttribute("LineColor", "165, 172, 181"),
            new XAttribute("IntervalAutoMode", "VariableCount"),
            new XElement("MajorGrid", new XAttribute("LineColor", "239, 242, 246")),
            new XElement("LabelStyle", new XAttribute("Font", "{0}, 10.5px"), new XAttribute("ForeColor", "59, 59, 59")));
}
