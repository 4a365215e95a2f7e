using CrmCx.Schema;
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmCx.Dataverse.InMemory;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace CrmCx.Cli.Serving;

/// <summary>
/// Answers the fake Xrm.WebApi's retrieveRecord and retrieveMultipleRecords from the in-memory org: the Web API
/// options become QueryExpressions run through the organization service (so they are counted and see the same rows
/// the plugins wrote), and rows come back shaped as the Web API shapes them (lookups as _x_value, choices as numbers,
/// dates as ISO 8601 UTC, expanded collections as arrays).
/// </summary>
public sealed class WebApiReader
{
    private readonly InMemoryOrganization org;
    private readonly IOrganizationService service;
    // The org is single-threaded; the panel and the form fire their requests at once.
    private readonly object gate = new();

    /// <summary>Reads through a service of the org's admin user (the demo's signed-in user).</summary>
    public WebApiReader(InMemoryOrganization org)
    {
        this.org = org ?? throw new ArgumentNullException(nameof(org));
        service = org.GetService();
    }

    /// <summary>Xrm.WebApi.retrieveRecord(table, id, options).</summary>
    public IDictionary<string, object?> RetrieveRecord(string table, string id, string? options)
    {
        var parsed = ODataOptions.Parse(options);
        var key = Guid.Parse(id.Trim('{', '}'));
        var definition = Table(table);
        var query = Query(table, parsed);
        query.Criteria.AddCondition(definition.PrimaryIdAttribute, ConditionOperator.Equal, key);
        lock (gate)
        {
            var row = service.RetrieveMultiple(query).Entities.FirstOrDefault()
                ?? throw new KeyNotFoundException($"{table} With Id = {key} Does Not Exist");
            return Shape(row, parsed);
        }
    }

    /// <summary>Xrm.WebApi.retrieveMultipleRecords(table, options): { entities: [...] }.</summary>
    public IDictionary<string, object?> RetrieveMultiple(string table, string? options)
    {
        var parsed = ODataOptions.Parse(options);
        var query = Query(table, parsed);
        lock (gate)
        {
            var rows = service.RetrieveMultiple(query).Entities.Select(e => Shape(e, parsed)).ToList();
            return new Dictionary<string, object?> { ["entities"] = rows };
        }
    }

    /// <summary>
    /// Xrm.WebApi.online.execute of cx_GetDrivers (issue 15): Dimension, Account and JourneyType (both optional) as the
    /// custom API takes them; the answer is its response properties. An org without the API answers as Dataverse does, with a fault.
    /// </summary>
    public IDictionary<string, object?> ExecuteDrivers(string operation, string? dimension, string? account, int? journeyType = null)
    {
        if (operation != ComponentSchema.GetDrivers) throw new FormatException($"'{operation}' is not an operation the demo server runs.");
        var request = new OrganizationRequest(operation) { ["Dimension"] = dimension ?? "" };
        if (!string.IsNullOrEmpty(account)) request["Account"] = new EntityReference("account", Guid.Parse(account.Trim('{', '}')));
        if (journeyType.HasValue) request["JourneyType"] = journeyType.Value;
        lock (gate)
        {
            var response = service.Execute(request);
            return response.Results.ToDictionary(r => r.Key, r => (object?)r.Value);
        }
    }

    private Dataverse.InMemory.Metadata.TableDefinition Table(string table) =>
        org.Metadata.Find(table) ?? throw new KeyNotFoundException($"Resource not found for the segment '{table}'.");

    private QueryExpression Query(string table, ODataOptions options)
    {
        Table(table);
        var query = new QueryExpression(table)
        {
            ColumnSet = options.Select.Count == 0 ? new ColumnSet(true) : new ColumnSet(options.Select.Select(Column).ToArray()),
        };
        if (options.Filter is not null) query.Criteria.AddFilter(Filter(options.Filter));
        foreach (var order in options.OrderBy) query.AddOrder(Column(order.Column), order.Descending ? OrderType.Descending : OrderType.Ascending);
        if (options.Top is { } top) query.TopCount = top;
        return query;
    }

    private IDictionary<string, object?> Shape(Entity row, ODataOptions options)
    {
        var definition = Table(row.LogicalName);
        var shaped = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            [definition.PrimaryIdAttribute] = row.Id.ToString(),
        };
        foreach (var (name, value) in row.Attributes)
        {
            switch (value)
            {
                case EntityReference reference:
                    shaped[$"_{name}_value"] = reference.Id.ToString();
                    // Xrm.WebApi asks for every annotation: a lookup comes with its record's name and table.
                    if (DisplayName(reference) is { } display) shaped[$"_{name}_value{FormattedValue}"] = display;
                    shaped[$"_{name}_value@Microsoft.Dynamics.CRM.lookuplogicalname"] = reference.LogicalName;
                    break;
                case OptionSetValue choice:
                    shaped[name] = choice.Value;
                    break;
                case Money money:
                    shaped[name] = money.Value;
                    break;
                case DateTime date:
                    shaped[name] = DateTime.SpecifyKind(date, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
                    break;
                case Guid guid:
                    shaped[name] = guid.ToString();
                    break;
                case AliasedValue or EntityCollection:
                    break;
                default:
                    shaped[name] = value;
                    break;
            }
        }
        foreach (var expand in options.Expand) shaped[expand.Navigation] = Expand(row, expand);
        return shaped;
    }

    private const string FormattedValue = "@OData.Community.Display.V1.FormattedValue";

    /// <summary>The primary name of the row a lookup points to, as the Web API's formatted value carries it.</summary>
    private string? DisplayName(EntityReference reference)
    {
        if (!string.IsNullOrEmpty(reference.Name)) return reference.Name;
        var table = org.Metadata.Find(reference.LogicalName);
        if (table is null) return null;
        return org.Peek(reference.LogicalName, reference.Id)?.GetAttributeValue<string>(table.PrimaryNameAttribute);
    }

    private List<IDictionary<string, object?>> Expand(Entity parent, ODataExpand expand)
    {
        var relationship = org.Metadata.FindRelationship(expand.Navigation);
        if (relationship is null || relationship.IsManyToMany || relationship.ReferencedEntity != parent.LogicalName)
            throw new FormatException($"'{expand.Navigation}' is not a collection-valued navigation property of {parent.LogicalName}.");
        var query = Query(relationship.ReferencingEntity, expand.Options);
        query.Criteria.AddCondition(relationship.ReferencingAttribute, ConditionOperator.Equal, parent.Id);
        return service.RetrieveMultiple(query).Entities.Select(e => Shape(e, expand.Options)).ToList();
    }

    private static FilterExpression Filter(ODataFilter filter)
    {
        switch (filter)
        {
            case ODataLogical logical:
                var group = new FilterExpression(logical.IsAnd ? LogicalOperator.And : LogicalOperator.Or);
                foreach (var part in logical.Parts) group.AddFilter(Filter(part));
                return group;
            case ODataComparison c:
                var single = new FilterExpression(LogicalOperator.And);
                var column = Column(c.Column);
                if (c.Value is null)
                {
                    single.AddCondition(column, c.Operator == "eq" ? ConditionOperator.Null : c.Operator == "ne" ? ConditionOperator.NotNull
                        : throw new FormatException($"'{c.Operator} null' is not a valid comparison."));
                    return single;
                }
                single.AddCondition(column, c.Operator switch
                {
                    "eq" => ConditionOperator.Equal,
                    "ne" => ConditionOperator.NotEqual,
                    "gt" => ConditionOperator.GreaterThan,
                    "ge" => ConditionOperator.GreaterEqual,
                    "lt" => ConditionOperator.LessThan,
                    _ => ConditionOperator.LessEqual,
                }, c.Value);
                return single;
            default:
                throw new FormatException("Unknown $filter node.");
        }
    }

    /// <summary>"_cx_accountid_value" (the Web API's name of a lookup's id) is the column cx_accountid.</summary>
    private static string Column(string name) =>
        name.StartsWith('_') && name.EndsWith("_value", StringComparison.Ordinal) ? name[1..^6] : name;
}
