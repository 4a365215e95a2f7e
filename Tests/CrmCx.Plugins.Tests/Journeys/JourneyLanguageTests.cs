using System;
using System.Linq;
using CrmCx.Domain.Choices;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Xunit;
using static CrmCx.Plugins.Tests.Journeys.JourneyOrg;

namespace CrmCx.Plugins.Tests.Journeys;

/// <summary>Reasons as data, the base language for plain text, and each notification in its recipient's language.</summary>
public class JourneyLanguageTests
{
    private readonly JourneyOrg o = new JourneyOrg();

    // Decline from 100 to 70 (35) + two detractors (30) = 65: High, from responses alone.
    private Guid MakeHigh(Guid journeyOwner, Guid accountOwner, string accountName = "Litware")
    {
        var account = o.Account(accountName, accountOwner);
        var journey = o.Journey(account, owner: journeyOwner, name: "Onboarding – " + accountName);
        Answer(account, journey, Welcome, 10);
        o.Days(1);
        Answer(account, journey, Installation, 5);
        Answer(account, journey, Installation, 5);
        o.Days(1);
        Answer(account, journey, Activation, 7);
        Assert.Equal(RiskLevel.High, o.Level(journey));
        return journey;
    }

    private void Answer(Guid account, Guid journey, int stage, int score)
    {
        o.Response(account, journey, stage, score);
        o.Settle();
    }

    private Entity NotificationOf(Guid user) => Assert.Single(o.Notifications(), n => n.GetAttributeValue<EntityReference>(AppNotificationSchema.Owner).Id == user);

    [Fact]
    public void A_French_recipient_gets_the_alert_in_French_and_an_English_one_in_English()
    {
        var camille = o.User("Camille Durand");
        var pat = o.User("Pat Smith");
        o.Org.SetUserLanguage(camille, 1036);
        MakeHigh(camille, pat);

        var french = NotificationOf(camille);
        Assert.StartsWith("Risque élevé", french.GetAttributeValue<string>(AppNotificationSchema.Title));
        // It rose to High at the first detractor: decline (35), one detractor (15), the latest is a detractor (10).
        Assert.Contains("1 réponse de détracteur", french.GetAttributeValue<string>(AppNotificationSchema.Body));
        Assert.Contains("Dernière réponse 5/10 à l'étape Installation", french.GetAttributeValue<string>(AppNotificationSchema.Body));
        Assert.Contains("La satisfaction est passée de 100 à l'étape Bienvenue", french.GetAttributeValue<string>(AppNotificationSchema.Body));
        Assert.Contains("Ouvrir le parcours", french.GetAttributeValue<string>(AppNotificationSchema.Data));

        var english = NotificationOf(pat);
        Assert.StartsWith("High risk", english.GetAttributeValue<string>(AppNotificationSchema.Title));
        Assert.Contains("1 detractor response", english.GetAttributeValue<string>(AppNotificationSchema.Body));
        Assert.Contains("Latest response 5/10 at Installation", english.GetAttributeValue<string>(AppNotificationSchema.Body));
    }

    [Fact]
    public void A_recipient_in_a_language_without_sentences_gets_the_organizations_base_language()
    {
        o.Org.SetBaseLanguage(1036);
        var hans = o.User("Hans Weber");
        o.Org.SetUserLanguage(hans, 1031);
        MakeHigh(hans, hans);
        Assert.Contains("1 réponse de détracteur", NotificationOf(hans).GetAttributeValue<string>(AppNotificationSchema.Body));
    }

    [Fact]
    public void A_French_base_language_gives_French_plain_text_reasons_and_the_same_reasons_as_data()
    {
        o.Org.SetBaseLanguage(1036);
        var owner = o.User("Olga Owner");
        var journey = MakeHigh(owner, owner);

        var row = o.JourneyRow(journey);
        Assert.Equal(new[] { "La satisfaction est passée de 100 à l'étape Bienvenue à 70 à l'étape Activation (\u221230\u202F%)", "2 réponses de détracteurs" },
            row.GetAttributeValue<string>(JourneySchema.RiskReasons).Split('\n'));
        Assert.Equal("[{\"code\":\"satisfaction-fell\",\"from\":100,\"to\":70,\"fromStage\":" + Welcome + ",\"toStage\":" + Activation + ",\"percent\":-30},{\"code\":\"detractors\",\"count\":2}]",
            row.GetAttributeValue<string>(JourneySchema.RiskReasonsJson));
        Assert.Contains("Bienvenue", o.StageRows(journey).First().GetAttributeValue<string>(StageScoreSchema.Name));
    }

    [Fact]
    public void The_customer_gets_its_journeys_at_risk_as_a_reason_in_text_and_as_data()
    {
        var owner = o.User("Olga Owner");
        var journey = MakeHigh(owner, owner);
        var account = o.JourneyRow(journey).GetAttributeValue<EntityReference>(JourneySchema.Account).Id;

        var customer = o.Row(CustomerSchema.Account, account);
        Assert.Equal((int)RiskLevel.High, customer.GetAttributeValue<OptionSetValue>(CustomerSchema.RiskLevel).Value);
        Assert.Equal("1 open journey at risk (highest: High)", customer.GetAttributeValue<string>(CustomerSchema.RiskReasons));
        Assert.Equal("[{\"code\":\"journeys-at-risk\",\"count\":1,\"level\":" + (int)RiskLevel.High + "}]", customer.GetAttributeValue<string>(CustomerSchema.RiskReasonsJson));
    }
}
