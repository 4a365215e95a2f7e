using System;

namespace CrmCx.Domain.Nps;

/// <summary>
/// The plain values of a survey response as it will be written (on update: the stored row merged with the change),
/// plus the facts about its lookups that the rules need. The plugin fills it; the domain never sees the SDK.
/// Score, CSAT and effort are the raw column values (normally int) so that a wrong type is reported like a wrong value.
/// </summary>
public sealed class SurveyResponseValues
{
    /// <summary>cx_score as given (an int when well-formed; null when missing).</summary>
    public object? Score { get; set; }
    /// <summary>cx_csat as given.</summary>
    public object? Csat { get; set; }
    /// <summary>cx_effort as given.</summary>
    public object? Effort { get; set; }
    /// <summary>cx_respondedon (UTC).</summary>
    public DateTime? RespondedOn { get; set; }
    /// <summary>cx_accountid.</summary>
    public Guid? AccountId { get; set; }
    /// <summary>cx_contactid.</summary>
    public Guid? ContactId { get; set; }
    /// <summary>The contact's parent account (parentcustomerid when it is an account), null when it has none.</summary>
    public Guid? ContactParentAccountId { get; set; }
    /// <summary>cx_customerjourneyid.</summary>
    public Guid? JourneyId { get; set; }
    /// <summary>The linked journey's cx_journeytype, when a journey is linked and has one.</summary>
    public int? JourneyType { get; set; }
    /// <summary>cx_journeystage.</summary>
    public int? Stage { get; set; }
}

/// <summary>Which rules to check: on create all; on update those whose columns the change touches (so that editing the comment of an imported legacy row is not refused for an old flaw).</summary>
[Flags]
public enum SurveyResponseRuleSet
{
    /// <summary>No rule.</summary>
    None = 0,
    /// <summary>cx_score required, 0–10.</summary>
    Score = 1,
    /// <summary>cx_csat 1–5.</summary>
    Csat = 2,
    /// <summary>cx_effort 1–7.</summary>
    Effort = 4,
    /// <summary>cx_respondedon not in the future.</summary>
    RespondedOn = 8,
    /// <summary>Account or contact required; the contact belongs to the account.</summary>
    Customer = 16,
    /// <summary>The stage belongs to the journey's type.</summary>
    Stage = 32,
    /// <summary>Every rule.</summary>
    All = Score | Csat | Effort | RespondedOn | Customer | Stage,
}

/// <summary>One broken rule: the column and a message naming the column, the value and the rule.</summary>
public sealed class RuleViolation
{
    /// <summary>Creates the violation.</summary>
    public RuleViolation(string column, string message)
    {
        Column = column;
        Message = message;
    }

    /// <summary>The column's logical name.</summary>
    public string Column { get; }

    /// <summary>"cx_score must be a whole number from 0 to 10; got 11".</summary>
    public string Message { get; }

    /// <inheritdoc />
    public override string ToString() => Message;
}
