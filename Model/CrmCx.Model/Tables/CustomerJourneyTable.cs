using CrmCx.Model.Choices;
using CrmCx.Model.Columns;
using CrmCx.Model.Labels;

namespace CrmCx.Model.Tables;

/// <summary>cx_customerjourney: one customer's end-to-end journey of one type.</summary>
public static class CustomerJourneyTable
{
    /// <summary>Logical name.</summary>
    public const string LogicalName = "cx_customerjourney";

    /// <summary>statuscode of an open journey (state Active).</summary>
    public const int InProgress = 1;

    /// <summary>statuscode of a finished journey (state Inactive); the default inactive status, as on any custom table.</summary>
    public const int Completed = 2;

    /// <summary>statuscode of a journey given up (state Inactive): the first added status reason takes the publisher's option value prefix.</summary>
    public const int Abandoned = 964000001;

    /// <summary>The table.</summary>
    public static TableModel Table { get; } = new()
    {
        SchemaName = "cx_CustomerJourney",
        DisplayName = new Label("Customer Journey", "Parcours client"),
        PluralName = new Label("Customer Journeys", "Parcours clients"),
        Description = new Label("One customer's end-to-end journey of one type: an onboarding, a move, a renewal, a technical issue.",
            "Le parcours de bout en bout d'un client, d'un type donné : intégration, déménagement, renouvellement, incident technique."),
        Columns = new[]
        {
            Column.Text("cx_Name", new Label("Name", "Nom"),
                new Label("Defaulted to the journey type and the customer.", "Par défaut, le type de parcours et le client."), 200) with { IsPrimaryName = true },
            Column.Choice("cx_JourneyType", new Label("Journey Type", "Type de parcours"),
                new Label("The kind of journey.", "Le type de parcours."), GlobalChoices.JourneyType) with { RequiredLevel = RequiredLevel.ApplicationRequired },
            Column.Lookup("cx_AccountId", new Label("Account", "Compte"),
                new Label("The customer's account.", "Le compte du client."), "account"),
            Column.Lookup("cx_ContactId", new Label("Contact", "Contact"),
                new Label("The customer's contact.", "Le contact du client."), "contact"),
            Column.Choice("cx_CurrentStage", new Label("Current Stage", "Étape actuelle"),
                new Label("The latest stage reached.", "La dernière étape atteinte."), GlobalChoices.JourneyStage),
            Column.DateTime("cx_StartedOn", new Label("Started On", "Commencé le"),
                new Label("When the journey started.", "Date de début du parcours.")),
            Column.DateTime("cx_CompletedOn", new Label("Completed On", "Terminé le"),
                new Label("When the journey ended.", "Date de fin du parcours.")),
            Column.Decimal("cx_Score", new Label("Journey Score", "Score du parcours"),
                new Label("Journey satisfaction index (0–100).", "Indice de satisfaction du parcours (0–100)."), 0m, 100m, 2) with { IsComputed = true },
            Column.Decimal("cx_StartScore", new Label("Start Score", "Score initial"),
                new Label("Score of the first scored stage.", "Score de la première étape notée."), 0m, 100m, 2) with { IsComputed = true },
            Column.Decimal("cx_ScoreTrend", new Label("Score Trend", "Tendance du score"),
                new Label("Latest scored stage minus first scored stage, in points.", "Dernière étape notée moins la première, en points."), -100m, 100m, 2) with { IsComputed = true },
            Column.Decimal("cx_Nps", new Label("NPS", "NPS"),
                new Label("NPS of this journey's responses.", "NPS des réponses de ce parcours."), -100m, 100m, 1) with { IsComputed = true },
            Column.Count("cx_ResponseCount", new Label("Responses", "Réponses"),
                new Label("Survey responses linked to the journey.", "Réponses aux enquêtes liées au parcours.")) with { IsComputed = true },
            Column.Count("cx_TouchpointCount", new Label("Touchpoints", "Points de contact"),
                new Label("Cases and activities linked to the journey.", "Incidents et activités liés au parcours.")) with { IsComputed = true },
            Column.Count("cx_RepeatContacts", new Label("Repeat Contacts", "Contacts répétés"),
                new Label("Contacts beyond the first within the repeat window.", "Contacts au-delà du premier dans la fenêtre de répétition.")) with { IsComputed = true },
            Column.WholeNumber("cx_RiskScore", new Label("Risk Score", "Score de risque"),
                new Label("Risk of losing the customer on this journey (0–100).", "Risque de perdre le client sur ce parcours (0–100)."), 0, 100) with { IsComputed = true },
            Column.Choice("cx_RiskLevel", new Label("Risk Level", "Niveau de risque"),
                new Label("Risk level derived from the risk score.", "Niveau de risque déduit du score de risque."), GlobalChoices.RiskLevel) with { IsComputed = true },
            Column.Memo("cx_RiskReasons", new Label("Risk Reasons", "Raisons du risque"),
                new Label("One reason per line, in plain words.", "Une raison par ligne, en termes simples."), 4000) with { IsComputed = true },
            // In data-model.md's "Added in the second round" table (docs/risk-reasons.md is the contract).
            Column.Memo("cx_RiskReasonsJson", new Label("Risk Reasons (data)", "Raisons du risque (données)"),
                new Label("The risk reasons as a JSON array of {\"code\": ..., values}, rendered in the reader's language. Computed by CrmCx.",
                    "Les raisons du risque en tableau JSON de {\"code\": ..., valeurs}, affichées dans la langue du lecteur. Calculé par CrmCx."), 10000) with { IsComputed = true },
            Column.DateTime("cx_FlaggedOn", new Label("Flagged On", "Signalé le"),
                new Label("When the journey last rose to Medium or High risk.", "Dernière date à laquelle le parcours est passé à un risque moyen ou élevé.")) with { IsComputed = true },
            // An addition to data-model.md (JourneySchema.RecalculateOn): what the scheduled recalculation (cx_Recalculate, due) reads.
            Column.DateTime("cx_RecalculateOn", new Label("Recalculate On", "Recalculer le"),
                new Label("Next moment a duration rule changes the journey's risk with no new data; the daily recalculation recomputes it then. Computed by CrmCx.",
                    "Prochain moment où une règle de durée change le risque du parcours sans nouvelle donnée ; le recalcul quotidien le recalcule alors. Calculé par CrmCx.")) with { IsComputed = true },
        },
        Statuses = new[]
        {
            new StatusModel(0, InProgress, new Label("In progress", "En cours")),
            new StatusModel(1, Completed, new Label("Completed", "Terminé")),
            new StatusModel(1, Abandoned, new Label("Abandoned", "Abandonné")),
        },
    };
}
