using System;
using System.Collections.Generic;
using CrmCx.Dataverse.InMemory.Metadata;

namespace CrmCx.Dataverse.InMemory.Query.Model;

/// <summary>Finishes a translated query: join order, slots, default aliases, and the lookups translators share.</summary>
internal static class QueryBinder
{
    /// <summary>Dataverse refuses more link-entities than this (error 0x8004430D).</summary>
    public const int MaxLinks = 15;

    // Dataverse's error codes for too many links and for an aggregate over too many rows.
    public const int TooManyLinkEntitiesCode = unchecked((int)0x8004430D);
    public const int AggregateQueryRecordLimitCode = unchecked((int)0x8004E023);

    /// <summary>The column of the node's table, or the unknown-column fault.</summary>
    public static ColumnDefinition Column(QueryNode node, string? name) => Column(node.Table, name);

    /// <summary>The column of the table, or the unknown-column fault.</summary>
    public static ColumnDefinition Column(TableDefinition table, string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw Faults.InvalidArgument($"A column name is missing in a query on '{table.LogicalName}'.");
        return table.FindColumn(name) ?? throw Faults.UnknownColumn(table.LogicalName, name);
    }

    /// <summary>Numbers the tables depth-first and gives links without an alias Dataverse's "{table}{N}" name.</summary>
    public static void Bind(QueryModel model)
    {
        model.Nodes.Clear();
        var perTable = new Dictionary<string, int>(StringComparer.Ordinal);
        Visit(model.Root);
        if (model.Nodes.Count - 1 > MaxLinks)
            throw Faults.Create(TooManyLinkEntitiesCode, "Number of link entities in query exceeded maximum limit.");

        var aliases = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in model.Nodes)
        {
            if (node.Alias is not null && !aliases.Add(node.Alias))
                throw Faults.InvalidArgument($"The link-entity alias '{node.Alias}' is used more than once in the query.");
        }

        void Visit(QueryNode node)
        {
            node.Slot = model.Nodes.Count;
            model.Nodes.Add(node);
            if (node.Parent is not null)
            {
                // Dataverse numbers unaliased links per table: the first link to contact is contact1, the next contact2.
                var n = perTable.TryGetValue(node.Table.LogicalName, out var count) ? count + 1 : 1;
                perTable[node.Table.LogicalName] = n;
                node.Alias = string.IsNullOrEmpty(node.ExplicitAlias) ? node.Table.LogicalName + n.ToString(System.Globalization.CultureInfo.InvariantCulture) : node.ExplicitAlias;
            }
            foreach (var link in node.Links) Visit(link);
        }

        // Slots after the joined tables go to filter links, which are probed, never joined.
        var nextSlot = model.Nodes.Count;
        foreach (var node in model.Nodes)
        {
            NumberFilterLinks(node.Filter, ref nextSlot);
            if (node.Parent is not null) SplitAfterJoin(node);
        }
        model.SlotCount = nextSlot;
    }

    private static void NumberFilterLinks(FilterNode? filter, ref int nextSlot)
    {
        if (filter is null) return;
        foreach (var link in filter.Links)
        {
            link.Node.Slot = nextSlot++;
            link.Node.Alias = link.Node.ExplicitAlias ?? link.Node.Table.LogicalName;
            NumberFilterLinks(link.Node.Filter, ref nextSlot);
        }
        foreach (var child in filter.Filters) NumberFilterLinks(child, ref nextSlot);
    }

    // Dataverse puts a link's filter in the join's ON clause, except conditions that name a table with entityname:
    // those filter the joined rows, which is how an outer join is filtered after the join.
    private static void SplitAfterJoin(QueryNode node)
    {
        var filter = node.Filter;
        if (filter is null || filter.IsOr) return;
        var after = new FilterNode();
        after.Conditions.AddRange(filter.Conditions.FindAll(c => c.EntityName is not null));
        after.Filters.AddRange(filter.Filters.FindAll(NamesTable));
        if (after.IsEmpty) return;
        filter.Conditions.RemoveAll(c => c.EntityName is not null);
        filter.Filters.RemoveAll(NamesTable);
        node.AfterJoinFilter = after;

        static bool NamesTable(FilterNode f) => f.Conditions.Exists(c => c.EntityName is not null) || f.Filters.Exists(NamesTable);
    }

    /// <summary>The table a condition or order names: an alias, else a linked table's name; null names the default.</summary>
    public static QueryNode Resolve(QueryModel model, string? entityName, QueryNode fallback)
    {
        if (string.IsNullOrEmpty(entityName)) return fallback;
        foreach (var node in model.Nodes)
            if (node.Parent is not null && string.Equals(node.Alias, entityName, StringComparison.Ordinal)) return node;
        if (string.Equals(model.Root.Table.LogicalName, entityName, StringComparison.Ordinal)) return model.Root;
        foreach (var node in model.Nodes)
            if (node.Parent is not null && string.IsNullOrEmpty(node.ExplicitAlias) && string.Equals(node.Table.LogicalName, entityName, StringComparison.Ordinal)) return node;
        throw Faults.InvalidArgument($"No link-entity with the alias or name '{entityName}' is in the query on '{model.Root.Table.LogicalName}'.");
    }
}
