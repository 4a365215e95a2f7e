using System;
using System.Collections.Generic;
using CrmCx.Dataverse.InMemory.Metadata;
using CrmCx.Dataverse.InMemory.Query.Model;
using CrmCx.Dataverse.InMemory.Query.Results;
using CrmCx.Dataverse.InMemory.Query.Values;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Query.Aggregation;

/// <summary>
/// Aggregate queries: rows are grouped on the group-by columns (date parts in UTC) and each group yields one entity
/// whose attributes are AliasedValue per alias. Nulls are ignored by every function but count, as in SQL.
/// </summary>
internal static class AggregateExecutor
{
    /// <summary>Dataverse refuses aggregates over more rows than this.</summary>
    public const int RecordLimit = 50000;

    private sealed record Output(QueryNode Node, SelectedColumn Column, int Index);

    public static EntityCollection Run(QueryModel model, List<Entity?[]> rows, QueryWork work)
    {
        if (rows.Count > model.AggregateLimit)
            throw Faults.Create(QueryBinder.AggregateQueryRecordLimitCode, "AggregateQueryRecordLimit exceeded. Cannot perform this operation.");

        var outputs = Outputs(model);
        var groupBy = outputs.FindAll(o => o.Column.GroupBy);
        var aggregates = outputs.FindAll(o => !o.Column.GroupBy);

        var groups = new Dictionary<ScalarKey, Group>(work.Counting<ScalarKey>());
        var ordered = new List<Group>();
        // Lookups reuse one key buffer; a group copies it only when it is created.
        var buffer = new Scalar[groupBy.Count];
        foreach (var row in rows)
        {
            for (var g = 0; g < groupBy.Count; g++) buffer[g] = GroupValue(groupBy[g], row, out _);
            if (!groups.TryGetValue(new ScalarKey(buffer), out var group))
            {
                var key = new ScalarKey((Scalar[])buffer.Clone());
                group = new Group(key, groupBy.Count, aggregates);
                for (var g = 0; g < groupBy.Count; g++)
                {
                    GroupValue(groupBy[g], row, out var raw);
                    group.Keys[g] = raw;
                }
                groups.Add(key, group);
                ordered.Add(group);
            }
            for (var a = 0; a < aggregates.Count; a++)
            {
                var output = aggregates[a];
                var entity = row[output.Node.Slot];
                object? raw = null;
                if (entity is not null) entity.Attributes.TryGetValue(output.Column.Name, out raw);
                if (raw is null && entity is not null && output.Column.Name == output.Node.Table.PrimaryIdAttribute && entity.Id != Guid.Empty) raw = entity.Id;
                group.Accumulators[a].Add(raw);
            }
        }
        // Without group-by columns an aggregate always returns one row, even over no rows (count 0).
        if (groupBy.Count == 0 && ordered.Count == 0) ordered.Add(new Group(new ScalarKey(Array.Empty<Scalar>()), 0, aggregates));

        Sort(model, ordered, outputs, groupBy, aggregates);

        var result = new EntityCollection { EntityName = model.Root.Table.LogicalName, TotalRecordCount = -1 };
        var start = 0;
        var count = ordered.Count;
        if (model.Top is int top) count = Math.Min(top, ordered.Count);
        else if (model.PageSize > 0)
        {
            start = Math.Min((model.PageNumber - 1) * model.PageSize, ordered.Count);
            count = Math.Min(model.PageSize, ordered.Count - start);
            result.MoreRecords = start + count < ordered.Count;
        }
        if (model.ReturnTotalRecordCount) result.TotalRecordCount = Math.Min(ordered.Count, ResultBuilder.MaxPageSize);

        for (var i = start; i < start + count; i++)
        {
            var group = ordered[i];
            var entity = new Entity(model.Root.Table.LogicalName);
            for (var g = 0; g < groupBy.Count; g++)
            {
                var o = groupBy[g];
                entity[o.Column.Alias!] = new AliasedValue(o.Node.Table.LogicalName, o.Column.Name, ValueCopy.Of(group.Keys[g]));
            }
            for (var a = 0; a < aggregates.Count; a++)
            {
                var o = aggregates[a];
                entity[o.Column.Alias!] = new AliasedValue(o.Node.Table.LogicalName, o.Column.Name, group.Accumulators[a].Result());
            }
            result.Entities.Add(entity);
        }
        return result;
    }

    private static List<Output> Outputs(QueryModel model)
    {
        var outputs = new List<Output>();
        var aliases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in model.Nodes)
        {
            if (node.AllColumns)
                throw Faults.InvalidArgument($"An aggregate query can't select all attributes of '{node.Table.LogicalName}'; list aggregate and group-by attributes with aliases.");
            foreach (var column in node.Columns)
            {
                var where = $"'{node.Table.LogicalName}.{column.Name}'";
                if (column.Aggregate == AggregateKind.None && !column.GroupBy)
                    throw Faults.InvalidArgument($"In an aggregate query every attribute must have an aggregate function or groupby; {where} has neither.");
                if (string.IsNullOrEmpty(column.Alias))
                    throw Faults.InvalidArgument($"In an aggregate query every attribute needs an alias; {where} has none.");
                if (!aliases.Add(column.Alias))
                    throw Faults.InvalidArgument($"The alias '{column.Alias}' is used by more than one attribute of the aggregate query.");
                var type = column.Column.Type;
                if (column.GroupBy && type == ColumnType.DateTime && column.DateGrouping == DateGrouping.None)
                    throw Faults.InvalidArgument($"Grouping by the date and time column {where} needs a dategrouping (day, week, month, quarter or year).");
                if (column.DateGrouping != DateGrouping.None && type != ColumnType.DateTime)
                    throw Faults.InvalidArgument($"dategrouping applies to date and time columns only; {where} is {type}.");
                if (column.Aggregate is AggregateKind.Sum or AggregateKind.Avg && !IsNumber(type))
                    throw Faults.InvalidArgument($"The aggregate '{column.Aggregate.ToString().ToLowerInvariant()}' needs a number or currency column; {where} is {type}.");
                outputs.Add(new Output(node, column, outputs.Count));
            }
        }
        return outputs;
    }

    private static bool IsNumber(ColumnType type) =>
        type is ColumnType.Integer or ColumnType.BigInt or ColumnType.Decimal or ColumnType.Double or ColumnType.Money;

    /// <summary>The group-by value of a row: the raw value, or for a date grouping the date part as an int (UTC).</summary>
    private static Scalar GroupValue(Output output, Entity?[] row, out object? raw)
    {
        raw = null;
        var entity = row[output.Node.Slot];
        if (entity is null) return Scalar.Null;
        entity.Attributes.TryGetValue(output.Column.Name, out raw);
        if (raw is null && output.Column.Name == output.Node.Table.PrimaryIdAttribute && entity.Id != Guid.Empty) raw = entity.Id;
        if (raw is null) return Scalar.Null;
        if (output.Column.DateGrouping == DateGrouping.None) return Scalar.From(raw);
        var part = DatePart(Scalar.ToUtc((DateTime)raw), output.Column.DateGrouping);
        raw = part;
        return Scalar.FromNumber(part);
    }

    /// <summary>The date part Dataverse groups on; week is SQL Server's DATEPART(week), weeks starting on Sunday.</summary>
    public static int DatePart(DateTime utc, DateGrouping grouping) => grouping switch
    {
        DateGrouping.Day => utc.Day,
        DateGrouping.Week => (utc.DayOfYear - 1 + (int)new DateTime(utc.Year, 1, 1).DayOfWeek) / 7 + 1,
        DateGrouping.Month => utc.Month,
        DateGrouping.Quarter => (utc.Month - 1) / 3 + 1,
        _ => utc.Year,
    };

    private static void Sort(QueryModel model, List<Group> groups, List<Output> outputs, List<Output> groupBy, List<Output> aggregates)
    {
        // Each sort key reads a group's output: a group-by key or an aggregate result.
        var keys = new List<(Func<Group, Scalar> Read, bool Descending)>();
        foreach (var node in model.Nodes)
        {
            foreach (var order in node.Orders)
            {
                Output? target = null;
                if (order.Alias is not null)
                    target = outputs.Find(o => string.Equals(o.Column.Alias, order.Alias, StringComparison.Ordinal))
                        ?? throw Faults.InvalidArgument($"The order alias '{order.Alias}' matches no attribute alias of the aggregate query.");
                else
                {
                    var owner = QueryBinder.Resolve(model, order.EntityName, node);
                    target = groupBy.Find(o => o.Node == owner && o.Column.Name == order.Attribute)
                        ?? throw Faults.InvalidArgument($"An aggregate query orders by alias; the order on attribute '{order.Attribute}' matches no group-by attribute.");
                }
                var g = groupBy.IndexOf(target);
                var a = aggregates.IndexOf(target);
                keys.Add(g >= 0 ? (grp => grp.Key[g], order.Descending) : (grp => Scalar.From(grp.Accumulators[a].Result()), order.Descending));
            }
        }
        if (keys.Count == 0)
            for (var i = 0; i < groupBy.Count; i++)
            {
                var g = i;
                keys.Add((grp => grp.Key[g], false));
            }
        if (keys.Count == 0 || groups.Count < 2) return;

        var values = new Dictionary<Group, Scalar[]>(ReferenceEqualityComparer.Instance);
        foreach (var group in groups)
        {
            var v = new Scalar[keys.Count];
            for (var k = 0; k < keys.Count; k++) v[k] = keys[k].Read(group);
            values[group] = v;
        }
        var indexed = new List<(Group Group, int Index)>(groups.Count);
        for (var i = 0; i < groups.Count; i++) indexed.Add((groups[i], i));
        indexed.Sort((x, y) =>
        {
            var vx = values[x.Group];
            var vy = values[y.Group];
            for (var k = 0; k < keys.Count; k++)
            {
                var c = Scalar.Compare(vx[k], vy[k]);
                if (c != 0) return keys[k].Descending ? -c : c;
            }
            return x.Index.CompareTo(y.Index);
        });
        groups.Clear();
        foreach (var (group, _) in indexed) groups.Add(group);
    }

    private sealed class Group
    {
        public Group(ScalarKey key, int keyCount, List<Output> aggregates)
        {
            Key = key;
            Keys = new object?[keyCount];
            Accumulators = new Accumulator[aggregates.Count];
            for (var i = 0; i < aggregates.Count; i++) Accumulators[i] = new Accumulator(aggregates[i].Column);
        }

        public ScalarKey Key { get; }
        public object?[] Keys { get; }
        public Accumulator[] Accumulators { get; }
    }
}
