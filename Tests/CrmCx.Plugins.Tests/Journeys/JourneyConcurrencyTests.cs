using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Domain.Choices;
using CrmCx.Journeys;
using CrmCx.Plugins.Tests.Fixtures;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;
using static CrmCx.Plugins.Tests.Journeys.JourneyOrg;

namespace CrmCx.Plugins.Tests.Journeys;

/// <summary>Two recomputes of one journey that overlap (two asynchronous jobs running at once) end with the figures of a fresh recompute and one alert.</summary>
public class JourneyConcurrencyTests
{
    private static readonly string[] FigureColumns =
    {
        JourneySchema.Score, JourneySchema.StartScore, JourneySchema.ScoreTrend, JourneySchema.Nps, JourneySchema.ResponseCount,
        JourneySchema.TouchpointCount, JourneySchema.RepeatContacts, JourneySchema.RiskScore, JourneySchema.RiskLevel, JourneySchema.RiskReasons,
    };

    private readonly JourneyOrg o = new JourneyOrg();
    private readonly Guid account;
    private readonly Guid journey;

    public JourneyConcurrencyTests()
    {
        var owner = o.User("Olga Owner");
        account = o.Account("Litware", owner);
        journey = o.Journey(account, owner: owner);
        // A good start, settled: the journey is at no risk.
        o.Response(account, journey, Welcome, 10);
        o.Settle();
        o.Days(1);
        // Then a detractor arrives whose recompute has not run yet: the next recompute takes the journey to High.
        o.Response(account, journey, Installation, 5);
    }

    private IOrganizationService System => o.Org.GetService(o.Org.SystemUserId);

    private JourneyRecomputeService Recompute(IOrganizationService service) => new JourneyRecomputeService(service);

    private List<object?> Figures() => FigureColumns.Select(c => o.JourneyRow(journey).Contains(c) ? Plain(o.JourneyRow(journey)[c]) : null).ToList();

    private static object? Plain(object? value) => value is OptionSetValue choice ? choice.Value : value;

    /// <summary>Recomputes from scratch and checks that nothing changes: the stored figures were those of the rows at rest.</summary>
    private void AssertFresh()
    {
        var stored = Figures();
        var stages = o.StageRows(journey).Select(r => (r.GetAttributeValue<OptionSetValue>(StageScoreSchema.Stage).Value, r.GetAttributeValue<decimal?>(StageScoreSchema.Score), r.GetAttributeValue<int>(StageScoreSchema.ResponseCount))).ToList();
        var notifications = o.Notifications().Count;
        Recompute(System).Recompute(journey, o.Org.Clock.UtcNow);
        Assert.Equal(stored, Figures());
        Assert.Equal(stages, o.StageRows(journey).Select(r => (r.GetAttributeValue<OptionSetValue>(StageScoreSchema.Stage).Value, r.GetAttributeValue<decimal?>(StageScoreSchema.Score), r.GetAttributeValue<int>(StageScoreSchema.ResponseCount))));
        Assert.Equal(notifications, o.Notifications().Count);
    }

    [Fact]
    public void A_customer_risk_rollup_overtaken_by_a_newer_one_retries_instead_of_writing_its_older_level()
    {
        // R1 reads the account's open journeys (none at risk yet). Before it writes, the journey is recomputed to
        // High and its own rollup writes High to the account. R1's "None" must not land over it.
        var system = System;
        var customer = new EntityReference(CustomerSchema.Account, account);
        var updates = new UpdateInterceptingService(system, _ =>
        {
            Recompute(system).RecomputeAndRollUp(new[] { journey }, o.Org.Clock.UtcNow);
            return false;
        }, u => u.Target.LogicalName == CustomerSchema.Account);
        Recompute(updates).RollUpCustomers(new[] { customer }, o.Org.Clock.UtcNow);

        Assert.Equal(2, updates.Updates);
        Assert.Equal((int)RiskLevel.High, o.Row(CustomerSchema.Account, account).GetAttributeValue<OptionSetValue>(CustomerSchema.RiskLevel).Value);
        Assert.Equal(1, o.Row(CustomerSchema.Account, account).GetAttributeValue<int?>(CustomerSchema.AtRiskJourneys));
    }

    [Fact]
    public void A_recompute_overtaken_between_its_read_and_its_write_recomputes_and_the_owner_gets_one_alert()
    {
        JourneyRecomputeResult? second = null;
        // R1 has read the journey (no risk) and two responses; before it writes, a third response arrives and R2,
        // starting from the same stored level, recomputes all three, writes High and alerts.
        var first = Recompute(InterceptingService(System, journey, _ =>
        {
            o.Response(account, journey, Activation, 4);
            second = Recompute(System).Recompute(journey, o.Org.Clock.UtcNow);
            return false;
        })).Recompute(journey, o.Org.Clock.UtcNow);

        Assert.Equal(3, o.JourneyRow(journey).GetAttributeValue<int>(JourneySchema.ResponseCount));
        Assert.Equal(RiskLevel.High, o.Level(journey));
        Assert.Single(o.Notifications());
        AssertFresh();
        // R2 alerted; R1 recomputed on top of R2's write and saw the journey already High.
        Assert.Equal(1, second!.NotificationsSent);
        Assert.Equal(RiskLevel.High, first!.PreviousLevel);
        Assert.Equal(0, first.NotificationsSent);

        // The response's own queued recompute, when it runs, changes nothing and alerts nobody again.
        o.Settle();
        Assert.Equal(3, o.JourneyRow(journey).GetAttributeValue<int>(JourneySchema.ResponseCount));
        Assert.Single(o.Notifications());
    }

    [Fact]
    public void A_stale_write_that_lands_between_a_newer_read_and_its_write_is_overwritten_and_the_owner_gets_one_alert()
    {
        var system = System;
        JourneyRecomputeResult? second = null;
        // R1 reads two responses. A third arrives; R2 reads three. R1's stale write lands (High, alert). R2's write finds
        // the journey changed, reads it again and writes the figures of all three responses, without a second alert.
        var first = Recompute(InterceptingService(system, journey, r1Write =>
        {
            o.Response(account, journey, Activation, 4);
            second = Recompute(InterceptingService(system, journey, _ =>
            {
                system.Execute(r1Write);
                return false;
            })).Recompute(journey, o.Org.Clock.UtcNow);
            return true; // R1's write ran above
        })).Recompute(journey, o.Org.Clock.UtcNow);

        Assert.Equal(3, o.JourneyRow(journey).GetAttributeValue<int>(JourneySchema.ResponseCount));
        Assert.Equal(3, o.StageRows(journey).Sum(r => r.GetAttributeValue<int>(StageScoreSchema.ResponseCount)));
        Assert.Single(o.Notifications());
        AssertFresh();
        // R1's write alerted; R2 recomputed on top of it and saw the journey already High.
        Assert.Equal(1, first!.NotificationsSent);
        Assert.Equal(0, second!.NotificationsSent);
        Assert.Equal(RiskLevel.High, second.PreviousLevel);
    }

    [Fact]
    public void A_journey_that_keeps_changing_makes_the_recompute_give_up_after_a_bounded_number_of_attempts_naming_the_journey()
    {
        var system = System;
        var edits = 0;
        var service = InterceptingService(system, journey, _ =>
        {
            // Someone else edits the journey before every one of our writes.
            system.Update(new Entity(JourneySchema.EntityName, journey) { [JourneySchema.Name] = "Onboarding " + ++edits });
            return false;
        }, everyTime: true);

        var ex = Assert.Throws<InvalidPluginExecutionException>(() => Recompute(service).Recompute(journey, o.Org.Clock.UtcNow));
        Assert.Contains("Journey " + journey, ex.Message);
        Assert.Contains("changed " + JourneyRecomputeService.MaxAttempts + " times", ex.Message);
        Assert.Equal(JourneyRecomputeService.MaxAttempts, service.Updates);
        Assert.Empty(o.Notifications());
    }

    [Fact]
    public void A_response_only_recompute_overtaken_by_a_touchpoint_recompute_ends_with_the_fresh_figures()
    {
        var system = System;
        // R1 recomputes the new response from the stored touchpoint figures. Before it writes, a call is linked and R2
        // recomputes in full. R1's write finds the journey changed and recomputes on top of R2's.
        var rollup = new JourneyResponseRollup(InterceptingService(system, journey, _ =>
        {
            o.Touchpoint(TouchpointSchema.PhoneCall, account, journey, Installation);
            Recompute(system).Recompute(journey, o.Org.Clock.UtcNow);
            return false;
        }));
        var result = Assert.Single(rollup.Apply(new[] { ResponseJourneyChange.Created(journey, Installation, 5) }, o.Org.Clock.UtcNow));

        Assert.Equal(1, result.Figures.TouchpointCount);
        Assert.Equal(1, o.JourneyRow(journey).GetAttributeValue<int>(JourneySchema.TouchpointCount));
        Assert.Equal(2, o.JourneyRow(journey).GetAttributeValue<int>(JourneySchema.ResponseCount));
        AssertFresh();
    }

    // Intercepts only the journey's own update, so the customer rollup's writes go through untouched.
    private static UpdateInterceptingService InterceptingService(IOrganizationService inner, Guid journeyId, Func<UpdateRequest, bool> beforeJourneyUpdate, bool everyTime = false) =>
        new(inner, beforeJourneyUpdate, u => u.Target.LogicalName == JourneySchema.EntityName && u.Target.Id == journeyId, everyTime);
}
