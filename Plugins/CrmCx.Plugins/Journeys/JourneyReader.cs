using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Domain.Choices;
using CrmCx.Infrastructure;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCx.Journeys;

/// <summary>A stage score row as stored.</summary>
internal sealed class StoredStage
{
    public StoredStage(Entity row, string alias)
    {
        Id = QueryValues.Id(row, alias + "." + StageScoreSchema.Id) ?? Guid.Empty;
        Stage = QueryValues.Int(row, alias + "." + StageScoreSchema.Stage) ?? 0;
        Name = QueryValues.Raw(row, alias + "." + StageScoreSchema.Name) as string;
        Score = QueryValues.Decimal(row, alias + "." + StageScoreSchema.Score);
        Nps = QueryValues.Decimal(row, alias + "." + StageScoreSchema.Nps);
        ResponseCount = QueryValues.Int(row, alias + "." + StageScoreSchema.ResponseCount);
        TouchpointCount = QueryValues.Int(row, alias + "." + StageScoreSchema.TouchpointCount);
        FirstActivityOn = QueryValues.Date(row, alias + "." + StageScoreSchema.FirstActivityOn);
        LastActivityOn = QueryValues.Date(row, alias + "." + StageScoreSchema.LastActivityOn);
    }

    public static readonly string[] Columns =
    {
        StageScoreSchema.Id, StageScoreSchema.Stage, StageScoreSchema.Name, StageScoreSchema.Score, StageScoreSchema.Nps, StageScoreSchema.ResponseCount,
        StageScoreSchema.TouchpointCount, StageScoreSchema.FirstActivityOn, StageScoreSchema.LastActivityOn,
    };

    public Guid Id { get; }
    public int Stage { get; }
    public string? Name { get; }
    public decimal? Score { get; }
    public decimal? Nps { get; }
    public int? ResponseCount { get; }
    public int? TouchpointCount { get; }
    public DateTime? FirstActivityOn { get; }
    public DateTime? LastActivityOn { get; }
}

/// <summary>An account or contact as the risk rollup reads it: its version, owner, NPS figures and stored risk.</summary>
internal sealed class CustomerRow
{
    public static string[] Columns(string table) => new[]
    {
        NameColumn(table), CustomerSchema.Owner, OptimisticUpdate.VersionNumber, CustomerSchema.Nps, CustomerSchema.NpsMargin, CustomerSchema.NpsPrevious,
        CustomerSchema.NpsPreviousMargin, CustomerSchema.NpsResponses, CustomerSchema.Detractors, CustomerSchema.LastResponseOn, CustomerSchema.RiskLevel,
        CustomerSchema.AtRiskJourneys, CustomerSchema.RiskReasons, CustomerSchema.RiskReasonsJson, CustomerSchema.RecalculateOn,
    };

    public static string NameColumn(string table) => table == CustomerSchema.Account ? CustomerSchema.AccountName : CustomerSchema.ContactFullName;

    /// <summary>Reads the customer from a row, its columns under <paramref name="prefix"/> ("a." for a link, "" for the row itself).</summary>
    public CustomerRow(EntityReference reference, Entity row, string prefix, int? ownerLanguage)
    {
        Reference = reference;
        Name = QueryValues.Raw(row, prefix + NameColumn(reference.LogicalName)) as string;
        var owner = QueryValues.Raw(row, prefix + CustomerSchema.Owner) as EntityReference;
        OwnerUser = owner != null && owner.LogicalName == "systemuser" ? owner.Id : (Guid?)null;
        OwnerLanguage = ownerLanguage;
        var version = QueryValues.Raw(row, prefix + OptimisticUpdate.VersionNumber);
        Version = version == null ? null : Convert.ToString(version, System.Globalization.CultureInfo.InvariantCulture);
        Nps = QueryValues.Decimal(row, prefix + CustomerSchema.Nps);
        Margin = QueryValues.Decimal(row, prefix + CustomerSchema.NpsMargin);
        PreviousNps = QueryValues.Decimal(row, prefix + CustomerSchema.NpsPrevious);
        PreviousMargin = QueryValues.Decimal(row, prefix + CustomerSchema.NpsPreviousMargin);
        Responses = QueryValues.Int(row, prefix + CustomerSchema.NpsResponses) ?? 0;
        Detractors = QueryValues.Int(row, prefix + CustomerSchema.Detractors) ?? 0;
        LastResponseOn = QueryValues.Date(row, prefix + CustomerSchema.LastResponseOn);
        RiskLevel = QueryValues.Int(row, prefix + CustomerSchema.RiskLevel);
        AtRiskJourneys = QueryValues.Int(row, prefix + CustomerSchema.AtRiskJourneys);
        RiskReasons = QueryValues.Raw(row, prefix + CustomerSchema.RiskReasons) as string;
        RiskReasonsJson = QueryValues.Raw(row, prefix + CustomerSchema.RiskReasonsJson) as string;
        RecalculateOn = QueryValues.Date(row, prefix + CustomerSchema.RecalculateOn);
    }

    public EntityReference Reference { get; }
    public string? Name { get; }
    public Guid? OwnerUser { get; }
    public int? OwnerLanguage { get; }
    public string? Version { get; }
    public decimal? Nps { get; }
    public decimal? Margin { get; }
    public decimal? PreviousNps { get; }
    public decimal? PreviousMargin { get; }
    public int Responses { get; }
    public int Detractors { get; }
    public DateTime? LastResponseOn { get; }
    public int? RiskLevel { get; }
    public int? AtRiskJourneys { get; }
    public string? RiskReasons { get; }
    public string? RiskReasonsJson { get; }
    public DateTime? RecalculateOn { get; }
}

/// <summary>A journey as one read gives it: its columns, its stage score rows, its customers and the owners' languages.</summary>
internal sealed class JourneyRow
{
    public JourneyRow(Entity journey, IReadOnlyDictionary<int, StoredStage> stages, CustomerRow? account, CustomerRow? contact, int? ownerLanguage)
    {
        Id = journey.Id;
        Name = journey.GetAttributeValue<string>(JourneySchema.Name);
        var typeValue = journey.GetAttributeValue<OptionSetValue>(JourneySchema.JourneyType)?.Value;
        Type = typeValue.HasValue && JourneyStages.IsJourneyType(typeValue.Value) ? (JourneyType)typeValue.Value : JourneyType.Other;
        IsOpen = (journey.GetAttributeValue<OptionSetValue>(JourneySchema.StateCode)?.Value ?? 0) == 0;
        var level = journey.GetAttributeValue<OptionSetValue>(JourneySchema.RiskLevel)?.Value;
        PreviousLevel = level.HasValue && Enum.IsDefined(typeof(RiskLevel), level.Value) ? (RiskLevel)level.Value : (RiskLevel?)null;
        StartedOn = journey.GetAttributeValue<DateTime?>(JourneySchema.StartedOn) ?? journey.GetAttributeValue<DateTime?>("createdon");
        CompletedOn = journey.GetAttributeValue<DateTime?>(JourneySchema.CompletedOn);
        var owner = journey.GetAttributeValue<EntityReference>(JourneySchema.Owner);
        OwnerUser = owner != null && owner.LogicalName == "systemuser" ? owner.Id : (Guid?)null;
        OwnerLanguage = ownerLanguage;
        Version = OptimisticUpdate.VersionOf(journey);
        StoredTouchpointCount = journey.GetAttributeValue<int?>(JourneySchema.TouchpointCount);
        StoredRepeatContacts = journey.GetAttributeValue<int?>(JourneySchema.RepeatContacts);
        AccountRef = journey.GetAttributeValue<EntityReference>(JourneySchema.Account);
        ContactRef = journey.GetAttributeValue<EntityReference>(JourneySchema.Contact);
        Stages = stages;
        Account = account;
        Contact = contact;
    }

    public Guid Id { get; }
    public string? Name { get; }
    public JourneyType Type { get; }
    public bool IsOpen { get; }
    public RiskLevel? PreviousLevel { get; }
    public DateTime? StartedOn { get; }
    public DateTime? CompletedOn { get; }
    public Guid? OwnerUser { get; }
    public int? OwnerLanguage { get; }
    public string? Version { get; }
    /// <summary>cx_touchpointcount as the last recompute wrote it; null when the journey was never computed.</summary>
    public int? StoredTouchpointCount { get; }
    /// <summary>cx_repeatcontacts as the last recompute wrote it.</summary>
    public int? StoredRepeatContacts { get; }
    public EntityReference? AccountRef { get; }
    public EntityReference? ContactRef { get; }
    public IReadOnlyDictionary<int, StoredStage> Stages { get; }
    public CustomerRow? Account { get; }
    public CustomerRow? Contact { get; }
}

/// <summary>
/// Reads a journey in one query: the journey (with its row version), its stage score rows (outer link: one result row
/// per stage), its account and contact (many-to-one: no more rows) with their versions, NPS figures and stored risk,
/// and the languages (usersettings.uilanguageid) of the journey's and the customers' owners, who get its alerts.
/// </summary>
internal static class JourneyReader
{
    private const string StageAlias = "st", OwnerLanguageAlias = "ol", AccountAlias = "a", AccountLanguageAlias = "al", ContactAlias = "c", ContactLanguageAlias = "cl";
    private const string UserSettings = "usersettings", UserSettingsId = "systemuserid", UiLanguage = "uilanguageid";

    private static readonly string[] JourneyColumns =
    {
        JourneySchema.Name, JourneySchema.JourneyType, JourneySchema.Account, JourneySchema.Contact, JourneySchema.StateCode,
        JourneySchema.StartedOn, JourneySchema.CompletedOn, JourneySchema.RiskLevel, JourneySchema.Owner, "createdon",
        JourneySchema.TouchpointCount, JourneySchema.RepeatContacts, OptimisticUpdate.VersionNumber,
    };

    /// <summary>The journey, or null when it no longer exists (a query: a journey deleted since the trigger is no fault).</summary>
    public static JourneyRow? Read(IOrganizationService service, Guid journeyId)
    {
        var query = new QueryExpression(JourneySchema.EntityName) { ColumnSet = new ColumnSet(JourneyColumns) };
        query.Criteria.AddCondition(JourneySchema.Id, ConditionOperator.Equal, journeyId);
        Link(query.LinkEntities, JourneySchema.EntityName, StageScoreSchema.EntityName, JourneySchema.Id, StageScoreSchema.Journey, StageAlias, StoredStage.Columns);
        Link(query.LinkEntities, JourneySchema.EntityName, UserSettings, JourneySchema.Owner, UserSettingsId, OwnerLanguageAlias, UiLanguage);
        var account = Link(query.LinkEntities, JourneySchema.EntityName, CustomerSchema.Account, JourneySchema.Account, CustomerSchema.AccountId, AccountAlias, CustomerRow.Columns(CustomerSchema.Account));
        Link(account.LinkEntities, CustomerSchema.Account, UserSettings, CustomerSchema.Owner, UserSettingsId, AccountLanguageAlias, UiLanguage);
        var contact = Link(query.LinkEntities, JourneySchema.EntityName, CustomerSchema.Contact, JourneySchema.Contact, CustomerSchema.ContactId, ContactAlias, CustomerRow.Columns(CustomerSchema.Contact));
        Link(contact.LinkEntities, CustomerSchema.Contact, UserSettings, CustomerSchema.Owner, UserSettingsId, ContactLanguageAlias, UiLanguage);

        var rows = service.RetrieveMultiple(query).Entities;
        if (rows.Count == 0) return null;
        var first = rows[0];
        var stages = new Dictionary<int, StoredStage>();
        foreach (var row in rows)
        {
            if (QueryValues.Id(row, StageAlias + "." + StageScoreSchema.Id) == null) continue;
            var stage = new StoredStage(row, StageAlias);
            if (!stages.ContainsKey(stage.Stage)) stages[stage.Stage] = stage;
        }
        var accountRef = first.GetAttributeValue<EntityReference>(JourneySchema.Account);
        var contactRef = first.GetAttributeValue<EntityReference>(JourneySchema.Contact);
        return new JourneyRow(first, stages,
            accountRef == null ? null : new CustomerRow(accountRef, first, AccountAlias + ".", QueryValues.Int(first, AccountLanguageAlias + "." + UiLanguage)),
            contactRef == null ? null : new CustomerRow(contactRef, first, ContactAlias + ".", QueryValues.Int(first, ContactLanguageAlias + "." + UiLanguage)),
            QueryValues.Int(first, OwnerLanguageAlias + "." + UiLanguage));
    }

    /// <summary>A customer read on its own (a retry after someone else wrote it); null when it no longer exists.</summary>
    public static CustomerRow? ReadCustomer(IOrganizationService service, EntityReference customer)
    {
        var query = new QueryExpression(customer.LogicalName) { ColumnSet = new ColumnSet(CustomerRow.Columns(customer.LogicalName)) };
        query.Criteria.AddCondition(customer.LogicalName == CustomerSchema.Account ? CustomerSchema.AccountId : CustomerSchema.ContactId, ConditionOperator.Equal, customer.Id);
        Link(query.LinkEntities, customer.LogicalName, UserSettings, CustomerSchema.Owner, UserSettingsId, OwnerLanguageAlias, UiLanguage);
        var row = service.RetrieveMultiple(query).Entities.FirstOrDefault();
        return row == null ? null : new CustomerRow(customer, row, string.Empty, QueryValues.Int(row, OwnerLanguageAlias + "." + UiLanguage));
    }

    private static LinkEntity Link(DataCollection<LinkEntity> parent, string from, string to, string fromAttribute, string toAttribute, string alias, params string[] columns)
    {
        var link = new LinkEntity(from, to, fromAttribute, toAttribute, JoinOperator.LeftOuter) { EntityAlias = alias, Columns = new ColumnSet(columns) };
        parent.Add(link);
        return link;
    }
}
