using System;
using System.Linq;
using CrmCx.Domain.Choices;
using CrmCx.Schema;
using CrmCx.Workflow;
using Microsoft.Xrm.Sdk;
using Xunit;
using static CrmCx.Plugins.Tests.Journeys.JourneyOrg;

namespace CrmCx.Plugins.Tests.Journeys;

/// <summary>The story from CX research: every touchpoint went fine, yet the onboarding lost 40 % of the customer's satisfaction.</summary>
public class OnboardingStoryTests
{
    [Fact]
    public void A_three_month_onboarding_that_declines_forty_percent_ends_High_with_the_reason_and_one_alert_per_owner()
    {
        var o = new JourneyOrg();
        var ana = o.User("Ana Journey");
        var ben = o.User("Ben Account");
        var account = o.Account("Contoso Pharma", ben);
        var anaService = o.Org.GetService(ana);
        Guid? journey = null;

        // A touchpoint linked by the workflow step, as Ana's "Link to customer journey" process would.
        void Contact(string table, int stage, string subject)
        {
            var id = o.Touchpoint(table, account, subject: subject);
            var linked = LinkToCustomerJourneyStep.Run(anaService, table, id, new OptionSetValue(Onboarding), new OptionSetValue(stage), true, o.Org.Clock.UtcNow);
            Assert.Equal(journey == null, linked.Created);
            journey = linked.Journey.Id;
            o.Settle();
        }

        void Answer(int stage, int score, int csat, int effort)
        {
            o.Response(account, journey, stage, score, csat, effort);
            o.Settle();
        }

        Contact(TouchpointSchema.PhoneCall, Order, "Order call");
        Answer(Order, 9, 5, 7);
        o.Days(7);
        Contact(TouchpointSchema.Email, Welcome, "Welcome pack");
        Contact(TouchpointSchema.PhoneCall, Welcome, "Welcome call");
        Answer(Welcome, 9, 5, 6);
        o.Days(11);
        Contact(TouchpointSchema.PhoneCall, Installation, "Scheduling the technician");
        o.Days(2);
        Contact(TouchpointSchema.Appointment, Installation, "Technician visit");
        Answer(Installation, 8, 4, 5);
        o.Days(15);
        Contact(TouchpointSchema.PhoneCall, Activation, "Activation call");
        o.Days(1);
        Contact(TouchpointSchema.Incident, Activation, "Web form: cannot log in");
        Answer(Activation, 8, 4, 4);
        o.Days(24);
        Contact(TouchpointSchema.PhoneCall, FirstInvoice, "Invoice question");
        Contact(TouchpointSchema.Email, FirstInvoice, "Invoice explanation");
        Answer(FirstInvoice, 7, 3, 4);
        o.Days(25);
        Contact(TouchpointSchema.PhoneCall, Adoption, "Adoption check-in");
        Contact(TouchpointSchema.Task, Adoption, "Web chat follow-up");
        Answer(Adoption, 7, 3, 4);

        var id = journey!.Value;
        var row = o.JourneyRow(id);
        Assert.Equal(RiskLevel.High, o.Level(id));
        Assert.Equal(11, row.GetAttributeValue<int>(JourneySchema.TouchpointCount));
        Assert.Equal(6, row.GetAttributeValue<int>(JourneySchema.ResponseCount));
        Assert.Equal(96.67m, row.GetAttributeValue<decimal>(JourneySchema.StartScore));
        Assert.Equal(-40m, row.GetAttributeValue<decimal>(JourneySchema.ScoreTrend));
        Assert.Equal(Adoption, row.GetAttributeValue<OptionSetValue>(JourneySchema.CurrentStage).Value);
        Assert.Equal(ana, row.GetAttributeValue<EntityReference>(JourneySchema.Owner).Id);
        Assert.Contains("Satisfaction fell from 97 at Order to 57 at Adoption (\u221241 %)", o.Reasons(id).Split('\n'));
        Assert.Equal(6, o.StageRows(id).Count);

        var notifications = o.Notifications();
        Assert.Equal(2, notifications.Count);
        Assert.Equal(new[] { ana, ben }.OrderBy(g => g), notifications.Select(n => n.GetAttributeValue<EntityReference>(AppNotificationSchema.Owner).Id).OrderBy(g => g));
        Assert.All(notifications, n =>
        {
            Assert.Contains("Contoso Pharma", n.GetAttributeValue<string>(AppNotificationSchema.Body));
            Assert.Contains("Onboarding", n.GetAttributeValue<string>(AppNotificationSchema.Body));
            Assert.Contains("Satisfaction fell from", n.GetAttributeValue<string>(AppNotificationSchema.Body));
            Assert.Contains("?pagetype=entityrecord&etn=cx_customerjourney&id=" + id.ToString("D"), n.GetAttributeValue<string>(AppNotificationSchema.Data));
        });

        var customer = o.Row(CustomerSchema.Account, account);
        Assert.Equal((int)RiskLevel.High, customer.GetAttributeValue<OptionSetValue>(CustomerSchema.RiskLevel).Value);
        Assert.Equal(1, customer.GetAttributeValue<int>(CustomerSchema.AtRiskJourneys));
    }
}
