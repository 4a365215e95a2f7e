using System;
using System.Collections.Generic;
using CrmCx.Dataverse.InMemory.Metadata;
using CrmCx.Dataverse.InMemory.Query.Model;
using CrmCx.Dataverse.InMemory.Query.Values;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Query.Aggregation;

/// <summary>
/// One aggregate function over one group. Results take the types Dataverse returns: counts as int; sum, avg, min and
/// max in the column's own type (Money for currency, int for whole numbers, where avg truncates as SQL's AVG does).
/// </summary>
internal sealed class Accumulator
{
    private readonly SelectedColumn column;
    private readonly HashSet<Scalar>? distinct;
    private int rows;
    private int values;
    private decimal sum;
    private double realSum;
    private Scalar best;
    private object? bestRaw;

    public Accumulator(SelectedColumn column)
    {
        this.column = column;
        if (column.Aggregate == AggregateKind.CountColumn && column.Distinct) distinct = new HashSet<Scalar>();
    }

    public void Add(object? raw)
    {
        rows++;
        if (raw is null || column.Aggregate == AggregateKind.Count) return;
        if (column.Aggregate == AggregateKind.CountColumn && distinct is null)
        {
            values++;
            return;
        }
        var value = Scalar.From(raw);
        if (value.IsNull) return;
        values++;
        switch (column.Aggregate)
        {
            case AggregateKind.CountColumn:
                distinct?.Add(value);
                break;
            case AggregateKind.Sum:
            case AggregateKind.Avg:
                if (value.Kind == ScalarKind.Float) realSum += value.Real;
                else sum += value.Number;
                break;
            case AggregateKind.Min:
            case AggregateKind.Max:
                var c = bestRaw is null ? 0 : Scalar.Compare(value, best);
                if (bestRaw is null || (column.Aggregate == AggregateKind.Min ? c < 0 : c > 0))
                {
                    best = value;
                    bestRaw = raw;
                }
                break;
        }
    }

    public object? Result()
    {
        switch (column.Aggregate)
        {
            case AggregateKind.Count: return rows;
            case AggregateKind.CountColumn: return distinct?.Count ?? values;
            case AggregateKind.Min:
            case AggregateKind.Max: return ValueCopy.Of(bestRaw);
        }
        if (values == 0) return null;
        var average = column.Aggregate == AggregateKind.Avg;
        return column.Column.Type switch
        {
            ColumnType.Integer => (int)(average ? decimal.Truncate(sum / values) : sum),
            ColumnType.BigInt => (long)(average ? decimal.Truncate(sum / values) : sum),
            ColumnType.Money => new Money(average ? sum / values : sum),
            ColumnType.Double => average ? realSum / values : realSum,
            _ => average ? sum / values : sum,
        };
    }
}
