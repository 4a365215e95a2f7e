using System;
using System.Linq;
using CrmCx.Domain.Choices;
using CrmCx.Domain.Journeys;
using CrmCx.Domain.Risk;
using CrmCx.Domain.Text;
using Xunit;
using static CrmCx.Domain.Risk.ReasonData;

namespace CrmCx.Domain.Tests.Text;

public class TextCatalogTests
{
    private const string Nnbsp = "\u202F";
    private static readonly TextCatalog En = TextCatalog.English, Fr = TextCatalog.French;
    private const int Order = 964000101, Adoption = 964000106, Activation = 964000104;

    [Theory]
    [InlineData(1036, null, 1036)]
    [InlineData(1033, 1036, 1033)]
    [InlineData(1031, 1036, 1036)]
    [InlineData(1031, 1031, 1033)]
    [InlineData(null, null, 1033)]
    public void An_unknown_reader_language_falls_back_to_the_base_language_then_English(int? reader, int? baseLanguage, int expected)
    {
        Assert.Equal(expected, TextCatalog.For(reader, baseLanguage).Lcid);
    }

    [Fact]
    public void French_counts_zero_and_one_in_the_singular_and_English_only_one()
    {
        Assert.Equal("0 réponse", Fr.Count(0, "réponse", "réponses"));
        Assert.Equal("1 réponse", Fr.Count(1, "réponse", "réponses"));
        Assert.Equal("2 réponses", Fr.Count(2, "réponse", "réponses"));
        Assert.Equal("0 responses", En.Count(0, "response", "responses"));
        Assert.Equal("1 response", En.Count(1, "response", "responses"));
        Assert.Equal("2 responses", En.Count(2, "response", "responses"));
    }

    [Fact]
    public void French_numbers_take_a_decimal_comma_a_narrow_no_break_space_before_percent_and_between_thousands()
    {
        Assert.Equal("\u221240" + Nnbsp + "%", Fr.Percent(-40m));
        Assert.Equal("\u221240 %", En.Percent(-40m));
        Assert.Equal("12,5", Fr.Number(12.5m));
        Assert.Equal("12.5", En.Number(12.5m));
        Assert.Equal("+40,5", Fr.Signed(40.5m));
        Assert.Equal("\u221210", En.Signed(-10m));
        Assert.Equal("12" + Nnbsp + "345", Fr.Whole(12345));
        Assert.Equal("12,345", En.Whole(12345));
    }

    [Fact]
    public void Dates_are_written_for_the_reader()
    {
        var day = new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc);
        Assert.Equal("November 20, 2026", En.Date(day));
        Assert.Equal("20 novembre 2026", Fr.Date(day));
    }

    [Fact]
    public void The_English_reasons_are_the_documented_sentences()
    {
        Assert.Equal("Satisfaction fell from 86 at Order to 51 at Adoption (\u221240 %)", En.Reason(new ReasonData(ReasonCodes.SatisfactionFell,
            Value("from", 86), Value("to", 51), Value("fromStage", Order), Value("toStage", Adoption), Value("percent", -40))));
        Assert.Equal("2 detractor responses", En.Reason(new ReasonData(ReasonCodes.Detractors, Value("count", 2))));
        Assert.Equal("Latest response 3/10 at Activation", En.Reason(new ReasonData(ReasonCodes.LatestDetractor, Value("score", 3), Value("stage", Activation))));
        Assert.Equal("Journey satisfaction 44/100", En.Reason(new ReasonData(ReasonCodes.LowSatisfaction, Value("score", 44))));
        Assert.Equal("9 contacts, more than the 6 expected for an onboarding", En.Reason(new ReasonData(ReasonCodes.TooManyContacts,
            Value("count", 9), Value("expected", 6), Value("journeyType", (int)JourneyType.Onboarding))));
        Assert.Equal("3 contacts within 14 days of each other", En.Reason(new ReasonData(ReasonCodes.RepeatContacts, Value("count", 3), Value("days", 14))));
        Assert.Equal("Open 104 days, longer than the 90 expected", En.Reason(new ReasonData(ReasonCodes.Overdue, Value("days", 104), Value("expected", 90))));
        Assert.Equal("NPS fell from +40 to \u221210, beyond the margin of ±22", En.Reason(new ReasonData(ReasonCodes.NpsFell, Value("from", 40m), Value("to", -10m), Value("margin", 22m))));
        Assert.Equal("45 % detractors among 20 responses (threshold 30 %)", En.Reason(new ReasonData(ReasonCodes.DetractorShare, Value("percent", 45), Value("threshold", 30), Value("responses", 20))));
        Assert.Equal("No survey response for 120 days while 2 journeys are open", En.Reason(new ReasonData(ReasonCodes.Silent, Value("days", 120), Value("openJourneys", 2))));
        Assert.Equal("2 open journeys at risk (highest: High)", En.Reason(new ReasonData(ReasonCodes.JourneysAtRisk, Value("count", 2), Value("level", (int)RiskLevel.High))));
    }

    [Fact]
    public void French_reasons_use_the_French_stage_labels_plurals_and_typography()
    {
        Assert.Equal("La satisfaction est passée de 86 à l'étape Commande à 51 à l'étape Adoption (\u221240" + Nnbsp + "%)", Fr.Reason(new ReasonData(ReasonCodes.SatisfactionFell,
            Value("from", 86), Value("to", 51), Value("fromStage", Order), Value("toStage", Adoption), Value("percent", -40))));
        Assert.Equal("1 réponse de détracteur", Fr.Reason(new ReasonData(ReasonCodes.Detractors, Value("count", 1))));
        Assert.Equal("2 réponses de détracteurs", Fr.Reason(new ReasonData(ReasonCodes.Detractors, Value("count", 2))));
        Assert.Equal("9 contacts alors que 6 sont prévus pour une intégration", Fr.Reason(new ReasonData(ReasonCodes.TooManyContacts,
            Value("count", 9), Value("expected", 6), Value("journeyType", (int)JourneyType.Onboarding))));
        Assert.Equal("Ouvert depuis 1 jour alors que 0 est prévu", Fr.Reason(new ReasonData(ReasonCodes.Overdue, Value("days", 1), Value("expected", 0))));
        Assert.Equal("45" + Nnbsp + "% de détracteurs parmi 20 réponses (seuil 30" + Nnbsp + "%)", Fr.Reason(new ReasonData(ReasonCodes.DetractorShare,
            Value("percent", 45), Value("threshold", 30), Value("responses", 20))));
        Assert.Equal("1 parcours ouvert à risque (niveau le plus haut\u00A0: Élevé)", Fr.Reason(new ReasonData(ReasonCodes.JourneysAtRisk, Value("count", 1), Value("level", (int)RiskLevel.High))));
    }

    [Fact]
    public void A_code_the_catalog_does_not_know_is_shown_as_its_code()
    {
        Assert.Equal("future-rule", Fr.Reason(new ReasonData("future-rule", Value("count", 1))));
    }

    [Fact]
    public void The_alert_is_written_in_the_recipients_language()
    {
        var id = Guid.NewGuid();
        var fr = JourneyAlert.Compose(id, "Intégration – Hôtels Rousseau", "Hôtels Rousseau", 70, new[] { "2 réponses de détracteurs" }, new Guid?[] { Guid.NewGuid() }, Fr);
        Assert.Equal("Risque élevé\u00A0: Intégration – Hôtels Rousseau", fr.Title);
        Assert.StartsWith("Hôtels Rousseau\u00A0: le parcours «\u00A0Intégration – Hôtels Rousseau\u00A0» présente maintenant un risque élevé (70/100).", fr.Body);
        Assert.Contains("\"title\":\"Ouvrir le parcours\"", fr.Data);

        var en = JourneyAlert.Compose(id, "Onboarding – Contoso", "Contoso", 70, new[] { "2 detractor responses" }, new Guid?[] { Guid.NewGuid() }, En);
        Assert.Equal("High risk: Onboarding – Contoso", en.Title);
        Assert.Contains("\"title\":\"Open journey\"", en.Data);
    }

    [Fact]
    public void The_follow_up_task_is_written_in_the_readers_language()
    {
        var respondedOn = new DateTime(2026, 11, 7, 15, 30, 0, DateTimeKind.Utc);
        Assert.Equal("NPS follow-up: Contoso Ltd answered 3/10", En.FollowUpSubject("Contoso Ltd", 3));
        Assert.Equal("Suivi NPS\u00A0: Hôtels Rousseau a répondu 3/10", Fr.FollowUpSubject("Hôtels Rousseau", 3));
        Assert.Equal("Suivi NPS\u00A0: un client a répondu 0/10", Fr.FollowUpSubject("  ", 0));
        Assert.StartsWith("A detractor response (3/10) arrived on November 7, 2026. Call the customer", En.FollowUpDescription(3, null, respondedOn));
        var fr = Fr.FollowUpDescription(3, "Trop lent", respondedOn);
        Assert.StartsWith("Une réponse de détracteur (3/10) est arrivée le 7 novembre 2026. Appelez le client", fr);
        Assert.EndsWith("\n\nLe client a écrit\u00A0:\nTrop lent", fr);
        Assert.Equal(200, En.FollowUpSubject(new string('x', 300), 3).Length);
        Assert.Equal(2000, Fr.FollowUpDescription(3, new string('x', 3000), respondedOn).Length);
    }

    [Fact]
    public void Every_stage_has_a_French_label()
    {
        Assert.All(JourneyStages.All, s => Assert.True(TextCatalog.FrenchStageLabels.ContainsKey(s.Value), s.Label + " has no French label"));
        Assert.Equal("Première facture", Fr.StageLabel(964000105));
        Assert.Equal("First invoice", En.StageLabel(964000105));
    }
}
