using CrmCx.Infrastructure;
using CrmCx.Registration;

namespace CrmCx.Journeys
{
    /// <summary>
    /// Keeps journeys true when survey responses that carry a journey are created, changed or deleted. Registered on
    /// CreateMultiple and UpdateMultiple only (the platform merges single Create/Update into them), so that a batch recomputes
    /// each touched journey once and no response is processed twice; Delete stays single (DeleteMultiple steps do not run for Delete).
    /// </summary>
    [CrmPluginRegistration("CreateMultiple", "cx_surveyresponse", StageEnum.PostOperation, ExecutionModeEnum.Asynchronous, null, "CrmCx.Journeys: survey responses created", 2, IsolationModeEnum.Sandbox, Id = "ef21f227-60d8-4b11-99ad-c4b1f73052b3")]
    [CrmPluginRegistration("UpdateMultiple", "cx_surveyresponse", StageEnum.PostOperation, ExecutionModeEnum.Asynchronous, "cx_customerjourneyid,cx_journeystage,cx_score,cx_csat,cx_effort,cx_satisfactionindex,cx_respondedon", "CrmCx.Journeys: survey responses changed", 2, IsolationModeEnum.Sandbox, Id = "7ac07903-1b32-414e-b998-6a4551304fc5", Image1Name = "pre", Image1Type = ImageTypeEnum.PreImage, Image1Attributes = "cx_customerjourneyid", Image2Name = "post", Image2Type = ImageTypeEnum.PostImage, Image2Attributes = "cx_customerjourneyid")]
    [CrmPluginRegistration("Delete", "cx_surveyresponse", StageEnum.PostOperation, ExecutionModeEnum.Asynchronous, null, "CrmCx.Journeys: survey response deleted", 2, IsolationModeEnum.Sandbox, Id = "bc22e184-e63a-49c9-a955-9081b863c251", Image1Name = "pre", Image1Type = ImageTypeEnum.PreImage, Image1Attributes = "cx_customerjourneyid")]
    public sealed class SurveyResponseJourneyPlugin : JourneyPluginBase
    {
        /// <summary>Creates the plugin with the step's configuration (risk options as JSON).</summary>
        public SurveyResponseJourneyPlugin(string? unsecureConfiguration, string? secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
        }

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
