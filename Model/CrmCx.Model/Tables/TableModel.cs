using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Model.Columns;
using CrmCx.Model.Labels;

namespace CrmCx.Model.Tables;

/// <summary>An alternate key.</summary>
public sealed record KeyModel(string SchemaName, Label DisplayName, IReadOnlyList<string> Columns)
{
    /// <summary>The constant's name in the generated C# schema class; a key without one gets no constant.</summary>
    public string? CodeName { get; init; }
    /// <summary>Logical name.</summary>
    public string LogicalName => SchemaName.ToLowerInvariant();
}

/// <summary>A status reason (statuscode value) and the state (statecode) it belongs to.</summary>
public sealed record StatusModel(int State, int Value, Label Label);

/// <summary>A state (statecode value) with its default status reason.</summary>
public sealed record StateModel(int Value, string InvariantName, Label Label, int DefaultStatus);

/// <summary>A table CrmCx owns.</summary>
public sealed record TableModel
{
    /// <summary>Schema name.</summary>
    public required string SchemaName { get; init; }
    /// <summary>Logical name.</summary>
    public string LogicalName => SchemaName.ToLowerInvariant();
    /// <summary>Primary key column.</summary>
    public string PrimaryIdColumn => LogicalName + "id";
    /// <summary>Singular display name.</summary>
    public required Label DisplayName { get; init; }
    /// <summary>Plural display name.</summary>
    public required Label PluralName { get; init; }
    /// <summary>Description.</summary>
    public required Label Description { get; init; }
    /// <summary>Columns CrmCx defines (the platform's own columns are not listed).</summary>
    public required IReadOnlyList<ColumnModel> Columns { get; init; }
    /// <summary>Alternate keys.</summary>
    public IReadOnlyList<KeyModel> Keys { get; init; } = Array.Empty<KeyModel>();
    /// <summary>States, Active (0) first.</summary>
    public IReadOnlyList<StateModel> States { get; init; } = DefaultStates;
    /// <summary>Status reasons.</summary>
    public IReadOnlyList<StatusModel> Statuses { get; init; } = DefaultStatuses;

    /// <summary>The primary name column.</summary>
    public ColumnModel PrimaryName => Columns.Single(c => c.IsPrimaryName);

    /// <summary>The column with this logical name.</summary>
    public ColumnModel this[string logicalName] =>
        Columns.FirstOrDefault(c => c.LogicalName == logicalName) ?? throw new ArgumentOutOfRangeException(nameof(logicalName), logicalName, $"Table '{LogicalName}' has no column '{logicalName}'.");

    /// <summary>Active / Inactive, as a new custom table has them.</summary>
    public static IReadOnlyList<StateModel> DefaultStates { get; } = new[]
    {
        new StateModel(0, "Active", new Label("Active", "Actif"), 1),
        new StateModel(1, "Inactive", new Label("Inactive", "Inactif"), 2),
    };

    /// <summary>Active 1 / Inactive 2, as a new custom table has them.</summary>
    public static IReadOnlyList<StatusModel> DefaultStatuses { get; } = new[]
    {
        new StatusModel(0, 1, new Label("Active", "Actif")),
        new StatusModel(1, 2, new Label("Inactive", "Inactif")),
    };
}

/// <summary>Columns CrmCx adds to a standard table.</summary>
public sealed record TableExtensionModel(string SchemaName, Label DisplayName, IReadOnlyList<ColumnModel> Columns)
{
    /// <summary>Logical name of the standard table.</summary>
    public string LogicalName => SchemaName.ToLowerInvariant();
}
