namespace CrmCx.Schema;

/// <summary>Columns CrmCx adds to account and contact (data-model.md), and the standard ones it reads.</summary>
public static class CustomerSchema
{
    /// <summary>Logical name of the account table.</summary>
    public const string Account = "account";
    /// <summary>Primary key of account.</summary>
    public const string AccountId = "accountid";
    /// <summary>Logical name of the contact table.</summary>
    public const string Contact = "contact";
    /// <summary>Primary key of contact.</summary>
    public const string ContactId = "contactid";
    /// <summary>The contact's parent customer (account or contact).</summary>
    public const string ParentCustomer = "parentcustomerid";
    /// <summary>Owner of the account or contact: receives follow-up tasks and alerts.</summary>
    public const string Owner = "ownerid";
    /// <summary>Account name.</summary>
    public const string AccountName = "name";
    /// <summary>Contact full name.</summary>
    public const string ContactFullName = "fullname";

    /// <summary>Decimal −100–100, 1 place: NPS of the rolling window.</summary>
    public const string Nps = "cx_nps";
    /// <summary>Decimal −100–100, 1 place: NPS of the window before it (trend).</summary>
    public const string NpsPrevious = "cx_npsprevious";
    /// <summary>Decimal 0–200, 1 place: 95 % margin of error of cx_nps, in NPS points.</summary>
    public const string NpsMargin = "cx_npsmargin";
    /// <summary>Decimal 0–200, 1 place: the same for cx_npsprevious.</summary>
    public const string NpsPreviousMargin = "cx_npsprevmargin";
    /// <summary>Whole number: responses in the window.</summary>
    public const string NpsResponses = "cx_npsresponses";
    /// <summary>Whole number: counts in the window.</summary>
    public const string Promoters = "cx_promoters";
    /// <summary>Whole number: counts in the window.</summary>
    public const string Passives = "cx_passives";
    /// <summary>Whole number: counts in the window.</summary>
    public const string Detractors = "cx_detractors";
    /// <summary>Multiple lines of text: JSON: monthly NPS for the last 12 months, for the trend chart.</summary>
    public const string NpsHistory = "cx_npshistory";
    /// <summary>Date and time: newest response.</summary>
    public const string LastResponseOn = "cx_lastresponseon";
    /// <summary>Date and time: when these columns were last computed.</summary>
    public const string NpsUpdatedOn = "cx_npsupdatedon";
    /// <summary>
    /// Whole number yyyyMMdd (an addition to data-model.md): the last UTC day whose responses are summed in cx_npsday rows;
    /// empty means none are, and the next rollup rebuilds them from the responses.
    /// </summary>
    public const string NpsDaysThrough = "cx_npsdaysthrough";
    /// <summary>The correlation id of the request whose responses the last NPS rollup counted (an addition to data-model.md).</summary>
    public const string NpsCorrelationId = "cx_npscorrelationid";
    /// <summary>The next moment the NPS figures change with no new data (an addition to data-model.md; the scheduled recalculation reads it).</summary>
    public const string RecalculateOn = "cx_recalculateon";
    /// <summary>Choice cx_risklevel: the highest of the open journeys' risk and the customer's own (CustomerRiskColumns).</summary>
    public const string RiskLevel = "cx_risklevel";
    /// <summary>Whole number: open journeys at Medium or High risk.</summary>
    public const string AtRiskJourneys = "cx_atriskjourneys";
    /// <summary>Whole number (an addition to data-model.md): open journeys; written by the journey rollup only.</summary>
    public const string OpenJourneys = "cx_openjourneys";
    /// <summary>Choice cx_risklevel (an addition to data-model.md): the highest level among the open journeys alone; written by the journey rollup only.</summary>
    public const string JourneyRiskLevel = "cx_journeyrisklevel";
    /// <summary>Multiple lines of text: the customer's risk reasons, one per line, in the organization's base language.</summary>
    public const string RiskReasons = "cx_riskreasons";
    /// <summary>Multiple lines of text: the same reasons as a JSON array of {"code": ..., values} (docs/risk-reasons.md).</summary>
    public const string RiskReasonsJson = "cx_riskreasonsjson";
}
