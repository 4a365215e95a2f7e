using System;

namespace CrmCx.Cli.Seeding;

/// <summary>Names for the demo's accounts, contacts and users: plausible, mixed English and French, never real customers.</summary>
internal static class NameBank
{
    /// <summary>The account of the onboarding story from the journeys issue (always account 0).</summary>
    public const string StoryAccount = "Harbor Point Logistics";

    public static readonly string[] EnglishAccountStems =
    {
        "Northwind", "Bluewater", "Granite Peak", "Silver Birch", "Redwood", "Lakeside", "Ironbridge", "Maple Grove", "Summit",
        "Kestrel", "Oakridge", "Brightline", "Copperfield", "Westhaven", "Clearview", "Foxglove", "Highmoor", "Stonegate",
    };

    public static readonly string[] EnglishAccountKinds =
    {
        "Logistics", "Foods", "Engineering", "Health Partners", "Retail Group", "Hotels", "Manufacturing", "Dental Clinics",
        "Property Services", "Analytics", "Freight", "Pharmacies",
    };

    public static readonly string[] FrenchAccountStems =
    {
        "Boulangeries", "Transports", "Cliniques", "Ateliers", "Laboratoires", "Hôtels", "Pharmacies", "Imprimerie", "Cabinet",
        "Fromageries", "Menuiseries", "Librairies",
    };

    public static readonly string[] FrenchAccountNames =
    {
        "Martin", "Lefèvre", "du Rhône", "Beaulieu", "de la Loire", "Garnier", "Morel", "Saint-Clair", "Dubois", "des Alpes",
        "Rousseau", "Chevalier",
    };

    public static readonly string[] EnglishCities = { "Leeds", "Bristol", "Manchester", "Toronto", "Boston", "Dublin", "Glasgow", "Denver" };
    public static readonly string[] FrenchCities = { "Lyon", "Nantes", "Bordeaux", "Lille", "Montréal", "Québec", "Grenoble", "Rennes" };

    public static readonly string[] EnglishFirstNames =
    {
        "Olivia", "James", "Amelia", "Noah", "Grace", "Ethan", "Chloe", "Liam", "Sophie", "Daniel", "Hannah", "Ryan", "Megan", "Owen",
    };

    public static readonly string[] EnglishLastNames =
    {
        "Carter", "Hughes", "Patel", "Murphy", "Walsh", "Bennett", "Price", "Foster", "Reid", "Graham", "Lawson", "Shaw", "Doyle",
    };

    public static readonly string[] FrenchFirstNames =
    {
        "Camille", "Louis", "Léa", "Hugo", "Manon", "Jules", "Chloé", "Théo", "Inès", "Lucas", "Élodie", "Mathis", "Clara",
    };

    public static readonly string[] FrenchLastNames =
    {
        "Bernard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Michel", "Fontaine", "Girard", "Bonnet", "Mercier",
    };

    /// <summary>Account managers (account owners) and service agents (journey owners).</summary>
    public static readonly string[] AccountManagers = { "Dana Whitfield", "Marc Lemoine", "Priya Raman", "Julien Caron" };

    public static readonly string[] ServiceAgents = { "Sam Okafor", "Aline Perrin", "Tom Becker" };

    // The field technicians who own the onboarding installation visits, and their teams (business units): the drivers
    // story is that the South team's installations have been losing satisfaction these last nine months.
    public static readonly string[] Technicians = { "Nadia Brooks", "Owen Hale", "Lucas Moreau", "Chloé Martin" };

    public static readonly string[] FieldTeams = { "Field services North", "Field services South" };

    /// <summary>The team (index into FieldTeams) of each technician.</summary>
    public static readonly int[] TechnicianTeam = { 0, 0, 1, 1 };

    public static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
