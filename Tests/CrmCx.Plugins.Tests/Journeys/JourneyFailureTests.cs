using System;
using System.Linq;
using CrmCx.Dataverse.InMemory.Diagnostics;
using CrmCx.Dataverse.InMemory.Metadata;
using CrmCx.Dataverse.InMemory.Pipeline;
using CrmCx.Domain.Choices;
using CrmCx.Journeys;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Xunit;
using static CrmCx.Plugins.Tests.Journeys.JourneyOrg;

namespace CrmCx.Plugins.Tests.Journeys;

/// <summary>Bad data at rest and failing recomputes: the journey keeps what it can, and the triggering record always stays.</summary>
public class JourneyFailureTests
{
    private readonly JourneyOrg o = new JourneyOrg();
    private readonly Guid account;
    private readonly Guid journey;

    public JourneyFailureTests()
    {
        account = o.Account("Tailspin");
        journey = o.Journey(account);
    }

    /// <summary>Stores a row with plugins off while cx_score accepts any whole number, then narrows it to 0–10 again.</summary>
    private void ImportBeforeTheRangeWasSet(Entity response)
    {
        var table = o.Org.Metadata.Get(SurveyResponseSchema.EntityName);
        var score = table.FindColumn(SurveyResponseSchema.Score)!;
        table.Add(new ColumnDefinition(score.LogicalName, score.Type) { Precision = score.Precision, IsSystemManaged = score.IsSystemManaged });
        try
        {
            o.Org.Seed(response);
        }
        finally
        {
            table.Add(score);
        }
    }

    private SystemJob OnlyJob(Type plugin) => Assert.Single(o.Org.SystemJobs, j => j.PluginTypeName == plugin.FullName);

    [Fact]
    public void A_response_imported_with_plugins_off_and_a_score_of_11_is_left_out_and_the_journey_keeps_its_figures()
    {
        o.Response(account, journey, Welcome, 10);
        o.Days(1);
        o.Response(account, journey, Installation, 6);
        o.Settle();
        o.Days(1);
        // A data migration with plugins switched off, into a column that did not limit the range yet: nothing refused
        // the 11, and it is the newest response.
        ImportBeforeTheRangeWasSet(new Entity(SurveyResponseSchema.EntityName)
        {
            [SurveyResponseSchema.Name] = "imported",
            [SurveyResponseSchema.Account] = new EntityReference(CustomerSchema.Account, account),
            [SurveyResponseSchema.Journey] = new EntityReference(JourneySchema.EntityName, journey),
            [SurveyResponseSchema.JourneyStage] = new OptionSetValue(Activation),
            [SurveyResponseSchema.Score] = 11,
            [SurveyResponseSchema.RespondedOn] = o.Org.Clock.UtcNow,
        });
        o.Org.ResetDiagnostics();

        // The next change to the journey recomputes it with the imported row at rest.
        o.Touchpoint(TouchpointSchema.PhoneCall, account, journey, Installation);
        o.Org.DrainAsyncQueue();

        Assert.Equal(SystemJobStatus.Succeeded, OnlyJob(typeof(TouchpointJourneyPlugin)).Status);
        var row = o.JourneyRow(journey);
        // From the two valid responses only: 100 at Welcome, 60 at Installation; one promoter, one detractor.
        Assert.Equal(2, row.GetAttributeValue<int>(JourneySchema.ResponseCount));
        Assert.Equal(1, row.GetAttributeValue<int>(JourneySchema.TouchpointCount));
        Assert.Equal(80m, row.GetAttributeValue<decimal>(JourneySchema.Score));
        Assert.Equal(-40m, row.GetAttributeValue<decimal>(JourneySchema.ScoreTrend));
        Assert.Equal(0m, row.GetAttributeValue<decimal>(JourneySchema.Nps));
        Assert.Equal(
            new[] { "Satisfaction fell from 100 at Welcome to 60 at Installation (\u221240 %)", "1 detractor response", "Latest response 6/10 at Installation" },
            o.Reasons(journey).Split('\n'));
        Assert.Equal(RiskLevel.High, o.Level(journey));
        // The imported row's stage has no valid response: no stage row is made up for it.
        Assert.Equal(new[] { Welcome, Installation }, o.StageRows(journey).Select(r => r.GetAttributeValue<OptionSetValue>(StageScoreSchema.Stage).Value));
    }

    [Fact]
    public void A_failing_risk_recompute_keeps_the_phone_call_and_its_link_and_records_a_failed_job_naming_the_problem()
    {
        o.Response(account, journey, Welcome, 9);
        o.Settle();
        var before = o.JourneyRow(journey);
        var email = o.Touchpoint(TouchpointSchema.Email, account, subject: "Welcome pack");
        o.Settle();
        o.Org.Pipeline.Register(new PluginStep(typeof(JourneyWritesRefused), "Update", JourneySchema.EntityName, PipelineStage.PreOperation));
        o.Org.ResetDiagnostics();

        // A call created on the journey, and an email linked to it afterwards.
        var call = o.Touchpoint(TouchpointSchema.PhoneCall, account, journey, Installation, "Scheduling the technician");
        o.Service.Update(new Entity(TouchpointSchema.Email, email)
        {
            [TouchpointSchema.Journey] = new EntityReference(JourneySchema.EntityName, journey),
            [TouchpointSchema.JourneyStage] = new OptionSetValue(Installation),
        });
        o.Org.DrainAsyncQueue();

        foreach (var (table, id) in new[] { (TouchpointSchema.PhoneCall, call), (TouchpointSchema.Email, email) })
        {
            var stored = o.Row(table, id);
            Assert.Equal(journey, stored.GetAttributeValue<EntityReference>(TouchpointSchema.Journey).Id);
            Assert.Equal(Installation, stored.GetAttributeValue<OptionSetValue>(TouchpointSchema.JourneyStage).Value);
        }
        var jobs = o.Org.SystemJobs.Where(j => j.PluginTypeName == typeof(TouchpointJourneyPlugin).FullName).ToList();
        Assert.Equal(new[] { "Create", "Update" }, jobs.Select(j => j.MessageName));
        Assert.All(jobs, j =>
        {
            Assert.Equal(SystemJobStatus.Failed, j.Status);
            Assert.Contains(JourneyWritesRefused.Reason, j.ErrorMessage);
        });
        // The journey row keeps its last figures until a recompute succeeds.
        var after = o.JourneyRow(journey);
        Assert.Equal(before.GetAttributeValue<int>(JourneySchema.TouchpointCount), after.GetAttributeValue<int>(JourneySchema.TouchpointCount));
        Assert.Equal(before.GetAttributeValue<OptionSetValue>(JourneySchema.RiskLevel).Value, after.GetAttributeValue<OptionSetValue>(JourneySchema.RiskLevel).Value);

        // Once journeys can be written again, the next change brings the journey up to date with both touchpoints.
        o.Org.Pipeline.Unregister(typeof(JourneyWritesRefused));
        o.Touchpoint(TouchpointSchema.Task, account, journey, Installation, "Technician visit");
        o.Settle();
        Assert.Equal(3, o.JourneyRow(journey).GetAttributeValue<int>(JourneySchema.TouchpointCount));
    }

    /// <summary>Refuses every update of a journey, as a locked record or another solution's validation would.</summary>
    public sealed class JourneyWritesRefused : IPlugin
    {
        public const string Reason = "Customer journeys are read-only during the nightly import.";

        public void Execute(IServiceProvider serviceProvider) => throw new InvalidPluginExecutionException(Reason);
    }
}
