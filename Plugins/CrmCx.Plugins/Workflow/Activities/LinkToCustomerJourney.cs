using System;
using System.Activities;
using CrmCx.Registration;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Workflow;

namespace CrmCx.Workflow.Activities;

/// <summary>
/// Custom workflow activity "Link to customer journey": links the workflow's case or activity to its customer's open journey
/// of the chosen type (starting one when allowed). A thin wrapper over <see cref="LinkToCustomerJourneyStep"/>.
/// </summary>
[CrmPluginRegistration("CrmCx.Workflow.Activities.LinkToCustomerJourney", "Link to customer journey",
    "Links the case or activity to its customer's open journey of the chosen type, starting one when allowed; the journey's stage never moves back.",
    "CrmCx", IsolationModeEnum.Sandbox, Id = "430cc3b2-225d-41f9-bb9b-1e4bd97cd9e9")]
public sealed class LinkToCustomerJourney : CodeActivity
{
    /// <summary>Journey type (cx_journeytype).</summary>
    [RequiredArgument]
    [Input("Journey type")]
    [AttributeTarget(JourneySchema.EntityName, JourneySchema.JourneyType)]
    public InArgument<OptionSetValue> JourneyType { get; set; } = null!;

    /// <summary>Stage (cx_journeystage); empty for the journey's current stage.</summary>
    [Input("Stage")]
    [AttributeTarget(JourneySchema.EntityName, JourneySchema.CurrentStage)]
    public InArgument<OptionSetValue> Stage { get; set; } = null!;

    /// <summary>Start a journey when the customer has none open of the type.</summary>
    [Input("Create if missing")]
    [Default("True")]
    public InArgument<bool> CreateIfMissing { get; set; } = null!;

    /// <summary>The journey the record is linked to.</summary>
    [Output("Journey")]
    [ReferenceTarget(JourneySchema.EntityName)]
    public OutArgument<EntityReference> Journey { get; set; } = null!;

    /// <summary>Whether the journey was started by this step.</summary>
    [Output("Journey created")]
    public OutArgument<bool> Created { get; set; } = null!;

    /// <summary>The journey's risk level.</summary>
    [Output("Risk level")]
    [AttributeTarget(JourneySchema.EntityName, JourneySchema.RiskLevel)]
    public OutArgument<OptionSetValue> RiskLevel { get; set; } = null!;

    /// <inheritdoc />
    protected override void Execute(CodeActivityContext executionContext)
    {
        if (executionContext == null) throw new ArgumentNullException(nameof(executionContext));
        var workflow = executionContext.GetExtension<IWorkflowContext>();
        var factory = executionContext.GetExtension<IOrganizationServiceFactory>();
        // In a workflow activity every call runs as the workflow's user whatever id is given; the links are that user's writes.
        var service = factory.CreateOrganizationService(workflow.UserId);
        var outputs = LinkToCustomerJourneyStep.Run(service, workflow.PrimaryEntityName, workflow.PrimaryEntityId,
            JourneyType.Get(executionContext), Stage.Get(executionContext), CreateIfMissing.Get(executionContext),
            DateTime.SpecifyKind(workflow.OperationCreatedOn, DateTimeKind.Utc));
        Journey.Set(executionContext, outputs.Journey);
        Created.Set(executionContext, outputs.Created);
        RiskLevel.Set(executionContext, outputs.RiskLevel);
    }
}
