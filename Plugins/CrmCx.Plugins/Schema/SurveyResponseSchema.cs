namespace CrmCx.Schema
{
    /// <summary>Logical names of cx_surveyresponse (data-model.md).</summary>
    public static class SurveyResponseSchema
    {
        public const string EntityName = "cx_surveyresponse";
        public const string Id = "cx_surveyresponseid";
        public const string Name = "cx_name";
        public const string Account = "cx_accountid";
        public const string Contact = "cx_contactid";
        public const string Journey = "cx_customerjourneyid";
        public const string JourneyStage = "cx_journeystage";
        public const string Channel = "cx_channel";
        public const string Score = "cx_score";
        public const string NpsCategory = "cx_npscategory";
        public const string Csat = "cx_csat";
        public const string Effort = "cx_effort";
        public const string SatisfactionIndex = "cx_satisfactionindex";
        public const string Comment = "cx_comment";
        public const string RespondedOn = "cx_respondedon";
        public const string Source = "cx_source";
        public const string ExternalId = "cx_externalid";
        public const string ExternalIdKey = "cx_surveyresponse_externalid";
    }
}
