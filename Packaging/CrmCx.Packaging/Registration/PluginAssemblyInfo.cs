using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmCx.Packaging.Registration;

/// <summary>An entity image registered on a step.</summary>
public sealed record ImageInfo(string Name, string? Attributes, int ImageType);

/// <summary>One step, as a CrmPluginRegistration attribute declares it.</summary>
public sealed record StepInfo
{
    /// <summary>Step id (the attribute's Id); null when the attribute has none.</summary>
    public string? Id { get; init; }
    /// <summary>Message name.</summary>
    public required string Message { get; init; }
    /// <summary>Primary table, or "none".</summary>
    public required string Entity { get; init; }
    /// <summary>10, 20 or 40.</summary>
    public required int Stage { get; init; }
    /// <summary>Runs as a system job after the transaction.</summary>
    public required bool Asynchronous { get; init; }
    /// <summary>Comma separated columns; null for all.</summary>
    public string? FilteringAttributes { get; init; }
    /// <summary>Step name.</summary>
    public required string Name { get; init; }
    /// <summary>Execution order.</summary>
    public required int Rank { get; init; }
    /// <summary>Isolation mode (0 none, 1 sandbox) as the attribute numbers it.</summary>
    public required int IsolationMode { get; init; }
    /// <summary>Description.</summary>
    public string? Description { get; init; }
    /// <summary>Unsecure configuration.</summary>
    public string? UnsecureConfiguration { get; init; }
    /// <summary>Delete the system job when an asynchronous step succeeds.</summary>
    public bool DeleteAsyncOperation { get; init; }
    /// <summary>Runs on the server.</summary>
    public bool Server { get; init; } = true;
    /// <summary>Runs in the offline client.</summary>
    public bool Offline { get; init; }
    /// <summary>Entity images.</summary>
    public IReadOnlyList<ImageInfo> Images { get; init; } = Array.Empty<ImageInfo>();

    /// <summary>SupportedDeployment: 0 server, 1 offline, 2 both.</summary>
    public int SupportedDeployment => Server && Offline ? 2 : Offline ? 1 : 0;
}

/// <summary>A custom workflow activity, as its CrmPluginRegistration attribute declares it.</summary>
public sealed record WorkflowActivityInfo(string Name, string FriendlyName, string Description, string GroupName);

/// <summary>A class of the plugin assembly that carries registrations.</summary>
public sealed record PluginTypeInfo(string FullName, bool IsPlugin, bool IsWorkflowActivity, IReadOnlyList<StepInfo> Steps, WorkflowActivityInfo? Activity);

/// <summary>A referenced assembly.</summary>
public sealed record AssemblyReferenceInfo(string Name, Version Version, string PublicKeyToken);

/// <summary>What the packer and generator need to know about the plugin assembly, read without loading it.</summary>
public sealed record PluginAssemblyInfo
{
    /// <summary>Simple name.</summary>
    public required string Name { get; init; }
    /// <summary>Assembly version.</summary>
    public required Version Version { get; init; }
    /// <summary>Public key token in lower-case hex; "null" when the assembly has no public key.</summary>
    public required string PublicKeyToken { get; init; }
    /// <summary>Whether the image carries a strong-name signature.</summary>
    public required bool IsStrongNameSigned { get; init; }
    /// <summary>The TargetFrameworkAttribute value, for example ".NETFramework,Version=v4.6.2".</summary>
    public required string TargetFramework { get; init; }
    /// <summary>Referenced assemblies.</summary>
    public required IReadOnlyList<AssemblyReferenceInfo> References { get; init; }
    /// <summary>Classes with registrations, ordered by full name, and any class added by <see cref="WithPluginTypes"/>.</summary>
    public required IReadOnlyList<PluginTypeInfo> Types { get; init; }
    /// <summary>
    /// Full names of the public, non-abstract classes that implement IPlugin, registered or not, ordered: the classes
    /// Dataverse can run, and so the only ones a custom API may name as its plug-in.
    /// </summary>
    public IReadOnlyList<string> PluginClasses { get; init; } = Array.Empty<string>();

    /// <summary>Display name, as Dataverse stores it.</summary>
    public string FullName => $"{Name}, Version={Version}, Culture=neutral, PublicKeyToken={PublicKeyToken}";

    /// <summary>
    /// This assembly with the given plug-in classes listed among its types as well, without steps: a custom API's plug-in
    /// carries no registration attribute, yet the assembly file must list it for the API's plugintypeid to resolve.
    /// A name that is already a type is kept as it is; a name that is not one of <see cref="PluginClasses"/> is refused.
    /// </summary>
    public PluginAssemblyInfo WithPluginTypes(IEnumerable<string> fullNames)
    {
        ArgumentNullException.ThrowIfNull(fullNames);
        var types = Types.ToList();
        foreach (var name in fullNames.Distinct(StringComparer.Ordinal))
        {
            var existing = types.FirstOrDefault(t => t.FullName == name);
            if (existing is not null && existing.IsPlugin) continue;
            if (existing is not null || !PluginClasses.Contains(name, StringComparer.Ordinal))
                throw new InvalidOperationException($"{Name} has no public, non-abstract class {name} implementing Microsoft.Xrm.Sdk.IPlugin.");
            types.Add(new PluginTypeInfo(name, IsPlugin: true, IsWorkflowActivity: false, Array.Empty<StepInfo>(), Activity: null));
        }
        return this with { Types = types.OrderBy(t => t.FullName, StringComparer.Ordinal).ToList() };
    }

    /// <summary>Every step with its plugin type.</summary>
    public IEnumerable<(PluginTypeInfo Type, StepInfo Step)> Steps => Types.SelectMany(t => t.Steps.Select(s => (t, s)));
}
