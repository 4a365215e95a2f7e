using CrmCx.Infrastructure;
using CrmCx.Registration;

namespace CrmCx.Journeys
{
    /// <summary>
    /// Keeps journeys true when survey responses that carry a journey are created, changed or deleted. Registered on
    /// Create, Update and Delete only (the merged pipeline runs them once per row of a CreateMultiple or UpdateMultiple);
    /// a response without a journey costs no call.
    /// </summary>
    [CrmPluginRegistration("Create", "cx_surveyresponse", StageEnum.PostOperation, ExecutionModeEnum.Asynchronous, null, "CrmCx.Journeys: survey response created", 2, IsolationModeEnum.Sandbox, Id = "a0905c55-60cb-4c6b-969b-8f6c436dd0c2")]
    [CrmPluginRegistration("Update", "cx_surveyresponse", StageEnum.PostOperation, ExecutionModeEnum.Asynchronous, "cx_customerjourneyid,cx_journeystage,cx_score,cx_csat,cx_effort,cx_satisfactionindex,cx_respondedon", "CrmCx.Journeys: survey response changed", 2, IsolationModeEnum.Sandbox, Id = "426b5287-12b3-4e5e-9943-251e4cd4bb2d", Image1Name = "pre", Image1Type = ImageTypeEnum.PreImage, Image1Attributes = "cx_customerjourneyid", Image2Name = "post", Image2Type = ImageTypeEnum.PostImage, Image2Attributes = "cx_customerjourneyid")]
    [CrmPluginRegistration("Delete", "cx_surveyresponse", StageEnum.PostOperation, ExecutionModeEnum.Asynchronous, null, "CrmCx.Journeys: survey response deleted", 2, IsolationModeEnum.Sandbox, Id = "bc22e184-e63a-49c9-a955-9081b863c251", Image1Name = "pre", Image1Type = ImageTypeEnum.PreImage, Image1Attributes = "cx_customerjourneyid")]
    public sealed class SurveyResponseJourneyPlugin : JourneyPluginBase
    {
        /// <inheritdoc />
        protected override void ExecuteCrmPlugin(LocalPluginContext context)
        {
            // Same columns on responses as on touchpoints (cx_customerjourneyid), so the same reading of targets and images applies.
            var journeys = TouchpointJourneyPlugin.TouchedJourneys(context);
            if (journeys.Count == 0) return;
            Recompute(context, journeys);
        }
    }
}
