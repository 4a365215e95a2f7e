using System;
using System.Collections.Generic;
using CrmCx.Domain.Nps;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Nps;

/// <summary>One target with the stored row it changes (update) and the rules that apply to it.</summary>
internal sealed class SurveyResponseRow
{
    public SurveyResponseRow(Entity target, Entity? stored, bool isUpdate)
    {
        Target = target;
        Stored = stored;
        IsUpdate = isUpdate;
        Rules = isUpdate ? RulesTouched() : SurveyResponseRuleSet.All;
    }

    public Entity Target { get; }
    public Entity? Stored { get; }
    public bool IsUpdate { get; }
    public SurveyResponseRuleSet Rules { get; set; }

    public bool NeedsName => string.IsNullOrWhiteSpace(Value(SurveyResponseSchema.Name) as string);

    public bool Touched(string column) => Target.Contains(column);

    /// <summary>The value as it will be written: the change's when it sets the column, the stored one otherwise.</summary>
    public object? Value(string column) => Target.Contains(column) ? Target[column] : Stored != null && Stored.Contains(column) ? Stored[column] : null;

    public Guid? RefId(string column) => (Value(column) as EntityReference)?.Id;

    public SurveyResponseValues Values(IReadOnlyDictionary<Guid, Entity> contacts, IReadOnlyDictionary<Guid, Entity> journeys)
    {
        var journey = RefId(SurveyResponseSchema.Journey);
        Entity? journeyRow;
        var respondedOn = Value(SurveyResponseSchema.RespondedOn) as DateTime?;
        return new SurveyResponseValues
        {
            Score = Value(SurveyResponseSchema.Score),
            Csat = Value(SurveyResponseSchema.Csat),
            Effort = Value(SurveyResponseSchema.Effort),
            RespondedOn = respondedOn.HasValue ? DateTime.SpecifyKind(respondedOn.Value, DateTimeKind.Utc) : (DateTime?)null,
            AccountId = RefId(SurveyResponseSchema.Account),
            ContactId = RefId(SurveyResponseSchema.Contact),
            ContactParentAccountId = ParentAccount(RefId(SurveyResponseSchema.Contact), contacts),
            JourneyId = journey,
            JourneyType = journey.HasValue && journeys.TryGetValue(journey.Value, out journeyRow)
                ? journeyRow.GetAttributeValue<OptionSetValue>(JourneySchema.JourneyType)?.Value
                : null,
            Stage = (Value(SurveyResponseSchema.JourneyStage) as OptionSetValue)?.Value,
        };
    }

    private SurveyResponseRuleSet RulesTouched()
    {
        var rules = SurveyResponseRuleSet.None;
        if (Touched(SurveyResponseSchema.Score)) rules |= SurveyResponseRuleSet.Score;
        if (Touched(SurveyResponseSchema.Csat)) rules |= SurveyResponseRuleSet.Csat;
        if (Touched(SurveyResponseSchema.Effort)) rules |= SurveyResponseRuleSet.Effort;
        if (Touched(SurveyResponseSchema.RespondedOn)) rules |= SurveyResponseRuleSet.RespondedOn;
        if (Touched(SurveyResponseSchema.Account) || Touched(SurveyResponseSchema.Contact)) rules |= SurveyResponseRuleSet.Customer;
        if (Touched(SurveyResponseSchema.Journey) || Touched(SurveyResponseSchema.JourneyStage)) rules |= SurveyResponseRuleSet.Stage;
        return rules;
    }

    /// <summary>The account a contact of the lookup belongs to (null when it has none, or its parent is a contact).</summary>
    public static Guid? ParentAccount(Guid? contact, IReadOnlyDictionary<Guid, Entity> contacts)
    {
        Entity? row;
        if (!contact.HasValue || !contacts.TryGetValue(contact.Value, out row)) return null;
        var parent = row.GetAttributeValue<EntityReference>(CustomerSchema.ParentCustomer);
        // parentcustomerid may name a contact too: only an account is an account.
        return parent != null && parent.LogicalName == CustomerSchema.Account ? parent.Id : (Guid?)null;
    }
}
