namespace CrmCx.Schema
{
    /// <summary>Logical names of cx_customerjourney (data-model.md).</summary>
    public static class JourneySchema
    {
        public const string EntityName = "cx_customerjourney";
        public const string Id = "cx_customerjourneyid";
        public const string Name = "cx_name";
        public const string JourneyType = "cx_journeytype";
        public const string Account = "cx_accountid";
        public const string Contact = "cx_contactid";
        public const string CurrentStage = "cx_currentstage";
        public const string StartedOn = "cx_startedon";
        public const string CompletedOn = "cx_completedon";
        public const string Score = "cx_score";
        public const string StartScore = "cx_startscore";
        public const string ScoreTrend = "cx_scoretrend";
        public const string Nps = "cx_nps";
        public const string ResponseCount = "cx_responsecount";
        public const string TouchpointCount = "cx_touchpointcount";
        public const string RepeatContacts = "cx_repeatcontacts";
        public const string RiskScore = "cx_riskscore";
        public const string RiskLevel = "cx_risklevel";
        public const string RiskReasons = "cx_riskreasons";
        public const string FlaggedOn = "cx_flaggedon";
        public const string StateCode = "statecode";
        public const string StatusCode = "statuscode";
        public const string Owner = "ownerid";
    }

    /// <summary>Logical names of cx_journeystagescore (data-model.md).</summary>
    public static class StageScoreSchema
    {
        public const string EntityName = "cx_journeystagescore";
        public const string Id = "cx_journeystagescoreid";
        public const string Name = "cx_name";
        public const string Journey = "cx_customerjourneyid";
        public const string Stage = "cx_journeystage";
        public const string Score = "cx_score";
        public const string Nps = "cx_nps";
        public const string ResponseCount = "cx_responsecount";
        public const string TouchpointCount = "cx_touchpointcount";
        public const string FirstActivityOn = "cx_firstactivityon";
        public const string LastActivityOn = "cx_lastactivityon";
        public const string StageKey = "cx_journeystagescore_stage";
    }

    /// <summary>Columns CrmCx adds to cases and activities (the touchpoints of a journey).</summary>
    public static class TouchpointSchema
    {
        public const string Journey = "cx_customerjourneyid";
        public const string JourneyStage = "cx_journeystage";
        public const string Incident = "incident";
        public const string PhoneCall = "phonecall";
        public const string Email = "email";
        public const string Appointment = "appointment";
        public const string Task = "task";
        /// <summary>Every table whose rows are journey touchpoints.</summary>
        public static readonly string[] Tables = { Incident, PhoneCall, Email, Appointment, Task };
    }
}
