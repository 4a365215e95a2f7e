using System;
using System.Linq;
using CrmCx.Domain.Configuration;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using CrmCx.Infrastructure;

namespace CrmCx.Settings;

/// <summary>
/// Reads the CrmCx settings from the environment variable <see cref="CrmCxSettings.EnvironmentVariable"/>: the
/// environment's value when an admin set one, else the default value the solution ships; no definition at all means
/// the defaults of cx-scoring.md.
/// </summary>
/// <remarks>
/// Kept per plug-in instance (Dataverse caches one instance per step in a sandbox worker) for
/// <see cref="CacheFor"/> of operation time, so a rollup burst reads the variable once, and a changed value is in
/// force within minutes. The cached value is immutable, so sharing it across threads is safe. A bad value is never
/// cached: every execution fails with the message naming the key until the admin fixes it.
/// </remarks>
public sealed class EnvironmentSettings
{
    /// <summary>How long a read value is used before it is read again.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(5);

    private const string ValueAlias = "v";
    private volatile Cached? cached;

    /// <summary>The settings in force at <paramref name="operationTime"/>, read through <paramref name="service"/> when the cached copy is stale.</summary>
    public CrmCxSettings Get(IOrganizationService service, DateTime operationTime)
    {
        if (service == null) throw new ArgumentNullException(nameof(service));
        var current = cached;
        if (current != null && (operationTime - current.ReadAt).Duration() < CacheFor) return current.Settings;
        var json = Read(service);
        CrmCxSettings settings;
        try
        {
            settings = CrmCxSettings.Parse(json);
        }
        catch (ConfigurationException e)
        {
            throw new InvalidPluginExecutionException(e.Message + " Fix the value in Power Apps (Solutions > Default solution > Environment variables > CrmCx settings).", e);
        }
        cached = new Cached(settings, operationTime);
        return settings;
    }

    /// <summary>The JSON in force: the current value, else the default value; null without a definition.</summary>
    public static string? Read(IOrganizationService service)
    {
        if (service == null) throw new ArgumentNullException(nameof(service));
        var fetch = FetchXml.Of(EnvironmentVariableSchema.Definition, top: 1)
            .Attribute(EnvironmentVariableSchema.DefaultValue)
            .Filter().Condition(EnvironmentVariableSchema.SchemaName, "eq", CrmCxSettings.EnvironmentVariable).End()
            .Link(EnvironmentVariableSchema.Value, EnvironmentVariableSchema.DefinitionId, EnvironmentVariableSchema.DefinitionId, ValueAlias, "outer")
            .Attribute(EnvironmentVariableSchema.ValueColumn).End();
        var row = service.RetrieveMultiple(fetch.ToExpression()).Entities.FirstOrDefault();
        if (row == null) return null;
        var value = QueryValues.Raw(row, ValueAlias + "." + EnvironmentVariableSchema.ValueColumn) as string;
        return string.IsNullOrWhiteSpace(value) ? row.GetAttributeValue<string>(EnvironmentVariableSchema.DefaultValue) : value;
    }

    private sealed class Cached
    {
        public Cached(CrmCxSettings settings, DateTime readAt)
        {
            Settings = settings;
            ReadAt = readAt;
        }

        public CrmCxSettings Settings { get; }
        public DateTime ReadAt { get; }
    }
}
