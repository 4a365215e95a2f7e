namespace CrmCx.Schema
{
    /// <summary>Columns CrmCx adds to account and contact (data-model.md), and the standard ones it reads.</summary>
    public static class CustomerSchema
    {
        public const string Account = "account";
        public const string AccountId = "accountid";
        public const string Contact = "contact";
        public const string ContactId = "contactid";
        /// <summary>The contact's parent customer (account or contact).</summary>
        public const string ParentCustomer = "parentcustomerid";
        public const string Owner = "ownerid";
        public const string AccountName = "name";
        public const string ContactFullName = "fullname";

        public const string Nps = "cx_nps";
        public const string NpsPrevious = "cx_npsprevious";
        public const string NpsMargin = "cx_npsmargin";
        public const string NpsPreviousMargin = "cx_npsprevmargin";
        public const string NpsResponses = "cx_npsresponses";
        public const string Promoters = "cx_promoters";
        public const string Passives = "cx_passives";
        public const string Detractors = "cx_detractors";
        public const string NpsHistory = "cx_npshistory";
        public const string LastResponseOn = "cx_lastresponseon";
        public const string NpsUpdatedOn = "cx_npsupdatedon";
        public const string RiskLevel = "cx_risklevel";
        public const string AtRiskJourneys = "cx_atriskjourneys";
    }
}
