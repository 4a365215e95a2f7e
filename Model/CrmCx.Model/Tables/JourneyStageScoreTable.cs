using CrmCx.Model.Choices;
using CrmCx.Model.Columns;
using CrmCx.Model.Labels;

namespace CrmCx.Model.Tables;

/// <summary>cx_journeystagescore: the scores of one stage of one journey (parental to the journey).</summary>
public static class JourneyStageScoreTable
{
    /// <summary>Logical name.</summary>
    public const string LogicalName = "cx_journeystagescore";

    /// <summary>The table.</summary>
    public static TableModel Table { get; } = new()
    {
        SchemaName = "cx_JourneyStageScore",
        DisplayName = new Label("Journey Stage Score", "Score d'étape du parcours"),
        PluralName = new Label("Journey Stage Scores", "Scores d'étape du parcours"),
        Description = new Label("The scores of one stage of one customer journey, kept up to date by CrmCx.",
            "Les scores d'une étape d'un parcours client, tenus à jour par CrmCx."),
        Columns = new[]
        {
            Column.Text("cx_Name", new Label("Name", "Nom"), new Label("The journey and the stage.", "Le parcours et l'étape."), 200) with { IsPrimaryName = true },
            Column.Lookup("cx_CustomerJourneyId", new Label("Customer Journey", "Parcours client"),
                new Label("The journey this stage belongs to.", "Le parcours auquel appartient cette étape."), "cx_customerjourney")
                with { RequiredLevel = RequiredLevel.ApplicationRequired, CodeName = "Journey" },
            Column.Choice("cx_JourneyStage", new Label("Journey Stage", "Étape du parcours"),
                new Label("The stage.", "L'étape."), GlobalChoices.JourneyStage) with { RequiredLevel = RequiredLevel.ApplicationRequired, CodeName = "Stage" },
            Column.Decimal("cx_Score", new Label("Stage Score", "Score de l'étape"),
                new Label("Mean satisfaction index of the stage's responses (0–100).", "Indice de satisfaction moyen des réponses de l'étape (0–100)."), 0m, 100m, 2) with { IsComputed = true },
            Column.Decimal("cx_Nps", new Label("NPS", "NPS"),
                new Label("NPS of the stage's responses.", "NPS des réponses de l'étape."), -100m, 100m, 1) with { IsComputed = true },
            Column.Count("cx_ResponseCount", new Label("Responses", "Réponses"),
                new Label("Survey responses of the stage.", "Réponses aux enquêtes de l'étape.")) with { IsComputed = true, ScriptName = "responses" },
            Column.Count("cx_TouchpointCount", new Label("Touchpoints", "Points de contact"),
                new Label("Cases and activities of the stage.", "Incidents et activités de l'étape.")) with { IsComputed = true, ScriptName = "touchpoints" },
            Column.DateTime("cx_FirstActivityOn", new Label("First Activity On", "Première activité le"),
                new Label("The stage's first response or touchpoint.", "Première réponse ou premier point de contact de l'étape.")) with { IsComputed = true },
            Column.DateTime("cx_LastActivityOn", new Label("Last Activity On", "Dernière activité le"),
                new Label("The stage's latest response or touchpoint.", "Dernière réponse ou dernier point de contact de l'étape.")) with { IsComputed = true },
        },
        Keys = new[]
        {
            new KeyModel("cx_journeystagescore_stage", new Label("Journey and stage", "Parcours et étape"), new[] { "cx_customerjourneyid", "cx_journeystage" }) { CodeName = "StageKey" },
        },
    };
}
