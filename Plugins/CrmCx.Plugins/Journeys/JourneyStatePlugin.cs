using System;
using System.Collections.Generic;
using CrmCx.Infrastructure;
using CrmCx.Registration;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Journeys;

/// <summary>
/// When a journey is completed, abandoned or reopened, or moves to another customer, its customers' risk is rolled up
/// again: a closed journey keeps its last figures but no longer counts. Closing stamps cx_completedon when it is empty, so the
/// duration rule measures the journey as it was; reopening recomputes it.
/// </summary>
[CrmPluginRegistration("Update", JourneySchema.EntityName, StageEnum.PostOperation, ExecutionModeEnum.Asynchronous, JourneySchema.StateCode + "," + JourneySchema.Account + "," + JourneySchema.Contact, "CrmCx.Journeys: journey state or customer changed", 1, IsolationModeEnum.Sandbox, Id = "ec2137af-79e9-4b2f-bb19-f1fee247089c", Image1Name = "pre", Image1Type = ImageTypeEnum.PreImage, Image1Attributes = JourneySchema.StateCode + "," + JourneySchema.Account + "," + JourneySchema.Contact, Image2Name = "post", Image2Type = ImageTypeEnum.PostImage, Image2Attributes = JourneySchema.StateCode + "," + JourneySchema.Account + "," + JourneySchema.Contact + "," + JourneySchema.CompletedOn)]
public sealed class JourneyStatePlugin : JourneyPluginBase
{
    /// <inheritdoc />
    protected override void ExecuteCrmPlugin(LocalPluginContext context)
    {
        var pre = context.PreImage(PreImageAlias);
        var post = context.PostImage(PostImageAlias);
        var target = context.TargetEntities();
        if (post == null || target.Count == 0) return;
        var journeyId = target[0].Id;
        var isOpen = (post.GetAttributeValue<OptionSetValue>(JourneySchema.StateCode)?.Value ?? 0) == 0;
        var wasOpen = pre == null || (pre.GetAttributeValue<OptionSetValue>(JourneySchema.StateCode)?.Value ?? 0) == 0;
        var system = context.SystemService;

        if (!isOpen && wasOpen && post.GetAttributeValue<DateTime?>(JourneySchema.CompletedOn) == null)
        {
            var stamp = new Entity(JourneySchema.EntityName, journeyId);
            stamp[JourneySchema.CompletedOn] = context.OperationTime;
            system.Update(stamp);
        }

        var service = Service(context);
        if (isOpen && !wasOpen) service.Recompute(journeyId, context.OperationTime);
        service.RollUpCustomers(new List<EntityReference?>
        {
            post.GetAttributeValue<EntityReference>(JourneySchema.Account),
            post.GetAttributeValue<EntityReference>(JourneySchema.Contact),
            pre?.GetAttributeValue<EntityReference>(JourneySchema.Account),
            pre?.GetAttributeValue<EntityReference>(JourneySchema.Contact),
        }, context.OperationTime);
    }
}
