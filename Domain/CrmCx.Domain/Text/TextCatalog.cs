using System;
using System.Collections.Generic;
using System.Globalization;
using CrmCx.Domain.Choices;

namespace CrmCx.Domain.Text;

/// <summary>
/// Every sentence the plug-ins write, in English (1033) or French (1036), with the reader's plurals, numbers and
/// dates. Formatting is written out here rather than taken from <see cref="CultureInfo"/>: the sandbox and Linux
/// hosts may run with invariant globalization, and the same reader must get the same text everywhere.
/// </summary>
public sealed partial class TextCatalog
{
    /// <summary>LCID of English (United States).</summary>
    public const int EnglishLcid = 1033;
    /// <summary>LCID of French (France).</summary>
    public const int FrenchLcid = 1036;

    // French typography (CLDR fr): a narrow no-break space before % and as the thousands separator, a no-break space
    // before the colon; the minus sign of the documented reasons (U+2212) in both languages.
    private const string NarrowNoBreakSpace = "\u202F";
    private const string NoBreakSpace = "\u00A0";
    private const string Minus = "\u2212";

    private static readonly string[] EnglishMonths = { "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December" };
    private static readonly string[] FrenchMonths = { "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre" };

    private readonly bool french;

    private TextCatalog(int lcid)
    {
        Lcid = lcid;
        french = lcid == FrenchLcid;
    }

    /// <summary>English.</summary>
    public static TextCatalog English { get; } = new TextCatalog(EnglishLcid);
    /// <summary>French.</summary>
    public static TextCatalog French { get; } = new TextCatalog(FrenchLcid);

    /// <summary>The language of this catalog (1033 or 1036).</summary>
    public int Lcid { get; }

    /// <summary>Whether the catalog has sentences in that language.</summary>
    public static bool Supports(int? lcid) => lcid == EnglishLcid || lcid == FrenchLcid;

    /// <summary>
    /// The reader's catalog: their language when supported, else the organization's base language when supported,
    /// else English.
    /// </summary>
    public static TextCatalog For(int? readerLcid, int? baseLcid = null)
    {
        var lcid = Supports(readerLcid) ? readerLcid : Supports(baseLcid) ? baseLcid : EnglishLcid;
        return lcid == FrenchLcid ? French : English;
    }

    /// <summary>"1 response", "0 responses" in English; "0 réponse", "1 réponse", "2 réponses" in French (0 and 1 are singular).</summary>
    public string Count(int count, string singular, string plural) => Whole(count) + " " + (IsSingular(count) ? singular : plural);

    /// <summary>Whether a count takes the singular: only 1 in English, 0 and 1 in French.</summary>
    public bool IsSingular(int count) => french ? count == 0 || count == 1 || count == -1 : count == 1 || count == -1;

    /// <summary>A whole number, with the reader's thousands separator ("1,234" / "1 234" with a narrow no-break space).</summary>
    public string Whole(decimal value)
    {
        var rounded = Math.Round(value, 0, MidpointRounding.AwayFromZero);
        return Sign(rounded) + Group(Math.Abs(rounded).ToString("0", CultureInfo.InvariantCulture));
    }

    /// <summary>A number with at most <paramref name="decimals"/> decimals, trailing zeros dropped ("12.5" / "12,5").</summary>
    public string Number(decimal value, int decimals = 1)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        var text = Math.Abs(rounded).ToString("0." + new string('#', Math.Max(1, decimals)), CultureInfo.InvariantCulture);
        var point = text.IndexOf('.');
        var whole = Group(point < 0 ? text : text.Substring(0, point));
        var fraction = point < 0 ? string.Empty : (french ? "," : ".") + text.Substring(point + 1);
        return Sign(rounded) + whole + fraction;
    }

    /// <summary>A number with its sign always shown, as NPS is written: "+40", "−10.5" / "−10,5".</summary>
    public string Signed(decimal value, int decimals = 1)
    {
        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        return (rounded > 0 ? "+" : string.Empty) + Number(rounded, decimals);
    }

    /// <summary>A percentage: "−40 %" in English as the documented reasons write it, "−40 %" with a narrow no-break space in French.</summary>
    public string Percent(decimal value, int decimals = 0) => Number(value, decimals) + (french ? NarrowNoBreakSpace : " ") + "%";

    /// <summary>A date for the reader: "November 20, 2026" / "20 novembre 2026" (the UTC day).</summary>
    public string Date(DateTime utc)
    {
        var day = utc.Day.ToString(CultureInfo.InvariantCulture);
        var year = utc.Year.ToString(CultureInfo.InvariantCulture);
        return french ? day + " " + FrenchMonths[utc.Month - 1] + " " + year : EnglishMonths[utc.Month - 1] + " " + day + ", " + year;
    }

    /// <summary>The reader's label of a cx_journeystage value (the value itself when unknown).</summary>
    public string StageLabel(int stage)
    {
        var known = JourneyStages.Find(stage);
        if (known == null) return stage.ToString(CultureInfo.InvariantCulture);
        return french && FrenchStageLabels.TryGetValue(stage, out var label) ? label : known.Label;
    }

    /// <summary>The reader's label of a cx_risklevel value.</summary>
    public string LevelLabel(RiskLevel level) => level switch
    {
        RiskLevel.None => french ? "Aucun" : "None",
        RiskLevel.Low => french ? "Faible" : "Low",
        RiskLevel.Medium => french ? "Moyen" : "Medium",
        RiskLevel.High => french ? "Élevé" : "High",
        _ => ((int)level).ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>How a sentence names a journey of a type: "an onboarding" / "une intégration".</summary>
    public string TypePhrase(JourneyType type) => type switch
    {
        JourneyType.Onboarding => french ? "une intégration" : "an onboarding",
        JourneyType.Relocation => french ? "un déménagement" : "a relocation",
        JourneyType.Renewal => french ? "un renouvellement" : "a renewal",
        JourneyType.TechnicalIssue => french ? "un incident technique" : "a technical issue",
        _ => french ? "un parcours de ce type" : "a journey of this type",
    };

    /// <summary>The French labels of cx_journeystage, as the model ships them (Model/CrmCx.Model GlobalChoices).</summary>
    public static IReadOnlyDictionary<int, string> FrenchStageLabels { get; } = new Dictionary<int, string>
    {
        [964000101] = "Commande", [964000102] = "Bienvenue", [964000103] = "Installation", [964000104] = "Activation",
        [964000105] = "Première facture", [964000106] = "Adoption",
        [964000201] = "Demande de déménagement", [964000202] = "Planification", [964000203] = "Transfert du service", [964000204] = "Confirmation",
        [964000301] = "Avis de renouvellement", [964000302] = "Examen des options", [964000303] = "Décision", [964000304] = "Renouvelé",
        [964000401] = "Signalé", [964000402] = "Diagnostic", [964000403] = "Résolution", [964000404] = "Suivi",
        [964000901] = "Général",
    };

    // French puts a no-break space before the colon; English none.
    private string Colon => french ? NoBreakSpace + ":" : ":";

    private static string Sign(decimal rounded) => rounded < 0 ? Minus : string.Empty;

    private string Group(string digits)
    {
        if (digits.Length <= 3) return digits;
        var separator = french ? NarrowNoBreakSpace : ",";
        var groups = new List<string>();
        for (var end = digits.Length; end > 0; end -= 3) groups.Insert(0, digits.Substring(Math.Max(0, end - 3), Math.Min(3, end)));
        return string.Join(separator, groups.ToArray());
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text.Substring(0, max - 1) + "\u2026";

    private static string Cut(string text, int max) => text.Length <= max ? text : text.Substring(0, max);

    /// <inheritdoc />
    public override string ToString() => french ? "fr (1036)" : "en (1033)";
}
