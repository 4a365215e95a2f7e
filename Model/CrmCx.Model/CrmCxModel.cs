using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Dataverse.InMemory.Metadata;
using CrmCx.Model.Choices;
using CrmCx.Model.Columns;
using CrmCx.Model.Relationships;
using CrmCx.Model.Security;
using CrmCx.Model.Tables;

namespace CrmCx.Model;

/// <summary>The whole CrmCx data model (data-model.md) as one entry point.</summary>
public static class CrmCxModel
{
    /// <summary>Publisher unique name.</summary>
    public const string PublisherUniqueName = "crmcx";
    /// <summary>Publisher display name.</summary>
    public const string PublisherDisplayName = "CrmCx";
    /// <summary>Customization prefix of every schema name.</summary>
    public const string CustomizationPrefix = "cx";
    /// <summary>Option value prefix: custom choice values start at 964000000.</summary>
    public const int OptionValuePrefix = 96400;
    /// <summary>Solution unique name.</summary>
    public const string SolutionUniqueName = "CrmCx";

    /// <summary>Global choices.</summary>
    public static IReadOnlyList<ChoiceModel> Choices => GlobalChoices.All;

    /// <summary>The tables CrmCx owns.</summary>
    public static IReadOnlyList<TableModel> Tables { get; } = new[] { SurveyResponseTable.Table, CustomerJourneyTable.Table, JourneyStageScoreTable.Table, NpsDayTable.Table, DriverDayTable.Table };

    /// <summary>Columns added to standard tables.</summary>
    public static IReadOnlyList<TableExtensionModel> Extensions => StandardTableExtensions.All;

    /// <summary>One-to-many relationships.</summary>
    public static IReadOnlyList<RelationshipModel> Relationships => CrmCxRelationships.All;

    /// <summary>Security roles.</summary>
    public static IReadOnlyList<RoleModel> Roles => CrmCxRoles.All;

    /// <summary>The CrmCx table with this logical name.</summary>
    public static TableModel Table(string logicalName) =>
        Tables.FirstOrDefault(t => t.LogicalName == logicalName) ?? throw new ArgumentOutOfRangeException(nameof(logicalName), logicalName, $"CrmCx defines no table '{logicalName}'.");

    /// <summary>
    /// Defines the cx tables in an in-memory org's metadata and adds the cx columns to its standard tables
    /// (account, contact, incident and the activities), which must already be defined.
    /// </summary>
    public static void ApplyTo(MetadataStore store)
    {
        ArgumentNullException.ThrowIfNull(store);

        // Check first so that a store missing a standard table is left untouched.
        var missing = Extensions.Select(e => e.LogicalName).Where(n => store.Find(n) is null).ToList();
        if (missing.Count > 0)
            throw new InvalidOperationException(
                $"CrmCxModel.ApplyTo needs the standard tables {string.Join(", ", missing)} in the metadata store; define them before applying the CrmCx model.");

        foreach (var table in Tables)
        {
            var definition = new TableDefinition(table.LogicalName, table.PrimaryName.LogicalName, OwnershipType.UserOwned);
            foreach (var column in table.Columns) definition.Add(ToDefinition(column));
            definition.Add(new ColumnDefinition("statecode", ColumnType.State) { Options = table.States.Select(s => s.Value).ToArray() });
            definition.Add(new ColumnDefinition("statuscode", ColumnType.Status) { Options = table.Statuses.Select(s => s.Value).ToArray() });
            definition.DefaultStatusForState.Clear();
            foreach (var state in table.States) definition.DefaultStatusForState[state.Value] = state.DefaultStatus;
            foreach (var key in table.Keys) definition.AddKey(new AlternateKeyDefinition(key.LogicalName, key.Columns));
            store.Define(definition);
        }

        foreach (var extension in Extensions)
        {
            var definition = store.Find(extension.LogicalName)!;
            foreach (var column in extension.Columns) definition.Add(ToDefinition(column));
        }

        foreach (var relationship in Relationships)
        {
            store.DefineRelationship(RelationshipDefinition.OneToMany(
                relationship.SchemaName, relationship.ReferencedEntity, relationship.ReferencingEntity, relationship.ReferencingAttribute));
            AllowTarget(store.Find(relationship.ReferencingEntity)!, relationship.ReferencingAttribute, relationship.ReferencedEntity);
        }
    }

    // A relationship onto an existing polymorphic lookup (an activity's regardingobjectid) adds its table to the lookup's targets.
    private static void AllowTarget(TableDefinition table, string column, string target)
    {
        var lookup = table.FindColumn(column);
        if (lookup is null || lookup.Targets.Contains(target)) return;
        table.Add(new ColumnDefinition(lookup.LogicalName, lookup.Type)
        {
            Targets = lookup.Targets.Append(target).ToArray(),
            MaxLength = lookup.MaxLength,
            IsSystemManaged = lookup.IsSystemManaged,
        });
    }

    /// <summary>The in-memory column definition of a model column.</summary>
    public static ColumnDefinition ToDefinition(ColumnModel column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return new ColumnDefinition(column.LogicalName, ToColumnType(column.Kind))
        {
            MaxLength = column.MaxLength,
            MinValue = column.MinValue,
            MaxValue = column.MaxValue,
            Precision = column.Precision,
            Targets = column.Targets,
            Options = column.Choice?.Values ?? Array.Empty<int>(),
        };
    }

    private static ColumnType ToColumnType(ColumnKind kind) => kind switch
    {
        ColumnKind.Text => ColumnType.String,
        ColumnKind.Memo => ColumnType.Memo,
        ColumnKind.WholeNumber => ColumnType.Integer,
        ColumnKind.Decimal => ColumnType.Decimal,
        ColumnKind.DateTime => ColumnType.DateTime,
        ColumnKind.Lookup => ColumnType.Lookup,
        ColumnKind.Choice => ColumnType.Picklist,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown column kind."),
    };
}
