using System;
using System.Collections.Generic;
using CrmCx.Infrastructure;
using CrmCx.Registration;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Journeys;

/// <summary>
/// Keeps journeys true when cases and activities are linked, re-linked, moved between stages or deleted: recomputes the
/// journeys before and after the change from the rows at rest, then their customers' risk. Asynchronous, so a failing
/// recompute never undoes the case or activity. Single-message steps only (the platform merges CreateMultiple into Create).
/// </summary>
[CrmPluginRegistration("Create", "incident", StageEnum.PostOperation, ExecutionModeEnum.Asynchronous, null, "CrmCx.Journeys: incident created", 1, IsolationModeEnum.Sandbox, Id = "0d4de38a-ff08-446c-97dc-94a1fe6ce5a6")]
[CrmPluginRegistration("Update", "incident", StageEnum.PostOperation, ExecutionModeEnum.Asynchronous, TouchpointSchema.Journey + "," + TouchpointSchema.JourneyStage, "CrmCx.Journeys: incident link changed", 1, IsolationModeEnum.Sandbox, Id = "f6aa9e0c-f6c8-4a79-b9a5-908ccc9b69e0", Image1Name = "pre", Image1Type = ImageTypeEnum.PreImage, Image1Attributes = TouchpointSchema.Journey, Image2Name = "post", Image2Type = ImageTypeEnum.PostImage, Image2Attributes = TouchpointSchema.Journey)]
[CrmPluginRegistration("Delete", "incident", StageEnum.PostOperation, ExecutionModeEnum.Asynchronous, null, "CrmCx.Journeys: incident deleted", 1, IsolationModeEnum.Sandbox, Id = "10a5de9c-8580-4363-ba8b-b3e84ff7d87a", Image1Name = "pre", Image1Type = ImageTypeEnum.PreImage, Image1Attributes = TouchpointSchema.Journey)]
[CrmPluginRegistration("Create", "phonecall", StageEnum.PostOperation, ExecutionModeEnum.Asynchronous, null, "CrmCx.Journeys: phonecall created", 1, IsolationModeEnum.Sandbox, Id = "125e7b95-5e30-4ba2-8c46-010eb59bcc55")]
[CrmPluginRegistration("Update", "phonecall", StageEnum.PostOperation, ExecutionModeEnum.Asynchronous, TouchpointSchema.Journey + "," + TouchpointSchema.JourneyStage, "CrmCx.Journeys: phonecall link changed", 1, IsolationModeEnum.Sandbox, Id = "905e283c-1da5-4271-a38f-c071515e5b57", Image1Name = "pre", Image1Type = ImageTypeEnum.PreImage, Image1Attributes = TouchpointSchema.Journey, Image2Name = "post", Image2Type = ImageTypeEnum.PostImage, Image2Attributes = TouchpointSchema.Journey)]
[CrmPluginRegistration("Delete", "phonecall", StageEnum.PostOperation, ExecutionModeEnum.Asynchronous, null, "CrmCx.Journeys: phonecall deleted", 1, IsolationModeEnum.Sandbox, Id = "27a938bd-40ce-4957-9f7f-119e58252699", Image1Name = "pre", Image1Type = ImageTypeEnum.PreImage, Image1Attributes = TouchpointSchema.Journey)]
[CrmPluginRegistration("Create", "email", StageEnum.PostOperation, ExecutionModeEnum.Asynchronous, null, "CrmCx.Journeys: email created", 1, IsolationModeEnum.Sandbox, Id = "19c9bc76-a73b-4ae1-9a8f-967dd608939e")]
[CrmPluginRegistration("Update", "email", StageEnum.PostOperation, ExecutionModeEnum.Asynchronous, TouchpointSchema.Journey + "," + TouchpointSchema.JourneyStage, "CrmCx.Journeys: email link changed", 1, IsolationModeEnum.Sandbox, Id = "4b44f506-ff70-4083-aae5-ff1c7fedaef5", Image1Name = "pre", Image1Type = ImageTypeEnum.PreImage, Image1Attributes = TouchpointSchema.Journey, Image2Name = "post", Image2Type = ImageTypeEnum.PostImage, Image2Attributes = TouchpointSchema.Journey)]
[CrmPluginRegistration("Delete", "email", StageEnum.PostOperation, ExecutionModeEnum.Asynchronous, null, "CrmCx.Journeys: email deleted", 1, IsolationModeEnum.Sandbox, Id = "8ef4a196-d3e2-4777-9e2e-e76e643fbf80", Image1Name = "pre", Image1Type = ImageTypeEnum.PreImage, Image1Attributes = TouchpointSchema.Journey)]
[CrmPluginRegistration("Create", "appointment", StageEnum.PostOperation, ExecutionModeEnum.Asynchronous, null, "CrmCx.Journeys: appointment created", 1, IsolationModeEnum.Sandbox, Id = "6f6baec6-b122-45ef-8cd9-13cea5779704")]
[CrmPluginRegistration("Update", "appointment", StageEnum.PostOperation, ExecutionModeEnum.Asynchronous, TouchpointSchema.Journey + "," + TouchpointSchema.JourneyStage, "CrmCx.Journeys: appointment link changed", 1, IsolationModeEnum.Sandbox, Id = "a8a121ba-372a-4062-9064-61119b12bb88", Image1Name = "pre", Image1Type = ImageTypeEnum.PreImage, Image1Attributes = TouchpointSchema.Journey, Image2Name = "post", Image2Type = ImageTypeEnum.PostImage, Image2Attributes = TouchpointSchema.Journey)]
[CrmPluginRegistration("Delete", "appointment", StageEnum.PostOperation, ExecutionModeEnum.Asynchronous, null, "CrmCx.Journeys: appointment deleted", 1, IsolationModeEnum.Sandbox, Id = "fc25ccfd-05d9-4add-a6d7-07820696f9c8", Image1Name = "pre", Image1Type = ImageTypeEnum.PreImage, Image1Attributes = TouchpointSchema.Journey)]
[CrmPluginRegistration("Create", "task", StageEnum.PostOperation, ExecutionModeEnum.Asynchronous, null, "CrmCx.Journeys: task created", 1, IsolationModeEnum.Sandbox, Id = "dae6fb30-782d-49e2-ba38-16ec06798323")]
[CrmPluginRegistration("Update", "task", StageEnum.PostOperation, ExecutionModeEnum.Asynchronous, TouchpointSchema.Journey + "," + TouchpointSchema.JourneyStage, "CrmCx.Journeys: task link changed", 1, IsolationModeEnum.Sandbox, Id = "a453004c-07b1-49b6-bf73-328c9d8170e7", Image1Name = "pre", Image1Type = ImageTypeEnum.PreImage, Image1Attributes = TouchpointSchema.Journey, Image2Name = "post", Image2Type = ImageTypeEnum.PostImage, Image2Attributes = TouchpointSchema.Journey)]
[CrmPluginRegistration("Delete", "task", StageEnum.PostOperation, ExecutionModeEnum.Asynchronous, null, "CrmCx.Journeys: task deleted", 1, IsolationModeEnum.Sandbox, Id = "1a4bf554-07d6-4f3d-9025-8bf4db98f048", Image1Name = "pre", Image1Type = ImageTypeEnum.PreImage, Image1Attributes = TouchpointSchema.Journey)]
public sealed class TouchpointJourneyPlugin : JourneyPluginBase
{
    /// <inheritdoc />
    protected override void ExecuteCrmPlugin(LocalPluginContext context)
    {
        var journeys = TouchedJourneys(context);
        if (journeys.Count == 0) return;
        Recompute(context, journeys);
    }

    /// <summary>The journeys a create, update or delete of touchpoints touched: the one left and the one joined.</summary>
    internal static List<Guid> TouchedJourneys(LocalPluginContext context)
    {
        var journeys = new List<Guid>();
        void Add(Guid? id)
        {
            if (id.HasValue && id.Value != Guid.Empty && !journeys.Contains(id.Value)) journeys.Add(id.Value);
        }

        var targets = context.TargetEntities();
        for (var i = 0; i < Math.Max(1, targets.Count); i++)
        {
            if (i < targets.Count) Add(JourneyOf(targets[i], TouchpointSchema.Journey));
            Add(JourneyOf(context.PreImage(PreImageAlias, i), TouchpointSchema.Journey));
            Add(JourneyOf(context.PostImage(PostImageAlias, i), TouchpointSchema.Journey));
        }
        return journeys;
    }
}
