using System.Collections.Generic;
using CrmCx.Model.Labels;

namespace CrmCx.Model.Choices;

/// <summary>The global choices of data-model.md; values are fixed by the contract and never renumbered.</summary>
public static class GlobalChoices
{
    /// <summary>cx_npscategory: the NPS class of a score.</summary>
    public static ChoiceModel NpsCategory { get; } = new(
        "cx_npscategory",
        new Label("NPS Category", "Catégorie NPS"),
        new Label("Promoter (9–10), passive (7–8) or detractor (0–6).", "Promoteur (9–10), passif (7–8) ou détracteur (0–6)."),
        new[]
        {
            new ChoiceOption(964000000, new Label("Promoter", "Promoteur")),
            new ChoiceOption(964000001, new Label("Passive", "Passif")),
            new ChoiceOption(964000002, new Label("Detractor", "Détracteur")),
        });

    /// <summary>cx_journeytype: the kind of end-to-end journey.</summary>
    public static ChoiceModel JourneyType { get; } = new(
        "cx_journeytype",
        new Label("Journey Type", "Type de parcours"),
        new Label("The kind of customer journey.", "Le type de parcours client."),
        new[]
        {
            new ChoiceOption(964000001, new Label("Onboarding", "Intégration")),
            new ChoiceOption(964000002, new Label("Relocation", "Déménagement")),
            new ChoiceOption(964000003, new Label("Renewal", "Renouvellement")),
            new ChoiceOption(964000004, new Label("Technical issue", "Incident technique")),
            new ChoiceOption(964000009, new Label("Other", "Autre")),
        });

    /// <summary>cx_journeystage: 964000000 + 100 × the journey type's last digit + the stage's order.</summary>
    public static ChoiceModel JourneyStage { get; } = new(
        "cx_journeystage",
        new Label("Journey Stage", "Étape du parcours"),
        new Label("A stage of a customer journey; each journey type has its own stages.", "Une étape d'un parcours client ; chaque type de parcours a ses propres étapes."),
        new[]
        {
            new ChoiceOption(964000101, new Label("Order", "Commande")),
            new ChoiceOption(964000102, new Label("Welcome", "Bienvenue")),
            new ChoiceOption(964000103, new Label("Installation", "Installation")),
            new ChoiceOption(964000104, new Label("Activation", "Activation")),
            new ChoiceOption(964000105, new Label("First invoice", "Première facture")),
            new ChoiceOption(964000106, new Label("Adoption", "Adoption")),
            new ChoiceOption(964000201, new Label("Move request", "Demande de déménagement")),
            new ChoiceOption(964000202, new Label("Scheduling", "Planification")),
            new ChoiceOption(964000203, new Label("Service transfer", "Transfert du service")),
            new ChoiceOption(964000204, new Label("Confirmation", "Confirmation")),
            new ChoiceOption(964000301, new Label("Renewal notice", "Avis de renouvellement")),
            new ChoiceOption(964000302, new Label("Options review", "Examen des options")),
            new ChoiceOption(964000303, new Label("Decision", "Décision")),
            new ChoiceOption(964000304, new Label("Renewed", "Renouvelé")),
            new ChoiceOption(964000401, new Label("Reported", "Signalé")),
            new ChoiceOption(964000402, new Label("Diagnosis", "Diagnostic")),
            new ChoiceOption(964000403, new Label("Resolution", "Résolution")),
            new ChoiceOption(964000404, new Label("Follow-up", "Suivi")),
            new ChoiceOption(964000901, new Label("General", "Général")),
        });

    /// <summary>cx_risklevel: how likely a journey or customer is to be lost.</summary>
    public static ChoiceModel RiskLevel { get; } = new(
        "cx_risklevel",
        new Label("Risk Level", "Niveau de risque"),
        new Label("How much attention a journey or customer needs.", "Le degré d'attention qu'un parcours ou un client demande."),
        new[]
        {
            new ChoiceOption(964000000, new Label("None", "Aucun")),
            new ChoiceOption(964000001, new Label("Low", "Faible")),
            new ChoiceOption(964000002, new Label("Medium", "Moyen")),
            new ChoiceOption(964000003, new Label("High", "Élevé")),
        });

    /// <summary>cx_channel: where a survey answer or touchpoint came from.</summary>
    public static ChoiceModel Channel { get; } = new(
        "cx_channel",
        new Label("Channel", "Canal"),
        new Label("The channel of a survey answer or contact.", "Le canal d'une réponse à une enquête ou d'un contact."),
        new[]
        {
            new ChoiceOption(964000001, new Label("Phone", "Téléphone")),
            new ChoiceOption(964000002, new Label("Email", "Courrier électronique")),
            new ChoiceOption(964000003, new Label("Web", "Web")),
            new ChoiceOption(964000004, new Label("Field visit", "Visite sur site")),
            new ChoiceOption(964000005, new Label("Chat", "Conversation instantanée")),
            new ChoiceOption(964000006, new Label("Store", "Magasin")),
            new ChoiceOption(964000007, new Label("Social", "Réseaux sociaux")),
            new ChoiceOption(964000008, new Label("Survey", "Enquête")),
            new ChoiceOption(964000009, new Label("Other", "Autre")),
        });

    /// <summary>Every global choice, in the order the solution lists them.</summary>
    public static IReadOnlyList<ChoiceModel> All { get; } = new[] { NpsCategory, JourneyType, JourneyStage, RiskLevel, Channel };
}
