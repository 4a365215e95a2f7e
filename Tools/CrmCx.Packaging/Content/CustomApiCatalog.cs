using System.Collections.Generic;
using CrmCx.Model.Labels;

namespace CrmCx.Packaging.Content;

/// <summary>
/// The data types of custom API request parameters and response properties: the Type choice (global choice
/// customapifieldtype) of Microsoft's table references, MicrosoftDocs/powerapps-docs
/// powerapps-docs/developer/data-platform/reference/entities/customapirequestparameter.md (commit
/// 06abccfee0ad2f39ba5a2954d2f5d7ed652a2fea) and powerapps-docs/developer/data-platform/custom-api-tables.md (commit
/// 05cfff5341d4db7cec326318fdd63b9618e9c206), which list the same codes for response properties. Real exports agree where
/// they overlap: String 10 and Guid 12 (microsoft/PowerApps-Samples commit 3297c082f229b0fd37220b5cb1d8d662aecc0d92,
/// dataverse/orgsvc/CSharp/ExportDataUsingFetchXmlToAnnotation/ExportDataUsingFetchXmlToAnnotation_1_0_0_0_managed.zip),
/// Boolean 0 (same commit, dataverse/orgsvc/CSharp/IsSystemAdminCustomAPI/IsSystemAdminFunction_1_0_0_0_managed.zip).
/// </summary>
public static class CustomApiFieldType
{
    /// <summary>Boolean.</summary>
    public const int Boolean = 0;
    /// <summary>DateTime.</summary>
    public const int DateTime = 1;
    /// <summary>Decimal.</summary>
    public const int Decimal = 2;
    /// <summary>Entity.</summary>
    public const int Entity = 3;
    /// <summary>EntityCollection.</summary>
    public const int EntityCollection = 4;
    /// <summary>EntityReference.</summary>
    public const int EntityReference = 5;
    /// <summary>Float.</summary>
    public const int Float = 6;
    /// <summary>Integer.</summary>
    public const int Integer = 7;
    /// <summary>Money.</summary>
    public const int Money = 8;
    /// <summary>Picklist.</summary>
    public const int Picklist = 9;
    /// <summary>String.</summary>
    public const int String = 10;
    /// <summary>StringArray.</summary>
    public const int StringArray = 11;
    /// <summary>Guid.</summary>
    public const int Guid = 12;
}

/// <summary>One request parameter of a custom API; its unique name is the name callers pass it by.</summary>
public sealed record CustomApiRequestParameter(string UniqueName, Label DisplayName, Label Description, int Type, bool IsOptional);

/// <summary>One response property of a custom API; its unique name is the name callers read it by.</summary>
public sealed record CustomApiResponseProperty(string UniqueName, Label DisplayName, Label Description, int Type);

/// <summary>
/// A custom API of the solution. The column values are those of Microsoft's "Custom API table columns"
/// (custom-api-tables.md, commit above): BindingType 0 Global, 1 Entity, 2 EntityCollection;
/// AllowedCustomProcessingStepType 0 None, 1 Async Only, 2 Sync and Async. BindingType, IsFunction,
/// AllowedCustomProcessingStepType, the unique names, the types and IsOptional cannot change once the API is installed.
/// </summary>
public sealed record CustomApiModel
{
    /// <summary>The message name, with the publisher prefix.</summary>
    public required string UniqueName { get; init; }
    /// <summary>Display name.</summary>
    public required Label DisplayName { get; init; }
    /// <summary>Description.</summary>
    public required Label Description { get; init; }
    /// <summary>0 Global (unbound), 1 Entity, 2 EntityCollection.</summary>
    public required int BindingType { get; init; }
    /// <summary>A function (GET) rather than an action (POST).</summary>
    public required bool IsFunction { get; init; }
    /// <summary>Hidden from the $metadata document.</summary>
    public required bool IsPrivate { get; init; }
    /// <summary>0 None, 1 Async Only, 2 Sync and Async: which steps other publishers may register on the message.</summary>
    public required int AllowedCustomProcessingStepType { get; init; }
    /// <summary>The privilege a caller needs; null for none.</summary>
    public string? ExecutePrivilegeName { get; init; }
    /// <summary>Full name of the plug-in class of the main operation, in the plugin assembly.</summary>
    public required string PluginTypeName { get; init; }
    /// <summary>Request parameters, in catalog order.</summary>
    public required IReadOnlyList<CustomApiRequestParameter> RequestParameters { get; init; }
    /// <summary>Response properties, in catalog order.</summary>
    public required IReadOnlyList<CustomApiResponseProperty> ResponseProperties { get; init; }
}

/// <summary>
/// The custom APIs CrmCx ships: the one source of their definition for customapis/ in Solution/ and in the zips, and of
/// the plug-in types the assembly file must list although they carry no registration attribute (a custom API's
/// plug-in is linked by the API's plugintypeid, not by a step).
/// </summary>
public static class CustomApiCatalog
{
    /// <summary>
    /// cx_Recalculate: recomputes what time alone changes. The names, types and optionality are fixed by data-model.md
    /// ("Custom APIs"); the plug-in is CrmCx.Plugins' CrmCx.Recalculation.RecalculatePlugin. Only holders of
    /// prvWritecx_npsday may run it: among CrmCx's roles only CX Manager holds that privilege (CrmCxRoles.Manager), so
    /// agents and the survey integration cannot start a recalculation of the whole organization.
    /// </summary>
    public static CustomApiModel Recalculate { get; } = new()
    {
        UniqueName = "cx_Recalculate",
        DisplayName = new Label("Recalculate CrmCx figures", "Recalculer les indicateurs CrmCx"),
        Description = new Label(
            "Recomputes the NPS, journey scores and risk that time alone changes. Scope due: rows whose recalculation time has passed; all: every row. Call again with the returned Continuation until it is empty.",
            "Recalcule le NPS, les scores et le risque que le temps seul fait changer. Étendue due : lignes dont l'heure de recalcul est passée ; all : toutes. Rappeler avec la Continuation renvoyée jusqu'à ce qu'elle soit vide."),
        BindingType = 0,
        IsFunction = false,
        IsPrivate = false,
        AllowedCustomProcessingStepType = 0,
        ExecutePrivilegeName = "prvWritecx_npsday",
        PluginTypeName = "CrmCx.Recalculation.RecalculatePlugin",
        RequestParameters = new[]
        {
            new CustomApiRequestParameter("Target",
                new Label("Target", "Cible"),
                new Label("One account, contact or customer journey to recompute now, instead of a Scope.", "Un compte, un contact ou un parcours client à recalculer maintenant, au lieu d'une étendue."),
                CustomApiFieldType.EntityReference, IsOptional: true),
            new CustomApiRequestParameter("Scope",
                new Label("Scope", "Étendue"),
                new Label("due (the default): rows whose recalculation time has passed; all: every row, after a migration.", "due (par défaut) : lignes dont l'heure de recalcul est passée ; all : toutes les lignes, après une migration."),
                CustomApiFieldType.String, IsOptional: true),
            new CustomApiRequestParameter("Continuation",
                new Label("Continuation", "Continuation"),
                new Label("Empty to start a run; else the Continuation the previous call returned.", "Vide pour commencer ; sinon la Continuation renvoyée par l'appel précédent."),
                CustomApiFieldType.String, IsOptional: true),
        },
        ResponseProperties = new[]
        {
            new CustomApiResponseProperty("Processed",
                new Label("Processed", "Traitées"),
                new Label("Rows this call looked at.", "Lignes examinées par cet appel."),
                CustomApiFieldType.Integer),
            new CustomApiResponseProperty("Changed",
                new Label("Changed", "Modifiées"),
                new Label("Rows this call changed.", "Lignes modifiées par cet appel."),
                CustomApiFieldType.Integer),
            new CustomApiResponseProperty("Continuation",
                new Label("Continuation", "Continuation"),
                new Label("Empty when the run is complete; else pass it back to go on.", "Vide quand le traitement est terminé ; sinon la renvoyer pour continuer."),
                CustomApiFieldType.String),
        },
    };

    /// <summary>Every custom API, in solution order.</summary>
    public static IReadOnlyList<CustomApiModel> All { get; } = new[] { Recalculate };

    /// <summary>The folder of a custom API in the unpacked solution and in the zip.</summary>
    public static string Folder(CustomApiModel api) => "customapis/" + (api ?? throw new System.ArgumentNullException(nameof(api))).UniqueName;
}
