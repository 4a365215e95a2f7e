using CrmCx.Model.Choices;
using CrmCx.Model.Columns;
using CrmCx.Model.Labels;

namespace CrmCx.Model.Tables;

/// <summary>cx_surveyresponse: one answer from one customer to one survey.</summary>
public static class SurveyResponseTable
{
    /// <summary>Logical name.</summary>
    public const string LogicalName = "cx_surveyresponse";

    /// <summary>The table.</summary>
    public static TableModel Table { get; } = new()
    {
        SchemaName = "cx_SurveyResponse",
        DisplayName = new Label("Survey Response", "Réponse à l'enquête"),
        PluralName = new Label("Survey Responses", "Réponses aux enquêtes"),
        Description = new Label("One answer from one customer to one survey, usually written by a survey tool integration.",
            "Une réponse d'un client à une enquête, en général écrite par l'intégration d'un outil d'enquête."),
        Columns = new[]
        {
            Column.Text("cx_Name", new Label("Name", "Nom"),
                new Label("Defaulted to the customer and the date when empty.", "Par défaut, le client et la date."), 200) with { IsPrimaryName = true },
            Column.Lookup("cx_AccountId", new Label("Account", "Compte"),
                new Label("The customer's account; taken from the contact's parent account when only the contact is given.",
                    "Le compte du client ; repris du compte parent du contact quand seul le contact est donné."), "account"),
            Column.Lookup("cx_ContactId", new Label("Contact", "Contact"),
                new Label("The person who answered.", "La personne qui a répondu."), "contact"),
            Column.Lookup("cx_CustomerJourneyId", new Label("Customer Journey", "Parcours client"),
                new Label("The journey this answer is about.", "Le parcours concerné par cette réponse."), "cx_customerjourney") with { CodeName = "Journey" },
            Column.Choice("cx_JourneyStage", new Label("Journey Stage", "Étape du parcours"),
                new Label("The stage of the journey this answer is about; must belong to the journey's type.",
                    "L'étape du parcours concernée ; elle doit appartenir au type du parcours."), GlobalChoices.JourneyStage),
            Column.Choice("cx_Channel", new Label("Channel", "Canal"),
                new Label("The channel the survey was answered on.", "Le canal par lequel l'enquête a été remplie."), GlobalChoices.Channel),
            Column.WholeNumber("cx_Score", new Label("Score", "Note"),
                new Label("How likely are you to recommend us? (0–10)", "Quelle est la probabilité que vous nous recommandiez ? (0–10)"), 0, 10)
                with { RequiredLevel = RequiredLevel.ApplicationRequired },
            Column.Choice("cx_NpsCategory", new Label("NPS Category", "Catégorie NPS"),
                new Label("Set from the score: 9–10 promoter, 7–8 passive, 0–6 detractor.",
                    "Déduite de la note : 9–10 promoteur, 7–8 passif, 0–6 détracteur."), GlobalChoices.NpsCategory) with { IsComputed = true },
            Column.WholeNumber("cx_Csat", new Label("Customer Satisfaction", "Satisfaction client"),
                new Label("Customer satisfaction (1–5).", "Satisfaction du client (1–5)."), 1, 5),
            Column.WholeNumber("cx_Effort", new Label("Customer Effort", "Effort client"),
                new Label("Customer effort score (1–7, 7 = very easy).", "Score d'effort client (1–7, 7 = très facile)."), 1, 7),
            Column.Decimal("cx_SatisfactionIndex", new Label("Satisfaction Index", "Indice de satisfaction"),
                new Label("Computed satisfaction index (0–100).", "Indice de satisfaction calculé (0–100)."), 0m, 100m, 2) with { IsComputed = true },
            Column.Memo("cx_Comment", new Label("Comment", "Commentaire"),
                new Label("The customer's own words.", "Les mots du client."), 4000),
            Column.DateTime("cx_RespondedOn", new Label("Responded On", "Date de réponse"),
                new Label("When the customer answered; defaults to the creation time, never in the future.",
                    "Date de la réponse ; par défaut la date de création, jamais dans le futur.")),
            Column.Text("cx_Source", new Label("Source", "Source"),
                new Label("The survey tool or channel that wrote the response.", "L'outil d'enquête ou le canal qui a écrit la réponse."), 100),
            Column.Text("cx_ExternalId", new Label("External ID", "ID externe"),
                new Label("The survey tool's own id of the response.", "L'identifiant de la réponse dans l'outil d'enquête."), 100),
            Column.Text("cx_ValidationError", new Label("Validation Error", "Erreur de validation"),
                new Label("Why a row written with plug-ins off failed validation; such a row is kept and left out of every figure. Set by CrmCx.",
                    "Pourquoi une ligne écrite sans plug-ins n'a pas passé la validation ; elle est gardée et exclue de tous les chiffres. Défini par CrmCx."), 2000) with { IsComputed = true },
        },
        Keys = new[]
        {
            new KeyModel("cx_surveyresponse_externalid", new Label("Source and external ID", "Source et ID externe"), new[] { "cx_source", "cx_externalid" }) { CodeName = "ExternalIdKey" },
        },
    };
}
