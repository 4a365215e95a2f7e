using System.Collections.Generic;

namespace Microsoft.Xrm.Sdk;

/// <summary>A list of entity references.</summary>
public sealed class EntityReferenceCollection : DataCollection<EntityReference>
{
    /// <summary>Creates an empty list.</summary>
    public EntityReferenceCollection() { }

    /// <summary>Creates a list with the given references.</summary>
    public EntityReferenceCollection(IList<EntityReference> list) : base(list) { }
}

/// <summary>A list of choice values (multi-select choice column).</summary>
public sealed class OptionSetValueCollection : DataCollection<OptionSetValue>
{
    /// <summary>Creates an empty list.</summary>
    public OptionSetValueCollection() { }

    /// <summary>Creates a list with the given values.</summary>
    public OptionSetValueCollection(IList<OptionSetValue> list) : base(list) { }
}

/// <summary>A list of organization requests (ExecuteMultiple, ExecuteTransaction).</summary>
public sealed class OrganizationRequestCollection : DataCollection<OrganizationRequest>
{
    /// <summary>Creates an empty list.</summary>
    public OrganizationRequestCollection() { }
}

/// <summary>A list of organization responses (ExecuteTransaction).</summary>
public sealed class OrganizationResponseCollection : DataCollection<OrganizationResponse>
{
    /// <summary>Creates an empty list.</summary>
    public OrganizationResponseCollection() { }
}

/// <summary>The items of an ExecuteMultiple response.</summary>
public sealed class ExecuteMultipleResponseItemCollection : DataCollection<ExecuteMultipleResponseItem>
{
    /// <summary>Creates an empty list.</summary>
    public ExecuteMultipleResponseItemCollection() { }
}
