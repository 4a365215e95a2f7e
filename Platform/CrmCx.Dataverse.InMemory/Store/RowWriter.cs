using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmCx.Dataverse.InMemory.Metadata;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Store;

/// <summary>Turns a Create or Update target into a stored row: validates every value against the metadata and sets the platform columns.</summary>
internal sealed class RowWriter
{
    // The tables a customer or owner column may point to when its definition names none.
    private static readonly string[] CustomerTargets = { "account", "contact" };
    private static readonly string[] OwnerTargets = { "systemuser", "team" };

    private readonly RowStore store;

    public RowWriter(RowStore store) => this.store = store;

    /// <summary>The id a Create target asks for (Entity.Id or the primary id column), or a new one.</summary>
    public static Guid IdForCreate(TableDefinition table, Entity target)
    {
        if (target.Id != Guid.Empty) return target.Id;
        if (target.Attributes.TryGetValue(table.PrimaryIdAttribute, out var value) && value is Guid g && g != Guid.Empty) return g;
        return Guid.NewGuid();
    }

    /// <summary>The row a Create stores.</summary>
    public Entity BuildNew(TableDefinition table, Entity target, Guid id, WriteInfo info)
    {
        var row = new Entity(table.LogicalName, id);
        var columns = AttributeBuffer.Take();
        // Key attributes given on Create are column values (learn.microsoft.com "Use an alternate key to create a record").
        var keys = target.KeyAttributes;
        if (keys.Count > 0)
            foreach (var key in keys)
            {
                if (!target.Attributes.Contains(key.Key) && Checked(table, key.Key, key.Value, out var keyValue)) columns.Add(key.Key, keyValue);
            }
        foreach (var pair in target.Attributes)
            if (Checked(table, pair.Key, pair.Value, out var value)) columns.Add(pair.Key, value);
        // The system columns every new row gets, each set below: reserved now, so the row's dictionary is made once at
        // its size rather than grown column by column.
        columns.Reserve(table.PrimaryIdAttribute);
        foreach (var system in SystemColumns) columns.Reserve(system);
        if (table.Ownership == OwnershipType.UserOwned)
            foreach (var owning in OwningColumns) columns.Reserve(owning);
        if (table.IsActivity) columns.Reserve("activitytypecode");
        columns.CopyTo(row.Attributes);

        row[table.PrimaryIdAttribute] = id;
        var user = new EntityReference("systemuser", info.UserId);
        row["createdon"] = row.Attributes.TryGetValue("overriddencreatedon", out var overridden) && overridden is DateTime o ? o : info.UtcNow;
        row["modifiedon"] = info.UtcNow;
        row["createdby"] = user;
        // New references rather than copies of user: a copy reads (and so creates) the key collection of the one it copies.
        row["modifiedby"] = new EntityReference("systemuser", info.UserId);
        if (table.Ownership == OwnershipType.UserOwned)
        {
            if (!row.Attributes.TryGetValue("ownerid", out var owner) || owner is null) row["ownerid"] = new EntityReference("systemuser", info.UserId);
            SetOwningColumns(row, info);
        }
        if (table.IsActivity) row["activitytypecode"] = table.LogicalName;

        var state = row.Attributes.TryGetValue("statecode", out var s) && s is OptionSetValue sv ? sv.Value : 0;
        row["statecode"] = new OptionSetValue(state);
        if (!row.Attributes.TryGetValue("statuscode", out var status) || status is null)
            row["statuscode"] = new OptionSetValue(DefaultStatus(table, state));
        CheckStatus(table, row);
        ComputeColumns(table, row);
        Stamp(row);
        return row;
    }

    /// <summary>The row an Update stores: the stored row with the target's columns applied.</summary>
    public Entity BuildUpdated(TableDefinition table, Entity stored, Entity target, WriteInfo info)
    {
        var row = EntityCopier.Copy(stored);
        var stateBefore = (stored.GetAttributeValue<OptionSetValue>("statecode"))?.Value;
        foreach (var pair in target.Attributes)
        {
            if (pair.Key == table.PrimaryIdAttribute) continue;
            Apply(table, row, pair.Key, pair.Value);
        }
        row["modifiedon"] = info.UtcNow;
        row["modifiedby"] = new EntityReference("systemuser", info.UserId);
        if (table.Ownership == OwnershipType.UserOwned && target.Attributes.Contains("ownerid"))
        {
            if (row.GetAttributeValue<EntityReference>("ownerid") is null) throw Faults.InvalidArgument($"The owner of a '{table.LogicalName}' row cannot be cleared.");
            SetOwningColumns(row, info);
        }
        if (row.GetAttributeValue<OptionSetValue>("statecode") is null) row["statecode"] = new OptionSetValue(stateBefore ?? 0);
        var stateAfter = row.GetAttributeValue<OptionSetValue>("statecode").Value;
        // A new state without a status gets the state's default status, as SetState does.
        if (stateAfter != stateBefore && !target.Attributes.Contains("statuscode"))
            row["statuscode"] = new OptionSetValue(DefaultStatus(table, stateAfter));
        if (row.GetAttributeValue<OptionSetValue>("statuscode") is null) row["statuscode"] = new OptionSetValue(DefaultStatus(table, stateAfter));
        CheckStatus(table, row);
        ComputeColumns(table, row);
        Stamp(row);
        return row;
    }

    private void Stamp(Entity row)
    {
        var v = store.NextVersion();
        row["versionnumber"] = v;
        row.RowVersion = v.ToString(CultureInfo.InvariantCulture);
    }

    private void SetOwningColumns(Entity row, WriteInfo info)
    {
        var owner = row.GetAttributeValue<EntityReference>("ownerid");
        var businessUnit = info.BusinessUnitId;
        if (owner.LogicalName == "systemuser" && store.Find("systemuser", owner.Id)?.GetAttributeValue<EntityReference>("businessunitid") is { } bu) businessUnit = bu.Id;
        else if (owner.LogicalName == "team" && store.Find("team", owner.Id)?.GetAttributeValue<EntityReference>("businessunitid") is { } tbu) businessUnit = tbu.Id;
        row["owningbusinessunit"] = new EntityReference("businessunit", businessUnit);
        if (owner.LogicalName == "systemuser") row["owninguser"] = new EntityReference("systemuser", owner.Id);
        else row.Attributes.Remove("owninguser");
    }

    private static int DefaultStatus(TableDefinition table, int state) =>
        table.DefaultStatusForState.TryGetValue(state, out var status) ? status : state + 1;

    private static void CheckStatus(TableDefinition table, Entity row)
    {
        var state = row.GetAttributeValue<OptionSetValue>("statecode").Value;
        var status = row.GetAttributeValue<OptionSetValue>("statuscode").Value;
        if (table.StateOfStatus.Count > 0 && table.StateOfStatus.TryGetValue(status, out var owner) && owner != state)
            throw Faults.InvalidStatus(table.LogicalName, row.Id, state, status);
    }

    // Dataverse computes fullname from first and last name (the default "First Last" format).
    private static void ComputeColumns(TableDefinition table, Entity row)
    {
        if ((table.LogicalName == "contact" || table.LogicalName == "systemuser") && (row.Contains("firstname") || row.Contains("lastname")))
        {
            var full = string.Join(" ", new[] { row.GetAttributeValue<string>("firstname"), row.GetAttributeValue<string>("lastname") }.Where(p => !string.IsNullOrEmpty(p)));
            if (full.Length > 0) row["fullname"] = full;
        }
    }

    /// <summary>Validates one value and applies it to the row (system-managed columns are ignored, as Dataverse ignores them).</summary>
    private void Apply(TableDefinition table, Entity row, string column, object? value)
    {
        if (Checked(table, column, value, out var stored)) row[column] = stored;
    }

    private static readonly string[] SystemColumns = { "createdon", "modifiedon", "createdby", "modifiedby", "statecode", "statuscode", "versionnumber" };
    private static readonly string[] OwningColumns = { "ownerid", "owningbusinessunit", "owninguser" };

    /// <summary>The value a column stores (validated); false for a system-managed column, which a caller cannot set.</summary>
    private bool Checked(TableDefinition table, string column, object? value, out object? stored)
    {
        var definition = table.FindColumn(column) ?? throw Faults.UnknownColumn(table.LogicalName, column);
        stored = null;
        if (definition.IsSystemManaged) return false;
        if (value is not null) stored = Validate(table, definition, value);
        return true;
    }

    private object Validate(TableDefinition table, ColumnDefinition column, object value)
    {
        var t = table.LogicalName;
        var c = column.LogicalName;
        switch (column.Type)
        {
            case ColumnType.Uniqueidentifier:
                return value is Guid ? value : throw Faults.TypeMismatch(t, c, "System.Guid", value);
            case ColumnType.String:
            case ColumnType.Memo:
            case ColumnType.EntityName:
                if (value is not string s) throw Faults.TypeMismatch(t, c, "System.String", value);
                if (column.MaxLength is { } max && s.Length > max) throw Faults.TooLong(t, c, max);
                return s;
            case ColumnType.Integer:
                if (value is not int i) throw Faults.TypeMismatch(t, c, "System.Int32", value);
                CheckRange(t, column, i, ErrorCodes.ValueOutOfRange);
                return i;
            case ColumnType.BigInt:
                return value is long ? value : throw Faults.TypeMismatch(t, c, "System.Int64", value);
            case ColumnType.Decimal:
                if (value is not decimal d) throw Faults.TypeMismatch(t, c, "System.Decimal", value);
                CheckRange(t, column, d, ErrorCodes.DecimalValueOutOfRange);
                return d;
            case ColumnType.Double:
                if (value is not double dbl) throw Faults.TypeMismatch(t, c, "System.Double", value);
                CheckRange(t, column, (decimal)dbl, ErrorCodes.ValueOutOfRange);
                return dbl;
            case ColumnType.Money:
                if (value is not Money m) throw Faults.TypeMismatch(t, c, "Microsoft.Xrm.Sdk.Money", value);
                CheckRange(t, column, m.Value, ErrorCodes.DecimalValueOutOfRange);
                return new Money(m.Value);
            case ColumnType.Boolean:
                return value is bool ? value : throw Faults.TypeMismatch(t, c, "System.Boolean", value);
            case ColumnType.DateTime:
                if (value is not DateTime dt) throw Faults.TypeMismatch(t, c, "System.DateTime", value);
                // Stored in UTC; an unspecified kind is taken as UTC, as the SDK sends it.
                return dt.Kind switch
                {
                    DateTimeKind.Local => dt.ToUniversalTime(),
                    DateTimeKind.Unspecified => DateTime.SpecifyKind(dt, DateTimeKind.Utc),
                    _ => dt,
                };
            case ColumnType.Picklist:
            case ColumnType.State:
            case ColumnType.Status:
                if (value is not OptionSetValue o) throw Faults.TypeMismatch(t, c, "Microsoft.Xrm.Sdk.OptionSetValue", value);
                if (column.Options.Count > 0 && !column.Options.Contains(o.Value))
                    throw Faults.OutOfRange(ErrorCodes.ValueOutOfRange, t, c, o.Value, string.Join(",", column.Options));
                return new OptionSetValue(o.Value);
            case ColumnType.Lookup:
            case ColumnType.Customer:
            case ColumnType.Owner:
                if (value is not EntityReference r) throw Faults.TypeMismatch(t, c, "Microsoft.Xrm.Sdk.EntityReference", value);
                var targets = column.Targets.Count > 0 ? column.Targets
                    : column.Type == ColumnType.Customer ? CustomerTargets
                    : column.Type == ColumnType.Owner ? OwnerTargets : Array.Empty<string>();
                if (string.IsNullOrEmpty(r.LogicalName) || (targets.Count > 0 && !targets.Contains(r.LogicalName)))
                    throw Faults.InvalidArgument($"The '{c}' lookup of '{t}' cannot point to '{r.LogicalName}'; valid targets: {string.Join(", ", targets)}.");
                // Lookups given by alternate key are resolved to the primary id; a missing row fails ObjectDoesNotExist.
                var id = store.Resolve(r);
                return new EntityReference(r.LogicalName, id);
            default:
                throw Faults.TypeMismatch(t, c, column.Type.ToString(), value);
        }
    }

    private static void CheckRange(string table, ColumnDefinition column, decimal value, int code)
    {
        if ((column.MinValue is { } min && value < min) || (column.MaxValue is { } max && value > max))
            throw Faults.OutOfRange(code, table, column.LogicalName, value.ToString(CultureInfo.InvariantCulture),
                $"[{column.MinValue?.ToString(CultureInfo.InvariantCulture) ?? ""},{column.MaxValue?.ToString(CultureInfo.InvariantCulture) ?? ""}]");
    }
}
