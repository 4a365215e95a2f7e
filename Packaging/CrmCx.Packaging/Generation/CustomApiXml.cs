using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using CrmCx.Model.Labels;
using CrmCx.Packaging.Content;
using CrmCx.Packaging.Registration;

namespace CrmCx.Packaging.Generation;

/// <summary>
/// customapis/&lt;uniquename&gt;/customapi.xml with customapirequestparameters/&lt;UniqueName&gt;/customapirequestparameter.xml and
/// customapiresponseproperties/&lt;UniqueName&gt;/customapiresponseproperty.xml: the layout and elements of Microsoft's
/// "Create a custom API with solution files" (MicrosoftDocs/powerapps-docs powerapps-docs/developer/data-platform/create-custom-api-solution.md,
/// commit bb9ee2007bc05e9b14f178336180dcd8c9090da5). The shape is that of the managed zips Microsoft exported for its
/// samples (microsoft/PowerApps-Samples commit 3297c082f229b0fd37220b5cb1d8d662aecc0d92,
/// dataverse/orgsvc/CSharp/IsSystemAdminCustomAPI/IsSystemAdminFunction_1_0_0_0_managed.zip and
/// dataverse/orgsvc/CSharp/ExportDataUsingFetchXmlToAnnotation/ExportDataUsingFetchXmlToAnnotation_1_0_0_0_managed.zip):
/// no XML declaration, no namespace, lower-case children in alphabetical order, empty optional columns left out
/// (boundentitylogicalname, logicalentityname), the plug-in named as &lt;plugintypeid&gt;&lt;plugintypeid&gt;id&lt;/plugintypeid&gt;&lt;/plugintypeid&gt;
/// with the PluginTypeId of the assembly file, lower case and without braces (IsSystemAdminFunction). Labels carry English
/// and French, as the doc's "Provide localized labels with the solution" shows for a second language.
/// </summary>
public static class CustomApiXml
{
    /// <summary>
    /// The assembly with every plug-in class a custom API names listed among its types. Refuses, naming the API and the
    /// class, a catalog entry whose class the assembly lacks: the API would import with a plugintypeid that resolves to nothing.
    /// </summary>
    public static PluginAssemblyInfo WithPluginTypesOf(PluginAssemblyInfo assembly, IEnumerable<CustomApiModel> apis)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(apis);
        var list = apis.ToList();
        foreach (var api in list.Where(a => !assembly.PluginClasses.Contains(a.PluginTypeName, StringComparer.Ordinal)))
            throw new InvalidOperationException(
                $"The custom API {api.UniqueName} (Packaging/CrmCx.Packaging/Content/CustomApiCatalog.cs) names the plug-in type {api.PluginTypeName}, "
                + $"which {assembly.Name}.dll lacks: it has no public, non-abstract class of that name implementing Microsoft.Xrm.Sdk.IPlugin. "
                + "Add the class to the plug-in assembly, or correct the catalog.");
        return assembly.WithPluginTypes(list.Select(a => a.PluginTypeName));
    }

    /// <summary>Every file of one custom API: path relative to Solution/ (and to the zip's root) → root element.</summary>
    public static IEnumerable<(string Path, XElement Root)> Files(CustomApiModel api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var folder = CustomApiCatalog.Folder(api);
        yield return ($"{folder}/customapi.xml", Api(api));
        foreach (var parameter in api.RequestParameters)
            yield return ($"{folder}/customapirequestparameters/{parameter.UniqueName}/customapirequestparameter.xml", RequestParameter(api, parameter));
        foreach (var property in api.ResponseProperties)
            yield return ($"{folder}/customapiresponseproperties/{property.UniqueName}/customapiresponseproperty.xml", ResponseProperty(api, property));
    }

    /// <summary>The customapi element.</summary>
    public static XElement Api(CustomApiModel api)
    {
        ArgumentNullException.ThrowIfNull(api);
        return new XElement("customapi", new XAttribute("uniquename", api.UniqueName),
            new XElement("allowedcustomprocessingsteptype", Number(api.AllowedCustomProcessingStepType)),
            new XElement("bindingtype", Number(api.BindingType)),
            Label("description", api.Description),
            Label("displayname", api.DisplayName),
            api.ExecutePrivilegeName is null ? null : new XElement("executeprivilegename", api.ExecutePrivilegeName),
            Customizable(),
            new XElement("isfunction", XmlFile.Bit(api.IsFunction)),
            new XElement("isprivate", XmlFile.Bit(api.IsPrivate)),
            new XElement("name", api.UniqueName),
            new XElement("plugintypeid", new XElement("plugintypeid", PluginXml.TypeId(api.PluginTypeName).ToString("D"))),
            // Enabled for Workflow: no; CrmCx runs the API from a cloud flow and the Web API, not from classic workflows.
            new XElement("workflowsdkstepenabled", "0"));
    }

    /// <summary>The customapirequestparameter element.</summary>
    public static XElement RequestParameter(CustomApiModel api, CustomApiRequestParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(parameter);
        return new XElement("customapirequestparameter", new XAttribute("uniquename", parameter.UniqueName),
            Label("description", parameter.Description),
            Label("displayname", parameter.DisplayName),
            Customizable(),
            new XElement("isoptional", XmlFile.Bit(parameter.IsOptional)),
            new XElement("name", Name(api, parameter.UniqueName)),
            new XElement("type", Number(parameter.Type)));
    }

    /// <summary>
    /// The customapiresponseproperty element. It has no isoptional: "isoptional is not valid for a response property and
    /// will cause an error when you try to import the solution" (create-custom-api-solution.md).
    /// </summary>
    public static XElement ResponseProperty(CustomApiModel api, CustomApiResponseProperty property)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(property);
        return new XElement("customapiresponseproperty", new XAttribute("uniquename", property.UniqueName),
            Label("description", property.Description),
            Label("displayname", property.DisplayName),
            Customizable(),
            new XElement("name", Name(api, property.UniqueName)),
            new XElement("type", Number(property.Type)));
    }

    // The naming convention Microsoft recommends for a parameter's primary name: {Custom API Unique Name}.{Parameter UniqueName}
    // (custom-api-tables.md), which tells apart the request Continuation from the response Continuation in the solution.
    private static string Name(CustomApiModel api, string uniqueName) => $"{api.UniqueName}.{uniqueName}";

    // Not customizable in a managed layer: the privilege, the plug-in and the parameters are CrmCx's contract with its
    // callers (the flow, the admin guide's Web API call), as Microsoft's own IsSystemAdmin sample ships its API.
    private static XElement Customizable() => new("iscustomizable", "0");

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static XElement Label(string name, Label text) =>
        new(name, new XAttribute("default", text.English),
            new XElement("label", new XAttribute("description", text.English), new XAttribute("languagecode", CrmCx.Model.Labels.Label.EnglishLcid)),
            new XElement("label", new XAttribute("description", text.French), new XAttribute("languagecode", CrmCx.Model.Labels.Label.FrenchLcid)));
}
