using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Store;

/// <summary>Deep copies of rows and values, so that nobody outside the store holds a stored instance (Dataverse serializes every row it hands out).</summary>
internal static class EntityCopier
{
    /// <summary>A copy of the row with all its columns, or only the given ones.</summary>
    public static Entity Copy(Entity source, IReadOnlyCollection<string>? columns = null)
    {
        var copy = new Entity(source.LogicalName) { Id = source.Id, RowVersion = source.RowVersion, EntityState = source.EntityState };
        if (columns is null)
        {
            foreach (var pair in source.Attributes) copy.Attributes[pair.Key] = CopyValue(pair.Value);
            foreach (var pair in source.FormattedValues) copy.FormattedValues[pair.Key] = pair.Value;
        }
        else
        {
            foreach (var column in columns)
            {
                if (source.Attributes.TryGetValue(column, out var value)) copy.Attributes[column] = CopyValue(value);
                if (source.FormattedValues.TryGetValue(column, out var formatted)) copy.FormattedValues[column] = formatted;
            }
        }
        foreach (var pair in source.KeyAttributes) copy.KeyAttributes[pair.Key] = CopyValue(pair.Value);
        return copy;
    }

    /// <summary>A copy of a reference.</summary>
    public static EntityReference Copy(EntityReference source)
    {
        var copy = new EntityReference(source.LogicalName, source.Id) { Name = source.Name, RowVersion = source.RowVersion };
        foreach (var pair in source.KeyAttributes) copy.KeyAttributes[pair.Key] = CopyValue(pair.Value);
        return copy;
    }

    /// <summary>A copy of any column or parameter value; immutable values are returned as they are.</summary>
    public static object? CopyValue(object? value) => value switch
    {
        null => null,
        Entity e => Copy(e),
        EntityReference r => Copy(r),
        OptionSetValue o => new OptionSetValue(o.Value),
        Money m => new Money(m.Value),
        OptionSetValueCollection c => new OptionSetValueCollection(c.Select(o => new OptionSetValue(o.Value)).ToList()),
        EntityCollection c => CopyCollection(c),
        EntityReferenceCollection c => new EntityReferenceCollection(c.Select(Copy).ToList()),
        AliasedValue a => new AliasedValue(a.EntityLogicalName, a.AttributeLogicalName, CopyValue(a.Value)),
        byte[] b => (byte[])b.Clone(),
        // A StringArray custom API parameter or response property.
        string[] a => (string[])a.Clone(),
        _ => value,
    };

    /// <summary>A copy of a collection of rows.</summary>
    public static EntityCollection CopyCollection(EntityCollection source)
    {
        var copy = new EntityCollection(source.Entities.Select(e => Copy(e)).ToList())
        {
            EntityName = source.EntityName,
            MoreRecords = source.MoreRecords,
            PagingCookie = source.PagingCookie,
            TotalRecordCount = source.TotalRecordCount,
            TotalRecordCountLimitExceeded = source.TotalRecordCountLimitExceeded,
            MinActiveRowVersion = source.MinActiveRowVersion,
        };
        return copy;
    }

    /// <summary>A copy of a parameter collection, values deep-copied (as the wire would).</summary>
    public static ParameterCollection CopyParameters(ParameterCollection source)
    {
        var copy = new ParameterCollection();
        foreach (var pair in source) copy[pair.Key] = CopyParameterValue(pair.Value);
        return copy;
    }

    private static object? CopyParameterValue(object? value) => value switch
    {
        OrganizationRequestCollection requests => CopyRequests(requests),
        _ => CopyValue(value),
    };

    private static OrganizationRequestCollection CopyRequests(OrganizationRequestCollection source)
    {
        var copy = new OrganizationRequestCollection();
        foreach (var request in source) copy.Add(CopyRequest(request));
        return copy;
    }

    /// <summary>The request as the server sees it after deserialization: same name and id, parameters copied.</summary>
    public static OrganizationRequest CopyRequest(OrganizationRequest request) =>
        new(request.RequestName) { RequestId = request.RequestId, Parameters = CopyParameters(request.Parameters) };

    /// <summary>Copies of the given rows.</summary>
    public static List<Entity> CopyAll(IEnumerable<Entity> rows) => rows.Select(r => Copy(r)).ToList();

    /// <summary>Whether two values are equal as Dataverse compares column values.</summary>
    public static bool ValueEquals(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (null, _) or (_, null) => false,
        (EntityReference x, EntityReference y) => x.Id == y.Id && string.Equals(x.LogicalName, y.LogicalName, StringComparison.Ordinal),
        (OptionSetValue x, OptionSetValue y) => x.Value == y.Value,
        (Money x, Money y) => x.Value == y.Value,
        _ => a.Equals(b),
    };

    /// <summary>Guard for values that must be rows.</summary>
    public static Entity RequireEntity(object? value, string parameter) =>
        value as Entity ?? throw Faults.InvalidArgument($"Required field '{parameter}' is missing or is not an Entity.");
}
