using System;
using CrmCx.Journeys;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Workflow;

/// <summary>The outputs of the "Link to customer journey" workflow step.</summary>
public sealed class LinkToCustomerJourneyOutputs
{
    internal LinkToCustomerJourneyOutputs(EntityReference journey, bool created, OptionSetValue riskLevel)
    {
        Journey = journey;
        Created = created;
        RiskLevel = riskLevel;
    }

    /// <summary>The journey the record is linked to.</summary>
    public EntityReference Journey { get; }
    /// <summary>Whether the journey was started by this step.</summary>
    public bool Created { get; }
    /// <summary>The journey's risk level (cx_risklevel).</summary>
    public OptionSetValue RiskLevel { get; }
}

/// <summary>
/// Everything the "Link to customer journey" workflow activity does, in the SDK types its arguments carry, so the .NET 10
/// tests cover it: the activity (net462 only, System.Activities) only reads its arguments, calls this and sets its outputs.
/// </summary>
public static class LinkToCustomerJourneyStep
{
    /// <summary>Links the workflow's primary record to its customer's journey.</summary>
    /// <param name="service">The workflow user's organization service.</param>
    /// <param name="primaryEntityName">The workflow's primary table.</param>
    /// <param name="primaryEntityId">The workflow's record.</param>
    /// <param name="journeyType">Input "Journey type" (required).</param>
    /// <param name="stage">Input "Stage" (optional).</param>
    /// <param name="createIfMissing">Input "Create if missing" (default true).</param>
    /// <param name="now">The operation time (UTC).</param>
    public static LinkToCustomerJourneyOutputs Run(IOrganizationService service, string primaryEntityName, Guid primaryEntityId,
        OptionSetValue? journeyType, OptionSetValue? stage, bool createIfMissing, DateTime now)
    {
        if (service == null) throw new ArgumentNullException(nameof(service));
        var record = primaryEntityName + " " + primaryEntityId.ToString("D");
        if (string.IsNullOrEmpty(primaryEntityName) || primaryEntityId == Guid.Empty)
            throw new InvalidPluginExecutionException("Link to customer journey: the workflow has no primary record to link.");
        if (journeyType == null)
            throw new InvalidPluginExecutionException("Cannot link " + record + ": the input \"Journey type\" is required.");
        var result = new JourneyLinkService(service).Link(new EntityReference(primaryEntityName, primaryEntityId), journeyType.Value, stage?.Value, createIfMissing, now);
        return new LinkToCustomerJourneyOutputs(result.Journey, result.Created, new OptionSetValue((int)result.RiskLevel));
    }
}
