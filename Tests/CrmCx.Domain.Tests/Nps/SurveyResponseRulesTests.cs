using System;
using System.Linq;
using CrmCx.Domain.Choices;
using CrmCx.Domain.Nps;
using Xunit;

namespace CrmCx.Domain.Tests.Nps;

public class SurveyResponseRulesTests
{
    private static readonly DateTime Now = new DateTime(2026, 11, 22, 15, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Account = new Guid("11111111-1111-1111-1111-111111111111");
    private static readonly Guid OtherAccount = new Guid("22222222-2222-2222-2222-222222222222");
    private static readonly Guid Contact = new Guid("33333333-3333-3333-3333-333333333333");
    private static readonly Guid Journey = new Guid("44444444-4444-4444-4444-444444444444");

    private static SurveyResponseValues Valid() => new SurveyResponseValues { Score = 9, AccountId = Account, RespondedOn = Now.AddDays(-1) };

    private static string Single(SurveyResponseValues row, SurveyResponseRuleSet rules = SurveyResponseRuleSet.All) =>
        Assert.Single(SurveyResponseRules.Validate(row, Now, rules)).Message;

    [Fact]
    public void A_complete_response_breaks_no_rule()
    {
        var row = Valid();
        row.Csat = 5;
        row.Effort = 7;
        row.ContactId = Contact;
        row.ContactParentAccountId = Account;
        row.JourneyId = Journey;
        row.JourneyType = (int)JourneyType.Onboarding;
        row.Stage = 964000103;
        Assert.Empty(SurveyResponseRules.Validate(row, Now));
    }

    [Theory]
    [InlineData(11, "cx_score must be a whole number from 0 to 10; got 11")]
    [InlineData(-1, "cx_score must be a whole number from 0 to 10; got -1")]
    public void A_score_outside_0_to_10_is_refused_with_column_rule_and_value(int score, string message)
    {
        var row = Valid();
        row.Score = score;
        Assert.Equal(message, Single(row));
    }

    [Fact]
    public void A_missing_score_is_refused()
    {
        var row = Valid();
        row.Score = null;
        Assert.Equal("cx_score is required and must be a whole number from 0 to 10; got nothing", Single(row));
    }

    [Fact]
    public void A_score_of_another_type_is_refused_with_its_value()
    {
        var row = Valid();
        row.Score = 7.5m;
        Assert.Equal("cx_score must be a whole number from 0 to 10; got 7.5", Single(row));
        row.Score = "9";
        Assert.Equal("cx_score must be a whole number from 0 to 10; got \"9\"", Single(row));
    }

    [Theory]
    [InlineData(0, "cx_csat must be a whole number from 1 to 5; got 0")]
    [InlineData(6, "cx_csat must be a whole number from 1 to 5; got 6")]
    public void Csat_outside_1_to_5_is_refused(int csat, string message)
    {
        var row = Valid();
        row.Csat = csat;
        Assert.Equal(message, Single(row));
    }

    [Theory]
    [InlineData(0, "cx_effort must be a whole number from 1 to 7; got 0")]
    [InlineData(8, "cx_effort must be a whole number from 1 to 7; got 8")]
    public void Effort_outside_1_to_7_is_refused(int effort, string message)
    {
        var row = Valid();
        row.Effort = effort;
        Assert.Equal(message, Single(row));
    }

    [Fact]
    public void A_response_date_up_to_five_minutes_ahead_is_clock_skew_and_accepted()
    {
        var row = Valid();
        row.RespondedOn = Now.AddMinutes(5);
        Assert.Empty(SurveyResponseRules.Validate(row, Now));
        row.RespondedOn = Now.AddMinutes(5).AddSeconds(1);
        Assert.Equal("cx_respondedon must not be in the future (at most 5 minutes after 2026-11-22T15:00:00Z); got 2026-11-22T15:05:01Z", Single(row));
    }

    [Fact]
    public void A_response_without_customer_is_refused()
    {
        var row = Valid();
        row.AccountId = null;
        Assert.Equal("cx_accountid or cx_contactid is required: a response must name its customer; got neither", Single(row));
    }

    [Fact]
    public void A_contact_of_another_account_is_refused()
    {
        var row = Valid();
        row.ContactId = Contact;
        row.ContactParentAccountId = OtherAccount;
        Assert.Equal(
            "cx_contactid must be a contact of the account in cx_accountid (11111111-1111-1111-1111-111111111111); got contact 33333333-3333-3333-3333-333333333333, whose account is 22222222-2222-2222-2222-222222222222",
            Single(row));
        row.ContactParentAccountId = null;
        Assert.EndsWith("which has no parent account", Single(row));
    }

    [Fact]
    public void A_stage_of_another_journey_type_is_refused_naming_the_allowed_stages()
    {
        var row = Valid();
        row.JourneyId = Journey;
        row.JourneyType = (int)JourneyType.Renewal;
        row.Stage = 964000103;
        Assert.Equal(
            "cx_journeystage must be a stage of the linked journey's type, Renewal (Renewal notice 964000301, Options review 964000302, Decision 964000303, Renewed 964000304); got 964000103 (Installation, a stage of Onboarding)",
            Single(row));
    }

    [Fact]
    public void An_unknown_stage_is_refused_with_or_without_a_journey()
    {
        var row = Valid();
        row.Stage = 964000999;
        Assert.Equal("cx_journeystage must be a journey stage (see data-model.md); got 964000999 (not a journey stage)", Single(row));
        row.JourneyId = Journey;
        row.JourneyType = (int)JourneyType.TechnicalIssue;
        Assert.StartsWith("cx_journeystage must be a stage of the linked journey's type, Technical issue (Reported 964000401", Single(row));
    }

    [Fact]
    public void Every_broken_rule_is_reported_at_once()
    {
        var row = new SurveyResponseValues { Score = 12, Csat = 9, Effort = 0, RespondedOn = Now.AddDays(1) };
        var columns = SurveyResponseRules.Validate(row, Now).Select(v => v.Column).ToArray();
        Assert.Equal(new[] { "cx_score", "cx_csat", "cx_effort", "cx_respondedon", "cx_accountid" }, columns);
    }

    [Fact]
    public void An_update_checks_only_the_rules_of_the_columns_it_touches()
    {
        // an imported legacy row with a future date keeps being editable for its comment
        var row = Valid();
        row.RespondedOn = Now.AddDays(3);
        Assert.Empty(SurveyResponseRules.Validate(row, Now, SurveyResponseRuleSet.None));
        Assert.Single(SurveyResponseRules.Validate(row, Now, SurveyResponseRuleSet.RespondedOn));
    }

    [Fact]
    public void The_account_comes_from_the_contact_when_not_given()
    {
        Assert.Equal(Account, SurveyResponseRules.ResolveAccount(null, false, Contact, true, Account));
        Assert.Null(SurveyResponseRules.ResolveAccount(null, false, Contact, true, null));
        Assert.Equal(OtherAccount, SurveyResponseRules.ResolveAccount(OtherAccount, true, Contact, true, Account));
    }

    [Fact]
    public void Moving_a_response_to_another_contact_moves_it_to_that_contacts_account()
    {
        Assert.Equal(OtherAccount, SurveyResponseRules.ResolveAccount(Account, false, Contact, true, OtherAccount));
        // a contact without account leaves the account as it was: the contact rule then says what is wrong
        Assert.Equal(Account, SurveyResponseRules.ResolveAccount(Account, false, Contact, true, null));
        // an untouched contact never moves the account
        Assert.Equal(Account, SurveyResponseRules.ResolveAccount(Account, false, Contact, false, OtherAccount));
    }

    [Fact]
    public void The_response_date_defaults_to_the_creation_time_and_never_stays_in_the_future()
    {
        var created = Now.AddSeconds(-1);
        Assert.Equal(created, SurveyResponseRules.EffectiveRespondedOn(null, created, Now));
        Assert.Equal(Now, SurveyResponseRules.EffectiveRespondedOn(Now.AddMinutes(3), created, Now));
        Assert.Equal(Now.AddDays(-2), SurveyResponseRules.EffectiveRespondedOn(Now.AddDays(-2), created, Now));
    }

    [Fact]
    public void The_default_name_is_the_customer_and_the_date()
    {
        Assert.Equal("Contoso Ltd – 2026-11-22", SurveyResponseRules.DefaultName("  Contoso Ltd ", Now));
        Assert.Equal("Survey response – 2026-11-22", SurveyResponseRules.DefaultName(null, Now));
        var name = SurveyResponseRules.DefaultName(new string('x', 300), Now);
        Assert.Equal(200, name.Length);
        Assert.EndsWith(" – 2026-11-22", name);
    }
}
