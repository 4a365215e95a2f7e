using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmCx.Domain.Choices;
using CrmCx.Domain.Risk;

namespace CrmCx.Domain.Text;

public sealed partial class TextCatalog
{
    /// <summary>The sentence of a risk reason (docs/risk-reasons.md); a code this catalog does not know is returned as is.</summary>
    public string Reason(ReasonData reason)
    {
        if (reason == null) throw new ArgumentNullException(nameof(reason));
        switch (reason.Code)
        {
            case ReasonCodes.SatisfactionFell:
                return french
                    ? string.Format(CultureInfo.InvariantCulture, "La satisfaction est passée de {0} à l'étape {1} à {2} à l'étape {3} ({4})",
                        Whole(reason.Decimal("from")), StageLabel(reason.Int("fromStage")), Whole(reason.Decimal("to")), StageLabel(reason.Int("toStage")), Percent(reason.Decimal("percent")))
                    : string.Format(CultureInfo.InvariantCulture, "Satisfaction fell from {0} at {1} to {2} at {3} ({4})",
                        Whole(reason.Decimal("from")), StageLabel(reason.Int("fromStage")), Whole(reason.Decimal("to")), StageLabel(reason.Int("toStage")), Percent(reason.Decimal("percent")));
            case ReasonCodes.Detractors:
                return french
                    ? Count(reason.Int("count"), "réponse de détracteur", "réponses de détracteurs")
                    : Count(reason.Int("count"), "detractor response", "detractor responses");
            case ReasonCodes.LatestDetractor:
            {
                var stage = reason.OptionalInt("stage");
                var text = (french ? "Dernière réponse " : "Latest response ") + Whole(reason.Int("score")) + "/10";
                return stage.HasValue ? text + (french ? " à l'étape " : " at ") + StageLabel(stage.Value) : text;
            }
            case ReasonCodes.LowSatisfaction:
                return (french ? "Satisfaction du parcours " : "Journey satisfaction ") + Whole(reason.Decimal("score")) + "/100";
            case ReasonCodes.TooManyContacts:
            {
                var expected = reason.Int("expected");
                var type = TypePhrase((JourneyType)reason.Int("journeyType"));
                return french
                    ? Count(reason.Int("count"), "contact", "contacts") + " alors que " + Whole(expected) + (IsSingular(expected) ? " est prévu pour " : " sont prévus pour ") + type
                    : Count(reason.Int("count"), "contact", "contacts") + ", more than the " + Whole(expected) + " expected for " + type;
            }
            case ReasonCodes.RepeatContacts:
                return french
                    ? Count(reason.Int("count"), "contact", "contacts") + " à moins de " + Count(reason.Int("days"), "jour", "jours") + " d'intervalle"
                    : Count(reason.Int("count"), "contact", "contacts") + " within " + Count(reason.Int("days"), "day", "days") + " of each other";
            case ReasonCodes.Overdue:
            {
                var expected = reason.Int("expected");
                return french
                    ? "Ouvert depuis " + Count(reason.Int("days"), "jour", "jours") + " alors que " + Whole(expected) + (IsSingular(expected) ? " est prévu" : " sont prévus")
                    : "Open " + Count(reason.Int("days"), "day", "days") + ", longer than the " + Whole(expected) + " expected";
            }
            case ReasonCodes.NpsFell:
                return french
                    ? "Le NPS est passé de " + Signed(reason.Decimal("from")) + " à " + Signed(reason.Decimal("to")) + ", au-delà de la marge de ±" + Number(reason.Decimal("margin"))
                    : "NPS fell from " + Signed(reason.Decimal("from")) + " to " + Signed(reason.Decimal("to")) + ", beyond the margin of ±" + Number(reason.Decimal("margin"));
            case ReasonCodes.DetractorShare:
                return french
                    ? Percent(reason.Decimal("percent")) + " de détracteurs parmi " + Count(reason.Int("responses"), "réponse", "réponses") + " (seuil " + Percent(reason.Decimal("threshold")) + ")"
                    : Percent(reason.Decimal("percent")) + " detractors among " + Count(reason.Int("responses"), "response", "responses") + " (threshold " + Percent(reason.Decimal("threshold")) + ")";
            case ReasonCodes.Silent:
            {
                var open = reason.Int("openJourneys");
                return french
                    ? "Aucune réponse à une enquête depuis " + Count(reason.Int("days"), "jour", "jours") + " alors que " + Count(open, "parcours est ouvert", "parcours sont ouverts")
                    : "No survey response for " + Count(reason.Int("days"), "day", "days") + " while " + Count(open, "journey is open", "journeys are open");
            }
            case ReasonCodes.JourneysAtRisk:
            {
                var level = LevelLabel((RiskLevel)reason.Int("level"));
                return french
                    ? Count(reason.Int("count"), "parcours ouvert à risque", "parcours ouverts à risque") + " (niveau le plus haut" + Colon + " " + level + ")"
                    : Count(reason.Int("count"), "open journey at risk", "open journeys at risk") + " (highest" + Colon + " " + level + ")";
            }
            default:
                return reason.Code;
        }
    }

    /// <summary>The reasons as cx_riskreasons holds them: one sentence per line, in rule order; empty when none.</summary>
    public string Reasons(IEnumerable<ReasonData> reasons)
    {
        if (reasons == null) throw new ArgumentNullException(nameof(reasons));
        return string.Join("\n", reasons.Select(Reason).ToArray());
    }

    /// <summary>The name used when a journey has none.</summary>
    public string UnnamedJourney => french ? "Parcours client" : "Customer journey";

    /// <summary>The name used when the customer is unknown.</summary>
    public string UnknownCustomer => french ? "Un client" : "A customer";

    /// <summary>The in-app notification's title for a journey that rose to High (at most 200 characters).</summary>
    /// <param name="journey">The journey's name.</param>
    /// <param name="customer">The customer's name; left out when the journey's name already carries it.</param>
    public string HighRiskTitle(string journey, string customer)
    {
        if (journey == null) throw new ArgumentNullException(nameof(journey));
        if (customer == null) throw new ArgumentNullException(nameof(customer));
        var prefix = french ? "Risque élevé" + Colon + " " : "High risk: ";
        // Journey names usually carry the customer already ("Onboarding – Contoso"): named once in the title is enough.
        var title = journey.IndexOf(customer, StringComparison.OrdinalIgnoreCase) >= 0 ? prefix + journey : prefix + journey + " (" + customer + ")";
        return Truncate(title, 200);
    }

    /// <summary>The first line of the notification's body: who, which journey, the risk score.</summary>
    public string HighRiskSummary(string customer, string journey, int riskScore) => french
        ? customer + Colon + " le parcours «" + NoBreakSpace + journey + NoBreakSpace + "» présente maintenant un risque élevé (" + Whole(riskScore) + "/100)."
        : customer + ": the journey \"" + journey + "\" is now at High risk (" + Whole(riskScore) + "/100).";

    /// <summary>The markdown of the summary line, customer and journey in bold (the caller escapes them).</summary>
    public string HighRiskSummaryMarkdown(string escapedCustomer, string escapedJourney, int riskScore) => french
        ? "**" + escapedCustomer + "**" + Colon + " le parcours **" + escapedJourney + "** présente maintenant un risque élevé (" + Whole(riskScore) + "/100)."
        : "**" + escapedCustomer + "**: the journey **" + escapedJourney + "** is now at High risk (" + Whole(riskScore) + "/100).";

    /// <summary>The short body used when the reasons do not fit the notification (the caller escapes the name).</summary>
    public string HighRiskShort(string escapedCustomer) => french ? escapedCustomer + " présente un risque élevé." : escapedCustomer + " is at High risk.";

    /// <summary>The notification's action that opens the journey.</summary>
    public string OpenJourneyAction => french ? "Ouvrir le parcours" : "Open journey";

    /// <summary>The detractor follow-up task's subject, e.g. "NPS follow-up: Contoso Ltd answered 3/10" (at most 200 characters).</summary>
    public string FollowUpSubject(string? customerName, int score)
    {
        var who = string.IsNullOrWhiteSpace(customerName) ? (french ? "un client" : "a customer") : customerName!.Trim();
        var text = french
            ? "Suivi NPS" + Colon + " " + who + " a répondu " + Whole(score) + "/10"
            : "NPS follow-up: " + who + " answered " + Whole(score) + "/10";
        return Cut(text, 200);
    }

    /// <summary>The follow-up task's description: what to do, then the verbatim as the customer wrote it (at most 2,000 characters).</summary>
    public string FollowUpDescription(int score, string? comment, DateTime respondedOn)
    {
        var text = french
            ? "Une réponse de détracteur (" + Whole(score) + "/10) est arrivée le " + Date(respondedOn)
                + ". Appelez le client, comprenez ce qui n'a pas fonctionné et consignez ce qui a été convenu."
            : "A detractor response (" + Whole(score) + "/10) arrived on " + Date(respondedOn)
                + ". Call the customer, understand what went wrong and record what was agreed.";
        if (!string.IsNullOrWhiteSpace(comment)) text += (french ? "\n\nLe client a écrit" + Colon + "\n" : "\n\nThe customer wrote:\n") + comment;
        return Cut(text, 2000);
    }
}
