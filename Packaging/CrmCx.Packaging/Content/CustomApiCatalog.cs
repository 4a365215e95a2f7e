using System.Collections.Generic;
using CrmCx.Model.Labels;
using CrmCx.Schema;

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
        UniqueName = ComponentSchema.Recalculate,
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

    /// <summary>
    /// cx_GetDrivers: what moves satisfaction, per stage, channel, owner, business unit, contacts or effort. The names,
    /// types and optionality of Dimension, JourneyType, Account, Since and Drivers are fixed by data-model.md ("Custom
    /// APIs"); contacts and effort are the issue 15 item 3 additions to Dimension's values. The plug-in is CrmCx.Plugins'
    /// CrmCx.Drivers.GetDriversPlugin. A function (GET), so it changes nothing. Only holders of prvReadcx_driverday may
    /// run it: among CrmCx's roles only CX Manager holds that privilege (CrmCxRoles.Manager); CX Agents are refused.
    /// </summary>
    public static CustomApiModel GetDrivers { get; } = new()
    {
        UniqueName = ComponentSchema.GetDrivers,
        DisplayName = new Label("Get CrmCx drivers", "Obtenir les leviers CrmCx"),
        Description = new Label(
            "Satisfaction and NPS per value of a dimension (stage, channel, owner, businessunit, contacts, effort), each against all other responses of the query, with margins and whether the gap is beyond noise. True as of the last daily recalculation, plus today.",
            "Satisfaction et NPS par valeur d'une dimension (stage, channel, owner, businessunit, contacts, effort), chacune comparée à toutes les autres réponses de la requête, avec marges et si l'écart dépasse le bruit. Exact au dernier recalcul quotidien, plus aujourd'hui."),
        BindingType = 0,
        IsFunction = true,
        IsPrivate = false,
        AllowedCustomProcessingStepType = 0,
        ExecutePrivilegeName = "prvReadcx_driverday",
        PluginTypeName = "CrmCx.Drivers.GetDriversPlugin",
        RequestParameters = new[]
        {
            new CustomApiRequestParameter("Dimension",
                new Label("Dimension", "Dimension"),
                new Label("stage, channel, owner, businessunit, contacts (touchpoints of the journey before the response: 0, 1, 2-3, 4+) or effort (cx_effort 1-3 against 5-7).",
                    "stage, channel, owner, businessunit, contacts (contacts du parcours avant la réponse : 0, 1, 2-3, 4+) ou effort (cx_effort 1-3 contre 5-7)."),
                CustomApiFieldType.String, IsOptional: false),
            new CustomApiRequestParameter("JourneyType",
                new Label("Journey type", "Type de parcours"),
                new Label("Only responses of journeys of this cx_journeytype value.", "Seulement les réponses des parcours de cette valeur cx_journeytype."),
                CustomApiFieldType.Integer, IsOptional: true),
            new CustomApiRequestParameter("Account",
                new Label("Account", "Compte"),
                new Label("Only this account's responses.", "Seulement les réponses de ce compte."),
                CustomApiFieldType.EntityReference, IsOptional: true),
            new CustomApiRequestParameter("Since",
                new Label("Since", "Depuis"),
                new Label("Responses answered from this instant; default the start of the configured window.", "Réponses données depuis cet instant ; par défaut le début de la fenêtre configurée."),
                CustomApiFieldType.DateTime, IsOptional: true),
        },
        ResponseProperties = new[]
        {
            new CustomApiResponseProperty("Drivers",
                new Label("Drivers", "Leviers"),
                new Label("JSON array: dimension, key, label, responses, satisfaction, satisfactionMargin, nps, npsMargin, delta, significant, lowConfidence.",
                    "Tableau JSON : dimension, key, label, responses, satisfaction, satisfactionMargin, nps, npsMargin, delta, significant, lowConfidence."),
                CustomApiFieldType.String),
        },
    };

    /// <summary>Every custom API, in solution order.</summary>
    public static IReadOnlyList<CustomApiModel> All { get; } = new[] { Recalculate, GetDrivers };

    /// <summary>The folder of a custom API in the unpacked solution and in the zip.</summary>
    public static string Folder(CustomApiModel api) => "customapis/" + (api ?? throw new System.ArgumentNullException(nameof(api))).UniqueName;
}
