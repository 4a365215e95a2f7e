using System;
using System.Linq;
using System.Xml.Linq;
using CrmCx.Model;
using CrmCx.Model.Columns;
using CrmCx.Model.Labels;
using CrmCx.Packaging.Content;
using CrmCx.Packaging.Identity;
using static CrmCx.Packaging.Generation.XmlFile;

namespace CrmCx.Packaging.Generation;

/// <summary>Entities/&lt;Schema&gt;/FormXml/&lt;type&gt;/{id}.xml: one system form.</summary>
public static class FormXml
{
    private const string WebResourceClass = "{9FDF5F91-88B1-47f4-AD53-C11EFC01A01D}";
    private const string SubgridClass = "{E7A81278-8635-4d9e-8D4D-59480B391C5B}";
    private const string LookupClass = "{270BD3DB-D9AF-4782-9025-509E298DEC0A}";

    /// <summary>The forms element holding the form.</summary>
    public static XElement For(FormModel form)
    {
        var added = form.IsDifference ? new XAttribute("solutionaction", "Added") : null;
        var body = new XElement("form",
            new XElement("tabs", form.Tabs.Select(t => Tab(form, t, added))));
        if (form.Handlers.Count > 0)
            body.Add(new XElement("events", form.Handlers.GroupBy(h => h.Event).Select(g =>
                new XElement("event", new XAttribute("name", g.Key), new XAttribute("application", "false"), new XAttribute("active", "false"),
                    new XElement("Handlers", g.Select(h => new XElement("Handler",
                        new XAttribute("functionName", h.Function), new XAttribute("libraryName", h.Library),
                        new XAttribute("handlerUniqueId", StableId.Braced(form.ElementId("handler:" + h.Event + ":" + h.Function))),
                        new XAttribute("enabled", "true"), new XAttribute("parameters", string.Empty), new XAttribute("passExecutionContext", "true"), added)))))));
        if (form.Libraries.Count > 0)
            body.Add(new XElement("formLibraries", form.Libraries.Select(l => new XElement("Library",
                new XAttribute("name", l), new XAttribute("libraryUniqueId", StableId.Braced(form.ElementId("library:" + l))), added))));
        if (!form.IsDifference)
            body.Add(new XElement("DisplayConditions", new XAttribute("Order", "0"), new XAttribute("FallbackForm", "true"), new XElement("Everyone")));

        return Root("forms",
            new XElement("systemform",
                new XElement("formid", StableId.Braced(form.Id)),
                new XElement("IntroducedVersion", CrmCxSolution.Version),
                new XElement("FormPresentation", "1"),
                new XElement("FormActivationState", "1"),
                body,
                new XElement("IsCustomizable", "1"),
                new XElement("CanBeDeleted", form.IsDifference ? "0" : "1"),
                Labels("LocalizedNames", "LocalizedName", form.Name),
                Labels("Descriptions", "Description", form.Description)));
    }

    private static XElement Tab(FormModel form, TabModel tab, XAttribute? added) =>
        new("tab", new XAttribute("name", tab.Name), new XAttribute("id", StableId.Braced(form.ElementId("tab:" + tab.Name))),
            new XAttribute("IsUserDefined", "0"), new XAttribute("locklevel", "0"), new XAttribute("showlabel", "true"), new XAttribute("expanded", "true"), new XAttribute("verticallayout", "true"),
            added,
            Labels("labels", "label", tab.Label),
            new XElement("columns", new XElement("column", new XAttribute("width", "100%"),
                new XElement("sections", tab.Sections.Select(s => Section(form, s))))));

    private static XElement Section(FormModel form, SectionModel section) =>
        new("section", new XAttribute("name", section.Name), new XAttribute("id", StableId.Braced(form.ElementId("section:" + section.Name))),
            new XAttribute("showlabel", "true"), new XAttribute("showbar", "false"), new XAttribute("locklevel", "0"), new XAttribute("IsUserDefined", "0"),
            new XAttribute("layout", "varwidth"), new XAttribute("columns", "1"), new XAttribute("labelwidth", "115"), new XAttribute("celllabelalignment", "Left"),
            Labels("labels", "label", section.Label),
            new XElement("rows", section.Cells.Select(c => new XElement("row", Cell(form, section, c)))));

    private static XElement Cell(FormModel form, SectionModel section, FormCell cell) => cell switch
    {
        FieldCell f => new XElement("cell", new XAttribute("id", StableId.Braced(form.ElementId($"cell:{section.Name}:{f.Column}"))), new XAttribute("showlabel", "true"), new XAttribute("locklevel", "0"),
            Labels("labels", "label", LabelOf(form.EntityLogicalName, f.Column)),
            new XElement("control", new XAttribute("id", f.Column), new XAttribute("classid", ClassOf(form.EntityLogicalName, f.Column)), new XAttribute("datafieldname", f.Column), new XAttribute("disabled", f.ReadOnly ? "true" : "false"))),
        WebResourceCell w => new XElement("cell", new XAttribute("id", StableId.Braced(form.ElementId("cell:" + w.ControlId))), new XAttribute("showlabel", "false"), new XAttribute("locklevel", "0"),
            new XAttribute("rowspan", w.RowSpan), new XAttribute("colspan", "1"), new XAttribute("auto", "false"),
            Labels("labels", "label", w.Label),
            new XElement("control", new XAttribute("id", w.ControlId), new XAttribute("classid", WebResourceClass),
                new XElement("parameters",
                    new XElement("Url", w.WebResource),
                    new XElement("PassParameters", "true"),
                    new XElement("Security", "false"),
                    new XElement("Scrolling", "auto"),
                    new XElement("Border", "false"),
                    new XElement("ShowOnMobileClient", "true"),
                    new XElement("WebResourceId", StableId.Braced(WebResourceCatalog.Get(w.WebResource).Id))))),
        SubgridCell g => new XElement("cell", new XAttribute("id", StableId.Braced(form.ElementId("cell:" + g.ControlId))), new XAttribute("showlabel", "true"), new XAttribute("locklevel", "0"),
            new XAttribute("rowspan", "8"), new XAttribute("colspan", "1"), new XAttribute("auto", "false"),
            Labels("labels", "label", g.Label),
            new XElement("control", new XAttribute("id", g.ControlId), new XAttribute("classid", SubgridClass), new XAttribute("indicationOfSubgrid", "true"),
                new XElement("parameters",
                    new XElement("ViewId", StableId.Braced(g.ViewId)),
                    new XElement("IsUserView", "false"),
                    new XElement("RelationshipName", g.Relationship),
                    new XElement("TargetEntityType", g.TargetEntity),
                    new XElement("AutoExpand", "Fixed"),
                    new XElement("EnableQuickFind", "false"),
                    new XElement("EnableViewPicker", "false"),
                    new XElement("EnableJumpBar", "false"),
                    new XElement("ChartGridMode", "Grid"),
                    new XElement("RecordsPerPage", "10")))),
        _ => throw new ArgumentOutOfRangeException(nameof(cell), cell, "Unknown form cell."),
    };

    private static Label LabelOf(string entity, string column) =>
        column == "ownerid" ? new Label("Owner", "Propriétaire") : ColumnOf(entity, column).DisplayName;

    private static string ClassOf(string entity, string column)
    {
        if (column == "ownerid") return LookupClass;
        return ColumnOf(entity, column).Kind switch
        {
            ColumnKind.Text => "{4273EDBD-AC1D-40d3-9FB2-095C621B552D}",
            ColumnKind.Memo => "{E0DECE4B-6FC8-4a8f-A065-082708572369}",
            ColumnKind.WholeNumber => "{C6D124CA-7EDA-4a60-AEA9-7FB8D318B68F}",
            ColumnKind.Decimal => "{C3EFE0C3-0EC6-42be-8349-CBD9079DFD8E}",
            ColumnKind.DateTime => "{5B773807-9FB2-42db-97C3-7A91EFF8ADFF}",
            ColumnKind.Lookup => LookupClass,
            ColumnKind.Choice => "{3EF39988-22BB-4f0b-BBBE-64B5A3748AEE}",
            _ => throw new ArgumentOutOfRangeException(nameof(column), column, "Unknown column kind."),
        };
    }

    /// <summary>A column of a CrmCx table or one CrmCx adds to a standard table.</summary>
    public static ColumnModel ColumnOf(string entity, string column)
    {
        var columns = CrmCxModel.Tables.FirstOrDefault(t => t.LogicalName == entity)?.Columns
            ?? CrmCxModel.Extensions.FirstOrDefault(e => e.LogicalName == entity)?.Columns
            ?? throw new InvalidOperationException($"No CrmCx table or extension '{entity}'.");
        return columns.FirstOrDefault(c => c.LogicalName == column) ?? throw new InvalidOperationException($"A form of '{entity}' names unknown column '{column}'.");
    }
}

/// <summary>Entities/&lt;Schema&gt;/SavedQueries/{id}.xml: one view.</summary>
public static class SavedQueryXml
{
    /// <summary>The savedqueries element holding the view.</summary>
    public static XElement For(ViewModel view) =>
        Root("savedqueries",
            new XElement("savedquery",
                new XElement("IsCustomizable", "1"),
                new XElement("CanBeDeleted", view.IsDefault ? "0" : "1"),
                new XElement("isquickfindquery", Bit(view.QueryType == QueryType.QuickFind)),
                new XElement("isprivate", "0"),
                new XElement("isdefault", Bit(view.IsDefault)),
                new XElement("savedqueryid", StableId.Braced(view.Id)),
                new XElement("layoutxml",
                    new XElement("grid", new XAttribute("name", "resultset"), new XAttribute("jump", view.PrimaryName), new XAttribute("select", "1"), new XAttribute("icon", "1"), new XAttribute("preview", "1"),
                        new XElement("row", new XAttribute("name", "result"), new XAttribute("id", view.Entity + "id"),
                            view.Columns.Select(c => new XElement("cell", new XAttribute("name", c.Column), new XAttribute("width", c.Width)))))),
                new XElement("querytype", view.QueryType),
                new XElement("fetchxml", new XElement(view.Fetch)),
                new XElement("IntroducedVersion", CrmCxSolution.Version),
                Labels("LocalizedNames", "LocalizedName", view.Name)));
}
