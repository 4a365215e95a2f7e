using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmCx.Packaging.Registration;

/// <summary>
/// Ids of platform messages, as a step file names its message (&lt;SdkMessageId&gt;).
/// Every id below is the one Microsoft's documentation prints for that message in a real environment's response
/// (MicrosoftDocs/powerapps-docs, powerapps-docs/developer/data-platform/org-service/use-messages.md, "Table support
/// for messages", GET sdkmessagefilters for account, commit 08907bef26bca1481f8a667f6f4617846cb3fd9c), and the same
/// Create and Update ids appear in independent real exports (mikefactorial/PluginSample, devkeydet/explicitpluginimpersonation;
/// dataverse-reference.md §2.3). Microsoft does not state in that page that the ids are identical in every environment;
/// the evidence is that these 2007-era ids recur across unrelated exports and tools.
/// CreateMultiple and UpdateMultiple (added in 2023) are deliberately missing: no public source checked (docs, exports,
/// registration tools, PowerApps-Samples xMultiplePluginSamples) gives their sdkmessageid, and an invented one would
/// fail at import. generate, check and pack refuse steps on them (<see cref="StepCheck"/>); pack accepts the ids of one
/// target environment with --message-id, for a zip meant for that environment only (docs/admin-guide.md §9).
/// </summary>
public static class SdkMessages
{
    // One table of verified ids for the packer and the in-memory org that imports the packed steps (its sources are there).
    private static readonly Dictionary<string, Guid> Known = CrmCx.Dataverse.InMemory.Metadata.SdkMessageCatalog.Messages
        .ToDictionary(m => m.Name, m => m.Id, StringComparer.OrdinalIgnoreCase);

    /// <summary>The message's id, or null when it has no verified id.</summary>
    public static Guid? IdOf(string message) => Known.TryGetValue(message, out var id) ? id : null;

    /// <summary>The messages with a verified id, by name.</summary>
    public static IReadOnlyList<string> Verified { get; } = Known.Keys.OrderBy(k => k, StringComparer.Ordinal).ToList();

    /// <summary>
    /// The request property an image of this message reads (spkl's rule): Create → "Id", SetState → "EntityMoniker",
    /// email delivery → "EmailId", anything else → "Target".
    /// </summary>
    public static string ImagePropertyOf(string message) => message switch
    {
        "Create" => "Id",
        "SetState" or "SetStateDynamicEntity" => "EntityMoniker",
        "Send" or "DeliverIncoming" or "DeliverPromote" => "EmailId",
        // Bulk messages: Dataverse refuses "Target" on them; CreateMultiple's images hang on "Ids", UpdateMultiple's on "Targets"
        // (spkl issue #486 and PR #489, Plugin Registration Tool PR #142).
        "CreateMultiple" => "Ids",
        "UpdateMultiple" => "Targets",
        _ => "Target",
    };
}
