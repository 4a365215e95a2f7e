using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmCx.Dataverse.InMemory.Metadata;

/// <summary>Who owns the rows of a table.</summary>
public enum OwnershipType
{
    /// <summary>Rows have an owner (ownerid, owningbusinessunit).</summary>
    UserOwned,
    /// <summary>Rows belong to the organization.</summary>
    OrganizationOwned,
}

/// <summary>A table: its columns, alternate keys and the columns the platform manages.</summary>
public sealed class TableDefinition
{
    private readonly Dictionary<string, ColumnDefinition> columns = new(StringComparer.Ordinal);
    private readonly List<AlternateKeyDefinition> keys = new();
    private bool statesCustomized;

    /// <summary>Creates a table with the platform's columns (id, createdon, modifiedon, versionnumber, statecode, statuscode, and owner columns when user-owned).</summary>
    /// <param name="logicalName">Logical name.</param>
    /// <param name="primaryNameAttribute">Primary name column, or empty for none.</param>
    /// <param name="ownership">Who owns the rows.</param>
    /// <param name="isActivity">An activity table (primary key activityid).</param>
    /// <param name="primaryIdAttribute">The primary key when it is not {logicalName}id (usersettings: systemuserid).</param>
    public TableDefinition(string logicalName, string primaryNameAttribute, OwnershipType ownership = OwnershipType.UserOwned, bool isActivity = false, string? primaryIdAttribute = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(logicalName);
        LogicalName = logicalName;
        Ownership = ownership;
        IsActivity = isActivity;
        PrimaryIdAttribute = primaryIdAttribute ?? (isActivity ? "activityid" : logicalName + "id");
        PrimaryNameAttribute = primaryNameAttribute;

        Add(new ColumnDefinition(PrimaryIdAttribute, ColumnType.Uniqueidentifier));
        if (!string.IsNullOrEmpty(primaryNameAttribute)) Add(new ColumnDefinition(primaryNameAttribute, ColumnType.String) { MaxLength = 200 });
        Add(new ColumnDefinition("createdon", ColumnType.DateTime) { IsSystemManaged = true });
        Add(new ColumnDefinition("modifiedon", ColumnType.DateTime) { IsSystemManaged = true });
        Add(new ColumnDefinition("createdby", ColumnType.Lookup) { Targets = new[] { "systemuser" }, IsSystemManaged = true });
        Add(new ColumnDefinition("modifiedby", ColumnType.Lookup) { Targets = new[] { "systemuser" }, IsSystemManaged = true });
        Add(new ColumnDefinition("versionnumber", ColumnType.BigInt) { IsSystemManaged = true });
        Add(new ColumnDefinition("overriddencreatedon", ColumnType.DateTime));
        Add(new ColumnDefinition("statecode", ColumnType.State) { Options = new[] { 0, 1 } });
        Add(new ColumnDefinition("statuscode", ColumnType.Status) { Options = new[] { 1, 2 } });
        if (ownership == OwnershipType.UserOwned)
        {
            Add(new ColumnDefinition("ownerid", ColumnType.Owner) { Targets = new[] { "systemuser", "team" } });
            Add(new ColumnDefinition("owningbusinessunit", ColumnType.Lookup) { Targets = new[] { "businessunit" }, IsSystemManaged = true });
            Add(new ColumnDefinition("owninguser", ColumnType.Lookup) { Targets = new[] { "systemuser" }, IsSystemManaged = true });
        }
    }

    /// <summary>Logical name.</summary>
    public string LogicalName { get; }
    /// <summary>Primary key column.</summary>
    public string PrimaryIdAttribute { get; }
    /// <summary>Primary name column.</summary>
    public string PrimaryNameAttribute { get; }
    /// <summary>Ownership.</summary>
    public OwnershipType Ownership { get; }
    /// <summary>Whether this is an activity table (primary key activityid).</summary>
    public bool IsActivity { get; }
    /// <summary>Default statuscode for each statecode (Active 0 → 1, Inactive 1 → 2 unless set otherwise).</summary>
    public IDictionary<int, int> DefaultStatusForState { get; } = new Dictionary<int, int> { [0] = 1, [1] = 2 };
    /// <summary>The statecode each valid statuscode belongs to; empty means any statuscode is accepted.</summary>
    public IDictionary<int, int> StateOfStatus { get; } = new Dictionary<int, int> { [1] = 0, [2] = 1 };
    /// <summary>Whether UpdateRequest/DeleteRequest may use ConcurrencyBehavior.IfRowVersionMatches (EntityMetadata.IsOptimisticConcurrencyEnabled).</summary>
    public bool IsOptimisticConcurrencyEnabled { get; init; } = true;
    /// <summary>Columns by logical name.</summary>
    public IReadOnlyDictionary<string, ColumnDefinition> Columns => columns;
    /// <summary>Alternate keys.</summary>
    public IReadOnlyList<AlternateKeyDefinition> Keys => keys;

    /// <summary>Adds or replaces a column.</summary>
    public TableDefinition Add(ColumnDefinition column)
    {
        ArgumentNullException.ThrowIfNull(column);
        columns[column.LogicalName] = column;
        return this;
    }

    /// <summary>Declares the table's states: the first call replaces the default Active/Inactive pair.</summary>
    public TableDefinition DefineState(int state, int defaultStatus, params int[] statuses)
    {
        if (!statesCustomized)
        {
            statesCustomized = true;
            DefaultStatusForState.Clear();
            StateOfStatus.Clear();
        }
        DefaultStatusForState[state] = defaultStatus;
        StateOfStatus[defaultStatus] = state;
        foreach (var status in statuses) StateOfStatus[status] = state;
        Add(new ColumnDefinition("statecode", ColumnType.State) { Options = DefaultStatusForState.Keys.OrderBy(k => k).ToArray() });
        Add(new ColumnDefinition("statuscode", ColumnType.Status) { Options = StateOfStatus.Keys.OrderBy(k => k).ToArray() });
        return this;
    }

    /// <summary>Adds an alternate key; its columns must exist.</summary>
    public TableDefinition AddKey(AlternateKeyDefinition key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var missing = key.Columns.Where(c => !columns.ContainsKey(c)).ToList();
        if (missing.Count > 0) throw new ArgumentException($"Alternate key '{key.LogicalName}' of '{LogicalName}' names unknown columns: {string.Join(", ", missing)}.", nameof(key));
        keys.Add(key);
        return this;
    }

    /// <summary>The column, or null when the table has none of that name.</summary>
    public ColumnDefinition? FindColumn(string logicalName) => columns.TryGetValue(logicalName, out var c) ? c : null;
}
