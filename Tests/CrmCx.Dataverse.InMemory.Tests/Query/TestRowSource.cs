using System;
using System.Collections.Generic;
using System.ServiceModel;
using CrmCx.Dataverse.InMemory.Metadata;
using CrmCx.Dataverse.InMemory.Query;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Query;

/// <summary>Rows and tables for unit-testing the query engine without the store.</summary>
internal sealed class TestRowSource : IRowSource
{
    private readonly Dictionary<string, TableDefinition> tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entity>> rows = new(StringComparer.Ordinal);

    public TestRowSource()
    {
        Define(new TableDefinition("account", "name")
            .Add(new ColumnDefinition("numberofemployees", ColumnType.Integer))
            .Add(new ColumnDefinition("revenue", ColumnType.Money))
            .Add(new ColumnDefinition("address1_city", ColumnType.String))
            .Add(new ColumnDefinition("primarycontactid", ColumnType.Lookup) { Targets = new[] { "contact" } })
            .Add(new ColumnDefinition("parentaccountid", ColumnType.Lookup) { Targets = new[] { "account" } })
            .Add(new ColumnDefinition("industrycode", ColumnType.Picklist))
            .Add(new ColumnDefinition("creditonhold", ColumnType.Boolean))
            .Add(new ColumnDefinition("exchangerate", ColumnType.Decimal))
            .Add(new ColumnDefinition("latitude", ColumnType.Double)));
        Define(new TableDefinition("contact", "fullname")
            .Add(new ColumnDefinition("parentcustomerid", ColumnType.Customer) { Targets = new[] { "account", "contact" } })
            .Add(new ColumnDefinition("birthdate", ColumnType.DateTime)));
        Define(new TableDefinition("cx_response", "cx_name")
            .Add(new ColumnDefinition("cx_score", ColumnType.Integer))
            .Add(new ColumnDefinition("cx_respondedon", ColumnType.DateTime))
            .Add(new ColumnDefinition("cx_accountid", ColumnType.Lookup) { Targets = new[] { "account" } })
            .Add(new ColumnDefinition("cx_contactid", ColumnType.Lookup) { Targets = new[] { "contact" } })
            .Add(new ColumnDefinition("cx_npscategory", ColumnType.Picklist))
            .Add(new ColumnDefinition("cx_satisfaction", ColumnType.Decimal)));
    }

    public void Define(TableDefinition table)
    {
        tables[table.LogicalName] = table;
        rows.TryAdd(table.LogicalName, new List<Entity>());
    }

    public TableDefinition GetTable(string logicalName) =>
        tables.TryGetValue(logicalName, out var table) ? table : throw Faults.UnknownTable(logicalName);

    public IEnumerable<Entity> GetRows(string logicalName) => rows[GetTable(logicalName).LogicalName];

    public Entity? Find(string logicalName, Guid id) => rows[GetTable(logicalName).LogicalName].Find(e => e.Id == id);

    public IReadOnlyList<Entity> Rows(string logicalName) => rows[logicalName];

    /// <summary>Adds a row with a new id (set as Id and as the primary id column) and the given values.</summary>
    public Entity Add(string logicalName, params (string Column, object? Value)[] values)
    {
        var table = GetTable(logicalName);
        var entity = new Entity(logicalName, Guid.NewGuid());
        entity[table.PrimaryIdAttribute] = entity.Id;
        foreach (var (column, value) in values)
            if (value is not null) entity[column] = value;
        rows[logicalName].Add(entity);
        return entity;
    }

    public QueryEngine Engine(Func<DateTime>? clock = null) => new(this, clock);
}

/// <summary>Assertions on the faults the engine raises.</summary>
internal static class FaultAssert
{
    public static OrganizationServiceFault Throws(Action action, string messagePart)
    {
        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(action);
        Assert.Contains(messagePart, fault.Detail.Message, StringComparison.Ordinal);
        return fault.Detail;
    }
}
