using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace CrmCx.Dataverse.InMemory.Security;

/// <summary>
/// Security roles and the users who hold them, for the privilege checks the org makes: only a custom API's execute
/// privilege is checked (README, "Security roles"). Roles come from the solution's role files (Roles/*.xml); the org's
/// administrator holds System Administrator and SYSTEM passes every check.
/// </summary>
public sealed class SecurityRoles
{
    /// <summary>The name of Dataverse's predefined role that has every privilege (learn.microsoft.com/power-platform/admin/database-security).</summary>
    public const string SystemAdministrator = "System Administrator";

    // The systemuser object type code, which Dataverse's privilege errors name as "type=8".
    private const int SystemUserTypeCode = 8;

    private readonly List<SecurityRole> roles = new();
    private readonly Dictionary<Guid, List<SecurityRole>> assignments = new();
    private readonly Func<Guid, bool> userExists;
    private readonly Guid systemUserId;

    internal SecurityRoles(Guid systemUserId, Guid adminUserId, Func<Guid, bool> userExists)
    {
        this.systemUserId = systemUserId;
        this.userExists = userExists;
        // A fixed id: the org's role rows are not data a test reads, but ids stay deterministic.
        roles.Add(new SecurityRole { Id = new Guid("00000000-0000-4000-8000-0000000000d0"), Name = SystemAdministrator, GrantsEveryPrivilege = true });
        assignments[adminUserId] = new List<SecurityRole> { roles[0] };
    }

    /// <summary>Every role of the org: System Administrator, then the imported ones in import order.</summary>
    public IReadOnlyList<SecurityRole> Roles => roles;

    /// <summary>The role with this name (case-insensitive), or null.</summary>
    public SecurityRole? Find(string name) => roles.FirstOrDefault(r => string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Imports every *.xml role file of a folder such as Solution/Roles (file name order), all or none; fails naming every file it refuses.</summary>
    public IReadOnlyList<SecurityRole> ImportRoleFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"The role folder {folder} does not exist.");
        var files = Directory.GetFiles(folder, "*.xml").OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal).ToList();
        var problems = new List<string>();
        var elements = new List<(XElement, string)>();
        foreach (var file in files)
        {
            try { elements.Add((XDocument.Load(file).Root!, Path.GetFileName(file))); }
            catch (XmlException e) { problems.Add($"{Path.GetFileName(file)}: not well-formed XML: {e.Message}"); }
        }
        return Import(elements, problems);
    }

    /// <summary>Imports one &lt;Role&gt; element (the content of a Roles/&lt;name&gt;.xml file); fails naming the source and what is wrong.</summary>
    public SecurityRole ImportRole(XElement role, string source = "role.xml")
    {
        ArgumentNullException.ThrowIfNull(role);
        return Import(new[] { (role, source) }, new List<string>()).Single();
    }

    /// <summary>Gives a user (a systemuser of the org) a role; giving a role twice changes nothing.</summary>
    public void AssignRole(Guid userId, string roleName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roleName);
        if (!userExists(userId)) throw new ArgumentException($"The org has no systemuser {userId:D}.", nameof(userId));
        var role = Find(roleName) ?? throw new ArgumentException($"The org has no role named '{roleName}' (its roles: {string.Join(", ", roles.Select(r => r.Name))}).", nameof(roleName));
        if (!assignments.TryGetValue(userId, out var held)) assignments[userId] = held = new List<SecurityRole>();
        if (!held.Contains(role)) held.Add(role);
    }

    /// <summary>The roles a user holds, in assignment order.</summary>
    public IReadOnlyList<SecurityRole> RolesOf(Guid userId) => assignments.TryGetValue(userId, out var held) ? held.ToList() : Array.Empty<SecurityRole>();

    /// <summary>Whether the user holds the privilege through a role (SYSTEM holds every privilege).</summary>
    public bool HasPrivilege(Guid userId, string privilegeName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(privilegeName);
        return userId == systemUserId || RolesOf(userId).Any(r => r.Grants(privilegeName));
    }

    /// <summary>
    /// Fails with Dataverse's PrivilegeDenied (0x80040220) when the user lacks the privilege. The message has the form
    /// Dataverse gives: "Principal user (Id=…, type=8, roleCount=…) is missing prvX privilege" (see README for the sources);
    /// the org has no privilege ids, so the "(Id=…)" of the privilege and the other diagnostics Dataverse adds are left out.
    /// </summary>
    internal void Demand(Guid userId, string privilegeName)
    {
        if (HasPrivilege(userId, privilegeName)) return;
        throw Faults.Create(ErrorCodes.PrivilegeDenied,
            $"Principal user (Id={userId:D}, type={SystemUserTypeCode}, roleCount={RolesOf(userId).Count}) is missing {privilegeName} privilege.");
    }

    private IReadOnlyList<SecurityRole> Import(IEnumerable<(XElement Element, string Source)> elements, List<string> problems)
    {
        var read = new List<SecurityRole>();
        foreach (var (element, source) in elements)
        {
            if (Read(element, source, problems) is not { } role) continue;
            var existing = roles.Concat(read).ToList();
            // Role names compare case-insensitively, like AssignRole's lookup.
            if (existing.FirstOrDefault(r => string.Equals(r.Name, role.Name, StringComparison.OrdinalIgnoreCase)) is { } sameName)
                problems.Add($"{source}: the role '{role.Name}' clashes with another role named '{sameName.Name}'.");
            else if (existing.FirstOrDefault(r => r.Id == role.Id) is { } sameId)
                problems.Add($"{source}: the role '{role.Name}' has the id {role.Id:B} of the role '{sameId.Name}'.");
            else read.Add(role);
        }
        if (problems.Count > 0)
            throw new InvalidOperationException($"The import registers no role: {problems.Count} problem(s).{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
        roles.AddRange(read);
        return read;
    }

    private static SecurityRole? Read(XElement element, string source, List<string> problems)
    {
        var before = problems.Count;
        if (element.Name.LocalName != "Role")
        {
            problems.Add($"{source}: the root element is <{element.Name.LocalName}>, not <Role>.");
            return null;
        }
        var name = ((string?)element.Attribute("name"))?.Trim();
        if (string.IsNullOrEmpty(name)) problems.Add($"{source}: <Role> has no name attribute.");
        var idText = (string?)element.Attribute("id");
        if (!Guid.TryParse(idText, out var id)) problems.Add($"{source}: <Role> has no id GUID ('{idText ?? "(missing)"}').");

        var privileges = new Dictionary<string, PrivilegeDepth>(StringComparer.OrdinalIgnoreCase);
        var entries = element.Elements().Where(e => e.Name.LocalName == "RolePrivileges").SelectMany(e => e.Elements().Where(p => p.Name.LocalName == "RolePrivilege"));
        foreach (var privilege in entries)
        {
            var privilegeName = ((string?)privilege.Attribute("name"))?.Trim();
            var level = (string?)privilege.Attribute("level");
            if (string.IsNullOrEmpty(privilegeName)) problems.Add($"{source}: a <RolePrivilege> has no name.");
            // A role file writes the depth's name; Enum.TryParse alone would also take numbers ("1", "-1").
            else if (level is null || !Enum.GetNames<PrivilegeDepth>().Contains(level, StringComparer.Ordinal))
                problems.Add($"{source}: {privilegeName} has the level '{level ?? "(missing)"}', not Basic, Local, Deep or Global.");
            else if (!privileges.TryAdd(privilegeName, Enum.Parse<PrivilegeDepth>(level))) problems.Add($"{source}: {privilegeName} is listed twice.");
        }
        return problems.Count == before ? new SecurityRole { Id = id, Name = name!, Privileges = privileges, Source = source } : null;
    }
}
