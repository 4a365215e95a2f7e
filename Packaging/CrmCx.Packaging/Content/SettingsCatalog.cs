using CrmCx.Schema;

namespace CrmCx.Packaging.Content;

/// <summary>
/// The solution environment variable that holds CrmCx's settings (NPS window, follow-up, risk thresholds): one JSON
/// object per environment, read by the plug-ins. The solution ships its definition with every default as the default
/// value; an administrator overrides it with the environment's current value, which upgrades never overwrite.
/// </summary>
public static class SettingsCatalog
{
    /// <summary>Schema name of the environment variable definition (the plug-ins look it up by this name).</summary>
    public const string SchemaName = ComponentSchema.Settings;

    /// <summary>Display name, as makers and administrators see it.</summary>
    public const string DisplayName = "CrmCx settings";

    /// <summary>Description shown with the variable.</summary>
    public const string Description = "CrmCx settings as one JSON object: NPS window and follow-up tasks, journey risk thresholds. Leave a key out to keep its default.";

    /// <summary>The default value: every key with its default, from the domain's settings (the plug-ins' defaults are the same by construction).</summary>
    public static string DefaultJson => CrmCx.Domain.Configuration.CrmCxSettings.DefaultJson();

    /// <summary>
    /// The definition's type, JSON: the Type choice of the environmentvariabledefinition table (100000000 String,
    /// 100000001 Number, 100000002 Boolean, 100000003 JSON, 100000004 Data Source) in Microsoft's table reference,
    /// MicrosoftDocs/powerapps-docs powerapps-docs/developer/data-platform/reference/entities/environmentvariabledefinition.md
    /// (commits 005fe887c994d4e1f1dcc3aff9b9a7f534ae0482 and 1b6722f3d3bb2df684b71d6c2aab31dca9d8d4b4); a real export of a JSON
    /// variable carries the same code (microsoft/terraform-provider-power-platform, TerraformTestSolution_Complex_1_1_0_0.zip).
    /// </summary>
    public const int JsonType = 100000003;

    /// <summary>The longest default value Dataverse stores (DefaultValue, Memo, MaxLength 2000, same table reference).</summary>
    public const int DefaultValueMaxLength = 2000;

    /// <summary>The definition's folder in the unpacked solution and in the zip.</summary>
    public static string Folder => "environmentvariabledefinitions/" + SchemaName;

    /// <summary>The definition's file, relative to Solution/ and to the zip's root.</summary>
    public static string File => Folder + "/environmentvariabledefinition.xml";
}
