using System;
using System.Collections.Generic;
using CrmCx.Dataverse.InMemory.Query.Filtering;
using CrmCx.Dataverse.InMemory.Query.Model;
using CrmCx.Dataverse.InMemory.Query.Values;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Query.Joins;

/// <summary>
/// Produces the joined rows of a query. Each link is a hash join: the linked table is filtered by its link criteria
/// (Dataverse puts link-entity filters in the join's ON clause) and indexed on the joined column once, so a join costs
/// one pass over each table rather than rows × rows. Only linked rows whose key some parent row carries are indexed, and a
/// link on the linked table's primary id looks its rows up by id (as SQL seeks a clustered key) instead of scanning.
/// </summary>
internal static class JoinExecutor
{
    public static List<Entity?[]> Run(QueryModel model, IRowSource source, RowPredicate? rootFilter, QueryContext context)
    {
        var width = model.SlotCount;
        var rows = new List<Entity?[]>();
        // The root filter reads only the root's slot: test each row in one probe and allocate only the rows kept (a
        // scan of a large table would otherwise allocate an array per row it rejects).
        var probe = new Entity?[width];
        foreach (var entity in source.GetRows(model.Root.Table.LogicalName))
        {
            context.Work.RowsRead++;
            probe[0] = entity;
            if (rootFilter is not null && !rootFilter(probe)) continue;
            var row = new Entity?[width];
            row[0] = entity;
            rows.Add(row);
        }

        // Nodes are in depth-first order, so a link's parent slot is filled before the link is joined.
        for (var i = 1; i < model.Nodes.Count && rows.Count > 0; i++)
            rows = Join(rows, model.Nodes[i], model, source, context, width);
        return rows;
    }

    private static List<Entity?[]> Join(List<Entity?[]> rows, QueryNode node, QueryModel model, IRowSource source, QueryContext context, int width)
    {
        var parent = node.Parent!;
        if (node.Join is JoinKind.Exists or JoinKind.NotExists && node.Links.Count > 0)
            throw Faults.InvalidArgument($"Links nested under the exists/any link-entity '{node.Alias}' are not supported by the in-memory organization.");

        var parentIsId = string.Equals(node.ParentAttribute, parent.Table.PrimaryIdAttribute, StringComparison.Ordinal);
        var wanted = new HashSet<Scalar>();
        foreach (var row in rows)
        {
            var key = ConditionCompiler.Read(row, parent.Slot, node.ParentAttribute, parentIsId);
            if (!key.IsNull) wanted.Add(key);
        }
        var index = Index(node, model, source, context, width, wanted);
        var next = new List<Entity?[]>(rows.Count);
        foreach (var row in rows)
        {
            var key = ConditionCompiler.Read(row, parent.Slot, node.ParentAttribute, parentIsId);
            List<Entity>? matches = null;
            if (!key.IsNull) index.TryGetValue(key, out matches);
            switch (node.Join)
            {
                case JoinKind.Exists:
                    if (matches is not null) next.Add(row);
                    break;
                case JoinKind.NotExists:
                    if (matches is null) next.Add(row);
                    break;
                default:
                    if (matches is null)
                    {
                        if (node.Join == JoinKind.Outer) next.Add(row);
                        break;
                    }
                    for (var m = 0; m < matches.Count; m++)
                    {
                        // The last match reuses the row array; earlier ones copy it.
                        var joined = m == matches.Count - 1 ? row : (Entity?[])row.Clone();
                        joined[node.Slot] = matches[m];
                        next.Add(joined);
                    }
                    break;
            }
        }
        return next;
    }

    private static Dictionary<Scalar, List<Entity>> Index(QueryNode node, QueryModel model, IRowSource source, QueryContext context, int width, HashSet<Scalar> wanted)
    {
        var filter = ConditionCompiler.Compile(node.Filter, model, node, context);
        var childIsId = string.Equals(node.ChildAttribute, node.Table.PrimaryIdAttribute, StringComparison.Ordinal);
        var probe = new Entity?[width];
        var index = new Dictionary<Scalar, List<Entity>>(context.Work.Counting<Scalar>());
        if (wanted.Count == 0) return index;
        // The linked rows some parent row points to, before the link's filter.
        var candidates = new List<Entity>();
        if (childIsId)
        {
            foreach (var key in wanted)
            {
                if (key.Kind != ScalarKind.Guid) continue;
                var entity = source.Find(node.Table.LogicalName, key.Guid);
                if (entity is null) continue;
                context.Work.RowsRead++;
                candidates.Add(entity);
            }
        }
        else
        {
            foreach (var entity in source.GetRows(node.Table.LogicalName))
            {
                context.Work.RowsRead++;
                probe[node.Slot] = entity;
                var key = ConditionCompiler.Read(probe, node.Slot, node.ChildAttribute, childIsId);
                // Rows no parent row points to cannot join: not filtered, not indexed.
                if (!key.IsNull && wanted.Contains(key)) candidates.Add(entity);
            }
        }
        // A filter link of this link (any / not any on its rows) needs only the values these candidates carry.
        if (filter is not null) Restrict(node.Filter, node, candidates, width, context);
        foreach (var entity in candidates)
        {
            probe[node.Slot] = entity;
            if (filter is not null && !filter(probe)) continue;
            var key = ConditionCompiler.Read(probe, node.Slot, node.ChildAttribute, childIsId);
            if (!index.TryGetValue(key, out var list)) index[key] = list = new List<Entity>(1);
            list.Add(entity);
        }
        return index;
    }

    private static void Restrict(FilterNode? filter, QueryNode node, List<Entity> candidates, int width, QueryContext context)
    {
        if (filter is null) return;
        foreach (var link in filter.Links)
        {
            if (!ReferenceEquals(link.Node.Parent, node)) continue;
            var isId = string.Equals(link.Node.ParentAttribute, node.Table.PrimaryIdAttribute, StringComparison.Ordinal);
            var probe = new Entity?[width];
            var within = new HashSet<Scalar>(candidates.Count);
            foreach (var entity in candidates)
            {
                probe[node.Slot] = entity;
                var value = ConditionCompiler.Read(probe, node.Slot, link.Node.ParentAttribute, isId);
                if (!value.IsNull) within.Add(value);
            }
            context.Within[link] = within;
        }
        foreach (var child in filter.Filters) Restrict(child, node, candidates, width, context);
    }
}
