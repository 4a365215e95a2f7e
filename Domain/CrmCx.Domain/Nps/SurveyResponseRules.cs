using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmCx.Domain.Choices;
using CrmCx.Schema;

namespace CrmCx.Domain.Nps;

/// <summary>The rules of a survey response (data-model.md) and the values the platform fills before the write.</summary>
public static class SurveyResponseRules
{
    /// <summary>How far in the future cx_respondedon may be: the survey tool's clock may run ahead of Dataverse's.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>cx_name's maximum length.</summary>
    public const int NameMaxLength = 200;

    // The logical names the messages cite, from the generated schema (the model's names).
    private const string ScoreColumn = SurveyResponseSchema.Score;
    private const string CsatColumn = SurveyResponseSchema.Csat;
    private const string EffortColumn = SurveyResponseSchema.Effort;
    private const string RespondedOnColumn = SurveyResponseSchema.RespondedOn;
    private const string AccountColumn = SurveyResponseSchema.Account;
    private const string ContactColumn = SurveyResponseSchema.Contact;
    private const string StageColumn = SurveyResponseSchema.JourneyStage;

    /// <summary>Checks the selected rules on the row as it will be written; returns every violation, in column order.</summary>
    public static IReadOnlyList<RuleViolation> Validate(SurveyResponseValues row, DateTime now, SurveyResponseRuleSet rules = SurveyResponseRuleSet.All)
    {
        if (row == null) throw new ArgumentNullException(nameof(row));
        var violations = new List<RuleViolation>();

        if ((rules & SurveyResponseRuleSet.Score) != 0)
        {
            if (row.Score == null) violations.Add(new RuleViolation(ScoreColumn, ScoreColumn + " is required and must be a whole number from 0 to 10; got nothing"));
            else CheckWholeNumber(violations, ScoreColumn, row.Score, NpsCategories.MinScore, NpsCategories.MaxScore);
        }
        if ((rules & SurveyResponseRuleSet.Csat) != 0 && row.Csat != null) CheckWholeNumber(violations, CsatColumn, row.Csat, 1, 5);
        if ((rules & SurveyResponseRuleSet.Effort) != 0 && row.Effort != null) CheckWholeNumber(violations, EffortColumn, row.Effort, 1, 7);

        if ((rules & SurveyResponseRuleSet.RespondedOn) != 0 && row.RespondedOn.HasValue && row.RespondedOn.Value > now + ClockSkew)
        {
            violations.Add(new RuleViolation(RespondedOnColumn,
                RespondedOnColumn + " must not be in the future (at most 5 minutes after " + FormatTime(now) + "); got " + FormatTime(row.RespondedOn.Value)));
        }

        if ((rules & SurveyResponseRuleSet.Customer) != 0)
        {
            if (!row.AccountId.HasValue && !row.ContactId.HasValue)
            {
                violations.Add(new RuleViolation(AccountColumn, AccountColumn + " or " + ContactColumn + " is required: a response must name its customer; got neither"));
            }
            else if (row.AccountId.HasValue && row.ContactId.HasValue && row.ContactParentAccountId != row.AccountId)
            {
                violations.Add(new RuleViolation(ContactColumn,
                    ContactColumn + " must be a contact of the account in " + AccountColumn + " (" + Id(row.AccountId.Value) + "); got contact " + Id(row.ContactId.Value) +
                    (row.ContactParentAccountId.HasValue ? ", whose account is " + Id(row.ContactParentAccountId.Value) : ", which has no parent account")));
            }
        }

        if ((rules & SurveyResponseRuleSet.Stage) != 0 && row.Stage.HasValue)
        {
            var stage = JourneyStages.Find(row.Stage.Value);
            if (row.JourneyId.HasValue && row.JourneyType.HasValue && JourneyStages.IsJourneyType(row.JourneyType.Value))
            {
                var type = (JourneyType)row.JourneyType.Value;
                if (stage == null || stage.Type != type)
                {
                    violations.Add(new RuleViolation(StageColumn,
                        StageColumn + " must be a stage of the linked journey's type, " + TypeLabel(type) + " (" +
                        string.Join(", ", JourneyStages.Of(type).Select(s => s.Label + " " + s.Value.ToString(CultureInfo.InvariantCulture))) + "); got " +
                        DescribeStage(row.Stage.Value, stage)));
                }
            }
            else if (stage == null)
            {
                violations.Add(new RuleViolation(StageColumn, StageColumn + " must be a journey stage (see data-model.md); got " + DescribeStage(row.Stage.Value, null)));
            }
        }
        return violations;
    }

    /// <summary>
    /// The account the response is written with: the given one; otherwise the contact's parent account. When a change
    /// moves the response to another contact without naming the account, the account follows the new contact (so the
    /// response keeps counting for the right company) as long as that contact has a parent account.
    /// </summary>
    public static Guid? ResolveAccount(Guid? account, bool accountChanged, Guid? contact, bool contactChanged, Guid? contactParentAccount)
    {
        if (accountChanged) return account ?? (contact.HasValue ? contactParentAccount : null);
        if (!account.HasValue) return contact.HasValue ? contactParentAccount : null;
        if (contactChanged && contact.HasValue && contactParentAccount.HasValue) return contactParentAccount;
        return account;
    }

    /// <summary>
    /// cx_respondedon as stored: the creation time when empty; a time within the allowed clock skew ahead of the server is
    /// brought back to the server's time, so that no stored response is in the future and the rollup that runs next counts it.
    /// </summary>
    public static DateTime EffectiveRespondedOn(DateTime? given, DateTime createdOn, DateTime now)
    {
        if (!given.HasValue) return createdOn;
        return given.Value > now ? now : given.Value;
    }

    /// <summary>The default cx_name: the customer's name and the response date, "Contoso Ltd – 2026-11-22" (cut to 200 characters).</summary>
    public static string DefaultName(string? customerName, DateTime respondedOn)
    {
        var who = string.IsNullOrWhiteSpace(customerName) ? "Survey response" : customerName!.Trim();
        var suffix = " – " + respondedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (who.Length + suffix.Length > NameMaxLength) who = who.Substring(0, NameMaxLength - suffix.Length);
        return who + suffix;
    }

    /// <summary>The int value of a well-formed whole-number column, or null (missing or malformed: validation reports it).</summary>
    public static int? AsWholeNumber(object? value) => value is int i ? i : (int?)null;

    private static void CheckWholeNumber(List<RuleViolation> violations, string column, object value, int min, int max)
    {
        // Dataverse's whole number columns carry int; any other type is reported with its value like an out-of-range int.
        if (value is int i && i >= min && i <= max) return;
        violations.Add(new RuleViolation(column,
            column + " must be a whole number from " + min.ToString(CultureInfo.InvariantCulture) + " to " + max.ToString(CultureInfo.InvariantCulture) + "; got " + Describe(value)));
    }

    private static string Describe(object value)
    {
        switch (value)
        {
            case string s: return "\"" + s + "\"";
            case IFormattable f: return f.ToString(null, CultureInfo.InvariantCulture);
            default: return value.ToString() ?? value.GetType().Name;
        }
    }

    private static string DescribeStage(int value, JourneyStage? stage) =>
        value.ToString(CultureInfo.InvariantCulture) + (stage == null ? " (not a journey stage)" : " (" + stage.Label + ", a stage of " + TypeLabel(stage.Type) + ")");

    private static string TypeLabel(JourneyType type) => type == JourneyType.TechnicalIssue ? "Technical issue" : type.ToString();

    private static string FormatTime(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Id(Guid id) => id.ToString("D");
}
