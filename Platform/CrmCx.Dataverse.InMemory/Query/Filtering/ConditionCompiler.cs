using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmCx.Dataverse.InMemory.Metadata;
using CrmCx.Dataverse.InMemory.Query.Model;
using CrmCx.Dataverse.InMemory.Query.Values;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCx.Dataverse.InMemory.Query.Filtering;

/// <summary>A test on a joined row (one entity per table slot; null where an outer join found nothing).</summary>
internal delegate bool RowPredicate(Entity?[] row);

/// <summary>What conditions relative to the caller or to now, and filter links, need.</summary>
internal sealed class QueryContext
{
    public QueryContext(Guid? callerId, Func<DateTime>? utcNow, IRowSource? source = null, QueryWork? work = null)
    {
        CallerId = callerId;
        UtcNow = utcNow;
        Source = source;
        Work = work ?? new QueryWork();
    }

    /// <summary>Where the query counts the rows it reads and the keys it compares.</summary>
    public QueryWork Work { get; }

    public Guid? CallerId { get; }

    /// <summary>
    /// For a filter link of a link's filter: the values of the rows it will test (the link's candidate rows), so its set
    /// of related values holds only those (a probe of a few rows does not copy a whole table's keys).
    /// </summary>
    public Dictionary<FilterLink, HashSet<Scalar>> Within { get; } = new();

    /// <summary>Conditions and filter links compiled so far: the filter's pre-join part and the whole filter share them.</summary>
    public Dictionary<object, RowPredicate> Compiled { get; } = new(ReferenceEqualityComparer.Instance);
    /// <summary>The rows filter links (any / not any) probe.</summary>
    public IRowSource? Source { get; }
    public Func<DateTime>? UtcNow { get; }
}

/// <summary>
/// Compiles filters into predicates once per query: values are coerced to the column's type up front, so evaluating a
/// row is a few struct comparisons. Null follows SQL: only Null/NotNull match a missing value.
/// </summary>
internal static class ConditionCompiler
{
    /// <summary>The predicate of a filter, or null when it has no conditions.</summary>
    public static RowPredicate? Compile(FilterNode? filter, QueryModel model, QueryNode owner, QueryContext context)
    {
        if (filter is null || filter.IsEmpty) return null;
        var parts = new List<RowPredicate>();
        foreach (var condition in filter.Conditions) parts.Add(Cached(condition, model, owner, context));
        foreach (var link in filter.Links) parts.Add(Cached(link, model, context));
        foreach (var child in filter.Filters)
        {
            var compiled = Compile(child, model, owner, context);
            if (compiled is not null) parts.Add(compiled);
        }
        return Combine(parts, filter.IsOr);
    }

    /// <summary>
    /// What a filter that also reads linked tables implies about the root row alone (null when nothing): its root-only
    /// conditions under an and, an or only when each of its branches implies something. Every row the filter keeps passes
    /// it, so it may run before the joins (a query on some customers' responses then joins those rows, not every row),
    /// as a database pushes such a predicate down; the whole filter still runs on the joined rows.
    /// </summary>
    public static RowPredicate? CompileImplied(FilterNode? filter, QueryModel model, QueryNode owner, QueryContext context)
    {
        if (filter is null || filter.IsEmpty) return null;
        // An or whose branch says nothing of the root cannot rule a root row out: nothing of it is compiled.
        if (filter.IsOr && !EveryPartImplies(filter, model, owner)) return null;
        var parts = new List<RowPredicate>();
        foreach (var condition in filter.Conditions)
            if (OnRootAlone(condition, model, owner)) parts.Add(Cached(condition, model, owner, context));
        foreach (var link in filter.Links)
            if (link.Node.Parent!.Slot == 0) parts.Add(Cached(link, model, context));
        foreach (var child in filter.Filters)
            if (CompileImplied(child, model, owner, context) is { } implied) parts.Add(implied);
        if (parts.Count == 0) return null;
        return Combine(parts, filter.IsOr);
    }

    private static bool EveryPartImplies(FilterNode filter, QueryModel model, QueryNode owner)
    {
        foreach (var condition in filter.Conditions)
            if (!OnRootAlone(condition, model, owner)) return false;
        foreach (var link in filter.Links)
            if (link.Node.Parent!.Slot != 0) return false;
        foreach (var child in filter.Filters)
            if (!child.IsEmpty && !Implies(child, model, owner)) return false;
        return true;
    }

    // Whether a filter implies something of the root alone (what CompileImplied would compile).
    private static bool Implies(FilterNode filter, QueryModel model, QueryNode owner)
    {
        if (filter.IsEmpty) return false;
        if (filter.IsOr) return EveryPartImplies(filter, model, owner);
        foreach (var condition in filter.Conditions)
            if (OnRootAlone(condition, model, owner)) return true;
        foreach (var link in filter.Links)
            if (link.Node.Parent!.Slot == 0) return true;
        foreach (var child in filter.Filters)
            if (Implies(child, model, owner)) return true;
        return false;
    }

    private static bool OnRootAlone(ConditionNode condition, QueryModel model, QueryNode owner)
    {
        var node = QueryBinder.Resolve(model, condition.EntityName, owner);
        if (node.Slot != 0) return false;
        return condition.ValueOf is null || OtherColumn(model, node, condition.ValueOf).Node.Slot == 0;
    }

    private static RowPredicate Cached(ConditionNode condition, QueryModel model, QueryNode owner, QueryContext context)
    {
        if (!context.Compiled.TryGetValue(condition, out var predicate)) context.Compiled[condition] = predicate = Condition(condition, model, owner, context);
        return predicate;
    }

    private static RowPredicate Cached(FilterLink link, QueryModel model, QueryContext context)
    {
        // One key set per filter link and query, whichever part of the filter asks first.
        if (!context.Compiled.TryGetValue(link, out var predicate)) context.Compiled[link] = predicate = Exists(link, model, context);
        return predicate;
    }

    /// <summary>One predicate of several: any of them (or), or all (and).</summary>
    private static RowPredicate Combine(List<RowPredicate> parts, bool isOr)
    {
        if (parts.Count == 1) return parts[0];
        var array = parts.ToArray();
        if (isOr)
            return row =>
            {
                foreach (var p in array) if (p(row)) return true;
                return false;
            };
        return row =>
        {
            foreach (var p in array) if (!p(row)) return false;
            return true;
        };
    }

    /// <summary>The table slots a filter reads, so a filter on the root alone can run before the joins.</summary>
    public static void CollectSlots(FilterNode? filter, QueryModel model, QueryNode owner, ISet<int> slots)
    {
        if (filter is null) return;
        foreach (var c in filter.Conditions)
        {
            var node = QueryBinder.Resolve(model, c.EntityName, owner);
            slots.Add(node.Slot);
            if (c.ValueOf is not null) slots.Add(OtherColumn(model, node, c.ValueOf).Node.Slot);
        }
        foreach (var link in filter.Links) slots.Add(link.Node.Parent!.Slot);
        foreach (var f in filter.Filters) CollectSlots(f, model, owner, slots);
    }

    /// <summary>Reads a column of the row in a slot as a comparable value (the primary id falls back to Entity.Id).</summary>
    public static Scalar Read(Entity?[] row, int slot, string attribute, bool isPrimaryId)
    {
        var entity = row[slot];
        if (entity is null) return Scalar.Null;
        if (entity.Attributes.TryGetValue(attribute, out var value) && value is not null) return Scalar.From(value);
        return isPrimaryId && entity.Id != Guid.Empty ? Scalar.FromGuid(entity.Id) : Scalar.Null;
    }

    /// <summary>A link-entity in a filter (any / not any): the parent's value must (or must not) be among the related rows' values.</summary>
    private static RowPredicate Exists(FilterLink link, QueryModel model, QueryContext context)
    {
        var node = link.Node;
        var parent = node.Parent!;
        if (node.Links.Count > 0)
            throw Faults.InvalidArgument($"Links nested under the filter link-entity '{node.Alias}' are not supported by the in-memory organization.");
        var filter = Compile(node.Filter, model, node, context);
        var childIsId = string.Equals(node.ChildAttribute, node.Table.PrimaryIdAttribute, StringComparison.Ordinal);
        var parentIsId = string.Equals(node.ParentAttribute, parent.Table.PrimaryIdAttribute, StringComparison.Ordinal);
        KeySet? keys = null;
        var negate = link.Negate;
        return row =>
        {
            // The related rows are read once, on first use, into the set of values that satisfy the link's filter.
            keys ??= Keys();
            var key = Read(row, parent.Slot, node.ParentAttribute, parentIsId);
            return (!key.IsNull && keys.Contains(key)) != negate;
        };

        KeySet Keys()
        {
            var probe = new Entity?[model.SlotCount];
            // Counted first, so the set is made once at its size: a query runs this per execution, and growing the set
            // cost more than the count (the rows read are counted once, in the second pass).
            var matches = 0;
            var allGuids = true;
            context.Within.TryGetValue(link, out var within);
            foreach (var entity in context.Source!.GetRows(node.Table.LogicalName))
            {
                probe[node.Slot] = entity;
                if (filter is not null && !filter(probe)) continue;
                var key = Read(probe, node.Slot, node.ChildAttribute, childIsId);
                if (key.IsNull || (within is not null && !within.Contains(key))) continue;
                matches++;
                allGuids &= key.Kind == ScalarKind.Guid;
            }
            var set = new KeySet(matches, allGuids, context.Work);
            foreach (var entity in context.Source.GetRows(node.Table.LogicalName))
            {
                context.Work.RowsRead++;
                probe[node.Slot] = entity;
                if (filter is not null && !filter(probe)) continue;
                var key = Read(probe, node.Slot, node.ChildAttribute, childIsId);
                if (!key.IsNull && (within is null || within.Contains(key))) set.Add(key);
            }
            return set;
        }
    }

    /// <summary>
    /// The values a filter link matches: ids (lookups, primary keys: nearly always) in a set of Guids, a third the size
    /// of a set of scalars; anything else in a set of scalars.
    /// </summary>
    private sealed class KeySet
    {
        private readonly HashSet<Guid>? guids;
        private readonly HashSet<Scalar>? scalars;

        public KeySet(int capacity, bool allGuids, QueryWork work)
        {
            if (allGuids) guids = new HashSet<Guid>(capacity, work.Counting<Guid>());
            else scalars = new HashSet<Scalar>(capacity, work.Counting<Scalar>());
        }

        public void Add(Scalar key)
        {
            if (guids is not null) guids.Add(key.Guid);
            else scalars!.Add(key);
        }

        public bool Contains(Scalar key) => guids is not null ? key.Kind == ScalarKind.Guid && guids.Contains(key.Guid) : scalars!.Contains(key);
    }

    private static (QueryNode Node, ColumnDefinition Column) OtherColumn(QueryModel model, QueryNode node, string valueOf)
    {
        var dot = valueOf.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0) return (node, QueryBinder.Column(node, valueOf));
        var other = QueryBinder.Resolve(model, valueOf.Substring(0, dot), node);
        return (other, QueryBinder.Column(other, valueOf.Substring(dot + 1)));
    }

    /// <summary>A comparison of two columns of the joined row (FetchXML valueof); Dataverse allows only eq, ne, gt, ge, lt, le.</summary>
    private static RowPredicate CompareColumns(ConditionNode condition, QueryModel model, QueryNode node, ColumnDefinition column)
    {
        var (otherNode, otherColumn) = OtherColumn(model, node, condition.ValueOf!);
        if (otherColumn.Type != column.Type)
            throw Faults.InvalidArgument($"A column comparison needs columns of the same type; '{node.Table.LogicalName}.{column.LogicalName}' is {column.Type} and '{otherNode.Table.LogicalName}.{otherColumn.LogicalName}' is {otherColumn.Type}.");
        Func<int, bool> accept = condition.Operator switch
        {
            ConditionOperator.Equal => c => c == 0,
            ConditionOperator.NotEqual => c => c != 0,
            ConditionOperator.GreaterThan => c => c > 0,
            ConditionOperator.GreaterEqual => c => c >= 0,
            ConditionOperator.LessThan => c => c < 0,
            ConditionOperator.LessEqual => c => c <= 0,
            _ => throw Faults.InvalidArgument($"A column comparison can't use the operator '{OperatorName(condition)}'; only eq, ne, gt, ge, lt and le compare columns."),
        };
        var slot = node.Slot;
        var otherSlot = otherNode.Slot;
        var name = column.LogicalName;
        var otherName = otherColumn.LogicalName;
        var isId = name == node.Table.PrimaryIdAttribute;
        var otherIsId = otherName == otherNode.Table.PrimaryIdAttribute;
        return row =>
        {
            var a = Read(row, slot, name, isId);
            var b = Read(row, otherSlot, otherName, otherIsId);
            return !a.IsNull && !b.IsNull && accept(Scalar.Compare(a, b));
        };
    }

    private static RowPredicate Condition(ConditionNode condition, QueryModel model, QueryNode owner, QueryContext context)
    {
        var node = QueryBinder.Resolve(model, condition.EntityName, owner);
        var column = QueryBinder.Column(node, condition.Attribute);
        if (condition.ValueOf is not null) return CompareColumns(condition, model, node, column);
        var slot = node.Slot;
        var name = column.LogicalName;
        var isId = string.Equals(name, node.Table.PrimaryIdAttribute, StringComparison.Ordinal);
        var label = OperatorName(condition);
        Scalar Get(Entity?[] row) => Read(row, slot, name, isId);

        switch (condition.Operator)
        {
            case ConditionOperator.Null:
                Expect(condition, node, 0, 0);
                return row => Get(row).IsNull;
            case ConditionOperator.NotNull:
                Expect(condition, node, 0, 0);
                return row => !Get(row).IsNull;
            case ConditionOperator.Equal:
            {
                Expect(condition, node, 1, 1);
                var v = Value(condition, node, column, 0);
                if (v.IsNull) return _ => false;
                return row => { var x = Get(row); return !x.IsNull && x.Equals(v); };
            }
            case ConditionOperator.NotEqual:
            {
                Expect(condition, node, 1, 1);
                var v = Value(condition, node, column, 0);
                if (v.IsNull) return _ => false;
                return row => { var x = Get(row); return !x.IsNull && !x.Equals(v); };
            }
            case ConditionOperator.GreaterThan: return Compare(condition, node, column, Get, c => c > 0);
            case ConditionOperator.GreaterEqual: return Compare(condition, node, column, Get, c => c >= 0);
            case ConditionOperator.LessThan: return Compare(condition, node, column, Get, c => c < 0);
            case ConditionOperator.LessEqual: return Compare(condition, node, column, Get, c => c <= 0);
            case ConditionOperator.In:
            case ConditionOperator.NotIn:
            {
                Expect(condition, node, 1, int.MaxValue);
                var set = new HashSet<Scalar>();
                for (var i = 0; i < condition.Values.Count; i++)
                {
                    var v = Value(condition, node, column, i);
                    if (!v.IsNull) set.Add(v);
                }
                var negate = condition.Operator == ConditionOperator.NotIn;
                return row => { var x = Get(row); return !x.IsNull && set.Contains(x) != negate; };
            }
            case ConditionOperator.Between:
            case ConditionOperator.NotBetween:
            {
                Expect(condition, node, 2, 2);
                var low = Value(condition, node, column, 0);
                var high = Value(condition, node, column, 1);
                var negate = condition.Operator == ConditionOperator.NotBetween;
                return row =>
                {
                    var x = Get(row);
                    if (x.IsNull || low.IsNull || high.IsNull) return false;
                    var inside = Scalar.Compare(x, low) >= 0 && Scalar.Compare(x, high) <= 0;
                    return inside != negate;
                };
            }
            case ConditionOperator.Like:
            case ConditionOperator.NotLike:
            {
                Expect(condition, node, 1, 1);
                var pattern = LikePattern.Parse(Text(condition, node, 0));
                return TextTest(Get, pattern, condition.Operator == ConditionOperator.NotLike);
            }
            case ConditionOperator.BeginsWith:
            case ConditionOperator.DoesNotBeginWith:
                Expect(condition, node, 1, 1);
                return TextTest(Get, LikePattern.Literal(Text(condition, node, 0), false, true), condition.Operator == ConditionOperator.DoesNotBeginWith);
            case ConditionOperator.EndsWith:
            case ConditionOperator.DoesNotEndWith:
                Expect(condition, node, 1, 1);
                return TextTest(Get, LikePattern.Literal(Text(condition, node, 0), true, false), condition.Operator == ConditionOperator.DoesNotEndWith);
            case ConditionOperator.Contains:
            case ConditionOperator.DoesNotContain:
                // Dataverse's Contains is a full-text search; the in-memory org treats it as a substring match.
                Expect(condition, node, 1, 1);
                return TextTest(Get, LikePattern.Literal(Text(condition, node, 0), true, true), condition.Operator == ConditionOperator.DoesNotContain);
            case ConditionOperator.On:
            case ConditionOperator.NotOn:
            case ConditionOperator.OnOrAfter:
            case ConditionOperator.OnOrBefore:
            {
                RequireDate(condition, node, column);
                Expect(condition, node, 1, 1);
                var v = Value(condition, node, column, 0);
                if (v.IsNull) return _ => false;
                // Dates are compared by UTC day (the in-memory org has no user time zones).
                var day = v.Time.Date;
                var from = Scalar.FromTime(day);
                var to = Scalar.FromTime(day.AddDays(1));
                return condition.Operator switch
                {
                    ConditionOperator.On => Range(Get, from, to),
                    ConditionOperator.NotOn => row => { var x = Get(row); return !x.IsNull && (Scalar.Compare(x, from) < 0 || Scalar.Compare(x, to) >= 0); },
                    ConditionOperator.OnOrAfter => row => { var x = Get(row); return !x.IsNull && Scalar.Compare(x, from) >= 0; },
                    _ => row => { var x = Get(row); return !x.IsNull && Scalar.Compare(x, to) < 0; },
                };
            }
            case ConditionOperator.EqualUserId:
            case ConditionOperator.NotEqualUserId:
            {
                Expect(condition, node, 0, 0);
                if (context.CallerId is not Guid caller)
                    throw Faults.InvalidArgument($"The condition operator '{label}' needs the calling user, which this query was run without.");
                var me = Scalar.FromGuid(caller);
                var negate = condition.Operator == ConditionOperator.NotEqualUserId;
                return row => { var x = Get(row); return !x.IsNull && x.Equals(me) != negate; };
            }
            default:
                return Relative(condition, node, column, Get, context, label);
        }
    }

    private static RowPredicate Relative(ConditionNode condition, QueryNode node, ColumnDefinition column, Func<Entity?[], Scalar> get, QueryContext context, string label)
    {
        var op = condition.Operator;
        var needsX = op is ConditionOperator.LastXDays or ConditionOperator.NextXDays or ConditionOperator.LastXHours or ConditionOperator.NextXHours
            or ConditionOperator.LastXWeeks or ConditionOperator.NextXWeeks or ConditionOperator.LastXMonths or ConditionOperator.NextXMonths
            or ConditionOperator.LastXYears or ConditionOperator.NextXYears or ConditionOperator.OlderThanXDays or ConditionOperator.OlderThanXHours
            or ConditionOperator.OlderThanXMinutes or ConditionOperator.OlderThanXWeeks or ConditionOperator.OlderThanXMonths or ConditionOperator.OlderThanXYears;
        var known = needsX || op is ConditionOperator.Today or ConditionOperator.Yesterday or ConditionOperator.Tomorrow or ConditionOperator.Last7Days
            or ConditionOperator.Next7Days or ConditionOperator.ThisWeek or ConditionOperator.LastWeek or ConditionOperator.NextWeek
            or ConditionOperator.ThisMonth or ConditionOperator.LastMonth or ConditionOperator.NextMonth or ConditionOperator.ThisYear
            or ConditionOperator.LastYear or ConditionOperator.NextYear;
        if (!known)
            throw Faults.InvalidArgument($"The condition operator '{label}' (on '{node.Table.LogicalName}.{column.LogicalName}') is not supported by the in-memory organization.");
        RequireDate(condition, node, column);
        if (context.UtcNow is null)
            throw Faults.InvalidArgument($"The condition operator '{label}' is relative to now, and this query was run without a clock.");

        var x = 0;
        if (needsX)
        {
            Expect(condition, node, 1, 1);
            var raw = condition.Values[0];
            bool parsed;
            if (raw is int i)
            {
                x = i;
                parsed = true;
            }
            else parsed = int.TryParse(Convert.ToString(raw, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out x);
            if (!parsed || x < 0)
                throw Faults.InvalidArgument($"The condition operator '{label}' on '{column.LogicalName}' needs a whole number of units, not '{raw}'.");
        }
        else Expect(condition, node, 0, 0);

        var now = Scalar.ToUtc(context.UtcNow());
        var today = now.Date;
        var weekStart = today.AddDays(-(int)today.DayOfWeek);
        var month = new DateTime(today.Year, today.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        var year = new DateTime(today.Year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        // Ranges are [from, to); "last X" runs from the start of the day X units ago up to now, "next X" from now to the end of the day X units ahead.
        (DateTime From, DateTime To) range = op switch
        {
            ConditionOperator.Today => (today, today.AddDays(1)),
            ConditionOperator.Yesterday => (today.AddDays(-1), today),
            ConditionOperator.Tomorrow => (today.AddDays(1), today.AddDays(2)),
            ConditionOperator.Last7Days => (today.AddDays(-7), now.AddTicks(1)),
            ConditionOperator.Next7Days => (now, today.AddDays(8)),
            ConditionOperator.LastXDays => (today.AddDays(-x), now.AddTicks(1)),
            ConditionOperator.NextXDays => (now, today.AddDays(x + 1)),
            ConditionOperator.LastXHours => (now.AddHours(-x), now.AddTicks(1)),
            ConditionOperator.NextXHours => (now, now.AddHours(x)),
            ConditionOperator.LastXWeeks => (today.AddDays(-7 * x), now.AddTicks(1)),
            ConditionOperator.NextXWeeks => (now, today.AddDays(7 * x + 1)),
            ConditionOperator.LastXMonths => (today.AddMonths(-x), now.AddTicks(1)),
            ConditionOperator.NextXMonths => (now, today.AddMonths(x).AddDays(1)),
            ConditionOperator.LastXYears => (today.AddYears(-x), now.AddTicks(1)),
            ConditionOperator.NextXYears => (now, today.AddYears(x).AddDays(1)),
            ConditionOperator.OlderThanXMinutes => (DateTime.MinValue, now.AddMinutes(-x)),
            ConditionOperator.OlderThanXHours => (DateTime.MinValue, now.AddHours(-x)),
            ConditionOperator.OlderThanXDays => (DateTime.MinValue, now.AddDays(-x)),
            ConditionOperator.OlderThanXWeeks => (DateTime.MinValue, now.AddDays(-7 * x)),
            ConditionOperator.OlderThanXMonths => (DateTime.MinValue, now.AddMonths(-x)),
            ConditionOperator.OlderThanXYears => (DateTime.MinValue, now.AddYears(-x)),
            ConditionOperator.ThisWeek => (weekStart, weekStart.AddDays(7)),
            ConditionOperator.LastWeek => (weekStart.AddDays(-7), weekStart),
            ConditionOperator.NextWeek => (weekStart.AddDays(7), weekStart.AddDays(14)),
            ConditionOperator.ThisMonth => (month, month.AddMonths(1)),
            ConditionOperator.LastMonth => (month.AddMonths(-1), month),
            ConditionOperator.NextMonth => (month.AddMonths(1), month.AddMonths(2)),
            ConditionOperator.ThisYear => (year, year.AddYears(1)),
            ConditionOperator.LastYear => (year.AddYears(-1), year),
            _ => (year.AddYears(1), year.AddYears(2)),
        };
        return Range(get, Scalar.FromTime(DateTime.SpecifyKind(range.From, DateTimeKind.Utc)), Scalar.FromTime(DateTime.SpecifyKind(range.To, DateTimeKind.Utc)));
    }

    private static RowPredicate Range(Func<Entity?[], Scalar> get, Scalar from, Scalar to) =>
        row => { var x = get(row); return !x.IsNull && Scalar.Compare(x, from) >= 0 && Scalar.Compare(x, to) < 0; };

    private static RowPredicate Compare(ConditionNode condition, QueryNode node, ColumnDefinition column, Func<Entity?[], Scalar> get, Func<int, bool> accept)
    {
        Expect(condition, node, 1, 1);
        var v = Value(condition, node, column, 0);
        if (v.IsNull) return _ => false;
        return row => { var x = get(row); return !x.IsNull && accept(Scalar.Compare(x, v)); };
    }

    private static RowPredicate TextTest(Func<Entity?[], Scalar> get, LikePattern pattern, bool negate) =>
        row =>
        {
            var x = get(row);
            if (x.IsNull) return false;
            return pattern.IsMatch(x.Kind == ScalarKind.Text ? x.Text : x.ToString()) != negate;
        };

    private static Scalar Value(ConditionNode condition, QueryNode node, ColumnDefinition column, int index)
    {
        var raw = condition.Values[index];
        if (Scalar.TryCoerce(raw, column.Type, out var value)) return value;
        throw Faults.InvalidArgument(
            $"Condition for attribute '{node.Table.LogicalName}.{column.LogicalName}': expected argument(s) of type '{ExpectedType(column.Type)}' but received '{raw?.GetType().FullName}' ('{Convert.ToString(raw, CultureInfo.InvariantCulture)}').");
    }

    private static string Text(ConditionNode condition, QueryNode node, int index)
    {
        var raw = condition.Values[index];
        if (raw is string s) return s;
        if (raw is null) throw Faults.InvalidArgument($"Condition '{OperatorName(condition)}' on '{node.Table.LogicalName}.{condition.Attribute}' needs a text value.");
        return Convert.ToString(raw, CultureInfo.InvariantCulture) ?? string.Empty;
    }

    private static void Expect(ConditionNode condition, QueryNode node, int min, int max)
    {
        var count = condition.Values.Count;
        if (count >= min && count <= max) return;
        var wanted = min == max ? min.ToString(CultureInfo.InvariantCulture) : max == int.MaxValue ? $"at least {min}" : $"{min} to {max}";
        throw Faults.InvalidArgument($"Condition operator '{OperatorName(condition)}' on '{node.Table.LogicalName}.{condition.Attribute}' takes {wanted} value(s) but was given {count}.");
    }

    private static void RequireDate(ConditionNode condition, QueryNode node, ColumnDefinition column)
    {
        if (column.Type != ColumnType.DateTime)
            throw Faults.InvalidArgument($"Condition operator '{OperatorName(condition)}' is only valid on date and time columns; '{node.Table.LogicalName}.{column.LogicalName}' is {column.Type}.");
    }

    private static string OperatorName(ConditionNode condition) => condition.OperatorText ?? condition.Operator.ToString();

    private static string ExpectedType(ColumnType type) => type switch
    {
        ColumnType.Uniqueidentifier or ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner => "System.Guid",
        ColumnType.Integer or ColumnType.Picklist or ColumnType.State or ColumnType.Status => "System.Int32",
        ColumnType.BigInt => "System.Int64",
        ColumnType.Decimal or ColumnType.Money => "System.Decimal",
        ColumnType.Double => "System.Double",
        ColumnType.Boolean => "System.Boolean",
        ColumnType.DateTime => "System.DateTime",
        _ => "System.String",
    };
}
