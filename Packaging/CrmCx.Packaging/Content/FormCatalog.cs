using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Drivers;
using CrmCx.Model.Labels;
using CrmCx.Model.Tables;
using CrmCx.Packaging.Identity;
using CrmCx.Schema;

namespace CrmCx.Packaging.Content;

/// <summary>The forms the solution ships: main and quick create forms of the CrmCx tables, and CrmCx's additions to the account, contact and case main forms. The CX panel is on the account, contact, journey and case main forms.</summary>
public static class FormCatalog
{
    /// <summary>Control id of the CX panel on the account, contact, journey and case forms (the form library finds the panel by it).</summary>
    public const string PanelControlId = ComponentSchema.PanelControl;

    /// <summary>Tab of the account and contact forms holding the customer's responses (the panel's "see all" opens it).</summary>
    public const string ResponsesTab = ComponentSchema.ResponsesTab;
    /// <summary>Subgrid of the customer's responses on the account and contact forms.</summary>
    public const string ResponsesSubgrid = ComponentSchema.ResponsesSubgrid;
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
            Own(response, SurveyResponseTable.Table.SchemaName, FormKind.Main, new Label("Survey Response", "Réponse à l'enquête"),
                Tab("general", new Label("General", "Général"),
                    Section("response", new Label("Response", "Réponse"), F(SurveyResponseSchema.Name), F(SurveyResponseSchema.Account), F(SurveyResponseSchema.Contact), F(SurveyResponseSchema.RespondedOn), F(SurveyResponseSchema.Channel), F(SurveyResponseSchema.Source), F(SurveyResponseSchema.ExternalId), F("ownerid")),
                    Section("scores", new Label("Scores", "Notes"), F(SurveyResponseSchema.Score), F(SurveyResponseSchema.NpsCategory, true), F(SurveyResponseSchema.Csat), F(SurveyResponseSchema.Effort), F(SurveyResponseSchema.SatisfactionIndex, true)),
                    Section("journey", new Label("Journey", "Parcours"), F(SurveyResponseSchema.Journey), F(SurveyResponseSchema.JourneyStage)),
                    Section("comment", new Label("Comment", "Commentaire"), F(SurveyResponseSchema.Comment)))),
            Own(response, SurveyResponseTable.Table.SchemaName, FormKind.QuickCreate, new Label("Quick Create Survey Response", "Création rapide : réponse à l'enquête"),
                Tab("general", new Label("General", "Général"),
                    Section("response", new Label("Response", "Réponse"), F(SurveyResponseSchema.Account), F(SurveyResponseSchema.Contact), F(SurveyResponseSchema.Score), F(SurveyResponseSchema.Csat), F(SurveyResponseSchema.Effort), F(SurveyResponseSchema.Channel), F(SurveyResponseSchema.RespondedOn), F(SurveyResponseSchema.Comment)))),

            Own(journey, CustomerJourneyTable.Table.SchemaName, FormKind.Main, new Label("Customer Journey", "Parcours client"),
                // The panel first: the stage-by-stage satisfaction line, touchpoint counts and reasons are what the form is opened for.
                PanelTab(),
                Tab("general", new Label("General", "Général"),
                    Section("journey", new Label("Journey", "Parcours"), F(JourneySchema.Name), F(JourneySchema.JourneyType), F(JourneySchema.Account), F(JourneySchema.Contact), F(JourneySchema.CurrentStage), F(JourneySchema.StartedOn), F(JourneySchema.CompletedOn), F("ownerid")),
                    Section("scores", new Label("Scores", "Scores"), F(JourneySchema.Score, true), F(JourneySchema.StartScore, true), F(JourneySchema.ScoreTrend, true), F(JourneySchema.Nps, true), F(JourneySchema.ResponseCount, true), F(JourneySchema.TouchpointCount, true), F(JourneySchema.RepeatContacts, true)),
                    Section("risk", new Label("Risk", "Risque"), F(JourneySchema.RiskScore, true), F(JourneySchema.RiskLevel, true), F(JourneySchema.FlaggedOn, true), F(JourneySchema.RiskReasons, true))),
                Tab("stages", new Label("Stages and responses", "Étapes et réponses"),
                    Section("stages", new Label("Stages", "Étapes"),
                        new SubgridCell("stagescores", new Label("Stage scores", "Scores des étapes"), stage, RelationshipSchema.JourneyStageScores, StableIdOfView(stage, "associated"))),
                    Section("responses", new Label("Survey responses", "Réponses aux enquêtes"),
                        new SubgridCell("surveyresponses", new Label("Survey responses", "Réponses aux enquêtes"), response, RelationshipSchema.JourneySurveyResponses, StableIdOfView(response, "associated"))),
                    // Cases are the touchpoints a journey gathers most; activities are counted in the panel.
                    Section("cases", new Label("Cases", "Incidents"),
                        new SubgridCell("cases", new Label("Cases", "Incidents"), "incident", RelationshipSchema.JourneyCases, StableIdOfView("incident", ViewCatalog.JourneyCases))))) with
            {
                Libraries = new[] { WebResourceCatalog.FormLibrary },
                Handlers = new[] { new FormHandler("onload", JourneyOnLoad, WebResourceCatalog.FormLibrary) },
            },
            Own(journey, CustomerJourneyTable.Table.SchemaName, FormKind.QuickCreate, new Label("Quick Create Customer Journey", "Création rapide : parcours client"),
                Tab("general", new Label("General", "Général"),
                    Section("journey", new Label("Journey", "Parcours"), F(JourneySchema.JourneyType), F(JourneySchema.Account), F(JourneySchema.Contact), F(JourneySchema.CurrentStage), F(JourneySchema.StartedOn)))),

            Own(stage, JourneyStageScoreTable.Table.SchemaName, FormKind.Main, new Label("Journey Stage Score", "Score d'étape du parcours"),
                Tab("general", new Label("General", "Général"),
                    Section("stage", new Label("Stage", "Étape"), F(StageScoreSchema.Name), F(StageScoreSchema.Journey), F(StageScoreSchema.Stage), F("ownerid")),
                    Section("scores", new Label("Scores", "Scores"), F(StageScoreSchema.Score, true), F(StageScoreSchema.Nps, true), F(StageScoreSchema.ResponseCount, true), F(StageScoreSchema.TouchpointCount, true), F(StageScoreSchema.FirstActivityOn, true), F(StageScoreSchema.LastActivityOn, true)))),
            Own(stage, JourneyStageScoreTable.Table.SchemaName, FormKind.QuickCreate, new Label("Quick Create Journey Stage Score", "Création rapide : score d'étape"),
                Tab("general", new Label("General", "Général"),
                    Section("stage", new Label("Stage", "Étape"), F(StageScoreSchema.Journey), F(StageScoreSchema.Stage)))),

            // NPS days are the rollup's computed rows: one read-only main form, no quick create form.
            Own(npsDay, NpsDayTable.Table.SchemaName, FormKind.Main, new Label("NPS day", "Jour NPS"),
                Tab("general", new Label("General", "Général"),
                    Section("day", new Label("Customer and day", "Client et jour"), F(NpsDaySchema.Name, true), F(NpsDaySchema.Account, true), F(NpsDaySchema.Contact, true), F(NpsDaySchema.Day, true), F(NpsDaySchema.Key, true)),
                    Section("counts", new Label("Responses", "Réponses"), F(NpsDaySchema.Promoters, true), F(NpsDaySchema.Passives, true), F(NpsDaySchema.Detractors, true), F(NpsDaySchema.LastResponseOn, true)))),

            // Driver days are the daily run's computed rows (cx_GetDrivers reads them): one read-only main form.
            Own(driverDay, DriverDayTable.Table.SchemaName, FormKind.Main, new Label("Driver day", "Jour des leviers"),
                Tab("general", new Label("General", "Général"),
                    Section("day", new Label("Day and value", "Jour et valeur"), F(DriverDaySchema.Name, true), F(DriverDaySchema.Day, true), F(DriverDaySchema.Dimension, true), F(DriverDaySchema.Value, true), F(DriverDaySchema.JourneyType, true), F(DriverDaySchema.Account, true), F(DriverDaySchema.Key, true)),
                    Section("counts", new Label("Responses", "Réponses"), F(DriverDaySchema.Responses, true), F(DriverDaySchema.Promoters, true), F(DriverDaySchema.Detractors, true), F(DriverDaySchema.SatisfactionCount, true), F(DriverDaySchema.SatisfactionSum, true), F(DriverDaySchema.SatisfactionSquares, true), F(DriverDaySchema.SummarizedThrough, true)))),

            Customer("account", "Account", AccountMainForm, new Label("Account", "Compte"), "CrmCx.Forms.accountOnLoad"),
            Customer("contact", "Contact", ContactMainForm, new Label("Contact", "Contact"), "CrmCx.Forms.contactOnLoad"),
            // The case's journey, its stage and risk: the panel reads them from the case's cx_customerjourneyid.
            new FormModel("incident", "Incident", FormKind.Main, CaseMainForm, new Label("Case", "Incident"), new Label("CrmCx additions to the case form.", "Ajouts de CrmCx au formulaire d'incident."), true,
                new[] { Tab(ComponentSchema.JourneyTab, new Label("Customer journey", "Parcours client"),
                    Section(ComponentSchema.JourneyPanelSection, CxLabel, PanelCell()),
                    Section(ComponentSchema.JourneySection, new Label("Customer journey", "Parcours client"), F(TouchpointSchema.Journey), F(TouchpointSchema.JourneyStage))) },
                new[] { WebResourceCatalog.FormLibrary }, new[] { new FormHandler("onload", "CrmCx.Forms.caseOnLoad", WebResourceCatalog.FormLibrary) }),
        };

        FormModel Own(string entity, string schema, FormKind kind, Label name, params TabModel[] tabs) =>
            new(entity, schema, kind, StableId.For($"form:{entity}:{kind}"), name, new Label("A form of CrmCx.", "Un formulaire de CrmCx."), false, tabs, none, noHandlers);

        FormModel Customer(string entity, string schema, Guid id, Label name, string onLoad) =>
            new(entity, schema, FormKind.Main, id, name, new Label($"CrmCx additions to the {entity} form.", $"Ajouts de CrmCx au formulaire {name.French}."), true,
                new[]
                {
                    Tab(ComponentSchema.CustomerExperienceTab, CxLabel,
                        Section(ComponentSchema.CustomerExperiencePanelSection, CxLabel, PanelCell()),
                        Section(ComponentSchema.CustomerExperienceScoresSection, new Label("NPS and risk", "NPS et risque"),
                            F(CustomerSchema.Nps, true), F(CustomerSchema.NpsResponses, true), F(CustomerSchema.RiskLevel, true), F(CustomerSchema.AtRiskJourneys, true), F(CustomerSchema.LastResponseOn, true), F(CustomerSchema.NpsUpdatedOn, true))),
                    // The panel's "see all" opens this tab: every response of the customer, newest first.
                    Tab(ResponsesTab, new Label("Survey responses", "Réponses aux enquêtes"),
                        Section(ComponentSchema.ResponsesSection, new Label("Survey responses", "Réponses aux enquêtes"),
                            new SubgridCell(ResponsesSubgrid, new Label("Survey responses", "Réponses aux enquêtes"), response, entity == CustomerSchema.Account ? RelationshipSchema.AccountSurveyResponses : RelationshipSchema.ContactSurveyResponses,
                                StableIdOfView(response, ViewCatalog.CustomerResponses)))),
                },
                new[] { WebResourceCatalog.FormLibrary }, new[] { new FormHandler("onload", onLoad, WebResourceCatalog.FormLibrary) });
    }

    private static WebResourceCell PanelCell() => new(PanelControlId, WebResourceCatalog.Panel, PanelLabel, 14);

    private static TabModel PanelTab() => Tab(ComponentSchema.CustomerExperienceTab, CxLabel, Section(ComponentSchema.CustomerExperiencePanelSection, CxLabel, PanelCell()));

    // Views are built from the model alone, so their ids can be computed without the view catalog (no initialisation cycle).
    private static Guid StableIdOfView(string entity, string key) => StableId.For($"view:{entity}:{key}");

    private static FieldCell F(string column, bool readOnly = false) => new(column, readOnly);
    private static SectionModel Section(string name, Label label, params FormCell[] cells) => new(name, label, cells);
    private static TabModel Tab(string name, Label label, params SectionModel[] sections) => new(name, label, sections);
}
