using System;
using System.Collections.Generic;

namespace CrmCx.Dataverse.InMemory.Metadata;

/// <summary>An alternate key: a named set of columns whose values identify one row.</summary>
public sealed class AlternateKeyDefinition
{
    /// <summary>Creates an alternate key.</summary>
    public AlternateKeyDefinition(string logicalName, IReadOnlyList<string> columns)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(logicalName);
        if (columns is null || columns.Count == 0) throw new ArgumentException("An alternate key needs at least one column.", nameof(columns));
        LogicalName = logicalName;
        Columns = columns;
    }

    /// <summary>Logical name of the key.</summary>
    public string LogicalName { get; }
    /// <summary>Key columns, in order.</summary>
    public IReadOnlyList<string> Columns { get; }
}
