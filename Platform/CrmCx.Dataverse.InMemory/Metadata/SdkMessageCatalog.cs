using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmCx.Dataverse.InMemory.Metadata;

/// <summary>
/// The sdkmessage rows the in-memory org knows: a step file names its message only by &lt;SdkMessageId&gt;, and an import
/// resolves it against the target's sdkmessage table, so this catalog is the in-memory org's sdkmessage table.
/// </summary>
/// <remarks>
/// Every id is the one Microsoft's documentation prints for that message in a real environment's response:
/// MicrosoftDocs/powerapps-docs powerapps-docs/developer/data-platform/org-service/use-messages.md, commit
/// 08907bef26bca1481f8a667f6f4617846cb3fd9c ("Table support for messages", GET sdkmessagefilters for account).
/// CreateMultiple, UpdateMultiple and the other bulk messages are deliberately missing: no public source gives their
/// sdkmessageid (dataverse-reference.md, Round 2), and an invented id would make the in-memory import accept what a real
/// import might refuse.
/// </remarks>
public static class SdkMessageCatalog
{
    private static readonly (string Name, Guid Id)[] Known =
    {
        ("Assign", new Guid("8cbdbb1b-ea3e-db11-86a7-000a3a5473e8")),
        ("Create", new Guid("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8")),
        ("Delete", new Guid("a1bdbb1b-ea3e-db11-86a7-000a3a5473e8")),
        ("Retrieve", new Guid("f2bdbb1b-ea3e-db11-86a7-000a3a5473e8")),
        ("RetrieveMultiple", new Guid("03bebb1b-ea3e-db11-86a7-000a3a5473e8")),
        ("SetState", new Guid("1cbebb1b-ea3e-db11-86a7-000a3a5473e8")),
        ("SetStateDynamicEntity", new Guid("1dbebb1b-ea3e-db11-86a7-000a3a5473e8")),
        ("Update", new Guid("20bebb1b-ea3e-db11-86a7-000a3a5473e8")),
    };

    private static readonly Dictionary<Guid, string> NameById = Known.ToDictionary(m => m.Id, m => m.Name);
    private static readonly Dictionary<string, Guid> IdByName = Known.ToDictionary(m => m.Name, m => m.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>Every message of the catalog (name and sdkmessageid), in name order.</summary>
    public static IReadOnlyList<(string Name, Guid Id)> Messages { get; } = Array.AsReadOnly(Known);

    /// <summary>The name of the message with this sdkmessageid, or null when the catalog has no such message.</summary>
    public static string? NameOf(Guid sdkMessageId) => NameById.TryGetValue(sdkMessageId, out var name) ? name : null;

    /// <summary>The sdkmessageid of the message (name compared case-insensitively), or null when the catalog has none.</summary>
    public static Guid? IdOf(string messageName)
    {
        ArgumentNullException.ThrowIfNull(messageName);
        return IdByName.TryGetValue(messageName, out var id) ? id : null;
    }
}
