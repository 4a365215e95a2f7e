namespace CrmCx.Schema;

/// <summary>Logical names of cx_surveyresponse (data-model.md).</summary>
public static class SurveyResponseSchema
{
    /// <summary>Logical name of the table.</summary>
    public const string EntityName = "cx_surveyresponse";
    /// <summary>Primary key column.</summary>
    public const string Id = "cx_surveyresponseid";
    /// <summary>When the row was last written (the platform's column).</summary>
    public const string ModifiedOn = "modifiedon";
    /// <summary>Text 200, primary name: defaulted when empty (customer + date).</summary>
    public const string Name = "cx_name";
    /// <summary>Lookup account: at least one of account or contact is required; when only the contact is given, the account is taken from the contact's parent account.</summary>
    public const string Account = "cx_accountid";
    /// <summary>Lookup contact.</summary>
    public const string Contact = "cx_contactid";
    /// <summary>Lookup cx_customerjourney: optional.</summary>
    public const string Journey = "cx_customerjourneyid";
    /// <summary>Choice cx_journeystage: optional; must belong to the journey's type.</summary>
    public const string JourneyStage = "cx_journeystage";
    /// <summary>Choice cx_channel: optional.</summary>
    public const string Channel = "cx_channel";
    /// <summary>Whole number 0–10: required: "How likely are you to recommend us?".</summary>
    public const string Score = "cx_score";
    /// <summary>Choice cx_npscategory: set by the platform from cx_score (9–10 promoter, 7–8 passive, 0–6 detractor); read-only to users.</summary>
    public const string NpsCategory = "cx_npscategory";
    /// <summary>Whole number 1–5: optional customer satisfaction.</summary>
    public const string Csat = "cx_csat";
    /// <summary>Whole number 1–7: optional customer effort score (7 = very easy).</summary>
    public const string Effort = "cx_effort";
    /// <summary>Decimal 0–100, 2 places: set by the platform (see cx-scoring.md).</summary>
    public const string SatisfactionIndex = "cx_satisfactionindex";
    /// <summary>Multiple lines of text, 4000: the verbatim; untrusted user text.</summary>
    public const string Comment = "cx_comment";
    /// <summary>Date and time (UTC): defaulted to the creation time when empty; not in the future.</summary>
    public const string RespondedOn = "cx_respondedon";
    /// <summary>Text 100: the survey tool or channel that wrote it.</summary>
    public const string Source = "cx_source";
    /// <summary>Text 100: the survey tool's own id.</summary>
    public const string ExternalId = "cx_externalid";
    /// <summary>Why a row written with plug-ins off failed validation (data-model.md, second round); such rows count nowhere.</summary>
    public const string ValidationError = "cx_validationerror";
    /// <summary>Alternate key on (cx_source, cx_externalid): integrations write with Upsert so a retried delivery never creates a second response.</summary>
    public const string ExternalIdKey = "cx_surveyresponse_externalid";
}
