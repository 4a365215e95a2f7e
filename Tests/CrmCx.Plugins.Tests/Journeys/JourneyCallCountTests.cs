using System;
using System.Linq;
using CrmCx.Journeys;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Xunit;
using static CrmCx.Plugins.Tests.Journeys.JourneyOrg;

namespace CrmCx.Plugins.Tests.Journeys;

public class JourneyCallCountTests
{
    // Builds a journey with n touchpoints (seeded: no plugins, no calls) spread over its stages and days, then links one
    // more call through the pipeline and counts what the recompute asked of the organization.
    private static (int Calls, int Touchpoints) LinkOneMoreOn(int existing)
    {
        var o = new JourneyOrg();
        var account = o.Account("Sized");
        var journey = o.Journey(account);
        var tables = TouchpointSchema.Tables;
        var stages = new[] { Order, Welcome, Installation, Activation, FirstInvoice, Adoption };
        for (var i = 0; i < existing; i++)
        {
            var table = tables[i % tables.Length];
            var row = new Entity(table)
            {
                [TouchpointSchema.Journey] = new EntityReference(JourneySchema.EntityName, journey),
                [TouchpointSchema.JourneyStage] = new OptionSetValue(stages[i * stages.Length / existing]),
                ["overriddencreatedon"] = Start.AddHours(i * 4),
            };
            if (table == TouchpointSchema.Incident) row["customerid"] = new EntityReference(CustomerSchema.Account, account);
            else row["regardingobjectid"] = new EntityReference(CustomerSchema.Account, account);
            o.Org.Seed(row);
        }
        for (var i = 0; i < 3; i++) o.Response(account, journey, stages[i], 9 - i);
        o.Settle();
        o.Org.ResetDiagnostics();

        o.Touchpoint(TouchpointSchema.PhoneCall, account, journey, Adoption);
        o.Settle();
        return (o.Org.Calls.CountFrom(typeof(TouchpointJourneyPlugin)), o.JourneyRow(journey).GetAttributeValue<int>(JourneySchema.TouchpointCount));
    }

    [Fact]
    public void A_recompute_costs_the_same_calls_for_a_journey_of_5_and_of_500_touchpoints()
    {
        var small = LinkOneMoreOn(5);
        var large = LinkOneMoreOn(500);
        Assert.Equal(6, small.Touchpoints);
        Assert.Equal(501, large.Touchpoints);
        Assert.Equal(small.Calls, large.Calls);
        // one read of the journey with its stage rows, customers and owners' languages; the response aggregate; 5 touchpoint
        // aggregates; one upsert (the stage the call joined: the others did not change); the journey update under its
        // version. The level stayed, so the account is not rolled up. A fresh plug-in instance also reads the settings
        // (environment variable cx_Settings) and the base language (organization.languagecode) once.
        Assert.Equal(11, small.Calls);
    }

    // A journey of n touchpoints (seeded) computed once in full by a linked call, then one more response through the pipeline.
    private static (int Calls, Entity Journey, Entity Fresh) OneMoreResponseOn(int existing)
    {
        var o = new JourneyOrg();
        var account = o.Account("Sized");
        var journey = o.Journey(account);
        for (var i = 0; i < existing; i++)
        {
            o.Org.Seed(new Entity(TouchpointSchema.Task)
            {
                ["regardingobjectid"] = new EntityReference(CustomerSchema.Account, account),
                [TouchpointSchema.Journey] = new EntityReference(JourneySchema.EntityName, journey),
                [TouchpointSchema.JourneyStage] = new OptionSetValue(i % 2 == 0 ? Order : Welcome),
                ["overriddencreatedon"] = Start.AddHours(i * 4),
            });
        }
        o.Touchpoint(TouchpointSchema.PhoneCall, account, journey, Welcome);
        o.Response(account, journey, Order, 9);
        o.Settle();
        o.Org.ResetDiagnostics();

        // Within the plug-in instance's five minutes: the settings and the base language come from its cache.
        o.Org.Clock.Advance(TimeSpan.FromMinutes(1));
        o.Response(account, journey, Welcome, 8);
        o.Settle();
        var calls = o.Org.Calls.CountFrom(typeof(CrmCx.Nps.NpsRollup));
        var stored = o.JourneyRow(journey);
        new JourneyRecomputeService(o.Org.GetService(o.Org.SystemUserId)).RecomputeAndRollUp(new[] { journey }, o.Org.Clock.UtcNow);
        return (calls, stored, o.JourneyRow(journey));
    }

    [Fact]
    public void A_response_added_to_a_journey_costs_four_calls_whatever_its_size_and_gives_the_figures_of_a_full_recompute()
    {
        var small = OneMoreResponseOn(5);
        var large = OneMoreResponseOn(500);
        // One job for the response (the NPS rollup's): its NPS part, the account's responses and row in one query and
        // the account's update (2); its journey part, the journey read, the response aggregate, the upsert of the stage
        // that changed, the journey update (4): the touchpoint figures come from the last recompute's stage rows and
        // journey columns (the level stayed: no customer rollup).
        Assert.Equal(6, small.Calls);
        Assert.Equal(6, large.Calls);
        foreach (var (stored, fresh) in new[] { (small.Journey, small.Fresh), (large.Journey, large.Fresh) })
        {
            foreach (var column in new[] { JourneySchema.TouchpointCount, JourneySchema.RepeatContacts, JourneySchema.ResponseCount })
                Assert.Equal(fresh.GetAttributeValue<int?>(column), stored.GetAttributeValue<int?>(column));
            foreach (var column in new[] { JourneySchema.Score, JourneySchema.ScoreTrend, JourneySchema.Nps })
                Assert.Equal(fresh.GetAttributeValue<decimal?>(column), stored.GetAttributeValue<decimal?>(column));
            Assert.Equal(fresh.GetAttributeValue<string>(JourneySchema.RiskReasonsJson), stored.GetAttributeValue<string>(JourneySchema.RiskReasonsJson));
        }
        Assert.Equal(501, large.Journey.GetAttributeValue<int>(JourneySchema.TouchpointCount));
    }

    [Fact]
    public void A_response_on_a_journey_never_computed_reads_its_touchpoints()
    {
        var o = new JourneyOrg();
        var account = o.Account("Imported");
        var journey = o.Journey(account);
        // Touchpoints imported with plug-ins off: the journey has no stored touchpoint figures yet.
        for (var i = 0; i < 3; i++)
            o.Org.Seed(new Entity(TouchpointSchema.Task)
            {
                ["regardingobjectid"] = new EntityReference(CustomerSchema.Account, account),
                [TouchpointSchema.Journey] = new EntityReference(JourneySchema.EntityName, journey),
                [TouchpointSchema.JourneyStage] = new OptionSetValue(Order),
            });
        o.Response(account, journey, Order, 9);
        o.Settle();
        Assert.Equal(3, o.JourneyRow(journey).GetAttributeValue<int>(JourneySchema.TouchpointCount));
    }

    [Fact]
    public void The_response_rollup_service_takes_plain_values_and_skips_changes_without_a_journey()
    {
        var o = new JourneyOrg();
        var account = o.Account("Service");
        var journey = o.Journey(account);
        o.Touchpoint(TouchpointSchema.PhoneCall, account, journey, Order);
        o.Settle();
        // Written with plug-ins off, then rolled up by a caller's own job through the service.
        o.Org.Seed(new Entity(SurveyResponseSchema.EntityName)
        {
            [SurveyResponseSchema.Account] = new EntityReference(CustomerSchema.Account, account),
            [SurveyResponseSchema.Journey] = new EntityReference(JourneySchema.EntityName, journey),
            [SurveyResponseSchema.JourneyStage] = new OptionSetValue(Order),
            [SurveyResponseSchema.Score] = 3,
            [SurveyResponseSchema.SatisfactionIndex] = 30m,
            [SurveyResponseSchema.RespondedOn] = o.Org.Clock.UtcNow,
        });
        var rollup = new JourneyResponseRollup(o.Org.GetService(o.Org.SystemUserId));
        o.Org.ResetDiagnostics();
        Assert.Empty(rollup.Apply(new[] { ResponseJourneyChange.Created(null, null, 3) }, o.Org.Clock.UtcNow));
        Assert.Equal(0, o.Org.Calls.Total);

        var result = Assert.Single(rollup.Apply(new[] { ResponseJourneyChange.Created(journey, Order, 3) }, o.Org.Clock.UtcNow));
        Assert.Equal(1, result.Figures.ResponseCount);
        Assert.Equal(1, result.Figures.TouchpointCount);
        Assert.Equal(1, o.JourneyRow(journey).GetAttributeValue<int>(JourneySchema.ResponseCount));
        Assert.Contains("1 detractor response", o.Reasons(journey));
    }
}
