using System.Collections.Generic;
using System.Linq;
using CrmCx.Model.Choices;
using CrmCx.Model.Columns;
using CrmCx.Model.Labels;

namespace CrmCx.Model.Tables;

/// <summary>The columns CrmCx adds to account and contact (NPS roll-up, risk) and to cases and activities (journey link).</summary>
public static class StandardTableExtensions
{
    /// <summary>NPS and risk columns, the same on account and contact.</summary>
    public static IReadOnlyList<ColumnModel> CustomerColumns { get; } = new[]
    {
        Column.Decimal("cx_Nps", new Label("NPS", "NPS"),
            new Label("NPS of the rolling window.", "NPS de la fenêtre glissante."), -100m, 100m, 1),
        Column.Decimal("cx_NpsPrevious", new Label("Previous NPS", "NPS précédent"),
            new Label("NPS of the window before it (trend).", "NPS de la fenêtre précédente (tendance)."), -100m, 100m, 1),
        Column.Decimal("cx_NpsMargin", new Label("NPS Margin", "Marge du NPS"),
            new Label("95 % margin of error of the NPS, in NPS points.", "Marge d'erreur à 95 % du NPS, en points de NPS."), 0m, 200m, 1),
        Column.Decimal("cx_NpsPrevMargin", new Label("Previous NPS Margin", "Marge du NPS précédent"),
            new Label("95 % margin of error of the previous NPS.", "Marge d'erreur à 95 % du NPS précédent."), 0m, 200m, 1) with { CodeName = "NpsPreviousMargin" },
        Column.Count("cx_NpsResponses", new Label("NPS Responses", "Réponses NPS"),
            new Label("Responses in the window.", "Réponses dans la fenêtre.")),
        Column.Count("cx_Promoters", new Label("Promoters", "Promoteurs"),
            new Label("Promoters in the window.", "Promoteurs dans la fenêtre.")),
        Column.Count("cx_Passives", new Label("Passives", "Passifs"),
            new Label("Passives in the window.", "Passifs dans la fenêtre.")),
        Column.Count("cx_Detractors", new Label("Detractors", "Détracteurs"),
            new Label("Detractors in the window.", "Détracteurs dans la fenêtre.")),
        Column.Memo("cx_NpsHistory", new Label("NPS History", "Historique du NPS"),
            new Label("Monthly NPS of the last 12 months (JSON), for the trend chart.", "NPS mensuel des 12 derniers mois (JSON), pour le graphique de tendance."), 4000),
        Column.DateTime("cx_LastResponseOn", new Label("Last Response On", "Dernière réponse le"),
            new Label("The newest survey response.", "La réponse à une enquête la plus récente.")),
        Column.DateTime("cx_NpsUpdatedOn", new Label("NPS Updated On", "NPS mis à jour le"),
            new Label("When the NPS columns were last computed.", "Dernier calcul des colonnes NPS.")),
        // An addition to data-model.md (CustomerSchema.NpsDaysThrough): how far the customer's cx_npsday rows are complete.
        Column.WholeNumber("cx_NpsDaysThrough", new Label("NPS days summarized through", "Jours NPS résumés jusqu'au"),
            new Label("Last UTC day (yyyyMMdd) whose survey responses are summed in NPS day rows; empty = rebuilt at the next rollup. Computed by CrmCx.",
                "Dernier jour UTC (aaaaMMjj) dont les réponses aux enquêtes sont additionnées dans les lignes Jour NPS ; vide = reconstruites au prochain cumul. Calculé par CrmCx."),
            NpsDayTable.FirstDay, NpsDayTable.LastDay),
        // Additions to data-model.md (CustomerSchema.NpsDayBase, NpsDayBaseEnd): the day-base checkpoint (NpsDayBase) that
        // lets a large customer's rollup read only the days after it, the window edges' days and the touched days.
        Column.Memo("cx_NpsDayBase", new Label("NPS day base", "Base de jours NPS"),
            new Label("Compact checkpoint of the whole-day counts of the customer's survey responses (single days near the window edges, months elsewhere); empty = none, the next large rollup writes one. Computed by CrmCx.",
                "Point de reprise compact des comptes par jour entier des réponses aux enquêtes du client (jours seuls près des bords des fenêtres, mois ailleurs) ; vide = aucun, le prochain cumul d'un grand client en écrit un. Calculé par CrmCx."), 1048576),
        Column.DateTime("cx_NpsDayBaseEnd", new Label("NPS day base end", "Fin de la base de jours NPS"),
            new Label("End (UTC) of the NPS day base: the start of the day after the last whole day it counts; responses from then on are read from the rows. Computed by CrmCx.",
                "Fin (UTC) de la base de jours NPS : le début du jour qui suit le dernier jour entier qu'elle compte ; les réponses à partir de là sont lues dans les lignes. Calculé par CrmCx.")),
        // An addition to data-model.md (CustomerSchema.RecalculateOn): what the scheduled recalculation (cx_Recalculate, due) reads.
        Column.DateTime("cx_RecalculateOn", new Label("Recalculate On", "Recalculer le"),
            new Label("Next moment the NPS figures change with no new data (a response leaving a window, the monthly history rolling); the daily recalculation recomputes them then. Computed by CrmCx.",
                "Prochain moment où les chiffres NPS changent sans nouvelle donnée (une réponse sort d'une fenêtre, l'historique mensuel avance) ; le recalcul quotidien les recalcule alors. Calculé par CrmCx.")),
        // An addition to data-model.md (CustomerSchema.NpsCorrelationId): lets the rollups of one bulk request stop after one read.
        Column.Text("cx_NpsCorrelationId", new Label("NPS computed for request", "NPS calculé pour la requête"),
            new Label("Correlation id of the request whose survey responses the last NPS rollup counted; the other rollups of that request stop after one read. Computed by CrmCx.",
                "Identifiant de corrélation de la requête dont le dernier cumul NPS a compté les réponses ; les autres cumuls de cette requête s'arrêtent après une lecture. Calculé par CrmCx."), 100),
        Column.Choice("cx_RiskLevel", new Label("CX Risk Level", "Niveau de risque CX"),
            new Label("Highest of the risk of the customer's open journeys and of its own NPS (fall, detractor share, silence).",
                "Le plus élevé du risque des parcours ouverts du client et de celui de son propre NPS (baisse, part de détracteurs, silence)."), GlobalChoices.RiskLevel),
        Column.Count("cx_AtRiskJourneys", new Label("At-risk Journeys", "Parcours à risque"),
            new Label("Open journeys at Medium or High risk.", "Parcours ouverts à risque moyen ou élevé.")),
        // Additions to data-model.md (CustomerSchema.OpenJourneys, JourneyRiskLevel): the journey facts the NPS rollup
        // combines with the customer's own risk without reading its journeys (docs/architecture.md, customer columns).
        Column.Count("cx_OpenJourneys", new Label("Open Journeys", "Parcours ouverts"),
            new Label("Open journeys of the customer (the silence rule reads it). Computed by CrmCx.", "Parcours ouverts du client (la règle du silence le lit). Calculé par CrmCx.")),
        Column.Choice("cx_JourneyRiskLevel", new Label("Journey Risk Level", "Niveau de risque des parcours"),
            new Label("Highest risk among the customer's open journeys alone. Computed by CrmCx.", "Risque le plus élevé parmi les seuls parcours ouverts du client. Calculé par CrmCx."), GlobalChoices.RiskLevel),
        // In data-model.md's "Added in the second round" table (docs/risk-reasons.md is the contract).
        Column.Memo("cx_RiskReasons", new Label("CX Risk Reasons", "Raisons du risque CX"),
            new Label("The customer's risk reasons, one per line, in the organization's base language. Computed by CrmCx.",
                "Les raisons du risque du client, une par ligne, dans la langue de base de l'organisation. Calculé par CrmCx."), 4000),
        Column.Memo("cx_RiskReasonsJson", new Label("CX Risk Reasons (data)", "Raisons du risque CX (données)"),
            new Label("The customer's risk reasons as a JSON array of {\"code\": ..., values}, rendered in the reader's language. Computed by CrmCx.",
                "Les raisons du risque du client en tableau JSON de {\"code\": ..., valeurs}, affichées dans la langue du lecteur. Calculé par CrmCx."), 10000),
    }.Select(c => c with { IsComputed = true }).ToArray();

    /// <summary>Journey link columns, the same on every touchpoint table.</summary>
    public static IReadOnlyList<ColumnModel> TouchpointColumns { get; } = new[]
    {
        Column.Lookup("cx_CustomerJourneyId", new Label("Customer Journey", "Parcours client"),
            new Label("The journey this case or activity belongs to.", "Le parcours auquel appartient cet incident ou cette activité."), "cx_customerjourney") with { CodeName = "Journey" },
        Column.Choice("cx_JourneyStage", new Label("Journey Stage", "Étape du parcours"),
            new Label("The stage it happened in.", "L'étape pendant laquelle il a eu lieu."), GlobalChoices.JourneyStage) with { ScriptName = "stage" },
    };

    /// <summary>Logical names of the touchpoint tables (cases and the four activity types).</summary>
    public static IReadOnlyList<string> TouchpointTables { get; } = new[] { "incident", "phonecall", "email", "appointment", "task" };

    /// <summary>Every extended standard table, in solution order.</summary>
    public static IReadOnlyList<TableExtensionModel> All { get; } = new[]
    {
        new TableExtensionModel("Account", new Label("Account", "Compte"), CustomerColumns),
        new TableExtensionModel("Contact", new Label("Contact", "Contact"), CustomerColumns),
        new TableExtensionModel("Incident", new Label("Case", "Incident"), TouchpointColumns),
        new TableExtensionModel("PhoneCall", new Label("Phone Call", "Appel téléphonique"), TouchpointColumns),
        new TableExtensionModel("Email", new Label("Email", "Courrier électronique"), TouchpointColumns),
        new TableExtensionModel("Appointment", new Label("Appointment", "Rendez-vous"), TouchpointColumns),
        new TableExtensionModel("Task", new Label("Task", "Tâche"), TouchpointColumns),
    };
}
