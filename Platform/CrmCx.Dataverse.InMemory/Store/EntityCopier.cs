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
        // The SDK's collections enumerate through a boxed enumerator: empty ones (formatted values and keys, mostly) are skipped.
        var formatted = source.FormattedValues;
        var buffer = AttributeBuffer.Take();
        if (columns is null)
        {
            foreach (var pair in source.Attributes) buffer.Add(pair.Key, CopyValue(pair.Value));
            if (formatted.Count > 0)
                foreach (var pair in formatted) copy.FormattedValues[pair.Key] = pair.Value;
        }
        else
        {
            var attributes = source.Attributes;
            foreach (var column in columns)
            {
                if (attributes.TryGetValue(column, out var value)) buffer.Add(column, CopyValue(value));
                if (formatted.Count > 0 && formatted.TryGetValue(column, out var text)) copy.FormattedValues[column] = text;
            }
        }
        buffer.CopyTo(copy.Attributes);
        var keys = source.KeyAttributes;
        if (keys.Count > 0)
            foreach (var pair in keys) copy.KeyAttributes[pair.Key] = CopyValue(pair.Value);
        return copy;
    }

    /// <summary>A copy of a reference.</summary>
    public static EntityReference Copy(EntityReference source)
    {
        var copy = new EntityReference(source.LogicalName, source.Id) { Name = source.Name, RowVersion = source.RowVersion };
        var keys = source.KeyAttributes;
        if (keys.Count > 0)
            foreach (var pair in keys) copy.KeyAttributes[pair.Key] = CopyValue(pair.Value);
        return copy;
    }

    /// <summary>A copy of any column or parameter value; immutable values are returned as they are.</summary>
    public static object? CopyValue(object? value) => value switch
    {
        null => null,
        // The commonest values first: immutable ones need no copy.
        string or Guid or int or bool or DateTime or decimal or long or double => value,
        Entity e => Copy(e),
        EntityReference r => Copy(r),
        OptionSetValue o => new OptionSetValue(o.Value),
        Money m => new Money(m.Value),
        OptionSetValueCollection c => CopyOptions(c),
        EntityCollection c => CopyCollection(c),
        EntityReferenceCollection c => CopyReferences(c),
        AliasedValue a => new AliasedValue(a.EntityLogicalName, a.AttributeLogicalName, CopyValue(a.Value)),
        byte[] b => (byte[])b.Clone(),
        // A StringArray custom API parameter or response property.
        string[] a => (string[])a.Clone(),
        _ => value,
    };

    private static OptionSetValueCollection CopyOptions(OptionSetValueCollection source)
    {
        var options = new List<OptionSetValue>(source.Count);
        foreach (var o in source) options.Add(new OptionSetValue(o.Value));
        return new OptionSetValueCollection(options);
    }

    private static EntityReferenceCollection CopyReferences(EntityReferenceCollection source)
    {
        var references = new List<EntityReference>(source.Count);
        foreach (var r in source) references.Add(Copy(r));
        return new EntityReferenceCollection(references);
    }

    /// <summary>A copy of a collection of rows.</summary>
    public static EntityCollection CopyCollection(EntityCollection source)
    {
        // An array of the exact size: the collection copies what it is given into its own list.
        var entities = source.Entities;
        var rows = new Entity[entities.Count];
        for (var i = 0; i < rows.Length; i++) rows[i] = Copy(entities[i]);
        var copy = new EntityCollection(rows)
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

    /// <summary>A copy of a parameter collection, values deep-copied (as the wire would) except the one named taken, which is taken as it is.</summary>
    public static ParameterCollection CopyParameters(ParameterCollection source, string? taken = null)
    {
        var copy = new ParameterCollection();
        foreach (var pair in source) copy[pair.Key] = pair.Key == taken ? pair.Value : CopyParameterValue(pair.Value);
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
    public static List<Entity> CopyAll(IEnumerable<Entity> rows)
    {
        var copies = rows is ICollection<Entity> sized ? new List<Entity>(sized.Count) : new List<Entity>();
        foreach (var row in rows) copies.Add(Copy(row));
        return copies;
    }

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
