using CrmCx.Model.Columns;
using CrmCx.Model.Labels;

namespace CrmCx.Model.Tables;

/// <summary>
/// cx_driverday: the survey responses of one UTC day counted for one value of one driver dimension (stage, channel,
/// owner, business unit, contacts, effort), one journey type and either all accounts or one. An addition to
/// data-model.md (the plugins' DriverDaySchema) for cx_GetDrivers, which must not aggregate over more than 50,000 rows:
/// it sums these rows for closed days and reads only today from the responses. Written by the daily cx_Recalculate run
/// as the system user; one extra row (dimension "watermark") holds when the responses were last summarized.
/// </summary>
public static class DriverDayTable
{
    /// <summary>Logical name.</summary>
    public const string LogicalName = "cx_driverday";

    /// <summary>Name of the alternate key on cx_key.</summary>
    public const string KeyName = "cx_driverday_key";

    /// <summary>Dimension and key of the one row that holds the watermark (cx_summarizedthrough).</summary>
    public const string WatermarkKey = "watermark";

    /// <summary>The table.</summary>
    public static TableModel Table { get; } = new()
    {
        SchemaName = "cx_DriverDay",
        DisplayName = new Label("Driver day", "Jour des leviers"),
        PluralName = new Label("Driver days", "Jours des leviers"),
        Description = new Label("Daily survey counts per driver dimension value, maintained by the CrmCx daily recalculation for cx_GetDrivers; not for editing.",
            "Comptes quotidiens des réponses par valeur de levier, tenus à jour par le recalcul quotidien de CrmCx pour cx_GetDrivers ; à ne pas modifier."),
        Columns = new[]
        {
            Column.Text("cx_Name", new Label("Name", "Nom"),
                new Label("The day, the dimension and its value, e.g. \"2026-11-19 stage 964000103\".", "Le jour, la dimension et sa valeur, par exemple « 2026-11-19 stage 964000103 »."), 200)
                with { IsPrimaryName = true, IsComputed = true },
            Column.Text("cx_Key", new Label("Key", "Clé"),
                new Label("One row per day, dimension, value, journey type and account scope: \"yyyyMMdd:dimension:value:journeytype:account id or all\".",
                    "Une ligne par jour, dimension, valeur, type de parcours et compte : « aaaaMMjj:dimension:valeur:type:id du compte ou all »."), 200)
                with { RequiredLevel = RequiredLevel.ApplicationRequired, IsComputed = true },
            Column.WholeNumber("cx_Day", new Label("UTC day (yyyyMMdd)", "Jour UTC (aaaaMMjj)"),
                new Label("The UTC day of the responses' Responded On, as yyyyMMdd.", "Le jour UTC de la « Date de réponse » des réponses, au format aaaaMMjj."), NpsDayTable.FirstDay, NpsDayTable.LastDay)
                with { RequiredLevel = RequiredLevel.ApplicationRequired, IsComputed = true },
            Column.Text("cx_Dimension", new Label("Dimension", "Dimension"),
                new Label("stage, channel, owner, businessunit, contacts or effort.", "stage, channel, owner, businessunit, contacts ou effort."), 20)
                with { IsComputed = true },
            Column.Text("cx_Value", new Label("Value", "Valeur"),
                new Label("The choice value as text, the owner's or business unit's id, or the band (0, 1, 2-3, 4+; low, high).",
                    "La valeur du choix en texte, l'id du propriétaire ou de la division, ou la tranche (0, 1, 2-3, 4+ ; low, high)."), 100)
                with { IsComputed = true },
            Column.WholeNumber("cx_JourneyType", new Label("Journey type value", "Valeur du type de parcours"),
                new Label("The cx_journeytype value of the responses' journey; 0 for responses on no journey.", "La valeur cx_journeytype du parcours des réponses ; 0 pour les réponses sans parcours."), 0, 964000009)
                with { IsComputed = true },
            Column.Lookup("cx_AccountId", new Label("Account", "Compte"),
                new Label("The account whose responses the row counts; empty for the row of all accounts.", "Le compte dont la ligne compte les réponses ; vide pour la ligne de tous les comptes."), "account")
                with { IsComputed = true },
            Column.Count("cx_Responses", new Label("Responses", "Réponses"), new Label("Responses counted.", "Réponses comptées.")) with { IsComputed = true },
            Column.Count("cx_Promoters", new Label("Promoters", "Promoteurs"), new Label("Of which scored 9–10.", "Dont notées de 9 à 10.")) with { IsComputed = true },
            Column.Count("cx_Detractors", new Label("Detractors", "Détracteurs"), new Label("Of which scored 0–6.", "Dont notées de 0 à 6.")) with { IsComputed = true },
            Column.Count("cx_SatisfactionCount", new Label("Responses with satisfaction", "Réponses avec satisfaction"),
                new Label("Responses with a satisfaction index.", "Réponses avec un indice de satisfaction.")) with { IsComputed = true },
            Column.Decimal("cx_SatisfactionSum", new Label("Satisfaction sum", "Somme de satisfaction"),
                new Label("Sum of their satisfaction indexes.", "Somme de leurs indices de satisfaction."), 0m, 100000000000m, 2) with { IsComputed = true },
            Column.Decimal("cx_SatisfactionSquares", new Label("Satisfaction sum of squares", "Somme des carrés de satisfaction"),
                new Label("Sum of the squares of their satisfaction indexes (for the margin of the mean).", "Somme des carrés de leurs indices (pour la marge de la moyenne)."), 0m, 100000000000m, 4) with { IsComputed = true },
            Column.DateTime("cx_SummarizedThrough", new Label("Summarized through", "Résumé jusqu'au"),
                new Label("Only on the watermark row: responses modified up to this instant are summarized.", "Seulement sur la ligne repère : les réponses modifiées jusqu'à cet instant sont résumées.")) with { IsComputed = true },
        },
        Keys = new[]
        {
            new KeyModel(KeyName, new Label("Day, dimension value and scope", "Jour, valeur et portée"), new[] { "cx_key" }) { CodeName = "KeyName" },
        },
    };
}
