using System;
using System.Collections.Generic;
using CrmCx.Dataverse.InMemory.Query.Aggregation;
using CrmCx.Dataverse.InMemory.Query.FetchXml;
using CrmCx.Dataverse.InMemory.Query.Filtering;
using CrmCx.Dataverse.InMemory.Query.Joins;
using CrmCx.Dataverse.InMemory.Query.Model;
using CrmCx.Dataverse.InMemory.Query.Results;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCx.Dataverse.InMemory.Query;

/// <summary>RetrieveMultiple over an in-memory row source: QueryExpression, QueryByAttribute and FetchXML, as Dataverse answers them.</summary>
internal sealed class QueryEngine
{
    private readonly IRowSource source;
    private readonly Func<DateTime>? utcClock;

    /// <summary>Creates an engine; the clock, when given, serves the operators relative to now (today, last-x-days, ...).</summary>
    public QueryEngine(IRowSource source, Func<DateTime>? utcClock = null)
    {
        this.source = source ?? throw new ArgumentNullException(nameof(source));
        this.utcClock = utcClock;
    }

    /// <summary>The work this engine's queries did (rows read, keys compared), for tests that pin complexity without timing.</summary>
    public QueryWork Work { get; } = new();

    /// <summary>Runs a query; the caller's id, when given, serves eq-userid / EqualUserId.</summary>
    public EntityCollection RetrieveMultiple(QueryBase query, Guid? callerId = null)
    {
        var model = query switch
        {
            QueryExpression expression => QueryExpressionTranslator.Translate(expression, source),
            QueryByAttribute byAttribute => QueryExpressionTranslator.Translate(byAttribute, source),
            FetchExpression fetch => FetchXmlParser.Parse(fetch.Query, source),
            null => throw Faults.InvalidArgument("RetrieveMultiple needs a query."),
            _ => throw Faults.InvalidArgument($"The query type '{query.GetType().FullName}' is not supported by the in-memory organization."),
        };
        return Execute(model, new QueryContext(callerId, utcClock, source, Work));
    }

    private EntityCollection Execute(QueryModel model, QueryContext context)
    {
        var filter = ConditionCompiler.Compile(model.Root.Filter, model, model.Root, context);
        var slots = new HashSet<int>();
        ConditionCompiler.CollectSlots(model.Root.Filter, model, model.Root, slots);
        // A filter on the root table alone runs before the joins, so only matching rows are joined.
        var early = slots.Count == 0 || (slots.Count == 1 && slots.Contains(0));
        // Otherwise what it implies about the root alone runs before them (its root-only conditions), the rest after.
        var pre = early ? filter : ConditionCompiler.CompileImplied(model.Root.Filter, model, model.Root, context);
        var rows = JoinExecutor.Run(model, source, pre, context);
        if (!early && filter is not null) rows = rows.FindAll(r => filter(r));
        foreach (var node in model.Nodes)
        {
            var after = ConditionCompiler.Compile(node.AfterJoinFilter, model, node, context);
            if (after is not null) rows = rows.FindAll(r => after(r));
        }

        return model.Aggregate ? AggregateExecutor.Run(model, rows, context.Work) : ResultBuilder.Build(model, rows);
    }
}
