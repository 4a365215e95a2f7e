using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Model.Labels;
using CrmCx.Model.Tables;
using CrmCx.Packaging.Identity;

namespace CrmCx.Packaging.Content;

/// <summary>The forms the solution ships: main and quick create forms of the CrmCx tables, and CrmCx's additions to the account, contact and case main forms. The CX panel is on the account, contact, journey and case main forms.</summary>
public static class FormCatalog
{
    /// <summary>Control id of the CX panel on the account, contact, journey and case forms (the form library finds the panel by it).</summary>
    public const string PanelControlId = "WebResource_cxpanel";

    /// <summary>Tab of the account and contact forms holding the customer's responses (the panel's "see all" opens it).</summary>
    public const string ResponsesTab = "tab_cx_responses";
    /// <summary>Subgrid of the customer's responses on the account and contact forms.</summary>
    public const string ResponsesSubgrid = "cx_responses_subgrid";
    /// <summary>OnLoad handler of the journey form: hands the panel its client API context, as on the customer forms.</summary>
    public const string JourneyOnLoad = "CrmCx.Forms.journeyOnLoad";

    /// <summary>Ids of Microsoft's main forms that CrmCx extends (the same in every environment).</summary>
    public static readonly Guid AccountMainForm = new("8448b78f-8f42-454e-8e2a-f8196b0419af");
    /// <summary>Contact main form.</summary>
    public static readonly Guid ContactMainForm = new("1fed44d1-ae68-4a41-bd2b-f13acac4acfa");
    /// <summary>Case main form.</summary>
    public static readonly Guid CaseMainForm = new("4a63c8d1-6c1e-48ec-9db4-3e6c7155334c");

    private static readonly Label PanelLabel = new("Customer experience panel", "Panneau de l'expérience client");
    private static readonly Label CxLabel = new("Customer experience", "Expérience client");

    /// <summary>Every form.</summary>
    public static IReadOnlyList<FormModel> Forms { get; } = Build();

    /// <summary>The forms of one table.</summary>
    public static IEnumerable<FormModel> Of(string entity) => Forms.Where(f => f.EntityLogicalName == entity);

    private static List<FormModel> Build()
    {
        const string response = SurveyResponseTable.LogicalName, journey = CustomerJourneyTable.LogicalName, stage = JourneyStageScoreTable.LogicalName, npsDay = NpsDayTable.LogicalName, driverDay = DriverDayTable.LogicalName;
        var none = Array.Empty<string>();
        var noHandlers = Array.Empty<FormHandler>();
        return new List<FormModel>
        {
            Own(response, "cx_SurveyResponse", FormKind.Main, new Label("Survey Response", "Réponse à l'enquête"),
                Tab("general", new Label("General", "Général"),
                    Section("response", new Label("Response", "Réponse"), F("cx_name"), F("cx_accountid"), F("cx_contactid"), F("cx_respondedon"), F("cx_channel"), F("cx_source"), F("cx_externalid"), F("ownerid")),
                    Section("scores", new Label("Scores", "Notes"), F("cx_score"), F("cx_npscategory", true), F("cx_csat"), F("cx_effort"), F("cx_satisfactionindex", true)),
                    Section("journey", new Label("Journey", "Parcours"), F("cx_customerjourneyid"), F("cx_journeystage")),
                    Section("comment", new Label("Comment", "Commentaire"), F("cx_comment")))),
            Own(response, "cx_SurveyResponse", FormKind.QuickCreate, new Label("Quick Create Survey Response", "Création rapide : réponse à l'enquête"),
                Tab("general", new Label("General", "Général"),
                    Section("response", new Label("Response", "Réponse"), F("cx_accountid"), F("cx_contactid"), F("cx_score"), F("cx_csat"), F("cx_effort"), F("cx_channel"), F("cx_respondedon"), F("cx_comment")))),

            Own(journey, "cx_CustomerJourney", FormKind.Main, new Label("Customer Journey", "Parcours client"),
                // The panel first: the stage-by-stage satisfaction line, touchpoint counts and reasons are what the form is opened for.
                PanelTab(),
                Tab("general", new Label("General", "Général"),
                    Section("journey", new Label("Journey", "Parcours"), F("cx_name"), F("cx_journeytype"), F("cx_accountid"), F("cx_contactid"), F("cx_currentstage"), F("cx_startedon"), F("cx_completedon"), F("ownerid")),
                    Section("scores", new Label("Scores", "Scores"), F("cx_score", true), F("cx_startscore", true), F("cx_scoretrend", true), F("cx_nps", true), F("cx_responsecount", true), F("cx_touchpointcount", true), F("cx_repeatcontacts", true)),
                    Section("risk", new Label("Risk", "Risque"), F("cx_riskscore", true), F("cx_risklevel", true), F("cx_flaggedon", true), F("cx_riskreasons", true))),
                Tab("stages", new Label("Stages and responses", "Étapes et réponses"),
                    Section("stages", new Label("Stages", "Étapes"),
                        new SubgridCell("stagescores", new Label("Stage scores", "Scores des étapes"), stage, "cx_customerjourney_cx_journeystagescore", StableIdOfView(stage, "associated"))),
                    Section("responses", new Label("Survey responses", "Réponses aux enquêtes"),
                        new SubgridCell("surveyresponses", new Label("Survey responses", "Réponses aux enquêtes"), response, "cx_customerjourney_cx_surveyresponse", StableIdOfView(response, "associated"))),
                    // Cases are the touchpoints a journey gathers most; activities are counted in the panel.
                    Section("cases", new Label("Cases", "Incidents"),
                        new SubgridCell("cases", new Label("Cases", "Incidents"), "incident", "cx_customerjourney_incident", StableIdOfView("incident", ViewCatalog.JourneyCases))))) with
            {
                Libraries = new[] { WebResourceCatalog.FormLibrary },
                Handlers = new[] { new FormHandler("onload", JourneyOnLoad, WebResourceCatalog.FormLibrary) },
            },
            Own(journey, "cx_CustomerJourney", FormKind.QuickCreate, new Label("Quick Create Customer Journey", "Création rapide : parcours client"),
                Tab("general", new Label("General", "Général"),
                    Section("journey", new Label("Journey", "Parcours"), F("cx_journeytype"), F("cx_accountid"), F("cx_contactid"), F("cx_currentstage"), F("cx_startedon")))),

            Own(stage, "cx_JourneyStageScore", FormKind.Main, new Label("Journey Stage Score", "Score d'étape du parcours"),
                Tab("general", new Label("General", "Général"),
                    Section("stage", new Label("Stage", "Étape"), F("cx_name"), F("cx_customerjourneyid"), F("cx_journeystage"), F("ownerid")),
                    Section("scores", new Label("Scores", "Scores"), F("cx_score", true), F("cx_nps", true), F("cx_responsecount", true), F("cx_touchpointcount", true), F("cx_firstactivityon", true), F("cx_lastactivityon", true)))),
            Own(stage, "cx_JourneyStageScore", FormKind.QuickCreate, new Label("Quick Create Journey Stage Score", "Création rapide : score d'étape"),
                Tab("general", new Label("General", "Général"),
                    Section("stage", new Label("Stage", "Étape"), F("cx_customerjourneyid"), F("cx_journeystage")))),

            // NPS days are the rollup's computed rows: one read-only main form, no quick create form.
            Own(npsDay, "cx_NpsDay", FormKind.Main, new Label("NPS day", "Jour NPS"),
                Tab("general", new Label("General", "Général"),
                    Section("day", new Label("Customer and day", "Client et jour"), F("cx_name", true), F("cx_accountid", true), F("cx_contactid", true), F("cx_day", true), F("cx_key", true)),
                    Section("counts", new Label("Responses", "Réponses"), F("cx_promoters", true), F("cx_passives", true), F("cx_detractors", true), F("cx_lastresponseon", true)))),

            // Driver days are the daily run's computed rows (cx_GetDrivers reads them): one read-only main form.
            Own(driverDay, "cx_DriverDay", FormKind.Main, new Label("Driver day", "Jour des leviers"),
                Tab("general", new Label("General", "Général"),
                    Section("day", new Label("Day and value", "Jour et valeur"), F("cx_name", true), F("cx_day", true), F("cx_dimension", true), F("cx_value", true), F("cx_journeytype", true), F("cx_accountid", true), F("cx_key", true)),
                    Section("counts", new Label("Responses", "Réponses"), F("cx_responses", true), F("cx_promoters", true), F("cx_detractors", true), F("cx_satisfactioncount", true), F("cx_satisfactionsum", true), F("cx_satisfactionsquares", true), F("cx_summarizedthrough", true)))),

            Customer("account", "Account", AccountMainForm, new Label("Account", "Compte"), "CrmCx.Forms.accountOnLoad"),
            Customer("contact", "Contact", ContactMainForm, new Label("Contact", "Contact"), "CrmCx.Forms.contactOnLoad"),
            // The case's journey, its stage and risk: the panel reads them from the case's cx_customerjourneyid.
            new FormModel("incident", "Incident", FormKind.Main, CaseMainForm, new Label("Case", "Incident"), new Label("CrmCx additions to the case form.", "Ajouts de CrmCx au formulaire d'incident."), true,
                new[] { Tab("cx_journey", new Label("Customer journey", "Parcours client"),
                    Section("cx_journey_panel", CxLabel, PanelCell()),
                    Section("cx_journey_section", new Label("Customer journey", "Parcours client"), F("cx_customerjourneyid"), F("cx_journeystage"))) },
                new[] { WebResourceCatalog.FormLibrary }, new[] { new FormHandler("onload", "CrmCx.Forms.caseOnLoad", WebResourceCatalog.FormLibrary) }),
        };

        FormModel Own(string entity, string schema, FormKind kind, Label name, params TabModel[] tabs) =>
            new(entity, schema, kind, StableId.For($"form:{entity}:{kind}"), name, new Label("A form of CrmCx.", "Un formulaire de CrmCx."), false, tabs, none, noHandlers);

        FormModel Customer(string entity, string schema, Guid id, Label name, string onLoad) =>
            new(entity, schema, FormKind.Main, id, name, new Label($"CrmCx additions to the {entity} form.", $"Ajouts de CrmCx au formulaire {name.French}."), true,
                new[]
                {
                    Tab("cx_customerexperience", CxLabel,
                        Section("cx_customerexperience_panel", CxLabel, PanelCell()),
                        Section("cx_customerexperience_scores", new Label("NPS and risk", "NPS et risque"),
                            F("cx_nps", true), F("cx_npsresponses", true), F("cx_risklevel", true), F("cx_atriskjourneys", true), F("cx_lastresponseon", true), F("cx_npsupdatedon", true))),
                    // The panel's "see all" opens this tab: every response of the customer, newest first.
                    Tab(ResponsesTab, new Label("Survey responses", "Réponses aux enquêtes"),
                        Section("cx_responses_section", new Label("Survey responses", "Réponses aux enquêtes"),
                            new SubgridCell(ResponsesSubgrid, new Label("Survey responses", "Réponses aux enquêtes"), response, $"cx_{entity}_cx_surveyresponse",
                                StableIdOfView(response, ViewCatalog.CustomerResponses)))),
                },
                new[] { WebResourceCatalog.FormLibrary }, new[] { new FormHandler("onload", onLoad, WebResourceCatalog.FormLibrary) });
    }

    private static WebResourceCell PanelCell() => new(PanelControlId, WebResourceCatalog.Panel, PanelLabel, 14);

    private static TabModel PanelTab() => Tab("cx_customerexperience", CxLabel, Section("cx_customerexperience_panel", CxLabel, PanelCell()));

    // Views are built from the model alone, so their ids can be computed without the view catalog (no initialisation cycle).
    private static Guid StableIdOfView(string entity, string key) => StableId.For($"view:{entity}:{key}");

    private static FieldCell F(string column, bool readOnly = false) => new(column, readOnly);
    private static SectionModel Section(string name, Label label, params FormCell[] cells) => new(name, label, cells);
    private static TabModel Tab(string name, Label label, params SectionModel[] sections) => new(name, label, sections);
}
