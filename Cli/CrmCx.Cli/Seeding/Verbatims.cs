using System;

namespace CrmCx.Cli.Seeding;

/// <summary>Survey verbatims in English and French, by NPS category, so the panel's comments read like real ones.</summary>
internal static class Verbatims
{
    private static readonly string[] EnglishPromoter =
    {
        "Fast, friendly and it just works. Would recommend to anyone.",
        "The support team solved my issue on the first call.",
        "Great value for money and the portal is easy to use.",
        "Our account manager really knows our business.",
        "Installation was on time and the technician explained everything.",
        "Reliable service for years now, no complaints at all.",
    };

    private static readonly string[] EnglishPassive =
    {
        "Good overall, but the invoices are hard to read.",
        "Service is fine; waiting times on the phone could be shorter.",
        "Does the job. Nothing special.",
        "OK, though I had to explain my problem twice.",
        "Decent product, the mobile app needs work.",
    };

    private static readonly string[] EnglishDetractor =
    {
        "Third call this month about the same problem. Nobody follows up.",
        "The technician never showed up and nobody called to say why.",
        "I was billed twice and it took weeks to get a refund.",
        "Too many transfers between departments, I gave up.",
        "Promised a callback within a day, still waiting after a week.",
    };

    private static readonly string[] FrenchPromoter =
    {
        "Rapide, aimable et efficace. Je recommande sans hésiter.",
        "Le support a réglé mon problème dès le premier appel.",
        "Très bon rapport qualité-prix, le portail est simple à utiliser.",
        "Notre chargé de compte connaît vraiment notre activité.",
        "Installation à l'heure, le technicien a tout bien expliqué.",
        "Service fiable depuis des années, rien à redire.",
    };

    private static readonly string[] FrenchPassive =
    {
        "Bien dans l'ensemble, mais les factures sont difficiles à lire.",
        "Service correct ; l'attente au téléphone pourrait être plus courte.",
        "Ça fait le travail, sans plus.",
        "Correct, même si j'ai dû expliquer mon problème deux fois.",
        "Produit convenable, l'application mobile reste à améliorer.",
    };

    private static readonly string[] FrenchDetractor =
    {
        "Troisième appel ce mois-ci pour le même problème. Aucun suivi.",
        "Le technicien n'est jamais venu et personne n'a prévenu.",
        "Facturé deux fois, et des semaines pour être remboursé.",
        "Trop de transferts entre services, j'ai abandonné.",
        "On m'avait promis un rappel sous 24 h, toujours rien après une semaine.",
    };

    /// <summary>A verbatim matching the score's category, in French or English.</summary>
    public static string For(Random random, int score, bool french)
    {
        var pool = score >= 9 ? (french ? FrenchPromoter : EnglishPromoter)
            : score >= 7 ? (french ? FrenchPassive : EnglishPassive)
            : (french ? FrenchDetractor : EnglishDetractor);
        return pool[random.Next(pool.Length)];
    }
}
