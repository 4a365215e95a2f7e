using CrmCx.Model.Columns;
using CrmCx.Model.Labels;

namespace CrmCx.Model.Tables;

/// <summary>
/// cx_npsday: one customer's (account's or contact's) survey responses of one UTC day, counted by NPS category.
/// An addition to data-model.md (the plugins' NpsDaySchema): Dataverse refuses aggregate FetchXML over 50,000 rows,
/// so the NPS rollup sums whole past days from these rows and reads only the window edges and today from the responses.
/// Written only by the rollup, as the system user; deleted with its customer.
/// </summary>
public static class NpsDayTable
{
    /// <summary>Logical name.</summary>
    public const string LogicalName = "cx_npsday";

    /// <summary>Name of the alternate key on cx_key.</summary>
    public const string KeyName = "cx_npsday_key";

    /// <summary>Smallest yyyyMMdd day a column accepts.</summary>
    public const int FirstDay = 19000101;

    /// <summary>Largest yyyyMMdd day a column accepts.</summary>
    public const int LastDay = 99991231;

    /// <summary>The table.</summary>
    public static TableModel Table { get; } = new()
    {
        // The model has no ownership setting: like every cx table (and like the computed cx_journeystagescore) it is
        // user-owned; the rollup creates the rows as the system user, so SYSTEM owns them.
        SchemaName = "cx_NpsDay",
        DisplayName = new Label("NPS day", "Jour NPS"),
        PluralName = new Label("NPS days", "Jours NPS"),
        Description = new Label("Daily NPS counts per customer (account or contact), maintained by the CrmCx NPS rollup; not for editing.",
            "Comptes NPS quotidiens par client (compte ou contact), tenus à jour par le cumul NPS de CrmCx ; à ne pas modifier."),
        Columns = new[]
        {
            Column.Text("cx_Name", new Label("Name", "Nom"),
                new Label("The customer's table and the day, e.g. \"account 2026-11-22\".", "La table du client et le jour, par exemple « account 2026-11-22 »."), 100)
                with { IsPrimaryName = true, IsComputed = true },
            Column.Lookup("cx_AccountId", new Label("Account", "Compte"),
                new Label("The account whose responses the row counts (exactly one of account and contact is set).",
                    "Le compte dont la ligne compte les réponses (un seul des deux, compte ou contact, est renseigné)."), "account")
                with { IsComputed = true },
            Column.Lookup("cx_ContactId", new Label("Contact", "Contact"),
                new Label("The contact whose responses the row counts (exactly one of account and contact is set).",
                    "Le contact dont la ligne compte les réponses (un seul des deux, compte ou contact, est renseigné)."), "contact")
                with { IsComputed = true },
            Column.WholeNumber("cx_Day", new Label("UTC day (yyyyMMdd)", "Jour UTC (aaaaMMjj)"),
                new Label("The UTC day of the responses' Responded On, as yyyyMMdd.", "Le jour UTC de la « Date de réponse » des réponses, au format aaaaMMjj."), FirstDay, LastDay)
                with { RequiredLevel = RequiredLevel.ApplicationRequired, IsComputed = true },
            Column.Count("cx_Promoters", new Label("Promoters", "Promoteurs"),
                new Label("Responses of the day scored 9–10.", "Réponses du jour notées de 9 à 10.")) with { IsComputed = true },
            Column.Count("cx_Passives", new Label("Passives", "Passifs"),
                new Label("Responses of the day scored 7–8.", "Réponses du jour notées de 7 à 8.")) with { IsComputed = true },
            Column.Count("cx_Detractors", new Label("Detractors", "Détracteurs"),
                new Label("Responses of the day scored 0–6.", "Réponses du jour notées de 0 à 6.")) with { IsComputed = true },
            Column.DateTime("cx_LastResponseOn", new Label("Last Response On", "Dernière réponse le"),
                new Label("The newest response of the day (stored in UTC).", "La réponse la plus récente du jour (enregistrée en UTC).")) with { IsComputed = true },
            Column.Text("cx_Key", new Label("Key", "Clé"),
                new Label("One row per customer and day: \"account:{id}:yyyyMMdd\" or \"contact:{id}:yyyyMMdd\".",
                    "Une ligne par client et par jour : « account:{id}:aaaaMMjj » ou « contact:{id}:aaaaMMjj »."), 100)
                with { RequiredLevel = RequiredLevel.ApplicationRequired, IsComputed = true },
        },
        Keys = new[]
        {
            new KeyModel(KeyName, new Label("Customer and day", "Client et jour"), new[] { "cx_key" }) { CodeName = "KeyName" },
        },
    };
}
