using System;
using CrmCx.Model.Labels;
using CrmCx.Packaging.Identity;
using CrmCx.Schema;

namespace CrmCx.Packaging.Content;

/// <summary>
/// The daily recalculation: a cloud flow that calls cx_Recalculate with Scope due every day, and the connection
/// reference it uses. The flow ships turned off (a connection can only be chosen in the target environment); the
/// administrator sets the connection reference's connection, then turns the flow on (docs/admin-guide.md).
/// </summary>
public static class ScheduleCatalog
{
    /// <summary>The flow's name, as makers see it in the solution.</summary>
    public const string FlowName = "CrmCx daily recalculation";

    /// <summary>The flow's description.</summary>
    public static Label FlowDescription { get; } = new(
        "Every day, calls cx_Recalculate with Scope due until it returns an empty Continuation, so that NPS windows, journey durations and risk follow the passing days. Set the connection of CrmCx Dataverse connection, then turn the flow on.",
        "Chaque jour, appelle cx_Recalculate avec l'étendue due jusqu'à ce qu'il renvoie une Continuation vide, pour que les fenêtres NPS, les durées des parcours et le risque suivent les jours. Définissez la connexion de CrmCx Dataverse connection, puis activez le flux.");

    /// <summary>The flow's localized names (a flow's name is one text; the French name is the same).</summary>
    public static Label FlowLabel { get; } = new(FlowName, FlowName);

    /// <summary>The flow's workflow id: a StableId, so that every version updates the same flow.</summary>
    public static Guid FlowId { get; } = StableId.For("cloudflow:cx_dailyrecalculation");

    /// <summary>
    /// The hour of the day (UTC) the Recurrence trigger fires. 02:00 UTC is outside office hours in Europe and the
    /// Americas; an administrator changes it in the flow's trigger (docs/admin-guide.md, "Scheduled recalculation").
    /// </summary>
    public const int Hour = 2;

    /// <summary>
    /// The largest number of calls one run makes: the Do until maximum of Power Automate (MicrosoftDocs/power-automate-docs
    /// articles/limits-and-config.md, commit aae35436a3092b836d14c1f87ba777ad25ba46a2: "Until iterations – Default: 60 –
    /// Maximum: 5,000"). The default 60 would stop a busy day's run early.
    /// </summary>
    public const int MaxCalls = 5000;

    /// <summary>How long one run may loop (ISO 8601), well past what a day's due rows need and before the next run.</summary>
    public const string LoopTimeout = "PT12H";

    /// <summary>
    /// The flow's file in Workflows/: the name with everything but letters, digits and hyphens left out, then the id in
    /// upper case, as exports name flow files (microsoft/coe-starter-kit CenterofExcellenceCoreComponents/SolutionPackage/src/Workflows/,
    /// e.g. AdminCapacityAlerts-108A99EF-B08C-EB11-A812-000D3A1F6308.json for "Admin | Capacity Alerts").
    /// </summary>
    public static string FlowFileName => $"{Compact(FlowName)}-{FlowId.ToString("D").ToUpperInvariant()}.json";

    /// <summary>Logical name of the connection reference the flow runs its Dataverse action with.</summary>
    public const string ConnectionReferenceName = ComponentSchema.DataverseConnection;

    /// <summary>The connection reference's display name.</summary>
    public const string ConnectionReferenceDisplayName = "CrmCx Dataverse connection";

    /// <summary>The connection reference's description (one text: the element has no localized labels in exports).</summary>
    public const string ConnectionReferenceDescription = "Dataverse connection of the CrmCx daily recalculation flow. Its user must hold the CX Manager role (prvWritecx_npsday).";

    /// <summary>
    /// The Microsoft Dataverse connector, as exports name it in a connection reference's connectorid and in a flow's
    /// apiId (microsoft/PowerApps-Samples commit 3297c082f229b0fd37220b5cb1d8d662aecc0d92,
    /// ai-builder/LearningModules/CreateAIBuilderpromptsusingyourownDataversedata_1_0_0_1_managed.zip; microsoft/coe-starter-kit
    /// CenterofExcellenceCoreComponents/SolutionPackage/src/Other/Customizations.xml).
    /// </summary>
    public const string DataverseConnectorId = "/providers/Microsoft.PowerApps/apis/shared_commondataserviceforapps";

    /// <summary>The connector's API name, the key a flow gives its connection reference (same sources).</summary>
    public const string DataverseApiName = "shared_commondataserviceforapps";

    private static string Compact(string name)
    {
        var chars = name.ToCharArray();
        return new string(Array.FindAll(chars, c => char.IsAsciiLetterOrDigit(c) || c == '-'));
    }
}
