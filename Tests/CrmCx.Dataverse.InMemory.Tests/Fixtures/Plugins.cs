using System;
using System.Linq;
using CrmCx.Registration;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

// Test plugins, registered through the same attribute the product's plugins carry. Each test registers only the types it needs.
namespace CrmCx.Dataverse.InMemory.Tests.Fixtures;

public static class PluginServices
{
    public static IPluginExecutionContext4 Context(this IServiceProvider sp) => (IPluginExecutionContext4)sp.GetService(typeof(IPluginExecutionContext))!;
    public static ITracingService Tracing(this IServiceProvider sp) => (ITracingService)sp.GetService(typeof(ITracingService))!;
    public static IOrganizationService Service(this IServiceProvider sp, Guid? user) =>
        ((IOrganizationServiceFactory)sp.GetService(typeof(IOrganizationServiceFactory))!).CreateOrganizationService(user);
}

[CrmPluginRegistration("Create", "account", StageEnum.PreOperation, ExecutionModeEnum.Synchronous, null, "Set account number", 1, IsolationModeEnum.Sandbox)]
public sealed class SetAccountNumberPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var target = (Entity)serviceProvider.Context().InputParameters["Target"];
        if (!target.Contains("accountnumber")) target["accountnumber"] = "AN-" + target.GetAttributeValue<string>("name")?.ToUpperInvariant();
        serviceProvider.Tracing().Trace("Set account number {0}", target["accountnumber"]);
    }
}

[CrmPluginRegistration("Update", "contact", StageEnum.PostOperation, ExecutionModeEnum.Synchronous, "emailaddress1", "Audit email change", 1, IsolationModeEnum.Sandbox,
    Image1Name = "Pre", Image1Attributes = "emailaddress1,firstname", Image1Type = ImageTypeEnum.PreImage,
    Image2Name = "Post", Image2Attributes = "emailaddress1", Image2Type = ImageTypeEnum.PostImage)]
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

[CrmPluginRegistration("Create", "account", StageEnum.PreValidation, ExecutionModeEnum.Synchronous, null, "Reject names", 1, IsolationModeEnum.Sandbox)]
public sealed class RejectNamePlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var target = (Entity)serviceProvider.Context().InputParameters["Target"];
        if (target.GetAttributeValue<string>("name") == "Reject me") throw new InvalidPluginExecutionException("Accounts named 'Reject me' are not allowed.");
    }
}

[CrmPluginRegistration("Create", "contact", StageEnum.PostOperation, ExecutionModeEnum.Synchronous, null, "Create a task, then fail", 1, IsolationModeEnum.Sandbox)]
public sealed class CreateTaskThenFailPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Context();
        serviceProvider.Service(context.UserId).Create(new Entity("task") { ["subject"] = "Call the new contact", ["regardingobjectid"] = new EntityReference("contact", context.PrimaryEntityId) });
        throw new InvalidPluginExecutionException("The contact cannot be created today.");
    }
}

[CrmPluginRegistration("Create", "account", StageEnum.PostOperation, ExecutionModeEnum.Asynchronous, null, "Follow up new account", 1, IsolationModeEnum.Sandbox)]
public sealed class FollowUpTaskAsyncPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Context();
        serviceProvider.Tracing().Trace("Mode={0} InTransaction={1} Depth={2}", context.Mode, context.IsInTransaction, context.Depth);
        serviceProvider.Service(null).Create(new Entity("task") { ["subject"] = "Welcome call", ["regardingobjectid"] = new EntityReference("account", context.PrimaryEntityId) });
    }
}

[CrmPluginRegistration("Create", "account", StageEnum.PostOperation, ExecutionModeEnum.Asynchronous, null, "Failing async step", 2, IsolationModeEnum.Sandbox)]
public sealed class FailingAsyncPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider) => throw new InvalidPluginExecutionException("The CRM of the partner is down.");
}

[CrmPluginRegistration("Update", "account", StageEnum.PostOperation, ExecutionModeEnum.Synchronous, null, "Touch the account again", 1, IsolationModeEnum.Sandbox)]
public sealed class RecursiveUpdatePlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Context();
        serviceProvider.Tracing().Trace("Depth {0}", context.Depth);
        serviceProvider.Service(null).Update(new Entity("account", context.PrimaryEntityId) { ["description"] = "depth " + context.Depth });
    }
}

[CrmPluginRegistration("CreateMultiple", "contact", StageEnum.PreOperation, ExecutionModeEnum.Synchronous, null, "Job title for bulk creates", 1, IsolationModeEnum.Sandbox)]
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

[CrmPluginRegistration("Create", "contact", StageEnum.PreOperation, ExecutionModeEnum.Synchronous, null, "Trace single create", 2, IsolationModeEnum.Sandbox)]
public sealed class SingleCreateTracePlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Context();
        var target = (Entity)context.InputParameters["Target"];
        serviceProvider.Tracing().Trace("{0} of {1} jobtitle={2}", context.MessageName, target.GetAttributeValue<string>("lastname"), target.GetAttributeValue<string>("jobtitle"));
    }
}

[CrmPluginRegistration("Create", "account", StageEnum.PreOperation, ExecutionModeEnum.Synchronous, null, "Configured", 1, IsolationModeEnum.Sandbox,
    UnSecureConfiguration = "unsecure-value", SecureConfiguration = "secure-value")]
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

[CrmPluginRegistration("Update", "account", StageEnum.PostOperation, ExecutionModeEnum.Synchronous, "name", "Read related contacts", 1, IsolationModeEnum.Sandbox)]
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

[CrmPluginRegistration("Create", "account", StageEnum.PreOperation, ExecutionModeEnum.Synchronous, null, "Null reference", 1, IsolationModeEnum.Sandbox)]
public sealed class NullReferencePlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        string? missing = null;
        serviceProvider.Tracing().Trace("Length {0}", missing!.Length);
    }
}

[CrmPluginRegistration("Create", "account", StageEnum.PostOperation, ExecutionModeEnum.Synchronous, null, "ExecuteMultiple inside a plugin", 1, IsolationModeEnum.Sandbox)]
public sealed class ExecuteMultipleInPluginPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Context();
        var request = new ExecuteMultipleRequest
        {
            Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = true },
            Requests = new OrganizationRequestCollection
            {
                new CreateRequest { Target = new Entity("contact") { ["lastname"] = "Good", ["parentcustomerid"] = new EntityReference("account", context.PrimaryEntityId) } },
                new CreateRequest { Target = new Entity("contact") { ["lastname"] = "Bad", ["nosuchcolumn"] = "x" } },
            },
        };
        serviceProvider.Service(null).Execute(request);
    }
}

[CrmPluginRegistration("UpdateMultiple", "account", StageEnum.PreOperation, ExecutionModeEnum.Synchronous, "name", "Stamp renamed accounts", 1, IsolationModeEnum.Sandbox)]
public sealed class StampRenamedAccountsPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var targets = (EntityCollection)serviceProvider.Context().InputParameters["Targets"];
        foreach (var target in targets.Entities) target["description"] = "renamed";
    }
}

[CrmPluginRegistration("Create", "account", StageEnum.PostOperation, ExecutionModeEnum.Synchronous, null, "Create primary contact", 1, IsolationModeEnum.Sandbox)]
public sealed class CreatePrimaryContactPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider)
    {
        var context = serviceProvider.Context();
        context.SharedVariables["from-account"] = "yes";
        serviceProvider.Service(null).Create(new Entity("contact") { ["lastname"] = "Primary", ["parentcustomerid"] = new EntityReference("account", context.PrimaryEntityId) });
    }
}

[CrmPluginRegistration("Delete", "account", StageEnum.PreOperation, ExecutionModeEnum.Synchronous, null, "Audit deletion", 1, IsolationModeEnum.Sandbox,
    Image1Name = "Deleted", Image1Attributes = "name", Image1Type = ImageTypeEnum.PreImage)]
public sealed class DeleteAuditPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider) =>
        serviceProvider.Tracing().Trace("Deleting {0}", serviceProvider.Context().PreEntityImages["Deleted"].GetAttributeValue<string>("name"));
}

[CrmPluginRegistration("Create", "contact", StageEnum.PreOperation, ExecutionModeEnum.Asynchronous, null, "Invalid async", 1, IsolationModeEnum.Sandbox)]
internal sealed class InvalidAsyncPreOperationPlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider) { }
}

[CrmPluginRegistration("Create", "contact", StageEnum.PostOperation, ExecutionModeEnum.Synchronous, null, "Invalid pre-image", 1, IsolationModeEnum.Sandbox,
    Image1Name = "Pre", Image1Attributes = "lastname", Image1Type = ImageTypeEnum.PreImage)]
internal sealed class InvalidCreatePreImagePlugin : IPlugin
{
    public void Execute(IServiceProvider serviceProvider) { }
}
