using System;
using System.Collections.Generic;

namespace CrmCx.Packaging.Registration;

/// <summary>
/// Ids of platform messages. Platform messages have the same sdkmessageid in every Dataverse environment, which is
/// why an exported step can name its message by id alone. Only ids seen in real exports and registration tools are
/// listed; a message missing here has no verified id (see docs/admin-guide.md).
/// </summary>
public static class SdkMessages
{
    private static readonly Dictionary<string, Guid> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Assign"] = new Guid("8cbdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["Create"] = new Guid("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["Delete"] = new Guid("a1bdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["Retrieve"] = new Guid("f2bdbb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["RetrieveMultiple"] = new Guid("03bebb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["SetState"] = new Guid("1cbebb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["SetStateDynamicEntity"] = new Guid("1dbebb1b-ea3e-db11-86a7-000a3a5473e8"),
        ["Update"] = new Guid("20bebb1b-ea3e-db11-86a7-000a3a5473e8"),
    };

    /// <summary>The message's id, or null when it has no verified id.</summary>
    public static Guid? IdOf(string message) => Known.TryGetValue(message, out var id) ? id : null;

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
