using System;
using System.Collections.Generic;
using System.Linq;
using System.Xml.Linq;
using CrmCx.Model;
using CrmCx.Model.Choices;
using CrmCx.Model.Labels;
using CrmCx.Model.Tables;
using CrmCx.Schema;

namespace CrmCx.Packaging.Content;

/// <summary>The views of the CrmCx tables: the system views every table needs, and the named CX views.</summary>
public static class ViewCatalog
{
    private static readonly int Medium = GlobalChoices.RiskLevel.Options.Single(o => o.Label.English == "Medium").Value;
    private static readonly int High = GlobalChoices.RiskLevel.Options.Single(o => o.Label.English == "High").Value;
    private static readonly int Detractor = GlobalChoices.NpsCategory.Options.Single(o => o.Label.English == "Detractor").Value;

    /// <summary>Id of the "Active journeys" view (the journeys' default view).</summary>
    public static Guid ActiveJourneys => Views.Single(v => v.Entity == CustomerJourneyTable.LogicalName && v.Key == "active").Id;

    /// <summary>Every view, table by table.</summary>
    public static IReadOnlyList<ViewModel> Views { get; } = Build();

    /// <summary>The views of one table.</summary>
    public static IEnumerable<ViewModel> Of(string entity) => Views.Where(v => v.Entity == entity);

    /// <summary>The view of a table with this key (active, quickfind, lookup, associated, advancedfind, or a named view).</summary>
    public static ViewModel Get(string entity, string key) => Views.Single(v => v.Entity == entity && v.Key == key);

    private static List<ViewModel> Build()
    {
        var views = new List<ViewModel>();
        foreach (var table in CrmCxModel.Tables) views.AddRange(SystemViews(table));

        const string journey = CustomerJourneyTable.LogicalName;
        const string response = SurveyResponseTable.LogicalName;
        var journeyColumns = new[] { (JourneySchema.Name, 200), (JourneySchema.JourneyType, 120), (JourneySchema.Account, 150), (JourneySchema.Contact, 150), (JourneySchema.CurrentStage, 130), (JourneySchema.Score, 90), (JourneySchema.RiskLevel, 90), (JourneySchema.RiskScore, 90), ("ownerid", 130) };

        views.Add(new ViewModel(journey, AtRiskJourneys, new Label("At-risk journeys", "Parcours à risque"), QueryType.Public, false,
            Fetch(journey, journeyColumns, Filter(Condition("statecode", "eq", "0"), In(JourneySchema.RiskLevel, Medium, High)), Order(JourneySchema.RiskScore, true)),
            journeyColumns.Append((JourneySchema.FlaggedOn, 120)).ToArray()));

        // A journey's customer is an account or a contact: both are joined (outer) and either owner may match.
        var mine = Fetch(journey, journeyColumns,
            new XElement("filter", new XAttribute("type", "and"),
                Condition("statecode", "eq", "0"), In(JourneySchema.RiskLevel, Medium, High),
                new XElement("filter", new XAttribute("type", "or"),
                    new XElement("condition", new XAttribute("entityname", "customeraccount"), new XAttribute("attribute", "ownerid"), new XAttribute("operator", "eq-userid")),
                    new XElement("condition", new XAttribute("entityname", "customercontact"), new XAttribute("attribute", "ownerid"), new XAttribute("operator", "eq-userid")))),
            Order(JourneySchema.RiskScore, true));
        mine.Element("entity")!.Add(
            new XElement("link-entity", new XAttribute("name", "account"), new XAttribute("from", "accountid"), new XAttribute("to", JourneySchema.Account), new XAttribute("link-type", "outer"), new XAttribute("alias", "customeraccount")),
            new XElement("link-entity", new XAttribute("name", "contact"), new XAttribute("from", "contactid"), new XAttribute("to", JourneySchema.Contact), new XAttribute("link-type", "outer"), new XAttribute("alias", "customercontact")));
        views.Add(new ViewModel(journey, "mycustomersatrisk", new Label("My customers' at-risk journeys", "Parcours à risque de mes clients"), QueryType.Public, false, mine, journeyColumns));

        var responseColumns = new[] { (SurveyResponseSchema.Name, 200), (SurveyResponseSchema.Account, 150), (SurveyResponseSchema.Contact, 150), (SurveyResponseSchema.Score, 70), (SurveyResponseSchema.NpsCategory, 110), (SurveyResponseSchema.Channel, 100), (SurveyResponseSchema.RespondedOn, 130), (SurveyResponseSchema.Comment, 250) };
        views.Add(new ViewModel(response, "recentdetractors", new Label("Recent detractors", "Détracteurs récents"), QueryType.Public, false,
            Fetch(response, responseColumns, Filter(Condition("statecode", "eq", "0"), Condition(SurveyResponseSchema.NpsCategory, "eq", Detractor.ToString(System.Globalization.CultureInfo.InvariantCulture)), Condition(SurveyResponseSchema.RespondedOn, "last-x-days", "30")), Order(SurveyResponseSchema.RespondedOn, true)),
            responseColumns));
        views.Add(new ViewModel(response, "bycustomer", new Label("Survey responses by customer", "Réponses aux enquêtes par client"), QueryType.Public, false,
            Fetch(response, responseColumns, Filter(Condition("statecode", "eq", "0")), Order(SurveyResponseSchema.Account, false), Order(SurveyResponseSchema.Contact, false), Order(SurveyResponseSchema.RespondedOn, true)),
            responseColumns));

        // The account and contact forms' responses subgrid (cx_responses_subgrid), which the panel's "see all" opens:
        // the customer's responses, newest first. The subgrid's relationship limits it to the form's customer.
        var customerColumns = new[] { (SurveyResponseSchema.RespondedOn, 130), (SurveyResponseSchema.Score, 70), (SurveyResponseSchema.NpsCategory, 110), (SurveyResponseSchema.Channel, 100), (SurveyResponseSchema.Comment, 300), (SurveyResponseSchema.Contact, 150) };
        views.Add(new ViewModel(response, CustomerResponses, new Label("Customer's survey responses", "Réponses aux enquêtes du client"), QueryType.Public, false,
            Fetch(response, customerColumns, Filter(Condition("statecode", "eq", "0")), Order(SurveyResponseSchema.RespondedOn, true)), customerColumns));

        // Detractors awaiting follow-up: detractor responses with an open task regarding them, or with none (the follow-up
        // task is regarding the response, cx-scoring.md "Closing the loop"). The task is joined outer; a response whose
        // only tasks are completed or cancelled drops out. distinct keeps one row when two tasks are open.
        var awaiting = Fetch(response, responseColumns,
            new XElement("filter", new XAttribute("type", "and"),
                Condition("statecode", "eq", "0"),
                Condition(SurveyResponseSchema.NpsCategory, "eq", Detractor.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new XElement("filter", new XAttribute("type", "or"),
                    new XElement("condition", new XAttribute("entityname", FollowUpAlias), new XAttribute("attribute", "statecode"), new XAttribute("operator", "eq"), new XAttribute("value", "0")),
                    new XElement("condition", new XAttribute("entityname", FollowUpAlias), new XAttribute("attribute", "activityid"), new XAttribute("operator", "null")))),
            Order(SurveyResponseSchema.RespondedOn, true));
        awaiting.SetAttributeValue("distinct", "true");
        awaiting.Element("entity")!.Add(new XElement("link-entity", new XAttribute("name", "task"), new XAttribute("from", "regardingobjectid"), new XAttribute("to", response + "id"),
            new XAttribute("link-type", "outer"), new XAttribute("alias", FollowUpAlias)));
        views.Add(new ViewModel(response, DetractorsAwaitingFollowUp, new Label("Detractors awaiting follow-up", "Détracteurs en attente de suivi"), QueryType.Public, false, awaiting, responseColumns));

        // Accounts with responses in the window, for the dashboard's "NPS by account owner" chart.
        var accountColumns = new[] { ("name", 200), ("ownerid", 150), (CustomerSchema.Nps, 80), (CustomerSchema.NpsMargin, 80), (CustomerSchema.NpsResponses, 90), (CustomerSchema.RiskLevel, 100), (CustomerSchema.AtRiskJourneys, 90) };
        views.Add(new ViewModel("account", AccountsWithNps, new Label("Accounts with NPS", "Comptes avec NPS"), QueryType.Public, false,
            Fetch("account", accountColumns, Filter(Condition("statecode", "eq", "0"), Condition(CustomerSchema.NpsResponses, "gt", "0")), Order(CustomerSchema.Nps, false)), accountColumns)
            { PrimaryName = "name" });

        // The journey form's cases subgrid: a view of CrmCx's own on Microsoft's case table (its ids are not ours to
        // name), newest first; the subgrid's relationship (cx_customerjourney_incident) limits it to the journey.
        var caseColumns = new[] { ("title", 200), ("ticketnumber", 110), ("customerid", 150), (TouchpointSchema.JourneyStage, 130), ("statecode", 90), ("createdon", 125) };
        views.Add(new ViewModel("incident", JourneyCases, new Label("Cases of the journey", "Incidents du parcours"), QueryType.Public, false,
            Fetch("incident", caseColumns, null, Order("createdon", true)), caseColumns) { PrimaryName = "title" });
        return views;
    }

    /// <summary>Key of the journey's cases view (on incident).</summary>
    public const string JourneyCases = "journeycases";
    /// <summary>Key of the customer's responses view (the account and contact forms' responses subgrid).</summary>
    public const string CustomerResponses = "customerresponses";
    /// <summary>Key of the detractors awaiting follow-up view.</summary>
    public const string DetractorsAwaitingFollowUp = "detractorsawaitingfollowup";
    /// <summary>Key of the accounts with NPS view (on account).</summary>
    public const string AccountsWithNps = "accountswithnps";
    /// <summary>Key of the at-risk journeys view.</summary>
    public const string AtRiskJourneys = "atrisk";
    private const string FollowUpAlias = "followup";

    private static IEnumerable<ViewModel> SystemViews(TableModel table)
    {
        var name = table.LogicalName;
        var primaryName = table.PrimaryName.LogicalName;
        // An NPS day shows its customer, its day and all three counts.
        var shown = name == NpsDayTable.LogicalName ? 7 : 6;
        var columns = table.Columns.Where(c => c.Kind is not Model.Columns.ColumnKind.Memo).Take(shown).Select(c => (c.LogicalName, c.IsPrimaryName ? 200 : 130))
            .Append(("createdon", 125)).ToArray();
        var active = Filter(Condition("statecode", "eq", "0"));
        var defaultName = name == CustomerJourneyTable.LogicalName
            ? new Label("Active journeys", "Parcours actifs")
            : new Label("Active " + table.PluralName.English, table.PluralName.French + " actifs");
        yield return new ViewModel(name, "active", defaultName, QueryType.Public, true, Fetch(name, columns, active, Order(primaryName, false)), columns);
        yield return new ViewModel(name, "quickfind", new Label("Quick Find Active " + table.PluralName.English, "Recherche rapide : " + table.PluralName.French + " actifs"), QueryType.QuickFind, true,
            Fetch(name, columns, Filter(Condition("statecode", "eq", "0")), Order(primaryName, false), QuickFindFilter(primaryName)), columns);
        var lookupColumns = new[] { (primaryName, 200), ("createdon", 100) };
        yield return new ViewModel(name, "lookup", new Label(table.DisplayName.English + " Lookup View", "Vue de recherche : " + table.DisplayName.French), QueryType.Lookup, true,
            Fetch(name, lookupColumns, active, Order(primaryName, false)), lookupColumns);
        yield return new ViewModel(name, "associated", new Label(table.DisplayName.English + " Associated View", "Vue associée : " + table.DisplayName.French), QueryType.Associated, true,
            Fetch(name, columns, active, Order(primaryName, false)), columns);
        yield return new ViewModel(name, "advancedfind", new Label(table.DisplayName.English + " Advanced Find View", "Vue de recherche avancée : " + table.DisplayName.French), QueryType.AdvancedFind, true,
            Fetch(name, columns, null, Order(primaryName, false)), columns);
    }

    private static XElement Fetch(string entity, IEnumerable<(string Column, int Width)> columns, XElement? filter, params XElement[] more)
    {
        var e = new XElement("entity", new XAttribute("name", entity), new XElement("attribute", new XAttribute("name", entity + "id")));
        foreach (var (column, _) in columns) e.Add(new XElement("attribute", new XAttribute("name", column)));
        foreach (var order in more.Where(m => m.Name == "order")) e.Add(order);
        if (filter is not null) e.Add(filter);
        foreach (var extra in more.Where(m => m.Name == "filter")) e.Add(extra);
        return new XElement("fetch", new XAttribute("version", "1.0"), new XAttribute("mapping", "logical"), e);
    }

    private static XElement QuickFindFilter(string primaryName) =>
        new("filter", new XAttribute("type", "or"), new XAttribute("isquickfindfields", "1"),
            new XElement("condition", new XAttribute("attribute", primaryName), new XAttribute("operator", "like"), new XAttribute("value", "{0}")));

    private static XElement Filter(params XElement[] conditions) => new("filter", new XAttribute("type", "and"), conditions);

    private static XElement Condition(string attribute, string op, string value) =>
        new("condition", new XAttribute("attribute", attribute), new XAttribute("operator", op), new XAttribute("value", value));

    private static XElement In(string attribute, params int[] values) =>
        new("condition", new XAttribute("attribute", attribute), new XAttribute("operator", "in"),
            values.Select(v => new XElement("value", v.ToString(System.Globalization.CultureInfo.InvariantCulture))));

    private static XElement Order(string attribute, bool descending) =>
        new("order", new XAttribute("attribute", attribute), new XAttribute("descending", descending ? "true" : "false"));
}
