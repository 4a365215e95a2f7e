using System;

namespace CrmCx.Dataverse.InMemory.Store;

/// <summary>Who writes and when: the platform columns (createdby, modifiedon, ownerid, ...) come from here.</summary>
internal readonly record struct WriteInfo(Guid UserId, Guid BusinessUnitId, DateTime UtcNow);
