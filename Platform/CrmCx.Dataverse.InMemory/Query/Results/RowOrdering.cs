using System;
using System.Collections.Generic;
using CrmCx.Dataverse.InMemory.Metadata;
using CrmCx.Dataverse.InMemory.Query.Filtering;
using CrmCx.Dataverse.InMemory.Query.Model;
using CrmCx.Dataverse.InMemory.Query.Values;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Query.Results;

/// <summary>One resolved sort key of a non-aggregate query.</summary>
internal sealed record SortKey(QueryNode Node, ColumnDefinition Column, bool Descending)
{
    /// <summary>The value sorted on: lookups sort by the referenced row's name, as Dataverse does, when the reference carries one.</summary>
    public Scalar Read(Entity?[] row)
    {
        var entity = row[Node.Slot];
        if (entity is null) return Scalar.Null;
        if (entity.Attributes.TryGetValue(Column.LogicalName, out var value) && value is EntityReference r && !string.IsNullOrEmpty(r.Name))
            return Scalar.FromText(r.Name);
        return ConditionCompiler.Read(row, Node.Slot, Column.LogicalName, string.Equals(Column.LogicalName, Node.Table.PrimaryIdAttribute, StringComparison.Ordinal));
    }
}

/// <summary>Sorts joined rows: the root's orders first, then each link's (Dataverse applies link-entity orders last).</summary>
internal static class RowOrdering
{
    public static List<SortKey> Resolve(QueryModel model)
    {
        var keys = new List<SortKey>();
        foreach (var node in model.Nodes)
        {
            foreach (var order in node.Orders)
            {
                if (order.Alias is not null && order.Attribute is null)
                {
                    keys.Add(ByAlias(model, order));
                    continue;
                }
                var target = QueryBinder.Resolve(model, order.EntityName, node);
                keys.Add(new SortKey(target, QueryBinder.Column(target, order.Attribute), order.Descending));
            }
        }
        return keys;
    }

    private static SortKey ByAlias(QueryModel model, OrderNode order)
    {
        foreach (var node in model.Nodes)
            foreach (var column in node.Columns)
                if (string.Equals(column.Alias, order.Alias, StringComparison.Ordinal))
                    return new SortKey(node, column.Column, order.Descending);
        throw Faults.InvalidArgument($"The order alias '{order.Alias}' matches no attribute alias in the query on '{model.Root.Table.LogicalName}'.");
    }

    /// <summary>Sorts in place; ties keep the store's order, so equal keys page deterministically. Nulls sort first ascending, as in SQL.</summary>
    public static void Sort(List<Entity?[]> rows, IReadOnlyList<SortKey> keys)
    {
        if (keys.Count == 0 || rows.Count < 2) return;
        var values = new Scalar[rows.Count][];
        for (var i = 0; i < rows.Count; i++)
        {
            var v = new Scalar[keys.Count];
            for (var k = 0; k < keys.Count; k++) v[k] = keys[k].Read(rows[i]);
            values[i] = v;
        }
        var order = new int[rows.Count];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) =>
        {
            for (var k = 0; k < keys.Count; k++)
            {
                var c = Scalar.Compare(values[a][k], values[b][k]);
                if (c != 0) return keys[k].Descending ? -c : c;
            }
            return a.CompareTo(b);
        });
        var sorted = new Entity?[rows.Count][];
        for (var i = 0; i < order.Length; i++) sorted[i] = rows[order[i]];
        rows.Clear();
        rows.AddRange(sorted);
    }
}
