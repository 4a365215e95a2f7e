using System;
using System.Collections.Generic;

namespace CrmCx.Dataverse.InMemory.Metadata;

/// <summary>One column of a table: its type and the limits Dataverse enforces on write.</summary>
public sealed class ColumnDefinition
{
    /// <summary>Creates a column definition.</summary>
    public ColumnDefinition(string logicalName, ColumnType type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(logicalName);
        LogicalName = logicalName;
        Type = type;
    }

    /// <summary>Logical name.</summary>
    public string LogicalName { get; }
    /// <summary>Type.</summary>
    public ColumnType Type { get; }
    /// <summary>Maximum length of text columns.</summary>
    public int? MaxLength { get; init; }
    /// <summary>Smallest value of number columns.</summary>
    public decimal? MinValue { get; init; }
    /// <summary>Largest value of number columns.</summary>
    public decimal? MaxValue { get; init; }
    /// <summary>Decimal places of decimal and money columns.</summary>
    public int? Precision { get; init; }
    /// <summary>Tables a lookup may point to.</summary>
    public IReadOnlyList<string> Targets { get; init; } = Array.Empty<string>();
    /// <summary>Valid values of a choice, state or status column; empty means any value is accepted.</summary>
    public IReadOnlyList<int> Options { get; init; } = Array.Empty<int>();
    /// <summary>Set by the platform only (createdon, versionnumber, ...): callers' values are ignored.</summary>
    public bool IsSystemManaged { get; init; }
}
