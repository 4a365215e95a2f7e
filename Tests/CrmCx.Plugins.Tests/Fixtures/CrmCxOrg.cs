using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Dataverse.InMemory;
using CrmCx.Dataverse.InMemory.Diagnostics;
using CrmCx.Dataverse.InMemory.Metadata;
using CrmCx.Dataverse.InMemory.Pipeline;
using CrmCx.Dataverse.InMemory.Solutions;
using CrmCx.Domain.Configuration;
using CrmCx.Infrastructure;
using CrmCx.Model;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCx.Plugins.Tests.Fixtures;

/// <summary>What to change in the org a test starts from.</summary>
public sealed class CrmCxOrgOptions
{
    /// <summary>The clock's start (UTC); a Sunday afternoon in November 2026 by default.</summary>
    public DateTime Start { get; set; } = CrmCxOrg.DefaultStart;

    /// <summary>Whether the solution's step files are imported against the real plugin assembly (true by default).</summary>
    public bool RegisterPlugins { get; set; } = true;

    /// <summary>Keeps only the steps this returns true for (all by default).</summary>
    public Func<PluginStep, bool>? StepFilter { get; set; }

    /// <summary>The environment's value of the CrmCx settings (environment variable cx_Settings); null keeps the shipped default value.</summary>
    public string? Settings { get; set; }

    /// <summary>Sets the environment's value of cx_Settings, as an admin does after import.</summary>
    public CrmCxOrgOptions WithSettings(string? json)
    {
        Settings = json;
        return this;
    }
}

/// <summary>
/// An in-memory Dataverse with the CrmCx model and the solution's steps imported against the real plugin assembly, plus the rows tests talk about.
/// <c>var org = CrmCxOrg.Create(); var account = org.Account("Contoso"); org.Service.Create(...); org.Settle();</c>
/// Setup rows (users, accounts, contacts, journeys, history) are seeded without plugins and without counting calls;
/// what a test is about goes through <see cref="Service"/>, the calling user's organization service.
/// </summary>
public sealed class CrmCxOrg
{
    /// <summary>Default start of the clock.</summary>
    public static readonly DateTime DefaultStart = new DateTime(2026, 11, 22, 15, 0, 0, DateTimeKind.Utc);

    private CrmCxOrg(InMemoryOrganization org)
    {
        Org = org;
        Service = org.GetService();
    }

    /// <summary>The organization (clock, pipeline, calls, traces, system jobs, Peek/Snapshot).</summary>
    public InMemoryOrganization Org { get; }

    /// <summary>The administrator's organization service (counted as "client").</summary>
    public IOrganizationService Service { get; }

    /// <summary>The org's current time.</summary>
    public DateTime Now => Org.Clock.UtcNow;

    /// <summary>Where the solution's step files are copied in the test output (Solution/SdkMessageProcessingSteps).</summary>
    public static string StepFolder => System.IO.Path.Combine(AppContext.BaseDirectory, "Solution", "SdkMessageProcessingSteps");

    /// <summary>Creates the org; <paramref name="configure"/> may change the start time, the steps and their configuration.</summary>
    public static CrmCxOrg Create(Action<CrmCxOrgOptions>? configure = null)
    {
        var options = new CrmCxOrgOptions();
        configure?.Invoke(options);
        var org = new InMemoryOrganization();
        org.Clock.Set(options.Start);
        CrmCxModel.ApplyTo(org.Metadata);
        // The unpacked solution (copied next to the tests by the project), imported as Dataverse imports it: steps,
        // the settings variable with its default value, the custom APIs and the roles.
        SolutionImport.ImportFolder(org, SolutionFolder, typeof(PluginBase).Assembly);
        if (!options.RegisterPlugins || options.StepFilter != null)
        {
            var steps = org.Pipeline.Steps.ToList();
            org.Pipeline.Clear();
            if (options.RegisterPlugins) foreach (var step in steps.Where(options.StepFilter!)) org.Pipeline.Register(step);
        }
        if (options.Settings != null)
        {
            var definition = org.Snapshot("environmentvariabledefinition").Single(d => d.GetAttributeValue<string>("schemaname") == CrmCxSettings.EnvironmentVariable);
            EnvironmentVariableImport.SetValue(org, definition.Id, CrmCxSettings.EnvironmentVariable, options.Settings);
        }
        return new CrmCxOrg(org);
    }

    /// <summary>Where the unpacked solution is copied in the test output.</summary>
    public static string SolutionFolder => System.IO.Path.Combine(AppContext.BaseDirectory, "Solution");

    /// <summary>Sets the clock.</summary>
    public void At(DateTime utc) => Org.Clock.Set(utc);

    /// <summary>Moves the clock on.</summary>
    public void Advance(TimeSpan by) => Org.Clock.Advance(by);

    /// <summary>A user (seeded).</summary>
    public Guid User(string fullName) => Org.CreateUser(fullName);

    /// <summary>An account (seeded), owned by the given user or the administrator.</summary>
    public Guid Account(string name, Guid? owner = null)
    {
        var account = new Entity(CustomerSchema.Account) { [CustomerSchema.AccountName] = name };
        if (owner.HasValue) account[CustomerSchema.Owner] = new EntityReference("systemuser", owner.Value);
        return Org.Seed(account);
    }

    /// <summary>A contact (seeded), of the given account when one is given.</summary>
    public Guid Contact(string fullName, Guid? account = null, Guid? owner = null)
    {
        var parts = fullName.Split(' ', 2);
        var contact = new Entity(CustomerSchema.Contact) { [CustomerSchema.ContactFullName] = fullName, ["lastname"] = parts[parts.Length - 1] };
        if (parts.Length > 1) contact["firstname"] = parts[0];
        if (account.HasValue) contact[CustomerSchema.ParentCustomer] = new EntityReference(CustomerSchema.Account, account.Value);
        if (owner.HasValue) contact[CustomerSchema.Owner] = new EntityReference("systemuser", owner.Value);
        return Org.Seed(contact);
    }

    /// <summary>A customer journey (seeded).</summary>
    public Guid Journey(int journeyType, Guid account, string name = "Journey")
    {
        return Org.Seed(new Entity(JourneySchema.EntityName)
        {
            [JourneySchema.Name] = name,
            [JourneySchema.JourneyType] = new OptionSetValue(journeyType),
            [JourneySchema.Account] = new EntityReference(CustomerSchema.Account, account),
            [JourneySchema.StartedOn] = Now,
        });
    }

    /// <summary>
    /// A survey response stored directly, as a data migration with plugins off would: no validation, no derived columns,
    /// no rollup (history for the tests; the rollup must count such rows from cx_score alone).
    /// </summary>
    public Guid SeedResponse(int score, DateTime respondedOn, Guid? account = null, Guid? contact = null)
    {
        var row = new Entity(SurveyResponseSchema.EntityName)
        {
            [SurveyResponseSchema.Name] = "imported",
            [SurveyResponseSchema.Score] = score,
            [SurveyResponseSchema.RespondedOn] = respondedOn,
        };
        if (account.HasValue) row[SurveyResponseSchema.Account] = new EntityReference(CustomerSchema.Account, account.Value);
        if (contact.HasValue) row[SurveyResponseSchema.Contact] = new EntityReference(CustomerSchema.Contact, contact.Value);
        return Org.Seed(row);
    }

    /// <summary>A survey response entity ready to create (not created).</summary>
    public static Entity NewResponse(int score, Guid? account = null, Guid? contact = null, DateTime? respondedOn = null)
    {
        var row = new Entity(SurveyResponseSchema.EntityName) { [SurveyResponseSchema.Score] = score };
        if (account.HasValue) row[SurveyResponseSchema.Account] = new EntityReference(CustomerSchema.Account, account.Value);
        if (contact.HasValue) row[SurveyResponseSchema.Contact] = new EntityReference(CustomerSchema.Contact, contact.Value);
        if (respondedOn.HasValue) row[SurveyResponseSchema.RespondedOn] = respondedOn.Value;
        return row;
    }

    /// <summary>Creates a survey response through the service (plugins run) and returns its id.</summary>
    public Guid Respond(int score, Guid? account = null, Guid? contact = null, DateTime? respondedOn = null) =>
        Service.Create(NewResponse(score, account, contact, respondedOn));

    /// <summary>Runs the asynchronous steps to the end and fails the test if any of them failed.</summary>
    public void Settle()
    {
        var before = Org.SystemJobs.Count;
        Org.DrainAsyncQueue();
        var failed = Org.SystemJobs.Skip(before).Where(j => j.Status == SystemJobStatus.Failed).ToList();
        Assert.True(failed.Count == 0, string.Join("\n", failed.Select(j => j.StepName + ": " + j.ErrorMessage)));
    }

    /// <summary>The stored row (not counted); fails when it does not exist.</summary>
    public Entity Row(string table, Guid id) => Org.Peek(table, id) ?? throw new InvalidOperationException(table + " " + id + " does not exist.");

    /// <summary>The stored account.</summary>
    public Entity AccountRow(Guid id) => Row(CustomerSchema.Account, id);

    /// <summary>The stored contact.</summary>
    public Entity ContactRow(Guid id) => Row(CustomerSchema.Contact, id);

    /// <summary>The stored survey response.</summary>
    public Entity ResponseRow(Guid id) => Row(SurveyResponseSchema.EntityName, id);

    /// <summary>Every stored row of a table (not counted).</summary>
    public IReadOnlyList<Entity> All(string table) => Org.Snapshot(table);
}
