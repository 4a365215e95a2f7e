using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Domain.Choices;
using CrmCx.Domain.Journeys;
using CrmCx.Domain.Risk;
using Xunit;

namespace CrmCx.Domain.Tests.Risk;

public class JourneyNextChangeTests
{
    private const int Welcome = 964000102;
    private static readonly DateTime Now = new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Started = new DateTime(2026, 3, 1, 9, 30, 0, DateTimeKind.Utc);

    private static JourneyFigures Quiet() => JourneyScoring.Compute(Array.Empty<ResponseGroup>(), Array.Empty<TouchpointGroup>(), 14);

    private static JourneyRiskInput Open(DateTime? startedOn, JourneyType type = JourneyType.Onboarding, JourneyFigures? figures = null) =>
        new JourneyRiskInput(type, figures ?? Quiet(), startedOn, true, null);

    private static string Written(RiskAssessment a) => a.Score + " " + a.Level + " " + a.ReasonText;

    [Fact]
    public void An_onboarding_starts_firing_the_duration_rule_ninety_one_whole_days_after_its_start()
    {
        // Expected 90 days; the engine fires when the floored 24-hour days exceed 90: 2026-03-01 09:30 + 91 days = 2026-05-31 09:30.
        var input = Open(Started);
        var next = JourneyNextChange.NextRuleChange(input, Now);
        Assert.Equal(new DateTime(2026, 5, 31, 9, 30, 0, DateTimeKind.Utc), next);
        var engine = new JourneyRiskEngine();
        Assert.Empty(engine.Assess(input, next!.Value.AddTicks(-1)).Reasons);
        Assert.Empty(engine.Assess(input, Started.AddDays(90)).Reasons);
        Assert.Equal("Open 91 days, longer than the 90 expected", Assert.Single(engine.Assess(input, next.Value).Reasons).Text);
    }

    [Fact]
    public void The_expected_days_come_from_the_options_and_the_journey_type()
    {
        // Technical issue: 14 by default, so 15 days; 20 when configured, so 21 days.
        var input = Open(Started, JourneyType.TechnicalIssue);
        Assert.Equal(Started.AddDays(15), JourneyNextChange.NextRuleChange(input, Now.AddDays(-31)));
        var options = new JourneyRiskOptions(expectedDays: new Dictionary<JourneyType, int> { [JourneyType.TechnicalIssue] = 20 });
        Assert.Equal(Started.AddDays(21), JourneyNextChange.NextRuleChange(input, Started, options));
    }

    [Fact]
    public void A_journey_that_starts_after_now_fires_as_many_days_after_its_start()
    {
        var later = Now.AddDays(3);
        Assert.Equal(later.AddDays(91), JourneyNextChange.NextRuleChange(Open(later), Now));
    }

    [Fact]
    public void A_closed_journey_or_one_without_a_start_never_changes_with_time()
    {
        var completed = new JourneyRiskInput(JourneyType.Onboarding, Quiet(), Started, false, Now);
        var abandoned = new JourneyRiskInput(JourneyType.Onboarding, Quiet(), Started, false, null);
        Assert.Null(JourneyNextChange.NextRuleChange(completed, Now));
        Assert.Null(JourneyNextChange.NextAssessmentChange(completed, Now));
        Assert.Null(JourneyNextChange.NextRuleChange(abandoned, Now));
        Assert.Null(JourneyNextChange.NextRuleChange(Open(null), Now));
        Assert.Null(JourneyNextChange.NextAssessmentChange(Open(null), Now));
    }

    [Fact]
    public void An_overdue_journey_has_no_rule_left_to_fire_but_its_day_count_changes_every_day()
    {
        // Started 104 days and 14 h 30 min before now 2026-06-14 00:00: "Open 104 days" until 2026-06-14 09:30.
        var now = Started.AddDays(104).AddHours(14.5);
        var input = Open(Started);
        Assert.Null(JourneyNextChange.NextRuleChange(input, now));
        var next = JourneyNextChange.NextAssessmentChange(input, now);
        Assert.Equal(Started.AddDays(105), next);
        var engine = new JourneyRiskEngine();
        Assert.Equal("Open 104 days, longer than the 90 expected", engine.Assess(input, next!.Value.AddTicks(-1)).ReasonText);
        Assert.Equal("Open 105 days, longer than the 90 expected", engine.Assess(input, next.Value).ReasonText);
    }

    [Fact]
    public void Before_the_rule_fires_the_assessment_changes_first_when_it_fires()
    {
        Assert.Equal(Started.AddDays(91), JourneyNextChange.NextAssessmentChange(Open(Started), Now));
    }

    [Fact]
    public void Rules_that_do_not_read_the_clock_leave_the_next_change_where_the_duration_rule_puts_it()
    {
        // Two detractors and too many contacts already fire; only the duration rule waits on time.
        var responses = new[] { new ResponseGroup(Welcome, 2, 2, 20m, 2, Now.AddDays(-2)) };
        var touchpoints = Enumerable.Range(0, 8).Select(i => Now.AddDays(-3 * i)).Select(d => new TouchpointGroup(Welcome, 1, d, d));
        var input = Open(Started, figures: JourneyScoring.Compute(responses, touchpoints, 14));
        Assert.Equal(Started.AddDays(91), JourneyNextChange.NextRuleChange(input, Now));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void The_assessment_is_the_same_until_the_next_change_and_differs_at_it(int seed)
    {
        var random = new Random(seed);
        var engine = new JourneyRiskEngine();
        var types = Enum.GetValues(typeof(JourneyType)).Cast<JourneyType>().ToArray();
        for (var c = 0; c < 300; c++)
        {
            var type = types[random.Next(types.Length)];
            var started = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks((long)(random.NextDouble() * TimeSpan.TicksPerDay * 365));
            var now = started.AddTicks((long)((random.NextDouble() * 140 - 5) * TimeSpan.TicksPerDay));
            // Now on the very tick a day boundary falls, where > and ≥ part ways.
            if (random.Next(4) == 0) now = started.AddDays(random.Next(0, 120));
            var input = Open(started, type);
            var context = type + " started " + started.ToString("o") + " now " + now.ToString("o");
            foreach (var (next, written) in new[]
            {
                (JourneyNextChange.NextRuleChange(input, now), (Func<RiskAssessment, string>)(a => a.Score + " " + a.Level)),
                (JourneyNextChange.NextAssessmentChange(input, now), (Func<RiskAssessment, string>)Written),
            })
            {
                var before = written(engine.Assess(input, now));
                if (!next.HasValue)
                {
                    // Only the rule form says "never": the rule already fires and an open journey only ages.
                    Assert.Contains(RiskRule.Overdue, engine.Assess(input, now).Reasons.Select(r => r.Rule));
                    Assert.Equal(before, written(engine.Assess(input, now.AddDays(random.Next(1, 400)))));
                    continue;
                }
                Assert.True(next.Value > now, context);
                Assert.Equal(before, written(engine.Assess(input, next.Value.AddTicks(-1))));
                for (var i = 0; i < 8; i++)
                    Assert.Equal(before, written(engine.Assess(input, now.AddTicks((long)(random.NextDouble() * (next.Value - now).Ticks)))));
                Assert.NotEqual(before, written(engine.Assess(input, next.Value)));
            }
        }
    }
}
