using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Infrastructure;
using CrmCx.Registration;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Journeys;

/// <summary>
/// Keeps journeys true when survey responses that carry a journey are changed or deleted (Update filtered on the
/// journey columns, and Delete; the merged pipeline runs them once per row of an UpdateMultiple). A created response
/// is rolled up by the NPS rollup's job (<see cref="CrmCx.Nps.NpsRollup"/>), so a response costs one asynchronous job:
/// a created response only adds to its journey, which is recomputed from its responses and the touchpoint figures
/// stored by the last recompute (<see cref="JourneyResponseRollup"/>).
/// </summary>
[CrmPluginRegistration("Update", SurveyResponseSchema.EntityName, StageEnum.PostOperation, ExecutionModeEnum.Asynchronous, SurveyResponseSchema.Journey + "," + SurveyResponseSchema.JourneyStage + "," + SurveyResponseSchema.Score + "," + SurveyResponseSchema.Csat + "," + SurveyResponseSchema.Effort + "," + SurveyResponseSchema.SatisfactionIndex + "," + SurveyResponseSchema.RespondedOn, "CrmCx.Journeys: survey response changed", 2, IsolationModeEnum.Sandbox, Id = "426b5287-12b3-4e5e-9943-251e4cd4bb2d", Image1Name = "pre", Image1Type = ImageTypeEnum.PreImage, Image1Attributes = SurveyResponseSchema.Journey, Image2Name = "post", Image2Type = ImageTypeEnum.PostImage, Image2Attributes = SurveyResponseSchema.Journey)]
[CrmPluginRegistration("Delete", SurveyResponseSchema.EntityName, StageEnum.PostOperation, ExecutionModeEnum.Asynchronous, null, "CrmCx.Journeys: survey response deleted", 2, IsolationModeEnum.Sandbox, Id = "bc22e184-e63a-49c9-a955-9081b863c251", Image1Name = "pre", Image1Type = ImageTypeEnum.PreImage, Image1Attributes = SurveyResponseSchema.Journey)]
public sealed class SurveyResponseJourneyPlugin : JourneyPluginBase
{
    /// <inheritdoc />
    protected override void ExecuteCrmPlugin(LocalPluginContext context)
    {
        var changes = Changes(context);
        if (!changes.Any(c => c.JourneyBefore.HasValue || c.JourneyAfter.HasValue)) return;
        var settings = Settings(context);
        new JourneyResponseRollup(context.SystemService, settings.JourneyRisk, settings.CustomerRisk, Language, m => context.Trace("{0}", m))
            .Apply(changes, context.OperationTime);
    }

    /// <summary>What the write did to journeys, per row: the target on Create; the pre and post images on Update and Delete.</summary>
    internal static List<ResponseJourneyChange> Changes(LocalPluginContext context)
    {
        var changes = new List<ResponseJourneyChange>();
        var targets = context.TargetEntities();
        var create = context.MessageName == "Create";
        for (var i = 0; i < Math.Max(1, targets.Count); i++)
        {
            var target = i < targets.Count ? targets[i] : null;
            if (create)
            {
                if (target == null) continue;
                changes.Add(ResponseJourneyChange.Created(JourneyOf(target, SurveyResponseSchema.Journey),
                    target.GetAttributeValue<OptionSetValue>(SurveyResponseSchema.JourneyStage)?.Value, target.GetAttributeValue<int?>(SurveyResponseSchema.Score)));
                continue;
            }
            var post = context.PostImage(PostImageAlias, i);
            var after = JourneyOf(target, SurveyResponseSchema.Journey) ?? JourneyOf(post, SurveyResponseSchema.Journey);
            if (target != null && target.Attributes.TryGetValue(SurveyResponseSchema.Journey, out var written) && written == null) after = null;
            changes.Add(ResponseJourneyChange.Changed(JourneyOf(context.PreImage(PreImageAlias, i), SurveyResponseSchema.Journey), after, null, null));
        }
        return changes;
    }
}
