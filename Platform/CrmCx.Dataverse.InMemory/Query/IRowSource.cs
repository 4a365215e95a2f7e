using System.Collections.Generic;
using CrmCx.Dataverse.InMemory.Metadata;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Query;

/// <summary>Rows and metadata the query engine reads; the store implements it.</summary>
internal interface IRowSource
{
    /// <summary>The table's definition; throws the unknown-table fault when undefined.</summary>
    TableDefinition GetTable(string logicalName);

    /// <summary>The stored rows (the engine copies, never mutates them).</summary>
    IEnumerable<Entity> GetRows(string logicalName);

    /// <summary>The stored row with this primary id, or null (the engine copies, never mutates it).</summary>
    Entity? Find(string logicalName, System.Guid id);
}
