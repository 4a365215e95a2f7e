using System;
using System.Collections.Generic;
using System.Globalization;
using CrmCx.Dataverse.InMemory.Query.Filtering;
using CrmCx.Dataverse.InMemory.Query.Model;
using CrmCx.Dataverse.InMemory.Query.Paging;
using CrmCx.Dataverse.InMemory.Query.Values;
using CrmCx.Dataverse.InMemory.Store;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Query.Results;

/// <summary>Turns sorted joined rows into the page of entities Dataverse returns (columns, aliased link values, paging).</summary>
internal static class ResultBuilder
{
    /// <summary>Dataverse's default and largest page.</summary>
    public const int MaxPageSize = 5000;

    public static EntityCollection Build(QueryModel model, List<Entity?[]> rows)
    {
        var sortKeys = RowOrdering.Resolve(model);
        RowOrdering.Sort(rows, sortKeys);
        var root = model.Root;
        var pk = root.Table.PrimaryIdAttribute;

        // Distinct compares whole projected rows, so it projects everything before paging; otherwise only the page is projected.
        List<Entity>? distinct = null;
        if (model.Distinct)
        {
            distinct = new List<Entity>();
            var seen = new HashSet<RowKey>();
            foreach (var row in rows)
            {
                var entity = Project(model, row, includeId: false);
                if (seen.Add(RowKey.Of(entity))) distinct.Add(entity);
            }
        }
        var total = distinct?.Count ?? rows.Count;

        var result = new EntityCollection { EntityName = root.Table.LogicalName, TotalRecordCount = -1 };
        if (model.ReturnTotalRecordCount)
        {
            // Dataverse counts up to 5,000 and says when the real count is larger.
            result.TotalRecordCount = Math.Min(total, MaxPageSize);
            result.TotalRecordCountLimitExceeded = total > MaxPageSize;
        }

        int start, count;
        if (model.Top is int top)
        {
            start = 0;
            count = Math.Min(top, total);
        }
        else
        {
            var size = model.PageSize > 0 ? model.PageSize : MaxPageSize;
            start = StartOf(model, rows, distinct, size, pk);
            count = Math.Max(0, Math.Min(size, total - start));
            result.MoreRecords = start + count < total;
        }

        for (var i = start; i < start + count; i++)
            result.Entities.Add(distinct is not null ? distinct[i] : Project(model, rows[i], includeId: true));

        if (model.Top is null && count > 0 && !model.Distinct)
            result.PagingCookie = Cookie(model, rows[start], rows[start + count - 1], sortKeys, pk).ToString();
        return result;
    }

    private static int StartOf(QueryModel model, List<Entity?[]> rows, List<Entity>? distinct, int size, string pk)
    {
        var byNumber = (model.PageNumber - 1) * size;
        var cookie = PagingCookie.TryParse(model.PagingCookie);
        // A cookie from the previous page says where that page ended; resuming after its last row survives rows added or removed before it.
        if (distinct is null && cookie is not null && cookie.Page == model.PageNumber - 1 && Guid.TryParse(cookie.Last(pk), out var lastId))
        {
            var last = Scalar.FromGuid(lastId);
            for (var i = 0; i < rows.Count; i++)
                if (ConditionCompiler.Read(rows[i], 0, pk, true).Equals(last)) return i + 1;
        }
        return Math.Min(byNumber, distinct?.Count ?? rows.Count);
    }

    private static PagingCookie Cookie(QueryModel model, Entity?[] first, Entity?[] last, IReadOnlyList<SortKey> keys, string pk)
    {
        var values = new List<(string, string, string)>();
        foreach (var key in keys)
            if (key.Node == model.Root && key.Column.LogicalName != pk)
                values.Add((key.Column.LogicalName, key.Read(last).ToString(), key.Read(first).ToString()));
        values.Add((pk, ConditionCompiler.Read(last, 0, pk, true).ToString(), ConditionCompiler.Read(first, 0, pk, true).ToString()));
        return new PagingCookie(model.PageNumber, values);
    }

    /// <summary>A copy of the row with the selected columns; link columns come as AliasedValue under "alias.column".</summary>
    public static Entity Project(QueryModel model, Entity?[] row, bool includeId)
    {
        var root = model.Root;
        var stored = row[0]!;
        var pk = root.Table.PrimaryIdAttribute;
        var id = ConditionCompiler.Read(row, 0, pk, true);
        var entity = new Entity(root.Table.LogicalName);
        // The columns gathered first and added at once: the row's dictionary is made at its size.
        var columns = AttributeBuffer.Take();
        // Distinct rows carry no id unless it was asked for: the id would make every row distinct.
        if (includeId && !id.IsNull)
        {
            entity.Id = id.Guid;
            columns.Add(pk, id.Guid);
            // Dataverse returns each row's version with query results, so callers can update with IfRowVersionMatches.
            entity.RowVersion = stored.RowVersion;
        }

        if (root.AllColumns)
        {
            foreach (var pair in stored.Attributes)
                if (pair.Value is not null && (includeId || pair.Key != pk)) columns.Add(pair.Key, ValueCopy.Of(pair.Value));
        }
        foreach (var column in root.Columns)
        {
            var value = column.Name == pk ? (id.IsNull ? null : id.Guid) : Get(stored, column.Name);
            if (value is null) continue;
            if (column.Alias is not null) columns.Add(column.Alias, new AliasedValue(root.Table.LogicalName, column.Name, ValueCopy.Of(value)));
            else
            {
                columns.Add(column.Name, ValueCopy.Of(value));
                if (column.Name == pk) entity.Id = id.Guid;
            }
        }

        for (var i = 1; i < model.Nodes.Count; i++)
        {
            var node = model.Nodes[i];
            var linked = row[node.Slot];
            if (linked is null || node.Join is JoinKind.Exists or JoinKind.NotExists) continue;
            var table = node.Table.LogicalName;
            if (node.AllColumns)
            {
                foreach (var pair in linked.Attributes)
                    if (pair.Value is not null) columns.Add(node.Alias + "." + pair.Key, new AliasedValue(table, pair.Key, ValueCopy.Of(pair.Value)));
            }
            foreach (var column in node.Columns)
            {
                var value = column.Name == node.Table.PrimaryIdAttribute && !linked.Contains(column.Name) ? linked.Id : Get(linked, column.Name);
                if (value is null) continue;
                columns.Add(column.LinkedKey(node.Alias), new AliasedValue(table, column.Name, ValueCopy.Of(value)));
            }
        }
        columns.CopyTo(entity.Attributes);
        return entity;
    }

    private static object? Get(Entity entity, string column) => entity.Attributes.TryGetValue(column, out var value) ? value : null;

    /// <summary>The values of a projected row, compared as SQL's DISTINCT compares them.</summary>
    private readonly struct RowKey : IEquatable<RowKey>
    {
        private readonly string[] names;
        private readonly Scalar[] values;
        private readonly int hash;

        private RowKey(string[] names, Scalar[] values)
        {
            this.names = names;
            this.values = values;
            var h = new HashCode();
            for (var i = 0; i < names.Length; i++)
            {
                h.Add(names[i]);
                h.Add(values[i]);
            }
            hash = h.ToHashCode();
        }

        public static RowKey Of(Entity entity)
        {
            var names = new string[entity.Attributes.Count];
            var values = new Scalar[names.Length];
            var i = 0;
            foreach (var pair in entity.Attributes)
            {
                names[i] = pair.Key;
                values[i] = Scalar.From(pair.Value);
                i++;
            }
            Array.Sort(names, values, StringComparer.Ordinal);
            return new RowKey(names, values);
        }

        public bool Equals(RowKey other)
        {
            if (names.Length != other.names.Length) return false;
            for (var i = 0; i < names.Length; i++)
                if (names[i] != other.names[i] || !values[i].Equals(other.values[i])) return false;
            return true;
        }

        public override bool Equals(object? obj) => obj is RowKey other && Equals(other);
        public override int GetHashCode() => hash;
        public override string ToString() => string.Join(",", names) + ":" + values.Length.ToString(CultureInfo.InvariantCulture);
    }
}
