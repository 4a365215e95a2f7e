using System;
using System.Collections.Generic;

namespace CrmCx.Dataverse.InMemory.Security;

/// <summary>How far a privilege of a role reaches, in the words of a role file's <c>level</c> attribute.</summary>
public enum PrivilegeDepth
{
    /// <summary>The user's own rows.</summary>
    Basic,
    /// <summary>The user's business unit.</summary>
    Local,
    /// <summary>The business unit and its child business units.</summary>
    Deep,
    /// <summary>The whole organization.</summary>
    Global,
}

/// <summary>A security role: its id, name and privileges (by privilege name, with their depth).</summary>
public sealed class SecurityRole
{
    /// <summary>The role id (the file's <c>id</c> attribute).</summary>
    public required Guid Id { get; init; }
    /// <summary>The role name, unique in the org (the file's <c>name</c> attribute).</summary>
    public required string Name { get; init; }
    /// <summary>The privileges it grants, by name (prvReadcx_surveyresponse …); names compare case-insensitively.</summary>
    public IReadOnlyDictionary<string, PrivilegeDepth> Privileges { get; init; } = new Dictionary<string, PrivilegeDepth>(StringComparer.OrdinalIgnoreCase);
    /// <summary>Whether it grants every privilege (the org's System Administrator role).</summary>
    public bool GrantsEveryPrivilege { get; init; }
    /// <summary>The role file it was read from, if any.</summary>
    public string? Source { get; init; }

    /// <summary>Whether the role grants the privilege, at any depth.</summary>
    public bool Grants(string privilegeName) => GrantsEveryPrivilege || Privileges.ContainsKey(privilegeName);

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({(GrantsEveryPrivilege ? "every privilege" : $"{Privileges.Count} privileges")})";
}
