using System.Linq;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Query.Values;

/// <summary>Copies of stored values, so that a caller changing a result never changes the store.</summary>
internal static class ValueCopy
{
    public static object? Of(object? value) => value switch
    {
        EntityReference r => new EntityReference(r.LogicalName, r.Id) { Name = r.Name },
        OptionSetValue o => new OptionSetValue(o.Value),
        Money m => new Money(m.Value),
        OptionSetValueCollection c => new OptionSetValueCollection(c.Select(o => new OptionSetValue(o.Value)).ToList()),
        byte[] b => b.Clone(),
        _ => value,
    };
}
