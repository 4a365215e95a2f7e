using System;
using System.Collections.Generic;
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
        var single = org.Pipeline.Matching(op.SingleMessage, op.EntityName, op.AllowsStep);
        var multiple = op.MultipleMessage is null ? Array.Empty<PluginStep>() : org.Pipeline.Matching(op.MultipleMessage, op.EntityName, op.AllowsStep);
        var run = new RunState(op, scope, single, multiple, Guid.NewGuid());

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

        if (op.ReadPostRow is not null && (HasPostImage(single) || HasPostImage(multiple)))
        {
            foreach (var item in op.Items) item.PostRow = op.ReadPostRow(item);
        }
        RunStage(run, PipelineStage.PostOperation);
    }

    private static bool HasPostImage(IReadOnlyList<PluginStep> steps)
    {
        foreach (var s in steps)
        {
            if (s.Stage != PipelineStage.PostOperation) continue;
            foreach (var image in s.Images)
                if (image.IsPost) return true;
        }
        return false;
    }

    private void RunStage(RunState run, PipelineStage stage)
    {
        // Most requests (queries above all) have no step at all, and most stages one: no ordering to do then.
        if (run.Single.Count == 0 && run.Multiple.Count == 0) return;
        List<(PluginStep Step, bool Multiple)>? steps = null;
        // Index loops: the step lists are interfaces, whose foreach boxes an enumerator (three stages per request).
        for (var i = 0; i < run.Single.Count; i++)
            if (run.Single[i].Stage == stage) (steps ??= new()).Add((run.Single[i], false));
        for (var i = 0; i < run.Multiple.Count; i++)
            if (run.Multiple[i].Stage == stage) (steps ??= new()).Add((run.Multiple[i], true));
        if (steps is null) return;
        if (steps.Count > 1) SortByExecutionOrder(steps);
        for (var s = 0; s < steps.Count; s++)
        {
            var (step, isMultiple) = steps[s];
            var op = run.Op;
            var items = op.Items;
            if (isMultiple)
            {
                if (!AnyPasses(step, items)) continue;
                var context = NewContext(run, step, stage, op.MultipleMessage!, op.MultipleInputs, op.MultipleOutputs, Guid.Empty);
                var pre = new EntityImageCollection[items.Count];
                var post = new EntityImageCollection[items.Count];
                for (var i = 0; i < items.Count; i++)
                {
                    pre[i] = Images(step, items[i], pre: true) ?? new EntityImageCollection();
                    post[i] = (stage == PipelineStage.PostOperation ? Images(step, items[i], pre: false) : null) ?? new EntityImageCollection();
                }
                context.PreEntityImagesCollection = pre;
                context.PostEntityImagesCollection = post;
                Execute(step, context);
            }
            else
            {
                // Items is fixed for the operation (plugins replace targets, not items): no copy of the passing ones is needed.
                for (var i = 0; i < items.Count; i++)
                {
                    var item = items[i];
                    if (!step.Passes(item.Columns)) continue;
                    var context = NewContext(run, step, stage, op.SingleMessage, item.Inputs, item.Outputs, item.Id);
                    // No image: the context creates its empty collection when the plug-in first reads it.
                    if (Images(step, item, pre: true) is { } preImages) context.PreEntityImages = preImages;
                    if (stage == PipelineStage.PostOperation && Images(step, item, pre: false) is { } postImages) context.PostEntityImages = postImages;
                    // The last step of PostOperation is the last to see the item's target, and nothing reads the targets of
                    // such an operation after the run: an asynchronous job may take the target instead of a copy of it.
                    Execute(step, context, takesTarget: op.TargetsEndWithRun && stage == PipelineStage.PostOperation && s == steps.Count - 1);
                }
            }
        }
    }

    private static bool AnyPasses(PluginStep step, IReadOnlyList<PipelineItem> items)
    {
        for (var i = 0; i < items.Count; i++)
            if (step.Passes(items[i].Columns)) return true;
        return false;
    }

    // Execution order, then registration order (a stable insertion sort: a stage has a handful of steps at most).
    private void SortByExecutionOrder(List<(PluginStep Step, bool Multiple)> steps)
    {
        for (var i = 1; i < steps.Count; i++)
        {
            var current = steps[i];
            var j = i - 1;
            while (j >= 0 && Compare(steps[j].Step, current.Step) > 0)
            {
                steps[j + 1] = steps[j];
                j--;
            }
            steps[j + 1] = current;
        }
    }

    private int Compare(PluginStep a, PluginStep b)
    {
        var byOrder = a.ExecutionOrder.CompareTo(b.ExecutionOrder);
        return byOrder != 0 ? byOrder : IndexOf(a).CompareTo(IndexOf(b));
    }

    // A custom API's plug-in: the main operation, with the request's parameters and the outputs it sets (custom-api.md
    // "Write a Plug-in for your custom API"; use-messages.md: the plug-in sets OutputParameters "as part of the main operation stage").
    private void RunMainOperation(RunState run, PluginStep main, PipelineItem item)
    {
        var context = NewContext(run, main, PipelineStage.MainOperation, run.Op.SingleMessage, item.Inputs, item.Outputs, item.Id);
        org.Invoker.Invoke(main, context);
    }

    private void Execute(PluginStep step, PluginExecutionContext context, bool takesTarget = false)
    {
        if (step.Mode == StepMode.Asynchronous)
        {
            org.Transactions.AddAsync(new AsyncJob(step, ForAsync(context, takesTarget)));
            return;
        }
        org.Invoker.Invoke(step, context);
    }

    // The async service gets a serialized copy of the context: later changes in the transaction do not reach it. The
    // context of an asynchronous step was made for the job alone (its images are copies made for this step; no
    // synchronous plug-in runs with it), so it becomes the job's context: only what it shares with the request (its
    // parameters and shared variables) is copied. takesTarget: nobody else reads or changes the input Target after this
    // (the request's own server-side copy), so the job takes it as it is.
    private static PluginExecutionContext ForAsync(PluginExecutionContext c, bool takesTarget)
    {
        c.Mode = (int)StepMode.Asynchronous;
        c.IsInTransaction = false;
        c.InputParameters = EntityCopier.CopyParameters(c.InputParameters, takesTarget ? "Target" : null);
        c.OutputParameters = EntityCopier.CopyParameters(c.OutputParameters);
        // An empty collection is left for the job to create on first read, as the context it copies would.
        c.DetachSharedVariables(c.HasSharedVariables ? EntityCopier.CopyParameters(c.SharedVariables) : null);
        c.OperationId = Guid.NewGuid();
        c.ParentContext = null;
        return c;
    }

    private PluginExecutionContext NewContext(RunState run, PluginStep step, PipelineStage stage, string message,
        ParameterCollection inputs, ParameterCollection outputs, Guid primaryId)
    {
        var scope = run.Scope;
        var context = new PluginExecutionContext
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
            SharedVariables = run.SharedVariables,
            UserId = scope.UserId,
            InitiatingUserId = scope.InitiatingUserId,
            BusinessUnitId = scope.BusinessUnitId,
            OrganizationId = org.OrganizationId,
            OrganizationName = org.OrganizationName,
            OwningStep = step,
            CorrelationId = scope.CorrelationId,
            OperationId = run.OperationId,
            OperationCreatedOn = scope.Now,
            Stage = (int)stage,
            ParentContext = scope.Parent,
            AuthenticatedUserId = scope.InitiatingUserId,
        };
        // Output parameters are only populated for PostOperation; the main operation (a custom API's plug-in) sets them.
        // Earlier stages get an empty collection of their own, created when the plug-in first reads it.
        if (stage is PipelineStage.PostOperation or PipelineStage.MainOperation) context.OutputParameters = outputs;
        return context;
    }

    // The step's images of the row before (pre) or after the operation; null when it has none, so no empty collection is made.
    private static EntityImageCollection? Images(PluginStep step, PipelineItem item, bool pre)
    {
        var row = pre ? item.PreRow : item.PostRow;
        if (row is null || step.Images.Count == 0) return null;
        EntityImageCollection? images = null;
        foreach (var image in step.Images)
        {
            if (!(pre ? image.IsPre : image.IsPost)) continue;
            (images ??= new EntityImageCollection())[image.EntityAlias] = EntityCopier.Copy(row, image.Attributes.Count == 0 ? null : image.Attributes);
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

    private sealed class RunState(PipelineOperation op, RequestScope scope, IReadOnlyList<PluginStep> single, IReadOnlyList<PluginStep> multiple, Guid operationId)
    {
        private ParameterCollection? sharedVariables;

        public PipelineOperation Op { get; } = op;
        public RequestScope Scope { get; } = scope;
        public IReadOnlyList<PluginStep> Single { get; } = single;
        public IReadOnlyList<PluginStep> Multiple { get; } = multiple;
        public Guid OperationId { get; } = operationId;

        /// <summary>One collection for every step of the operation, created when the first context is (none without a step).</summary>
        public ParameterCollection SharedVariables => sharedVariables ??= new ParameterCollection();
    }
}
