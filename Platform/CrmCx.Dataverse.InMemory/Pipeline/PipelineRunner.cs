using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using CrmCx.Dataverse.InMemory.Messages;
using CrmCx.Dataverse.InMemory.Store;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Pipeline;

/// <summary>Runs an operation through PreValidation, PreOperation, the main operation and PostOperation, with merged single/multiple steps.</summary>
internal sealed class PipelineRunner
{
    private readonly InMemoryOrganization org;

    public PipelineRunner(InMemoryOrganization org) => this.org = org;

    public void Run(PipelineOperation op, RequestScope scope)
    {
        op.PrepareViews();
        var allows = op.AllowsStep ?? (_ => true);
        var single = org.Pipeline.For(op.SingleMessage, op.EntityName).Where(allows).ToList();
        var multiple = op.MultipleMessage is null ? new List<PluginStep>() : org.Pipeline.For(op.MultipleMessage, op.EntityName).Where(allows).ToList();
        var run = new RunState(op, scope, single, multiple, new ParameterCollection(), Guid.NewGuid());

        RunStage(run, PipelineStage.PreValidation);
        RunStage(run, PipelineStage.PreOperation);
        op.RefreshTargets();

        for (var i = 0; i < op.Items.Count; i++)
        {
            try
            {
                if (op.MainOperation is { } main) RunMainOperation(run, main, op.Items[i]);
                op.Core?.Invoke(op.Items[i]);
            }
            catch (FaultException<OrganizationServiceFault> e) when (op.IsMultipleRequest)
            {
                // All or nothing: the transaction rolls back; the fault says which of Targets failed.
                throw Faults.Create(e.Detail.ErrorCode, $"{e.Detail.Message} (Targets[{i}] of {op.MultipleMessage ?? op.SingleMessage} failed; no record was written.)", e.Detail);
            }
        }
        op.AfterCore?.Invoke();

        if (op.ReadPostRow is not null && single.Concat(multiple).Any(s => s.Stage == PipelineStage.PostOperation && s.Images.Any(i => i.IsPost)))
        {
            foreach (var item in op.Items) item.PostRow = op.ReadPostRow(item);
        }
        RunStage(run, PipelineStage.PostOperation);
    }

    private void RunStage(RunState run, PipelineStage stage)
    {
        // Most requests (queries above all) have no step at all: skip the ordering below.
        if (run.Single.Count == 0 && run.Multiple.Count == 0) return;
        var steps = run.Single.Select(s => (Step: s, Multiple: false))
            .Concat(run.Multiple.Select(s => (Step: s, Multiple: true)))
            .Where(s => s.Step.Stage == stage)
            .OrderBy(s => s.Step.ExecutionOrder)
            .ThenBy(s => IndexOf(s.Step))
            .ToList();
        foreach (var (step, isMultiple) in steps)
        {
            var op = run.Op;
            if (isMultiple)
            {
                if (!op.Items.Any(i => step.Passes(i.Columns))) continue;
                var context = NewContext(run, step, stage, op.MultipleMessage!, op.MultipleInputs, op.MultipleOutputs, Guid.Empty);
                context.PreEntityImagesCollection = op.Items.Select(i => Images(step, i, pre: true)).ToArray();
                context.PostEntityImagesCollection = stage == PipelineStage.PostOperation ? op.Items.Select(i => Images(step, i, pre: false)).ToArray()
                    : op.Items.Select(_ => new EntityImageCollection()).ToArray();
                Execute(step, context);
            }
            else
            {
                foreach (var item in op.Items.Where(i => step.Passes(i.Columns)).ToList())
                {
                    var context = NewContext(run, step, stage, op.SingleMessage, item.Inputs, item.Outputs, item.Id);
                    context.PreEntityImages = Images(step, item, pre: true);
                    if (stage == PipelineStage.PostOperation) context.PostEntityImages = Images(step, item, pre: false);
                    Execute(step, context);
                }
            }
        }
    }

    // A custom API's plug-in: the main operation, with the request's parameters and the outputs it sets (custom-api.md
    // "Write a Plug-in for your custom API"; use-messages.md: the plug-in sets OutputParameters "as part of the main operation stage").
    private void RunMainOperation(RunState run, PluginStep main, PipelineItem item)
    {
        var context = NewContext(run, main, PipelineStage.MainOperation, run.Op.SingleMessage, item.Inputs, item.Outputs, item.Id);
        org.Invoker.Invoke(main, context);
    }

    private void Execute(PluginStep step, PluginExecutionContext context)
    {
        if (step.Mode == StepMode.Asynchronous)
        {
            org.Transactions.AddAsync(new AsyncJob(step, AsyncCopy(context)));
            return;
        }
        org.Invoker.Invoke(step, context);
    }

    // The async service gets a serialized copy of the context: later changes in the transaction do not reach it.
    private static PluginExecutionContext AsyncCopy(PluginExecutionContext c) => new()
    {
        Mode = (int)StepMode.Asynchronous,
        IsInTransaction = false,
        Depth = c.Depth,
        MessageName = c.MessageName,
        PrimaryEntityName = c.PrimaryEntityName,
        PrimaryEntityId = c.PrimaryEntityId,
        RequestId = c.RequestId,
        InputParameters = EntityCopier.CopyParameters(c.InputParameters),
        OutputParameters = EntityCopier.CopyParameters(c.OutputParameters),
        SharedVariables = EntityCopier.CopyParameters(c.SharedVariables),
        UserId = c.UserId,
        InitiatingUserId = c.InitiatingUserId,
        BusinessUnitId = c.BusinessUnitId,
        OrganizationId = c.OrganizationId,
        OrganizationName = c.OrganizationName,
        PreEntityImages = CopyImages(c.PreEntityImages),
        PostEntityImages = CopyImages(c.PostEntityImages),
        PreEntityImagesCollection = c.PreEntityImagesCollection.Select(CopyImages).ToArray(),
        PostEntityImagesCollection = c.PostEntityImagesCollection.Select(CopyImages).ToArray(),
        OwningExtension = c.OwningExtension,
        CorrelationId = c.CorrelationId,
        OperationId = Guid.NewGuid(),
        OperationCreatedOn = c.OperationCreatedOn,
        Stage = c.Stage,
        ParentContext = null,
        AuthenticatedUserId = c.AuthenticatedUserId,
    };

    private static EntityImageCollection CopyImages(EntityImageCollection images)
    {
        var copy = new EntityImageCollection();
        foreach (var pair in images) copy[pair.Key] = EntityCopier.Copy(pair.Value);
        return copy;
    }

    private PluginExecutionContext NewContext(RunState run, PluginStep step, PipelineStage stage, string message,
        ParameterCollection inputs, ParameterCollection outputs, Guid primaryId)
    {
        var scope = run.Scope;
        return new PluginExecutionContext
        {
            Mode = (int)StepMode.Synchronous,
            // A top-level PreValidation runs before the transaction starts (understand-the-data-context.md).
            IsInTransaction = !(stage == PipelineStage.PreValidation && scope.Depth == 1),
            Depth = scope.Depth,
            MessageName = message,
            PrimaryEntityName = run.Op.EntityName,
            PrimaryEntityId = primaryId,
            RequestId = scope.RequestId,
            InputParameters = inputs,
            // Output parameters are only populated for PostOperation; the main operation (a custom API's plug-in) sets them.
            OutputParameters = stage is PipelineStage.PostOperation or PipelineStage.MainOperation ? outputs : new ParameterCollection(),
            SharedVariables = run.SharedVariables,
            UserId = scope.UserId,
            InitiatingUserId = scope.InitiatingUserId,
            BusinessUnitId = scope.BusinessUnitId,
            OrganizationId = org.OrganizationId,
            OrganizationName = org.OrganizationName,
            OwningExtension = new EntityReference("sdkmessageprocessingstep", step.Id) { Name = step.Name },
            CorrelationId = scope.CorrelationId,
            OperationId = run.OperationId,
            OperationCreatedOn = scope.Now,
            Stage = (int)stage,
            ParentContext = scope.Parent,
            AuthenticatedUserId = scope.InitiatingUserId,
        };
    }

    private static EntityImageCollection Images(PluginStep step, PipelineItem item, bool pre)
    {
        var images = new EntityImageCollection();
        foreach (var image in step.Images.Where(i => pre ? i.IsPre : i.IsPost))
        {
            var row = pre ? item.PreRow : item.PostRow;
            if (row is null) continue;
            images[image.EntityAlias] = EntityCopier.Copy(row, image.Attributes.Count == 0 ? null : image.Attributes.ToList());
        }
        return images;
    }

    private int IndexOf(PluginStep step)
    {
        var steps = org.Pipeline.Steps;
        for (var i = 0; i < steps.Count; i++)
        {
            if (ReferenceEquals(steps[i], step)) return i;
        }
        return int.MaxValue;
    }

    private sealed record RunState(PipelineOperation Op, RequestScope Scope, List<PluginStep> Single, List<PluginStep> Multiple,
        ParameterCollection SharedVariables, Guid OperationId);
}
