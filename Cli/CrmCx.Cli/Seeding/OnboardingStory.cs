using System;
using System.Collections.Generic;
using CrmCx.Domain.Choices;

namespace CrmCx.Cli.Seeding;

/// <summary>
/// The onboarding story of the journeys issue: three months, six calls, a technician visit, web and mail exchanges;
/// every touchpoint survey is fine (7/10 or better) yet satisfaction falls about 40 % from the first stage to the last.
/// </summary>
internal static class OnboardingStory
{
    private static readonly DateTime Start = new(2026, 8, 18, 9, 30, 0, DateTimeKind.Utc);

    /// <summary>The scripted journey of account 0 and its first contact.</summary>
    public static PlannedJourney Plan(PlannedAccount account, PlannedContact contact, DemoPlanner.IdSource ids)
    {
        var touchpoints = new List<PlannedTouchpoint>();
        var responses = new List<PlannedResponse>();
        var n = 0;

        void Touch(string table, double day, JourneyStage stage, string subject) =>
            touchpoints.Add(new PlannedTouchpoint(table, ids.Next(), Start.AddDays(day), stage.Value, subject));

        void Survey(double day, JourneyStage stage, int score, int csat, int effort, Channel channel, string comment) =>
            responses.Add(new PlannedResponse(DemoPlanner.TouchpointSource, $"TP-STORY-{++n}", Start.AddDays(day), account.Index, contact.Index, true,
                score, csat, effort, (int)channel, comment, 0, stage.Value));

        var stages = JourneyStages.Of(JourneyType.Onboarding);
        JourneyStage order = stages[0], welcome = stages[1], installation = stages[2], activation = stages[3], invoice = stages[4], adoption = stages[5];

        Touch("phonecall", 0, order, "Order confirmation call");
        Survey(1, order, 9, 5, 5, Channel.Phone, "Clear offer and a quick order. Looking forward to it.");
        Touch("email", 6, welcome, "Welcome pack and portal access");
        Touch("phonecall", 7, welcome, "Welcome call with the onboarding specialist");
        Survey(8, welcome, 9, 5, 5, Channel.Phone, "Friendly welcome call, everything explained.");
        Touch("phonecall", 20, installation, "Scheduling the installation");
        Touch("appointment", 28, installation, "Technician visit: on-site installation");
        Touch("phonecall", 31, installation, "Follow-up call: scanner configuration");
        Survey(29, installation, 9, 4, 4, Channel.FieldVisit, "The technician was good, but it took two visits to plan.");
        Touch("task", 45, activation, "Web form: user licences not activated");
        Touch("phonecall", 47, activation, "Call about the activation delay");
        Touch("email", 49, activation, "Activation confirmed by email");
        Survey(50, activation, 8, 4, 3, Channel.Web, "Activation works now, after a few reminders.");
        Touch("email", 70, invoice, "Question about the first invoice");
        Touch("phonecall", 72, invoice, "Invoice clarification call");
        Survey(73, invoice, 7, 3, 3, Channel.Email, "Invoice sorted out, it took some back and forth.");
        Touch("email", 90, adoption, "Adoption check-in");
        Survey(91, adoption, 7, 3, 3, Channel.Email, "It works. It just took a lot of our time to get here.");

        return new PlannedJourney(0, ids.Next(), (int)JourneyType.Onboarding, account.Index, contact.Index, 0, Start, null, true, touchpoints, responses);
    }
}
