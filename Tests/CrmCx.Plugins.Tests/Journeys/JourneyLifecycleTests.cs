using System;
using System.Linq;
using CrmCx.Domain.Choices;
using CrmCx.Journeys;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Xunit;
using static CrmCx.Plugins.Tests.Journeys.JourneyOrg;

namespace CrmCx.Plugins.Tests.Journeys;

public class JourneyLifecycleTests
{
    private readonly JourneyOrg o = new JourneyOrg();
    private readonly Guid owner;
    private readonly Guid account;
    private readonly Guid journey;

    public JourneyLifecycleTests()
    {
        owner = o.User("Olga Owner");
        account = o.Account("Litware", owner);
        journey = o.Journey(account, owner: owner);
    }

    // Decline from 100 to 70 (35) + two detractors (30) = 65: High, from responses alone.
    private (Guid Good, Guid Bad1, Guid Bad2) MakeHigh()
    {
        // Settled after each answer, as the asynchronous service would run them, so each recompute sees its own moment.
        var good = Answer(Welcome, 10);
        o.Days(1);
        var bad1 = Answer(Installation, 5);
        var bad2 = Answer(Installation, 5);
        o.Days(1);
        Answer(Activation, 7);
        return (good, bad1, bad2);
    }

    private Guid Answer(int stage, int score)
    {
        var id = o.Response(account, journey, stage, score);
        o.Settle();
        return id;
    }

    private Entity Customer() => o.Row(CustomerSchema.Account, account);

    [Fact]
    public void Deleting_a_touchpoint_updates_the_journey_and_its_stage_rows()
    {
        var call = o.Touchpoint(TouchpointSchema.PhoneCall, account, journey, Welcome);
        var mail = o.Touchpoint(TouchpointSchema.Email, account, journey, Installation);
        o.Settle();
        Assert.Equal(2, o.JourneyRow(journey).GetAttributeValue<int>(JourneySchema.TouchpointCount));
        o.Service.Delete(TouchpointSchema.Email, mail);
        o.Settle();
        Assert.Equal(1, o.JourneyRow(journey).GetAttributeValue<int>(JourneySchema.TouchpointCount));
        var welcome = Assert.Single(o.StageRows(journey));
        Assert.Equal(Welcome, welcome.GetAttributeValue<OptionSetValue>(StageScoreSchema.Stage).Value);
        // The call that stays is still on the journey and still counted at its stage.
        Assert.Equal(journey, o.Row(TouchpointSchema.PhoneCall, call).GetAttributeValue<EntityReference>(TouchpointSchema.Journey).Id);
        Assert.Equal(1, welcome.GetAttributeValue<int>(StageScoreSchema.TouchpointCount));
    }

    [Fact]
    public void Deleting_a_response_updates_the_scores_and_the_risk()
    {
        var (_, bad1, bad2) = MakeHigh();
        Assert.Equal(RiskLevel.High, o.Level(journey));
        o.Service.Delete(SurveyResponseSchema.EntityName, bad1);
        o.Service.Delete(SurveyResponseSchema.EntityName, bad2);
        o.Settle();
        var row = o.JourneyRow(journey);
        Assert.Equal(2, row.GetAttributeValue<int>(JourneySchema.ResponseCount));
        Assert.Equal(RiskLevel.Medium, o.Level(journey));
        Assert.Equal("Satisfaction fell from 100 at Welcome to 70 at Activation (\u221230 %)", o.Reasons(journey));
        Assert.Equal(2, o.StageRows(journey).Count);
        Assert.Equal((int)RiskLevel.Medium, Customer().GetAttributeValue<OptionSetValue>(CustomerSchema.RiskLevel).Value);
    }

    [Fact]
    public void Completing_a_journey_takes_it_out_of_the_customers_risk_but_keeps_its_figures()
    {
        MakeHigh();
        Assert.Equal(1, Customer().GetAttributeValue<int>(CustomerSchema.AtRiskJourneys));
        o.Close(journey);
        o.Settle();
        Assert.Equal(0, Customer().GetAttributeValue<int>(CustomerSchema.AtRiskJourneys));
        Assert.Equal((int)RiskLevel.None, Customer().GetAttributeValue<OptionSetValue>(CustomerSchema.RiskLevel).Value);
        Assert.Equal(RiskLevel.High, o.Level(journey));
        Assert.Equal(o.Org.Clock.UtcNow, o.JourneyRow(journey).GetAttributeValue<DateTime>(JourneySchema.CompletedOn));
    }

    [Fact]
    public void An_abandoned_journey_leaves_the_customers_other_open_journey_counted()
    {
        MakeHigh();
        var other = o.Journey(account, Relocation, name: "Move");
        o.Response(account, other, MoveRequest, 2);
        o.Settle();
        Assert.Equal(1, Customer().GetAttributeValue<int>(CustomerSchema.AtRiskJourneys));
        o.Close(journey, 964000001);
        o.Settle();
        Assert.Equal((int)RiskLevel.Low, Customer().GetAttributeValue<OptionSetValue>(CustomerSchema.RiskLevel).Value);
        Assert.Equal(0, Customer().GetAttributeValue<int>(CustomerSchema.AtRiskJourneys));
    }

    [Fact]
    public void No_repeat_notification_while_High_and_a_new_one_after_falling_and_rising_again()
    {
        var (_, bad1, _) = MakeHigh();
        Assert.Single(o.Notifications());
        o.Response(account, journey, Installation, 8);
        o.Settle();
        Assert.Equal(RiskLevel.High, o.Level(journey));
        Assert.Single(o.Notifications());

        o.Service.Update(new Entity(SurveyResponseSchema.EntityName, bad1) { [SurveyResponseSchema.Score] = 10 });
        o.Settle();
        Assert.NotEqual(RiskLevel.High, o.Level(journey));
        Assert.Single(o.Notifications());

        o.Service.Update(new Entity(SurveyResponseSchema.EntityName, bad1) { [SurveyResponseSchema.Score] = 4 });
        o.Settle();
        Assert.Equal(RiskLevel.High, o.Level(journey));
        Assert.Equal(2, o.Notifications().Count);
    }

    [Fact]
    public void The_journey_and_account_owner_get_one_notification_when_they_are_the_same_user()
    {
        MakeHigh();
        var n = Assert.Single(o.Notifications());
        Assert.Equal(owner, n.GetAttributeValue<EntityReference>(AppNotificationSchema.Owner).Id);
        Assert.Contains("Litware", n.GetAttributeValue<string>(AppNotificationSchema.Body));
    }

    [Fact]
    public void A_rise_to_Medium_or_High_stamps_the_flag_date()
    {
        MakeHigh();
        // It rose on day 1 (the two detractors) and stayed High on day 2: the flag keeps the day it rose.
        Assert.Equal(Start.AddDays(1), o.JourneyRow(journey).GetAttributeValue<DateTime>(JourneySchema.FlaggedOn));
    }

    [Fact]
    public void Recomputing_again_gives_the_same_figures_and_no_new_notification()
    {
        MakeHigh();
        o.Touchpoint(TouchpointSchema.PhoneCall, account, journey, Welcome);
        o.Settle();
        var before = o.JourneyRow(journey);
        var stagesBefore = o.StageRows(journey).Select(r => r.GetAttributeValue<decimal?>(StageScoreSchema.Score)).ToList();
        new JourneyRecomputeService(o.Org.GetService(o.Org.SystemUserId)).RecomputeAndRollUp(new[] { journey, journey }, o.Org.Clock.UtcNow);
        var after = o.JourneyRow(journey);
        foreach (var column in new[] { JourneySchema.Score, JourneySchema.StartScore, JourneySchema.ScoreTrend, JourneySchema.Nps })
            Assert.Equal(before.GetAttributeValue<decimal?>(column), after.GetAttributeValue<decimal?>(column));
        foreach (var column in new[] { JourneySchema.RiskScore, JourneySchema.ResponseCount, JourneySchema.TouchpointCount, JourneySchema.RepeatContacts })
            Assert.Equal(before.GetAttributeValue<int>(column), after.GetAttributeValue<int>(column));
        Assert.Equal(o.Reasons(journey), after.GetAttributeValue<string>(JourneySchema.RiskReasons));
        Assert.Equal(stagesBefore, o.StageRows(journey).Select(r => r.GetAttributeValue<decimal?>(StageScoreSchema.Score)));
        Assert.Single(o.Notifications());
    }

    [Fact]
    public void A_batch_of_responses_leaves_its_journey_with_all_of_them_and_one_notification()
    {
        var batch = new EntityCollection { EntityName = SurveyResponseSchema.EntityName };
        foreach (var (stage, score) in new[] { (Welcome, 10), (Installation, 5), (Installation, 5), (Activation, 7) })
        {
            batch.Entities.Add(new Entity(SurveyResponseSchema.EntityName)
            {
                [SurveyResponseSchema.Account] = new EntityReference(CustomerSchema.Account, account),
                [SurveyResponseSchema.Journey] = new EntityReference(JourneySchema.EntityName, journey),
                [SurveyResponseSchema.JourneyStage] = new OptionSetValue(stage),
                [SurveyResponseSchema.Score] = score,
                [SurveyResponseSchema.RespondedOn] = o.Org.Clock.UtcNow,
            });
        }
        o.Org.ResetDiagnostics();
        o.Service.Execute(new Microsoft.Xrm.Sdk.Messages.CreateMultipleRequest { Targets = batch });
        o.Settle();
        // One job per row (the merged pipeline runs the Create step per row), the NPS rollup's, which rolls up the
        // journey too; the journey ends with all four.
        Assert.Equal(4, o.Org.SystemJobs.Count(j => j.PluginTypeName == typeof(CrmCx.Nps.NpsRollup).FullName));
        Assert.Equal(0, o.Org.SystemJobs.Count(j => j.PluginTypeName == typeof(SurveyResponseJourneyPlugin).FullName));
        Assert.Equal(4, o.JourneyRow(journey).GetAttributeValue<int>(JourneySchema.ResponseCount));
        Assert.Equal(RiskLevel.High, o.Level(journey));
        Assert.Single(o.Notifications());
    }

    [Fact]
    public void Reopening_a_journey_recomputes_it_and_counts_it_again()
    {
        MakeHigh();
        o.Close(journey);
        o.Settle();
        o.Service.Update(new Entity(JourneySchema.EntityName, journey)
        {
            [JourneySchema.StateCode] = new OptionSetValue(0),
            [JourneySchema.StatusCode] = new OptionSetValue(1),
        });
        o.Settle();
        Assert.Equal(1, Customer().GetAttributeValue<int>(CustomerSchema.AtRiskJourneys));
        Assert.Equal((int)RiskLevel.High, Customer().GetAttributeValue<OptionSetValue>(CustomerSchema.RiskLevel).Value);
        Assert.Single(o.Notifications());
    }
}
