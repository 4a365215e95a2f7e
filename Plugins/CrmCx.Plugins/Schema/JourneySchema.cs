namespace CrmCx.Schema;

/// <summary>Logical names of cx_customerjourney (data-model.md).</summary>
public static class JourneySchema
{
    /// <summary>Logical name of the table.</summary>
    public const string EntityName = "cx_customerjourney";
    /// <summary>Primary key column.</summary>
    public const string Id = "cx_customerjourneyid";
    /// <summary>Text 200, primary name: defaulted (type + customer).</summary>
    public const string Name = "cx_name";
    /// <summary>Choice cx_journeytype: required.</summary>
    public const string JourneyType = "cx_journeytype";
    /// <summary>Lookups: the customer (at least one).</summary>
    public const string Account = "cx_accountid";
    /// <summary>Lookups: the customer (at least one).</summary>
    public const string Contact = "cx_contactid";
    /// <summary>Choice cx_journeystage: latest stage reached.</summary>
    public const string CurrentStage = "cx_currentstage";
    /// <summary>Date and time.</summary>
    public const string StartedOn = "cx_startedon";
    /// <summary>Date and time.</summary>
    public const string CompletedOn = "cx_completedon";
    /// <summary>Decimal 0–100: journey satisfaction index.</summary>
    public const string Score = "cx_score";
    /// <summary>Decimal 0–100: score of the first scored stage.</summary>
    public const string StartScore = "cx_startscore";
    /// <summary>Decimal −100–100: latest scored stage minus first scored stage, in points.</summary>
    public const string ScoreTrend = "cx_scoretrend";
    /// <summary>Decimal −100–100: NPS of this journey's responses.</summary>
    public const string Nps = "cx_nps";
    /// <summary>Whole number: survey responses linked.</summary>
    public const string ResponseCount = "cx_responsecount";
    /// <summary>Whole number: cases and activities linked.</summary>
    public const string TouchpointCount = "cx_touchpointcount";
    /// <summary>Whole number: contacts beyond the first within the repeat window.</summary>
    public const string RepeatContacts = "cx_repeatcontacts";
    /// <summary>Whole number 0–100.</summary>
    public const string RiskScore = "cx_riskscore";
    /// <summary>Choice cx_risklevel.</summary>
    public const string RiskLevel = "cx_risklevel";
    /// <summary>Multiple lines of text: one reason per line, in plain words.</summary>
    public const string RiskReasons = "cx_riskreasons";
    /// <summary>Multiple lines of text: the risk reasons as a JSON array of {"code": ..., values} (docs/risk-reasons.md).</summary>
    public const string RiskReasonsJson = "cx_riskreasonsjson";
    /// <summary>Date and time: when the journey last rose to Medium or High.</summary>
    public const string FlaggedOn = "cx_flaggedon";
    /// <summary>The next moment a duration rule changes the journey's assessment with no new data (an addition to data-model.md).</summary>
    public const string RecalculateOn = "cx_recalculateon";
    /// <summary>Status: Active (in progress) or Inactive (completed, abandoned).</summary>
    public const string StateCode = "statecode";
    /// <summary>Status reason: In progress, Completed or Abandoned.</summary>
    public const string StatusCode = "statuscode";
    /// <summary>Owner of the journey: receives its alerts.</summary>
    public const string Owner = "ownerid";
}

/// <summary>Logical names of cx_journeystagescore (data-model.md).</summary>
public static class StageScoreSchema
{
    /// <summary>Logical name of the table.</summary>
    public const string EntityName = "cx_journeystagescore";
    /// <summary>Primary key column.</summary>
    public const string Id = "cx_journeystagescoreid";
    /// <summary>Text 200, primary name.</summary>
    public const string Name = "cx_name";
    /// <summary>Lookup cx_customerjourney, required.</summary>
    public const string Journey = "cx_customerjourneyid";
    /// <summary>Choice cx_journeystage, required.</summary>
    public const string Stage = "cx_journeystage";
    /// <summary>Decimal 0–100: mean satisfaction index of the stage's responses.</summary>
    public const string Score = "cx_score";
    /// <summary>Decimal −100–100.</summary>
    public const string Nps = "cx_nps";
    /// <summary>Whole number.</summary>
    public const string ResponseCount = "cx_responsecount";
    /// <summary>Whole number.</summary>
    public const string TouchpointCount = "cx_touchpointcount";
    /// <summary>Date and time.</summary>
    public const string FirstActivityOn = "cx_firstactivityon";
    /// <summary>Date and time.</summary>
    public const string LastActivityOn = "cx_lastactivityon";
    /// <summary>Alternate key on (cx_customerjourneyid, cx_journeystage): one row per journey and stage, written with Upsert.</summary>
    public const string StageKey = "cx_journeystagescore_stage";
}

/// <summary>Columns CrmCx adds to cases and activities (the touchpoints of a journey).</summary>
public static class TouchpointSchema
{
    /// <summary>Lookup cx_customerjourney: the journey this case or activity belongs to.</summary>
    public const string Journey = "cx_customerjourneyid";
    /// <summary>Choice cx_journeystage: the stage it happened in.</summary>
    public const string JourneyStage = "cx_journeystage";
    /// <summary>Case table.</summary>
    public const string Incident = "incident";
    /// <summary>Phone call activity table.</summary>
    public const string PhoneCall = "phonecall";
    /// <summary>Email activity table.</summary>
    public const string Email = "email";
    /// <summary>Appointment activity table (visits).</summary>
    public const string Appointment = "appointment";
    /// <summary>Task activity table.</summary>
    public const string Task = "task";
    /// <summary>Every table whose rows are journey touchpoints.</summary>
    public static readonly string[] Tables = { Incident, PhoneCall, Email, Appointment, Task };
}
