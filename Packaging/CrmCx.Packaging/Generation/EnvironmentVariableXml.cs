using System.Globalization;
using System.Xml.Linq;
using CrmCx.Packaging.Content;

namespace CrmCx.Packaging.Generation;

/// <summary>
/// environmentvariabledefinitions/&lt;schemaname&gt;/environmentvariabledefinition.xml: the cx_Settings definition.
/// The shape is that of real exports: root element named after the table with a schemaname attribute, lower-case child
/// elements in alphabetical order, labels as &lt;x default=".."&gt;&lt;label description=".." languagecode=".."/&gt;&lt;/x&gt;, no XML
/// declaration and no namespace. Sources: zips exported by Dataverse in microsoft/terraform-provider-power-platform
/// (commit 57ba091a132156ca50582343473e716da18c25e7, examples/resources/powerplatform_solution/TerraformTestSolution_Complex_1_1_0_0.zip,
/// environmentvariabledefinitions/cra6e_SolutionVariableJson/environmentvariabledefinition.xml: a JSON variable with a
/// defaultvalue), microsoft/coe-starter-kit (CenterofExcellenceCoreComponents/SolutionPackage/src/environmentvariabledefinitions/
/// admin_Capacityalertpercentage/environmentvariabledefinition.xml, commit 4030784b4d0d5d874396def8372a9759e2a5fae9: defaultvalue
/// and description) and devkeydet/explicitpluginimpersonation (commit ab7a64f101b1003bbe378fc3393698d45ca58491). Those exports
/// carry one label, in the base language; so does this file (1033).
/// </summary>
public static class EnvironmentVariableXml
{
    /// <summary>The environmentvariabledefinition element of cx_Settings, with every default as its default value.</summary>
    public static XElement Settings() =>
        new("environmentvariabledefinition", new XAttribute("schemaname", SettingsCatalog.SchemaName),
            new XElement("defaultvalue", SettingsCatalog.DefaultJson),
            Label("description", SettingsCatalog.Description),
            Label("displayname", SettingsCatalog.DisplayName),
            new XElement("introducedversion", CrmCxSolution.Version),
            new XElement("iscustomizable", "1"),
            new XElement("isrequired", "0"),
            new XElement("secretstore", "0"),
            new XElement("type", SettingsCatalog.JsonType.ToString(CultureInfo.InvariantCulture)));

    private static XElement Label(string name, string text) =>
        new(name, new XAttribute("default", text),
            new XElement("label", new XAttribute("description", text), new XAttribute("languagecode", CrmCx.Model.Labels.Label.EnglishLcid)));
}
