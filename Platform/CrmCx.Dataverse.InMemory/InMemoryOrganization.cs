using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using CrmCx.Dataverse.InMemory.CustomApis;
using CrmCx.Dataverse.InMemory.Diagnostics;
using CrmCx.Dataverse.InMemory.Messages;
using CrmCx.Dataverse.InMemory.Metadata;
using CrmCx.Dataverse.InMemory.Pipeline;
using CrmCx.Dataverse.InMemory.Security;
using CrmCx.Dataverse.InMemory.Service;
using CrmCx.Dataverse.InMemory.Store;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory;

/// <summary>An in-memory Dataverse organization: metadata, rows, the organization service and the plugin pipeline.</summary>
public sealed class InMemoryOrganization
{
    private readonly List<TraceRecord> traces = new();
    private readonly List<SystemJob> systemJobs = new();
    private readonly AsyncQueue asyncQueue = new();
    private readonly RowStore store;

    /// <summary>Creates an org with the standard tables, the root business unit, SYSTEM and an administrator; the clock starts at ManualClock.DefaultStart unless a source is given.</summary>
    public InMemoryOrganization(Func<DateTime>? utcClock = null)
    {
        Clock = utcClock is null ? new ManualClock() : new ManualClock(utcClock);
        Metadata = new MetadataStore(Clock);
        StandardTables.ApplyTo(Metadata);
        store = new RowStore(Metadata);
        Rows = new RowOperations(store, new RowWriter(store));
        Transactions = new TransactionManager(store, asyncQueue);
        Runner = new PipelineRunner(this);
        Invoker = new PluginInvoker(this);
        Dispatcher = new MessageDispatcher(this, new IMessageExecutor[]
        {
            new CreateExecutor(this), new RetrieveExecutor(this), new RetrieveMultipleExecutor(this), new UpdateExecutor(this),
            new DeleteExecutor(this), new UpsertExecutor(this), new CreateMultipleExecutor(this), new UpdateMultipleExecutor(this),
            new ExecuteMultipleExecutor(this), new ExecuteTransactionExecutor(this), new RelationshipExecutor(this, associate: true), new RelationshipExecutor(this, associate: false),
            new WhoAmIExecutor(this),
        });
        ServiceFactory = new OrganizationServiceFactory(this, CallCounter.Client, null);
        CustomApis = new CustomApiRegistry(name => Dispatcher.Handles(name) || SdkMessageCatalog.IdOf(name) is not null);
        Security = new SecurityRoles(SystemUserId, AdminUserId, userId => store.Find("systemuser", userId) is not null);

        Seed(new Entity("organization", OrganizationId) { ["name"] = OrganizationName, ["languagecode"] = EnglishLcid });
        Seed(new Entity("businessunit", BusinessUnitId) { ["name"] = OrganizationName });
        Seed(new Entity("systemuser", SystemUserId) { ["fullname"] = "SYSTEM", ["businessunitid"] = new EntityReference("businessunit", BusinessUnitId) });
        Seed(new Entity("systemuser", AdminUserId)
        {
            ["firstname"] = "Admin", ["lastname"] = "User", ["domainname"] = "admin@crmcx.test",
            ["businessunitid"] = new EntityReference("businessunit", BusinessUnitId),
        });
        SeedUserSettings(SystemUserId);
        SeedUserSettings(AdminUserId);
    }

    private const int EnglishLcid = 1033;

    // Every user has a usersettings row (same id); its UI language starts as the organization's base language.
    private void SeedUserSettings(Guid userId) =>
        Seed(new Entity("usersettings", userId) { ["uilanguageid"] = store.Find("organization", OrganizationId)?.GetAttributeValue<int?>("languagecode") ?? EnglishLcid });

    /// <summary>Sets organization.languagecode, the base language (not counted; test and demo setup).</summary>
    public void SetBaseLanguage(int lcid) => SetColumn("organization", OrganizationId, "languagecode", lcid);

    /// <summary>Sets a user's usersettings.uilanguageid, the language the user reads the app in (not counted; test and demo setup).</summary>
    public void SetUserLanguage(Guid userId, int lcid) => SetColumn("usersettings", userId, "uilanguageid", lcid);

    private void SetColumn(string table, Guid id, string column, int value)
    {
        var definition = Metadata.Get(table);
        var row = EntityCopier.Copy(store.Get(table, id));
        row[column] = value;
        store.Replace(definition, row);
    }

    /// <summary>The org's clock (createdon, modifiedon and OperationCreatedOn read it).</summary>
    public ManualClock Clock { get; }
    /// <summary>Tables, columns, keys and relationships; the standard tables are predefined.</summary>
    public MetadataStore Metadata { get; }
    /// <summary>Organization id.</summary>
    public Guid OrganizationId { get; } = new("00000000-0000-4000-8000-00000000000a");
    /// <summary>Organization name (IExecutionContext.OrganizationName).</summary>
    public string OrganizationName { get; } = "crmcx-inmemory";
    /// <summary>The root business unit.</summary>
    public Guid BusinessUnitId { get; } = new("00000000-0000-4000-8000-0000000000b0");
    /// <summary>The SYSTEM user (CreateOrganizationService(null)).</summary>
    public Guid SystemUserId { get; } = new("00000000-0000-4000-8000-0000000000c0");
    /// <summary>The default calling user.</summary>
    public Guid AdminUserId { get; } = new("00000000-0000-4000-8000-0000000000c1");
    /// <summary>Registered plugin steps.</summary>
    public PluginPipeline Pipeline { get; } = new();
    /// <summary>Custom APIs imported from a solution's customapis folder, called through Execute by unique name.</summary>
    public CustomApiRegistry CustomApis { get; }
    /// <summary>Security roles and who holds them (checked for custom API execute privileges only).</summary>
    public SecurityRoles Security { get; }
    /// <summary>Every request, by message and caller.</summary>
    public CallCounter Calls { get; } = new();
    /// <summary>One record per plugin execution with what it traced.</summary>
    public IReadOnlyList<TraceRecord> Traces => traces;
    /// <summary>Every asynchronous step execution (drained), succeeded or failed.</summary>
    public IReadOnlyList<SystemJob> SystemJobs => systemJobs;
    /// <summary>How many asynchronous steps wait in the queue.</summary>
    public int PendingAsyncJobs => asyncQueue.Count;
    /// <summary>A factory for client code: null is SYSTEM, Guid.Empty the administrator, any other id that user.</summary>
    public IOrganizationServiceFactory ServiceFactory { get; }

    internal RowOperations Rows { get; }
    internal TransactionManager Transactions { get; }
    internal PipelineRunner Runner { get; }
    internal PluginInvoker Invoker { get; }
    internal MessageDispatcher Dispatcher { get; }

    /// <summary>Creates a systemuser row in the root business unit and returns its id (not counted as a call).</summary>
    public Guid CreateUser(string fullName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fullName);
        var parts = fullName.Split(' ', 2, StringSplitOptions.TrimEntries);
        var user = new Entity("systemuser", Guid.NewGuid())
        {
            ["fullname"] = fullName,
            ["firstname"] = parts[0],
            ["lastname"] = parts.Length > 1 ? parts[1] : null,
            ["businessunitid"] = new EntityReference("businessunit", BusinessUnitId),
        };
        if (parts.Length == 1) user.Attributes.Remove("lastname");
        var id = Seed(user);
        SeedUserSettings(id);
        return id;
    }

    /// <summary>The organization service of a user (default AdminUserId); calls are counted as "client".</summary>
    public IOrganizationService GetService(Guid? userId = null) =>
        new OrganizationService(this, new CallOrigin(userId ?? AdminUserId, CallCounter.Client, null));

    /// <summary>Adds a row directly, validated like a Create but without plugins or call counting (test and demo setup); returns its id.</summary>
    public Guid Seed(Entity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        try
        {
            var table = Metadata.Get(row.LogicalName);
            var copy = EntityCopier.Copy(row);
            var id = RowWriter.IdForCreate(table, copy);
            var scope = new WriteInfo(AdminUserId, BusinessUnitId, Clock.UtcNow);
            store.Insert(table, new RowWriter(store).BuildNew(table, copy, id, scope));
            return id;
        }
        catch (Exception e) when (Faults.Stamp(e, Clock))
        {
            throw; // not reached: the filter stamps the fault with the org's clock and lets it pass
        }
    }

    /// <summary>Runs queued asynchronous steps, and those they queue, in FIFO order; returns how many ran. Failures become failed system jobs and never undo the original write.</summary>
    public int DrainAsyncQueue()
    {
        if (Transactions.InTransaction) throw new InvalidOperationException("DrainAsyncQueue cannot run inside a transaction (from a synchronous plugin).");
        var ran = 0;
        while (asyncQueue.TryDequeue(out var job) && job is not null)
        {
            ran++;
            var c = job.Context;
            try
            {
                Invoker.Invoke(job.Step, c);
                systemJobs.Add(new SystemJob(Guid.NewGuid(), job.Step.Name, job.Step.PluginType.FullName ?? "", c.MessageName, c.PrimaryEntityName,
                    c.PrimaryEntityId, SystemJobStatus.Succeeded, null, null, Clock.UtcNow));
            }
            catch (FaultException<OrganizationServiceFault> e)
            {
                systemJobs.Add(new SystemJob(Guid.NewGuid(), job.Step.Name, job.Step.PluginType.FullName ?? "", c.MessageName, c.PrimaryEntityName,
                    c.PrimaryEntityId, SystemJobStatus.Failed, e.Detail?.Message ?? e.Message, e.Detail?.ErrorCode, Clock.UtcNow));
            }
        }
        return ran;
    }

    /// <summary>A copy of the stored row, or null; not counted (for assertions).</summary>
    public Entity? Peek(string logicalName, Guid id)
    {
        Metadata.Get(logicalName);
        return store.Find(logicalName, id) is { } row ? EntityCopier.Copy(row) : null;
    }

    /// <summary>Copies of every row of a table; not counted (for assertions).</summary>
    public IReadOnlyList<Entity> Snapshot(string logicalName) => EntityCopier.CopyAll(store.GetRows(logicalName));

    /// <summary>Forgets traces, system jobs and call counts (rows and steps stay).</summary>
    public void ResetDiagnostics()
    {
        traces.Clear();
        systemJobs.Clear();
        Calls.Reset();
    }

    /// <summary>
    /// A complete text image of the org's data: every table, row, column, row version and alternate key index entry
    /// (StoreImage), plus whether a transaction is open and how many asynchronous steps wait. Tests compare images to
    /// prove that a failed request left the org exactly as it was.
    /// </summary>
    internal string StoreImage() =>
        Store.StoreImage.Of(store) + $"transaction open: {Transactions.InTransaction}\npending async jobs: {asyncQueue.Count}\n";

    internal int ReserveTrace()
    {
        traces.Add(null!);
        return traces.Count - 1;
    }

    internal void SetTrace(int slot, TraceRecord record)
    {
        // ResetDiagnostics during an execution empties the list; then the record is appended.
        if (slot < traces.Count && traces[slot] is null) traces[slot] = record;
        else traces.Add(record);
    }

    internal Guid BusinessUnitOf(Guid userId) =>
        store.Find("systemuser", userId)?.GetAttributeValue<EntityReference>("businessunitid")?.Id ?? BusinessUnitId;
}
