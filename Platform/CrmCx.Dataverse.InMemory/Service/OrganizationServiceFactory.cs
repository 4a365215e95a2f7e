using System;
using CrmCx.Dataverse.InMemory.Pipeline;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Service;

/// <summary>IOrganizationServiceFactory: null is SYSTEM, Guid.Empty the context's user, any other id that user.</summary>
internal sealed class OrganizationServiceFactory : IOrganizationServiceFactory
{
    private readonly InMemoryOrganization org;
    private readonly string caller;
    private readonly PluginExecutionContext? context;

    public OrganizationServiceFactory(InMemoryOrganization org, string caller, PluginExecutionContext? context)
    {
        this.org = org;
        this.caller = caller;
        this.context = context;
    }

    public IOrganizationService CreateOrganizationService(Guid? userId)
    {
        var user = userId switch
        {
            null => org.SystemUserId,
            { } id when id == Guid.Empty => context?.UserId ?? org.AdminUserId,
            { } id => id,
        };
        return new OrganizationService(org, new CallOrigin(user, caller, context));
    }
}
