using System;
using System.Linq;
using CrmCx.Model.Relationships;
using CrmCx.Model.Tables;
using Xunit;

namespace CrmCx.Model.Tests.Contract;

public sealed class ModelCompletenessTests
{
    [Fact]
    public void Every_table_column_and_choice_value_has_an_English_and_a_French_label()
    {
        foreach (var table in CrmCxModel.Tables)
        {
            AssertLabelled(table.DisplayName, table.LogicalName);
            AssertLabelled(table.PluralName, table.LogicalName);
            foreach (var column in table.Columns) AssertLabelled(column.DisplayName, $"{table.LogicalName}.{column.LogicalName}");
            foreach (var status in table.Statuses) AssertLabelled(status.Label, $"{table.LogicalName} status {status.Value}");
        }
        foreach (var column in CrmCxModel.Extensions.SelectMany(e => e.Columns)) AssertLabelled(column.DisplayName, column.LogicalName);
        foreach (var choice in CrmCxModel.Choices)
        {
            AssertLabelled(choice.DisplayName, choice.Name);
            foreach (var option in choice.Options) AssertLabelled(option.Label, $"{choice.Name} {option.Value}");
        }
    }

    [Fact]
    public void Every_schema_name_carries_the_cx_prefix()
    {
        Assert.All(CrmCxModel.Tables, t => Assert.StartsWith("cx_", t.SchemaName, System.StringComparison.Ordinal));
        Assert.All(CrmCxModel.Tables.SelectMany(t => t.Columns).Concat(CrmCxModel.Extensions.SelectMany(e => e.Columns)),
            c => Assert.StartsWith("cx_", c.SchemaName, System.StringComparison.Ordinal));
        Assert.All(CrmCxModel.Choices, c => Assert.StartsWith("cx_", c.Name, System.StringComparison.Ordinal));
    }

    [Fact]
    public void A_journey_is_in_progress_when_active_and_completed_or_abandoned_when_inactive()
    {
        var journey = CrmCxModel.Table("cx_customerjourney");
        Assert.Equal(new[] { (0, 1) }, journey.Statuses.Where(s => s.State == 0).Select(s => (s.State, s.Value)));
        Assert.Equal(new[] { 2, 964000001 }, journey.Statuses.Where(s => s.State == 1).Select(s => s.Value));
        Assert.Equal("In progress", journey.Statuses.Single(s => s.Value == CustomerJourneyTable.InProgress).Label.English);
        Assert.Equal("Abandoned", journey.Statuses.Single(s => s.Value == CustomerJourneyTable.Abandoned).Label.English);
    }

    [Fact]
    public void Stage_scores_survey_responses_and_NPS_days_keep_the_default_active_and_inactive_statuses()
    {
        foreach (var name in new[] { "cx_surveyresponse", "cx_journeystagescore", "cx_npsday" })
            Assert.Equal(new[] { (0, 1), (1, 2) }, CrmCxModel.Table(name).Statuses.Select(s => (s.State, s.Value)));
    }

    [Theory]
    [InlineData("cx_account_cx_surveyresponse", "account", "cx_surveyresponse", "cx_accountid")]
    [InlineData("cx_contact_cx_surveyresponse", "contact", "cx_surveyresponse", "cx_contactid")]
    [InlineData("cx_customerjourney_cx_surveyresponse", "cx_customerjourney", "cx_surveyresponse", "cx_customerjourneyid")]
    [InlineData("cx_account_cx_customerjourney", "account", "cx_customerjourney", "cx_accountid")]
    [InlineData("cx_contact_cx_customerjourney", "contact", "cx_customerjourney", "cx_contactid")]
    [InlineData("cx_customerjourney_cx_journeystagescore", "cx_customerjourney", "cx_journeystagescore", "cx_customerjourneyid")]
    [InlineData("cx_account_cx_npsday", "account", "cx_npsday", "cx_accountid")]
    [InlineData("cx_contact_cx_npsday", "contact", "cx_npsday", "cx_contactid")]
    [InlineData("cx_account_cx_driverday", "account", "cx_driverday", "cx_accountid")]
    [InlineData("cx_customerjourney_incident", "cx_customerjourney", "incident", "cx_customerjourneyid")]
    [InlineData("cx_customerjourney_phonecall", "cx_customerjourney", "phonecall", "cx_customerjourneyid")]
    [InlineData("cx_customerjourney_email", "cx_customerjourney", "email", "cx_customerjourneyid")]
    [InlineData("cx_customerjourney_appointment", "cx_customerjourney", "appointment", "cx_customerjourneyid")]
    [InlineData("cx_customerjourney_task", "cx_customerjourney", "task", "cx_customerjourneyid")]
    public void Each_lookup_has_its_named_one_to_many_relationship(string schemaName, string referenced, string referencing, string attribute)
    {
        var r = CrmCxModel.Relationships.Single(x => x.SchemaName == schemaName);
        Assert.Equal((referenced, referencing, attribute), (r.ReferencedEntity, r.ReferencingEntity, r.ReferencingAttribute));
    }

    [Fact]
    public void Only_stage_scores_and_activities_regarding_a_response_are_parental()
    {
        var parental = CrmCxModel.Relationships.Where(r => r.IsParental).OrderBy(r => r.SchemaName, StringComparer.Ordinal).ToList();
        Assert.Equal(
            new[] { "cx_customerjourney_cx_journeystagescore", "cx_surveyresponse_Appointments", "cx_surveyresponse_Emails", "cx_surveyresponse_PhoneCalls", "cx_surveyresponse_Tasks" },
            parental.Select(r => r.SchemaName));
        Assert.All(parental, r => Assert.Equal(CascadeDelete.Cascade, r.CascadeDelete));
    }

    [Fact]
    public void Only_stage_scores_NPS_and_driver_days_and_activities_regarding_a_response_are_deleted_with_their_parent()
    {
        var cascading = CrmCxModel.Relationships.Where(r => r.CascadeDelete == CascadeDelete.Cascade).Select(r => r.SchemaName).OrderBy(n => n, StringComparer.Ordinal);
        Assert.Equal(
            new[] { "cx_account_cx_driverday", "cx_account_cx_npsday", "cx_contact_cx_npsday", "cx_customerjourney_cx_journeystagescore", "cx_surveyresponse_Appointments", "cx_surveyresponse_Emails", "cx_surveyresponse_PhoneCalls", "cx_surveyresponse_Tasks" },
            cascading);
        Assert.All(CrmCxModel.Relationships.Where(r => r.CascadeDelete != CascadeDelete.Cascade), r => Assert.Equal(CascadeDelete.RemoveLink, r.CascadeDelete));
    }

    [Theory]
    [InlineData("task")]
    [InlineData("phonecall")]
    [InlineData("email")]
    [InlineData("appointment")]
    public void Activities_may_be_regarding_a_survey_response(string activity)
    {
        // The detractor follow-up task is regarding the response (cx-scoring.md): the table is activity-enabled.
        var r = CrmCxModel.Relationships.Single(x => x.ReferencingEntity == activity && x.ReferencingAttribute == "regardingobjectid");
        Assert.Equal("cx_surveyresponse", r.ReferencedEntity);
    }

    [Fact]
    public void Every_lookup_column_has_exactly_one_relationship()
    {
        var lookups = CrmCxModel.Tables.SelectMany(t => t.Columns.Where(c => c.Target is not null).Select(c => (t.LogicalName, c.LogicalName)))
            .Concat(CrmCxModel.Extensions.SelectMany(e => e.Columns.Where(c => c.Target is not null).Select(c => (e.LogicalName, c.LogicalName))))
            .OrderBy(x => x).ToList();
        // regardingobjectid is the activities' own polymorphic lookup: the activity relationships add a target to it.
        Assert.Equal(lookups, CrmCxModel.Relationships.Where(r => r.ReferencingAttribute != "regardingobjectid")
            .Select(r => (r.ReferencingEntity, r.ReferencingAttribute)).OrderBy(x => x));
    }

    private static void AssertLabelled(Labels.Label label, string what)
    {
        Assert.False(string.IsNullOrWhiteSpace(label.English), $"{what} has no English label");
        Assert.False(string.IsNullOrWhiteSpace(label.French), $"{what} has no French label");
    }
}
