using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using CrmCx.Model;
using CrmCx.Model.Security;
using CrmCx.Packaging.Content;
using CrmCx.Packaging.Tests.Infrastructure;
using Xunit;

namespace CrmCx.Packaging.Tests.Packing;

/// <summary>
/// What a user meets in the packed zips: the CX panel on every form the admin guide promises it on, the customer's
/// responses tab the panel's "see all" opens, and the CX overview dashboard whose charts and grid are bound to shipped
/// views that only name columns the tables have.
/// </summary>
[Collection(BuiltSolutionCollection.Name)]
public sealed class FormsAndDashboardTests(BuiltSolution built)
{
    private const string Panel = "cx_/panel/cxpanel.html";
    private static readonly Guid JourneyMainForm = FormCatalog.Of("cx_customerjourney").Single(f => f.Kind == FormKind.Main).Id;

    private static XElement Customizations(byte[] zip) => XDocument.Load(new MemoryStream(ZipEntries.Read(zip)["customizations.xml"])).Root!;

    private static string Braced(Guid id) => "{" + id.ToString("D") + "}";

    private static XElement Form(XElement customizations, Guid id) => customizations.Descendants("systemform").Single(f => f.Element("formid")!.Value == Braced(id));

    private static XElement? PanelOf(XElement form) =>
        form.Descendants("control").SingleOrDefault(c => (string?)c.Attribute("id") == FormCatalog.PanelControlId && c.Element("parameters")?.Element("Url")?.Value == Panel);

    private static XElement Entity(XElement customizations, string logicalName) =>
        customizations.Element("Entities")!.Elements("Entity").Single(e => e.Element("Name")!.Value.Equals(logicalName, StringComparison.OrdinalIgnoreCase));

    private static XElement View(XElement customizations, string entity, string id) =>
        Entity(customizations, entity).Descendants("savedquery").Single(q => q.Element("savedqueryid")!.Value == id);

    private static XElement Dashboard(XElement customizations) =>
        customizations.Element("Dashboards")!.Elements("Dashboard").Single(d => d.Element("FormId")!.Value == Braced(DashboardCatalog.Overview.Id));

    [Fact]
    public void The_managed_zip_puts_the_panel_on_the_account_contact_journey_and_case_main_forms()
    {
        var customizations = Customizations(built.ManagedZip);
        var withPanel = customizations.Descendants("systemform").Where(f => PanelOf(f) is not null).Select(f => f.Element("formid")!.Value).OrderBy(v => v).ToList();
        var expected = new[] { FormCatalog.AccountMainForm, FormCatalog.ContactMainForm, FormCatalog.CaseMainForm, JourneyMainForm }.Select(Braced).OrderBy(v => v).ToList();
        Assert.Equal(expected, withPanel);
        // On Microsoft's case form the panel is an addition, like the account's and contact's.
        Assert.Equal("Added", (string?)PanelOf(Form(customizations, FormCatalog.CaseMainForm))!.Ancestors("tab").Single().Attribute("solutionaction"));
    }

    [Fact]
    public void The_journey_form_opens_on_the_panel_and_loads_the_form_library_that_connects_it()
    {
        foreach (var zip in new[] { built.ManagedZip, built.UnmanagedZip })
        {
            var form = Form(Customizations(zip), JourneyMainForm);
            var firstTab = form.Descendants("tab").First();
            Assert.NotNull(firstTab.Descendants("control").SingleOrDefault(c => (string?)c.Attribute("id") == FormCatalog.PanelControlId));
            var handler = form.Descendants("Handler").Single();
            Assert.Equal((FormCatalog.JourneyOnLoad, WebResourceCatalog.FormLibrary, "true"),
                ((string)handler.Attribute("functionName")!, (string)handler.Attribute("libraryName")!, (string)handler.Attribute("passExecutionContext")!));
            Assert.Contains(form.Descendants("Library"), l => (string?)l.Attribute("name") == WebResourceCatalog.FormLibrary);
            // CrmCx's own form: no difference markers, so the unmanaged zip can carry it whole.
            Assert.DoesNotContain(form.Descendants().Attributes(), a => a.Name.LocalName == "solutionaction");
        }
    }

    [Fact]
    public void The_journey_form_keeps_its_scores_risk_stages_and_responses()
    {
        var form = Form(Customizations(built.ManagedZip), JourneyMainForm);
        var fields = form.Descendants("control").Select(c => (string?)c.Attribute("datafieldname")).Where(f => f is not null).ToHashSet();
        foreach (var column in new[] { "cx_name", "cx_journeytype", "cx_accountid", "cx_contactid", "cx_currentstage", "cx_score", "cx_scoretrend", "cx_touchpointcount", "cx_riskscore", "cx_risklevel", "cx_riskreasons" })
            Assert.Contains(column, fields);
        var grids = form.Descendants("control").Where(c => c.Element("parameters")?.Element("RelationshipName") is not null).Select(c => c.Element("parameters")!.Element("RelationshipName")!.Value).ToList();
        Assert.Equal(new[] { "cx_customerjourney_cx_journeystagescore", "cx_customerjourney_cx_surveyresponse", "cx_customerjourney_incident" }, grids);
    }

    [Theory]
    [InlineData("account", "8448b78f-8f42-454e-8e2a-f8196b0419af")]
    [InlineData("contact", "1fed44d1-ae68-4a41-bd2b-f13acac4acfa")]
    public void The_customer_forms_have_a_responses_tab_listing_the_customers_responses_newest_first(string entity, string formId)
    {
        var customizations = Customizations(built.ManagedZip);
        var tab = Form(customizations, Guid.Parse(formId)).Descendants("tab").Single(t => (string?)t.Attribute("name") == FormCatalog.ResponsesTab);
        Assert.Equal("Added", (string?)tab.Attribute("solutionaction"));
        var grid = tab.Descendants("control").Single(c => (string?)c.Attribute("id") == FormCatalog.ResponsesSubgrid);
        var parameters = grid.Element("parameters")!;
        Assert.Equal(("cx_surveyresponse", $"cx_{entity}_cx_surveyresponse"), (parameters.Element("TargetEntityType")!.Value, parameters.Element("RelationshipName")!.Value));
        // The relationship the subgrid follows is shipped, from this customer table to the responses.
        Assert.Contains(customizations.Element("EntityRelationships")!.Elements("EntityRelationship"), r => (string?)r.Attribute("Name") == $"cx_{entity}_cx_surveyresponse"
            && r.Element("ReferencedEntityName")!.Value.Equals(entity, StringComparison.OrdinalIgnoreCase) && r.Element("ReferencingAttributeName")!.Value == $"cx_{entity}id");
        var view = View(customizations, "cx_surveyresponse", parameters.Element("ViewId")!.Value);
        Assert.Equal(new[] { "cx_respondedon", "cx_score", "cx_npscategory", "cx_channel", "cx_comment", "cx_contactid" },
            view.Element("layoutxml")!.Descendants("cell").Select(c => (string)c.Attribute("name")!));
        var order = view.Element("fetchxml")!.Descendants("order").Single();
        Assert.Equal(("cx_respondedon", "true"), ((string)order.Attribute("attribute")!, (string)order.Attribute("descending")!));
    }

    [Fact]
    public void The_CX_overview_dashboard_is_shipped_in_both_zips_for_the_CX_Manager_role_with_its_root_component()
    {
        foreach (var zip in new[] { built.ManagedZip, built.UnmanagedZip })
        {
            var customizations = Customizations(zip);
            var dashboard = Dashboard(customizations);
            Assert.Equal("dashboard", (string?)dashboard.Element("FormXml")!.Element("forms")!.Attribute("type"));
            Assert.Equal(new[] { "CX overview", "Vue d'ensemble CX" }, dashboard.Element("LocalizedNames")!.Elements().Select(l => (string)l.Attribute("description")!));
            var roles = dashboard.Descendants("DisplayConditions").Single().Elements("Role").Select(r => (string)r.Attribute("Id")!).ToList();
            Assert.Equal(new[] { Braced(CrmCxRoles.Manager.Id) }, roles);
            Assert.Contains(customizations.Element("Roles")!.Elements("Role"), r => (string?)r.Attribute("id") == roles[0] && (string?)r.Attribute("name") == "CX Manager");
            var solution = XDocument.Load(new MemoryStream(ZipEntries.Read(zip)["solution.xml"]));
            Assert.Contains(solution.Descendants("RootComponent"), r => (string?)r.Attribute("type") == "60" && (string?)r.Attribute("id") == Braced(DashboardCatalog.Overview.Id));
        }
    }

    [Fact]
    public void The_dashboard_charts_journeys_at_risk_by_type_and_stage_and_nps_by_account_owner_over_shipped_views()
    {
        var customizations = Customizations(built.ManagedZip);
        var controls = Dashboard(customizations).Descendants("control").Where(c => c.Element("parameters")?.Element("VisualizationId") is not null).ToList();
        var charts = controls.Select(c =>
        {
            var p = c.Element("parameters")!;
            var entity = p.Element("TargetEntityType")!.Value;
            Assert.Equal("Chart", p.Element("ChartGridMode")!.Value);
            var chart = Entity(customizations, entity).Element("Visualizations")!.Elements("visualization").Single(v => v.Element("savedqueryvisualizationid")!.Value == p.Element("VisualizationId")!.Value);
            var view = View(customizations, entity, p.Element("ViewId")!.Value);
            return (Entity: entity, Fetch: chart.Element("datadescription")!.Descendants("fetch").Single(), View: view);
        }).ToList();
        Assert.Equal(2, charts.Count);

        var atRisk = charts.Single(c => c.Entity == "cx_customerjourney");
        Assert.Equal(new[] { "cx_journeytype", "cx_currentstage" }, atRisk.Fetch.Descendants("attribute").Where(a => (string?)a.Attribute("groupby") == "true").Select(a => (string)a.Attribute("name")!));
        Assert.Equal("count", (string?)atRisk.Fetch.Descendants("attribute").Single(a => a.Attribute("aggregate") is not null).Attribute("aggregate"));
        // The rows are the open journeys at Medium or High risk.
        Assert.Equal("At-risk journeys", atRisk.View.Element("LocalizedNames")!.Elements().First().Attribute("description")!.Value);
        var riskLevels = atRisk.View.Descendants("condition").Single(c => (string?)c.Attribute("attribute") == "cx_risklevel").Elements("value").Select(v => v.Value);
        Assert.Equal(new[] { "964000002", "964000003" }, riskLevels);

        var nps = charts.Single(c => c.Entity == "account");
        Assert.Equal(new[] { "ownerid" }, nps.Fetch.Descendants("attribute").Where(a => (string?)a.Attribute("groupby") == "true").Select(a => (string)a.Attribute("name")!));
        var measure = nps.Fetch.Descendants("attribute").Single(a => a.Attribute("aggregate") is not null);
        Assert.Equal(("cx_nps", "avg"), ((string)measure.Attribute("name")!, (string)measure.Attribute("aggregate")!));
        Assert.Contains(nps.View.Descendants("condition"), c => (string?)c.Attribute("attribute") == "cx_npsresponses" && (string?)c.Attribute("operator") == "gt" && (string?)c.Attribute("value") == "0");
    }

    [Fact]
    public void The_dashboard_lists_detractors_whose_follow_up_task_is_open_or_missing()
    {
        var customizations = Customizations(built.ManagedZip);
        var grid = Dashboard(customizations).Descendants("control").Single(c => c.Element("parameters")?.Element("ChartGridMode")?.Value == "Grid").Element("parameters")!;
        Assert.Equal("cx_surveyresponse", grid.Element("TargetEntityType")!.Value);
        var fetch = View(customizations, "cx_surveyresponse", grid.Element("ViewId")!.Value).Element("fetchxml")!.Element("fetch")!;
        Assert.Contains(fetch.Descendants("condition"), c => (string?)c.Attribute("attribute") == "cx_npscategory" && (string?)c.Attribute("value") == "964000002");
        var task = fetch.Descendants("link-entity").Single();
        Assert.Equal(("task", "regardingobjectid", "cx_surveyresponseid", "outer"),
            ((string)task.Attribute("name")!, (string)task.Attribute("from")!, (string)task.Attribute("to")!, (string)task.Attribute("link-type")!));
        var alias = (string)task.Attribute("alias")!;
        var either = fetch.Descendants("filter").Single(f => (string?)f.Attribute("type") == "or").Elements("condition")
            .Select(c => ((string?)c.Attribute("entityname"), (string?)c.Attribute("attribute"), (string?)c.Attribute("operator"), (string?)c.Attribute("value"))).ToList();
        Assert.Equal(new (string?, string?, string?, string?)[] { (alias, "statecode", "eq", "0"), (alias, "activityid", "null", null) }, either);
        Assert.Equal("true", (string?)fetch.Attribute("distinct"));
    }

    [Fact]
    public void The_dashboard_shows_the_drivers_page_the_solution_ships_with_its_script_styles_and_strings()
    {
        var page = WebResourceCatalog.Get(DashboardCatalog.DriversPage);
        Assert.Equal(WebResourceCatalog.Html, page.Type);
        Assert.Equal(new[] { "cx_/drivers/cxdrivers.js", "cx_/drivers/cxdrivers.css", WebResourceCatalog.StringsEnglish, WebResourceCatalog.StringsFrench }, page.Dependencies);
        Assert.Equal(WebResourceCatalog.Script, WebResourceCatalog.Get("cx_/drivers/cxdrivers.js").Type);
        Assert.Equal(WebResourceCatalog.Css, WebResourceCatalog.Get("cx_/drivers/cxdrivers.css").Type);
        Assert.Single(Dashboard(Customizations(built.ManagedZip)).Descendants("Url"), u => u.Value == DashboardCatalog.DriversPage);
        Assert.Contains(DashboardCatalog.Overview.Cells, c => c is DashboardWebResourceCell { ControlId: "WebResource_cxdrivers", WebResource: DashboardCatalog.DriversPage });
    }

    // Columns of Microsoft's tables that CrmCx's views and charts name, as Microsoft's table reference documents them
    // (MicrosoftDocs/powerapps-docs, powerapps-docs/developer/data-platform/reference/entities/account.md, contact.md and
    // task.md; MicrosoftDocs/dynamics-365-customer-engagement, ce/developer/entities/incident.md).
    private static readonly Dictionary<string, string[]> StandardColumns = new(StringComparer.Ordinal)
    {
        ["account"] = new[] { "accountid", "name", "ownerid", "statecode" },
        ["contact"] = new[] { "contactid", "fullname", "ownerid", "statecode" },
        ["task"] = new[] { "activityid", "regardingobjectid", "statecode" },
        ["incident"] = new[] { "incidentid", "title", "ticketnumber", "customerid", "statecode", "createdon" },
    };

    // Every table has its key, owner, state and status (the attributes Entity.xml declares) and its creation time.
    private static readonly string[] PlatformColumns = { "ownerid", "statecode", "statuscode", "createdon" };

    private static HashSet<string> ColumnsOf(string entity)
    {
        var columns = new HashSet<string>(StringComparer.Ordinal);
        var table = CrmCxModel.Tables.FirstOrDefault(t => t.LogicalName == entity);
        if (table is not null) columns.UnionWith(table.Columns.Select(c => c.LogicalName).Append(entity + "id").Concat(PlatformColumns));
        var extension = CrmCxModel.Extensions.FirstOrDefault(e => e.LogicalName == entity);
        if (extension is not null) columns.UnionWith(extension.Columns.Select(c => c.LogicalName));
        if (StandardColumns.TryGetValue(entity, out var standard)) columns.UnionWith(standard);
        return columns;
    }

    /// <summary>Every (table, column) a FetchXML names: attributes, conditions and orders of each entity and link-entity, and the link columns.</summary>
    private static IEnumerable<(string Table, string Column, string Where)> ColumnsNamed(XElement fetch, string where)
    {
        var root = fetch.Element("entity")!;
        var aliases = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var link in root.Descendants("link-entity"))
            if (link.Attribute("alias") is { } alias) aliases[alias.Value] = (string)link.Attribute("name")!;
        foreach (var node in new[] { root }.Concat(root.Descendants("link-entity")))
        {
            var table = (string)node.Attribute("name")!;
            if (node.Name.LocalName == "link-entity")
            {
                yield return (table, (string)node.Attribute("from")!, where);
                yield return ((string)node.Parent!.Attribute("name")!, (string)node.Attribute("to")!, where);
            }
            foreach (var element in node.Elements("attribute").Concat(node.Elements("order")).Concat(node.Elements("filter").DescendantsAndSelf().Elements("condition")))
            {
                var column = (string?)element.Attribute("attribute") ?? (string?)element.Attribute("name");
                if (column is null) continue; // an order by an aggregate's alias
                var entityName = (string?)element.Attribute("entityname");
                yield return (entityName is null ? table : aliases[entityName], column, where);
            }
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Every_view_and_chart_names_only_columns_its_tables_have(bool managed)
    {
        var customizations = Customizations(managed ? built.ManagedZip : built.UnmanagedZip);
        var named = new List<(string Table, string Column, string Where)>();
        foreach (var query in customizations.Descendants("savedquery"))
        {
            var where = "view " + query.Element("savedqueryid")!.Value;
            var fetch = query.Element("fetchxml")!.Element("fetch")!;
            named.AddRange(ColumnsNamed(fetch, where));
            var entity = (string)fetch.Element("entity")!.Attribute("name")!;
            named.AddRange(query.Element("layoutxml")!.Descendants("cell").Select(c => (entity, (string)c.Attribute("name")!, where + " layout")));
            named.Add((entity, (string)query.Element("layoutxml")!.Element("grid")!.Attribute("jump")!, where + " layout jump"));
        }
        foreach (var chart in customizations.Descendants("visualization"))
            named.AddRange(ColumnsNamed(chart.Element("datadescription")!.Descendants("fetch").Single(), "chart " + chart.Element("savedqueryvisualizationid")!.Value));
        Assert.Contains(named, n => n.Table == "task");
        Assert.Contains(named, n => n.Table == "account" && n.Where.StartsWith("chart ", StringComparison.Ordinal));
        var unknown = named.Where(n => !ColumnsOf(n.Table).Contains(n.Column)).Select(n => $"{n.Where}: {n.Table}.{n.Column}").Distinct().ToList();
        Assert.True(unknown.Count == 0, "columns no table has:\n  " + string.Join("\n  ", unknown));
    }
    private IReadOnlyList<string> ValidateChanged(Action<XElement> change)
    {
        var copy = new XDocument(built.Managed.Customizations);
        change(copy.Root!);
        return built.Schema.Validate(copy);
    }

    private static XElement Chart(XElement root, string entity) => Entity(root, entity).Element("Visualizations")!.Elements("visualization").Single();

    [Fact]
    public void The_packer_refuses_a_dashboard_that_names_a_view_or_chart_the_solution_does_not_ship()
    {
        Assert.Empty(ValidateChanged(_ => { }));
        var missing = Braced(Guid.Parse("00000000-0000-0000-0000-00000000cafe"));
        Assert.Contains(ValidateChanged(r => Dashboard(r).Descendants("ViewId").First().Value = missing), e => e.Contains("ViewId " + missing, StringComparison.Ordinal));
        Assert.Contains(ValidateChanged(r => Dashboard(r).Descendants("VisualizationId").First().Value = missing), e => e.Contains("VisualizationId " + missing, StringComparison.Ordinal));
        // A chart of another table than the one the cell shows is no chart of that cell.
        Assert.Contains(ValidateChanged(r => Dashboard(r).Descendants("TargetEntityType").First().Value = "account"), e => e.Contains("no view of account", StringComparison.Ordinal));
    }

    [Fact]
    public void The_packer_refuses_a_dashboard_that_shows_a_web_resource_the_solution_does_not_ship()
    {
        // The drivers page ships now: a page of another name stands in for a web resource the solution lacks.
        const string missing = "cx_/drivers/cxmissing.html";
        var errors = ValidateChanged(r => Dashboard(r).Descendants("row").First().Elements("cell").First().Element("control")!.ReplaceWith(
            new XElement("control", new XAttribute("id", "WebResource_cxmissing"), new XAttribute("classid", "{9FDF5F91-88B1-47f4-AD53-C11EFC01A01D}"),
                new XElement("parameters", new XElement("Url", missing)))));
        Assert.Contains(errors, e => e.Contains("web resource " + missing + " is not in the solution", StringComparison.Ordinal));
    }

    [Fact]
    public void The_packer_refuses_a_chart_whose_data_or_presentation_description_is_malformed()
    {
        Assert.Contains(ValidateChanged(r => Chart(r, "account").Descendants("measure").Single().SetAttributeValue("alias", "nothing")), e => e.Contains("measure 'nothing'", StringComparison.Ordinal));
        Assert.Contains(ValidateChanged(r => Chart(r, "account").Descendants("fetch").Single().SetAttributeValue("bogus", "1")), e => e.Contains("datadescription fetch", StringComparison.Ordinal));
        Assert.Contains(ValidateChanged(r => Chart(r, "account").Descendants("categorycollection").Single().Remove()), e => e.Contains("datadescription:", StringComparison.Ordinal));
        Assert.Contains(ValidateChanged(r => Chart(r, "account").Descendants("Series").Attributes("ChartType").Remove()), e => e.Contains("presentationdescription", StringComparison.Ordinal));
    }
}
