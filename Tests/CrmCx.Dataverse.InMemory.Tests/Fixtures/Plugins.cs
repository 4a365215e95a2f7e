using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

// Test plugins; their steps are in FixtureSteps (step files, as the solution ships them). Each test registers only the types it needs.
namespace CrmCx.Dataverse.InMemory.Tests.Fixtures;

public static class PluginServices
{
    public static IPluginExecutionContext4 Context(this IServiceProvider sp) => (IPluginExecutionContext4)sp.GetService(typeof(IPluginExecutionContext))!;
    public static ITracingService Tracing(this IServiceProvider sp) => (ITracingService)sp.GetService(typeof(ITracingService))!;
    public static IOrganizationService Service(this IServiceProvider sp, Guid? user) =>
        ((IOrganizationServiceFactory)sp.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(user);
}

public sealed class SetAccountNumberPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var target = (Entity)serviceProvider.Context().InputParameters["Target"];
        if (!target.Contains("accountnumber")) target["accountnumber"] = "AN-" + target.GetAttributeValue<string>("name")?.ToUpperInvariant();
        serviceProvider.Tracing().Trace("Set account number {0}", target["accountnumber"]);
    }
}

public sealed class ContactEmailAuditPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Context();
        var pre = context.PreEntityImages["Pre"];
        var post = context.PostEntityImages["Post"];
        serviceProvider.Tracing().Trace("pre columns: {0}", string.Join(",", pre.Attributes.Keys.OrderBy(k => k)));
        serviceProvider.Tracing().Trace("post columns: {0}", string.Join(",", post.Attributes.Keys.OrderBy(k => k)));
        serviceProvider.Service(null).Create(new Entity("task")
        {
            ["subject"] = $"Email of {pre.GetAttributeValue<string>("firstname")} changed from {pre.GetAttributeValue<string>("emailaddress1")} to {post.GetAttributeValue<string>("emailaddress1")}",
            ["regardingobjectid"] = new EntityReference("contact", context.PrimaryEntityId),
        });
    }
}

public sealed class RejectNamePlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var target = (Entity)serviceProvider.Context().InputParameters["Target"];
        if (target.GetAttributeValue<string>("name") == "Reject me") throw new InvalidPluginExecutionException("Accounts named 'Reject me' are not allowed.");
    }
}

public sealed class CreateTaskThenFailPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Context();
        serviceProvider.Service(context.UserId).Create(new Entity("task") { ["subject"] = "Call the new contact", ["regardingobjectid"] = new EntityReference("contact", context.PrimaryEntityId) });
        throw new InvalidPluginExecutionException("The contact cannot be created today.");
    }
}

public sealed class FollowUpTaskAsyncPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Context();
        serviceProvider.Tracing().Trace("Mode={0} InTransaction={1} Depth={2}", context.Mode, context.IsInTransaction, context.Depth);
        serviceProvider.Service(null).Create(new Entity("task") { ["subject"] = "Welcome call", ["regardingobjectid"] = new EntityReference("account", context.PrimaryEntityId) });
    }
}

public sealed class FailingAsyncPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider) => throw new InvalidPluginExecutionException("The CRM of the partner is down.");
}

public sealed class RecursiveUpdatePlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Context();
        serviceProvider.Tracing().Trace("Depth {0}", context.Depth);
        serviceProvider.Service(null).Update(new Entity("account", context.PrimaryEntityId) { ["description"] = "depth " + context.Depth });
    }
}

public sealed class CreateMultipleJobTitlePlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Context();
        var targets = (EntityCollection)context.InputParameters["Targets"];
        serviceProvider.Tracing().Trace("{0} Targets={1} HasTarget={2}", context.MessageName, targets.Entities.Count, context.InputParameters.Contains("Target"));
        foreach (var target in targets.Entities) target["jobtitle"] = "Set by CreateMultiple step";
    }
}

public sealed class SingleCreateTracePlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Context();
        var target = (Entity)context.InputParameters["Target"];
        serviceProvider.Tracing().Trace("{0} of {1} jobtitle={2}", context.MessageName, target.GetAttributeValue<string>("lastname"), target.GetAttributeValue<string>("jobtitle"));
    }
}

public sealed class ConfiguredPlugin : IPlugin
{
    private readonly string? unsecure;
    private readonly string? secure;

    public ConfiguredPlugin(string? unsecure, string? secure)
    {
        this.unsecure = unsecure;
        this.secure = secure;
    }

    public void Execute(IServiceProvider serviceProvider) => serviceProvider.Tracing().Trace("unsecure={0} secure={1}", unsecure ?? "", secure ?? "");
}

public sealed class ReadingPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Context();
        var service = serviceProvider.Service(context.UserId);
        service.Retrieve("account", context.PrimaryEntityId, new ColumnSet("name"));
        var query = new QueryExpression("contact") { ColumnSet = new ColumnSet("fullname") };
        query.Criteria.AddCondition("parentcustomerid", ConditionOperator.Equal, context.PrimaryEntityId);
        var contacts = service.RetrieveMultiple(query);
        serviceProvider.Tracing().Trace("{0} contacts", contacts.Entities.Count);
    }
}

public sealed class NullReferencePlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        string? missing = null;
        serviceProvider.Tracing().Trace("Length {0}", missing!.Length);
    }
}

/// <summary>Sends the bulk or batch request its configuration names (BatchRequests.Build) for the account it runs on.</summary>
public sealed class BatchRequestPlugin : IPlugin
{
    private readonly string message;

    public BatchRequestPlugin(string unsecure) => message = unsecure;

    public void Execute(IServiceProvider serviceProvider) =>
        serviceProvider.Service(null).Execute(BatchRequests.Build(message, serviceProvider.Context().PrimaryEntityId));
}

/// <summary>The bulk and batch requests of avoid-batch-requests-plugin.md, each writing contacts of (or updating) one account.</summary>
public static class BatchRequests
{
    public static OrganizationRequest Build(string message, Guid accountId)
    {
        Entity Contact(string lastname) => new("contact") { ["lastname"] = lastname, ["parentcustomerid"] = new EntityReference("account", accountId) };
        return message switch
        {
            "CreateMultiple" => new CreateMultipleRequest { Targets = new EntityCollection(new[] { Contact("One"), Contact("Two") }) { EntityName = "contact" } },
            "UpdateMultiple" => new UpdateMultipleRequest
            {
                Targets = new EntityCollection(new[] { new Entity("account", accountId) { ["description"] = "batched" } }) { EntityName = "account" },
            },
            // The SDK reference assemblies (9.0.2.46) have no UpsertMultipleRequest class; the message is sent by name.
            "UpsertMultiple" => new OrganizationRequest("UpsertMultiple") { ["Targets"] = new EntityCollection(new[] { Contact("One") }) { EntityName = "contact" } },
            "ExecuteMultiple" => new ExecuteMultipleRequest
            {
                Settings = new ExecuteMultipleSettings { ContinueOnError = false, ReturnResponses = true },
                Requests = new OrganizationRequestCollection { new CreateRequest { Target = Contact("One") }, new CreateRequest { Target = Contact("Two") } },
            },
            "ExecuteTransaction" => new ExecuteTransactionRequest
            {
                ReturnResponses = true,
                Requests = new OrganizationRequestCollection { new CreateRequest { Target = Contact("One") }, new CreateRequest { Target = Contact("Two") } },
            },
            _ => throw new ArgumentException($"No batch request named {message}.", nameof(message)),
        };
    }
}

public sealed class StampRenamedAccountsPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var targets = (EntityCollection)serviceProvider.Context().InputParameters["Targets"];
        foreach (var target in targets.Entities) target["description"] = "renamed";
    }
}

public sealed class CreatePrimaryContactPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Context();
        context.SharedVariables["from-account"] = "yes";
        serviceProvider.Service(null).Create(new Entity("contact") { ["lastname"] = "Primary", ["parentcustomerid"] = new EntityReference("account", context.PrimaryEntityId) });
    }
}

public sealed class DeleteAuditPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider) =>
        serviceProvider.Tracing().Trace("Deleting {0}", serviceProvider.Context().PreEntityImages["Deleted"].GetAttributeValue<string>("name"));
}

/// <summary>Not public: Dataverse runs only public plugin classes, so an import refuses a step naming it.</summary>
internal sealed class InternalPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider) { }
}

/// <summary>Abstract: cannot be instantiated as a step's plugin.</summary>
public abstract class AbstractPlugin : IPlugin
{
    public abstract void Execute(IServiceProvider serviceProvider);
}

/// <summary>Public, but not an IPlugin.</summary>
public sealed class NotAPlugin
{
}

/// <summary>Reads an image by the alias its step gives it.</summary>
public sealed class AliasReadingPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Context();
        serviceProvider.Tracing().Trace("images: {0}", string.Join(",", context.PreEntityImages.Keys.OrderBy(k => k, StringComparer.Ordinal)));
    }
}

/// <summary>Reads the environment variable its configuration names, default and current value in one FetchXML query, as a plug-in would.</summary>
public sealed class EnvironmentVariableReaderPlugin : IPlugin
{
    private readonly string schemaName;

    public EnvironmentVariableReaderPlugin(string unsecure) => schemaName = unsecure;

    public void Execute(IServiceProvider serviceProvider)
    {
        var fetch = $@"<fetch>
            <entity name='environmentvariabledefinition'>
              <attribute name='defaultvalue'/>
              <filter><condition attribute='schemaname' operator='eq' value='{schemaName}'/></filter>
              <link-entity name='environmentvariablevalue' from='environmentvariabledefinitionid' to='environmentvariabledefinitionid' link-type='outer' alias='v'>
                <attribute name='value'/>
              </link-entity>
            </entity>
          </fetch>";
        var rows = serviceProvider.Service(null).RetrieveMultiple(new FetchExpression(fetch)).Entities;
        foreach (var row in rows)
        {
            var current = row.GetAttributeValue<AliasedValue>("v.value")?.Value as string;
            serviceProvider.Tracing().Trace("default={0} value={1}", row.GetAttributeValue<string>("defaultvalue") ?? "(none)", current ?? "(none)");
        }
    }
}
