using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using CrmCx.Model.Columns;
using CrmCx.Model.Labels;
using CrmCx.Model.Tables;
using static CrmCx.Packaging.Generation.XmlFile;

namespace CrmCx.Packaging.Generation;

/// <summary>Entities/&lt;Schema&gt;/Entity.xml: table metadata and its columns, as an export writes them (elements the 9.0 schema declares).</summary>
public static class EntityXml
{
    /// <summary>Entity.xml of a CrmCx table.</summary>
    public static XElement ForTable(TableModel table)
    {
        var attributes = new List<XElement> { PrimaryKey(table) };
        attributes.AddRange(table.Columns.Select(c => Attribute(c, table.DisplayName)));
        attributes.Add(Owner());
        attributes.Add(State(table));
        attributes.Add(Status(table));

        var entity = new XElement("entity", new XAttribute("Name", table.SchemaName),
            Labels("LocalizedNames", "LocalizedName", table.DisplayName),
            Labels("LocalizedCollectionNames", "LocalizedCollectionName", table.PluralName),
            Labels("Descriptions", "Description", table.Description),
            new XElement("attributes", attributes.OrderBy(a => (string)a.Element("LogicalName")!, StringComparer.Ordinal)),
            new XElement("EntitySetName", table.LogicalName + "s"),
            new XElement("IsDuplicateCheckSupported", "0"),
            new XElement("IsBusinessProcessEnabled", "0"),
            new XElement("IsRequiredOffline", "0"),
            new XElement("IsInteractionCentricEnabled", "0"),
            new XElement("IsCollaboration", "0"),
            new XElement("AutoRouteToOwnerQueue", "0"),
            new XElement("IsConnectionsEnabled", "0"),
            new XElement("IsDocumentManagementEnabled", "0"),
            new XElement("AutoCreateAccessTeams", "0"),
            new XElement("IsOneNoteIntegrationEnabled", "0"),
            new XElement("IsKnowledgeManagementEnabled", "0"),
            new XElement("IsSLAEnabled", "0"),
            new XElement("IsDocumentRecommendationsEnabled", "0"),
            new XElement("IsBPFEntity", "0"),
            new XElement("OwnershipTypeMask", "UserOwned"),
            new XElement("IsAuditEnabled", "1"),
            new XElement("IsActivity", "0"),
            new XElement("ActivityTypeMask", string.Empty),
            new XElement("IsActivityParty", "0"),
            new XElement("IsReplicated", "0"),
            new XElement("IsReplicationUserFiltered", "0"),
            new XElement("IsMailMergeEnabled", "0"),
            new XElement("IsVisibleInMobile", "0"),
            new XElement("IsVisibleInMobileClient", "1"),
            new XElement("IsReadOnlyInMobileClient", "0"),
            new XElement("IsOfflineInMobileClient", "0"),
            new XElement("DaysSinceRecordLastModified", "0"),
            new XElement("MobileOfflineFilters", string.Empty),
            new XElement("IsMapiGridEnabled", "1"),
            new XElement("IsReadingPaneEnabled", "1"),
            new XElement("IsQuickCreateEnabled", "1"),
            new XElement("SyncToExternalSearchIndex", "0"),
            new XElement("IntroducedVersion", CrmCxSolution.Version),
            new XElement("IsCustomizable", "1"),
            new XElement("IsRenameable", "1"),
            new XElement("IsMappable", "1"),
            new XElement("CanModifyAuditSettings", "1"),
            new XElement("CanModifyMobileVisibility", "1"),
            new XElement("CanModifyMobileClientVisibility", "1"),
            new XElement("CanModifyMobileClientReadOnly", "1"),
            new XElement("CanModifyMobileClientOffline", "1"),
            new XElement("CanModifyConnectionSettings", "1"),
            new XElement("CanModifyDuplicateDetectionSettings", "1"),
            new XElement("CanModifyMailMergeSettings", "1"),
            new XElement("CanModifyQueueSettings", "1"),
            new XElement("CanCreateAttributes", "1"),
            new XElement("CanCreateForms", "1"),
            new XElement("CanCreateCharts", "1"),
            new XElement("CanCreateViews", "1"),
            new XElement("CanModifyAdditionalSettings", "1"),
            new XElement("CanEnableSyncToExternalSearchIndex", "1"),
            new XElement("EnforceStateTransitions", "0"),
            new XElement("EntityHelpUrlEnabled", "0"),
            new XElement("ChangeTrackingEnabled", "1"),
            new XElement("CanChangeTrackingBeEnabled", "1"),
            new XElement("IsEnabledForExternalChannels", "0"));
        if (table.Keys.Count > 0)
            entity.Add(new XElement("EntityKeys", table.Keys.Select(k => new XElement("EntityKey",
                new XElement("Name", k.SchemaName),
                new XElement("LogicalName", k.LogicalName),
                new XElement("IntroducedVersion", CrmCxSolution.Version),
                new XElement("IsCustomizable", "1"),
                Labels("displaynames", "displayname", k.DisplayName),
                new XElement("EntityKeyAttributes", k.Columns.Select(c => new XElement("AttributeName", c)))))));

        return Root("Entity",
            new XElement("Name", new XAttribute("LocalizedName", table.DisplayName.English), new XAttribute("OriginalName", table.DisplayName.English), table.SchemaName),
            new XElement("EntityInfo", entity));
    }

    /// <summary>Entity.xml of a standard table: only the columns CrmCx adds (the table itself is not changed: unmodified="1").</summary>
    public static XElement ForExtension(TableExtensionModel extension) =>
        Root("Entity",
            new XElement("Name", new XAttribute("LocalizedName", extension.DisplayName.English), new XAttribute("OriginalName", extension.DisplayName.English), extension.SchemaName),
            new XElement("EntityInfo",
                new XElement("entity", new XAttribute("Name", extension.SchemaName), new XAttribute("unmodified", "1"),
                    Labels("LocalizedNames", "LocalizedName", extension.DisplayName),
                    new XElement("attributes", extension.Columns.Select(c => Attribute(c, extension.DisplayName)).OrderBy(a => (string)a.Element("LogicalName")!, StringComparer.Ordinal)))));

    /// <summary>The attribute element of a column.</summary>
    public static XElement Attribute(ColumnModel column, Label tableName)
    {
        var (type, imeMode) = column.Kind switch
        {
            ColumnKind.Text => ("nvarchar", "auto"),
            ColumnKind.Memo => ("ntext", "auto"),
            ColumnKind.WholeNumber => ("int", "disabled"),
            ColumnKind.Decimal => ("decimal", "disabled"),
            ColumnKind.DateTime => ("datetime", "inactive"),
            ColumnKind.Lookup => ("lookup", "auto"),
            ColumnKind.Choice => ("picklist", "auto"),
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Kind, "Unknown column kind."),
        };
        var mask = column.IsPrimaryName
            ? "PrimaryName|ValidForAdvancedFind|ValidForForm|ValidForGrid|RequiredForForm"
            : "ValidForAdvancedFind|ValidForForm|ValidForGrid";
        var e = Common(column.SchemaName, type, RequiredLevelName(column.RequiredLevel), mask, imeMode, custom: true, column.DisplayName, column.Description);
        switch (column.Kind)
        {
            case ColumnKind.Text:
                e.Add(new XElement("Format", "text"), new XElement("MaxLength", column.MaxLength), new XElement("Length", column.MaxLength * 2));
                break;
            case ColumnKind.Memo:
                e.Add(new XElement("Format", "textarea"), new XElement("MaxLength", column.MaxLength), new XElement("Length", column.MaxLength * 2));
                break;
            case ColumnKind.WholeNumber:
                e.Add(new XElement("Format", string.Empty), new XElement("MinValue", Number(column.MinValue)), new XElement("MaxValue", Number(column.MaxValue)));
                break;
            case ColumnKind.Decimal:
                e.Add(new XElement("MinValue", Number(column.MinValue)), new XElement("MaxValue", Number(column.MaxValue)), new XElement("Accuracy", column.Precision));
                break;
            case ColumnKind.DateTime:
                // Behavior 1 = UserLocal: stored in UTC, shown in the user's time zone.
                e.Add(new XElement("Format", "datetime"), new XElement("CanChangeDateTimeBehavior", "1"), new XElement("Behavior", "1"));
                break;
            case ColumnKind.Lookup:
                e.Add(new XElement("LookupStyle", "single"), new XElement("LookupTypes"));
                break;
            case ColumnKind.Choice:
                e.Add(new XElement("AppDefaultValue", "-1"), new XElement("OptionSetName", column.Choice!.Name));
                break;
        }
        return e;
    }

    private static XElement PrimaryKey(TableModel table) =>
        Common(table.SchemaName + "Id", "primarykey", "systemrequired", "ValidForAdvancedFind|RequiredForGrid", "auto", custom: false,
            table.DisplayName, new Label("Unique identifier for entity instances", "Identificateur unique des instances d'entité"), create: true, update: false);

    private static XElement Owner() =>
        Common("OwnerId", "owner", "systemrequired", "ValidForAdvancedFind|ValidForForm|ValidForGrid|RequiredForForm", "auto", custom: false,
            new Label("Owner", "Propriétaire"), new Label("Owner Id", "ID du propriétaire"))
        .Also(e => e.Add(new XElement("LookupStyle", "single"), new XElement("LookupTypes")));

    private static XElement State(TableModel table) =>
        Common("statecode", "state", "systemrequired", "ValidForAdvancedFind|ValidForForm|ValidForGrid", "auto", custom: false,
            new Label("Status", "Statut"), new Label("Status of the " + table.DisplayName.English, "Statut : " + table.DisplayName.French), create: false)
        .Also(e => e.Add(new XElement("optionset", new XAttribute("Name", table.LogicalName + "_statecode"),
            new XElement("OptionSetType", "state"),
            new XElement("IntroducedVersion", CrmCxSolution.Version),
            new XElement("IsCustomizable", "1"),
            Labels("displaynames", "displayname", new Label("Status", "Statut")),
            Labels("Descriptions", "Description", new Label("Status of the " + table.DisplayName.English, "Statut : " + table.DisplayName.French)),
            new XElement("states", table.States.Select(s => new XElement("state",
                new XAttribute("value", s.Value), new XAttribute("defaultstatus", s.DefaultStatus), new XAttribute("invariantname", s.InvariantName),
                Labels("labels", "label", s.Label)))))));

    private static XElement Status(TableModel table) =>
        Common("statuscode", "status", "none", "ValidForAdvancedFind|ValidForForm|ValidForGrid", "auto", custom: false,
            new Label("Status Reason", "Raison du statut"), new Label("Reason for the status of the " + table.DisplayName.English, "Raison du statut : " + table.DisplayName.French))
        .Also(e => e.Add(new XElement("optionset", new XAttribute("Name", table.LogicalName + "_statuscode"),
            new XElement("OptionSetType", "status"),
            new XElement("IntroducedVersion", CrmCxSolution.Version),
            new XElement("IsCustomizable", "1"),
            Labels("displaynames", "displayname", new Label("Status Reason", "Raison du statut")),
            Labels("Descriptions", "Description", new Label("Reason for the status of the " + table.DisplayName.English, "Raison du statut : " + table.DisplayName.French)),
            new XElement("statuses", table.Statuses.Select(s => new XElement("status",
                new XAttribute("value", s.Value), new XAttribute("state", s.State),
                Labels("labels", "label", s.Label)))))));

    private static XElement Common(string schemaName, string type, string requiredLevel, string displayMask, string imeMode, bool custom, Label name, Label description, bool create = true, bool update = true) =>
        new("attribute", new XAttribute("PhysicalName", schemaName),
            new XElement("Type", type),
            new XElement("Name", schemaName.ToLowerInvariant()),
            new XElement("LogicalName", schemaName.ToLowerInvariant()),
            new XElement("RequiredLevel", requiredLevel),
            new XElement("DisplayMask", displayMask),
            new XElement("ImeMode", imeMode),
            new XElement("ValidForUpdateApi", Bit(update)),
            new XElement("ValidForReadApi", "1"),
            new XElement("ValidForCreateApi", Bit(create)),
            new XElement("IsCustomField", Bit(custom)),
            new XElement("IsAuditEnabled", "1"),
            new XElement("IsSecured", "0"),
            new XElement("IntroducedVersion", CrmCxSolution.Version),
            new XElement("IsCustomizable", "1"),
            new XElement("IsRenameable", "1"),
            new XElement("CanModifySearchSettings", "1"),
            new XElement("CanModifyRequirementLevelSettings", Bit(requiredLevel != "systemrequired")),
            new XElement("CanModifyAdditionalSettings", "1"),
            new XElement("SourceType", "0"),
            new XElement("IsGlobalFilterEnabled", "0"),
            new XElement("IsSortableEnabled", "0"),
            new XElement("CanModifyGlobalFilterSettings", "1"),
            new XElement("CanModifyIsSortableSettings", "1"),
            new XElement("IsDataSourceSecret", "0"),
            Labels("displaynames", "displayname", name),
            Labels("Descriptions", "Description", description));

    private static string RequiredLevelName(RequiredLevel level) => level switch
    {
        RequiredLevel.ApplicationRequired => "required",
        RequiredLevel.Recommended => "recommended",
        _ => "none",
    };

    private static string Number(decimal? value) => (value ?? 0m).ToString("0.##########", CultureInfo.InvariantCulture);

    private static XElement Also(this XElement element, Action<XElement> add)
    {
        add(element);
        return element;
    }
}
