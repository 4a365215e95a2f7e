using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.CustomApis;

/// <summary>
/// Reads one custom API folder of a solution in the layout of MicrosoftDocs/powerapps-docs
/// developer/data-platform/create-custom-api-solution.md: customapis/&lt;uniquename&gt;/customapi.xml,
/// customapirequestparameters/&lt;uniquename&gt;/customapirequestparameter.xml and
/// customapiresponseproperties/&lt;uniquename&gt;/customapiresponseproperty.xml. Child elements may come in any order.
/// Every problem is added to a list (naming the file) so that an import can report all of them at once.
/// </summary>
internal sealed class CustomApiXmlReader
{
    private readonly PluginAssemblyMetadata metadata;
    private readonly Assembly pluginAssembly;
    private readonly string displayRoot;
    private readonly string rootFolder;
    private readonly List<string> problems;

    public CustomApiXmlReader(string rootFolder, PluginAssemblyMetadata metadata, Assembly pluginAssembly, List<string> problems)
    {
        this.rootFolder = rootFolder;
        this.metadata = metadata;
        this.pluginAssembly = pluginAssembly;
        this.problems = problems;
        // Files are named from the customapis folder down (customapis/cx_Recalculate/customapi.xml), as in the solution.
        displayRoot = Path.GetFileName(Path.TrimEndingDirectorySeparator(rootFolder));
    }

    /// <summary>The definition of one custom API folder, or null when a problem was recorded.</summary>
    public CustomApiDefinition? Read(string apiFolder)
    {
        var before = problems.Count;
        var file = Path.Combine(apiFolder, "customapi.xml");
        var where = Display(file);
        if (!File.Exists(file))
        {
            problems.Add($"{Display(apiFolder)}: the folder has no customapi.xml.");
            return null;
        }
        var root = Load(file);
        if (root is null) return null;
        if (root.Name.LocalName != "customapi")
        {
            problems.Add($"{where}: the root element is <{root.Name.LocalName}>, not <customapi>.");
            return null;
        }
        var uniqueName = ((string?)root.Attribute("uniquename"))?.Trim();
        if (string.IsNullOrEmpty(uniqueName))
        {
            problems.Add($"{where}: <customapi> has no uniquename attribute.");
            return null;
        }
        // create-custom-api-solution.md: "each custom API will be in a folder named after the custom API UniqueName property".
        var folderName = Path.GetFileName(Path.TrimEndingDirectorySeparator(apiFolder));
        if (!string.Equals(folderName, uniqueName, StringComparison.OrdinalIgnoreCase))
            problems.Add($"{where}: the custom API {uniqueName} is in the folder '{folderName}'; its folder must be named after its uniquename.");

        var binding = Choice<CustomApiBindingType>(root, "bindingtype", where, "0 Global, 1 Entity, 2 EntityCollection");
        var steps = Choice<CustomApiProcessingStepType>(root, "allowedcustomprocessingsteptype", where, "0 None, 1 Async Only, 2 Sync and Async");
        var bound = Text(root, "boundentitylogicalname");
        if (binding is CustomApiBindingType.Entity or CustomApiBindingType.EntityCollection && bound is null)
            problems.Add($"{where}: the custom API {uniqueName} is bound ({binding}) but has no boundentitylogicalname.");

        var (pluginTypeId, exportKey, pluginType) = ReadPluginType(root, where);

        var requestParameters = new List<CustomApiRequestParameter>();
        if (binding == CustomApiBindingType.Entity && bound is not null)
        {
            // custom-api.md "Select a Binding Type": Entity binding creates a request parameter named Target of type
            // EntityReference automatically.
            requestParameters.Add(new CustomApiRequestParameter
            {
                UniqueName = "Target", Name = $"{uniqueName}.Target", Type = CustomApiParameterType.EntityReference,
                LogicalEntityName = bound, IsOptional = false, IsImplicit = true,
            });
        }
        foreach (var parameterFolder in SubFolders(Path.Combine(apiFolder, "customapirequestparameters")))
        {
            if (ReadRequestParameter(parameterFolder) is not { } parameter) continue;
            if (requestParameters.Any(p => p.UniqueName == parameter.UniqueName))
                problems.Add($"{Display(parameterFolder)}: {uniqueName} has {(parameter.UniqueName == "Target" && binding == CustomApiBindingType.Entity ? "an automatic Target parameter (Entity binding), so it cannot define one" : $"two request parameters named {parameter.UniqueName}")}.");
            else requestParameters.Add(parameter);
        }
        var responseProperties = new List<CustomApiResponseProperty>();
        foreach (var propertyFolder in SubFolders(Path.Combine(apiFolder, "customapiresponseproperties")))
        {
            if (ReadResponseProperty(propertyFolder) is not { } property) continue;
            if (responseProperties.Any(p => p.UniqueName == property.UniqueName))
                problems.Add($"{Display(propertyFolder)}: {uniqueName} has two response properties named {property.UniqueName}.");
            else responseProperties.Add(property);
        }

        var isFunction = Flag(root, "isfunction", where);
        var definition = new CustomApiDefinition
        {
            UniqueName = uniqueName,
            Name = Text(root, "name"),
            DisplayName = Label(root, "displayname"),
            Description = Label(root, "description"),
            BindingType = binding,
            BoundEntityLogicalName = binding == CustomApiBindingType.Global ? null : bound,
            AllowedCustomProcessingStepType = steps,
            ExecutePrivilegeName = Text(root, "executeprivilegename"),
            IsCustomizable = Flag(root, "iscustomizable", where),
            IsFunction = isFunction,
            IsPrivate = Flag(root, "isprivate", where),
            WorkflowSdkStepEnabled = Flag(root, "workflowsdkstepenabled", where),
            PluginTypeId = pluginTypeId,
            PluginTypeExportKey = exportKey,
            PluginType = pluginType,
            RequestParameters = requestParameters,
            ResponseProperties = responseProperties,
            Source = file,
        };
        return problems.Count == before ? definition : null;
    }

    private (Guid? Id, string? ExportKey, Type? Type) ReadPluginType(XElement root, string where)
    {
        // <plugintypeid /> (no plug-in), <plugintypeid><plugintypeid>{GUID}</plugintypeid></plugintypeid> or
        // <plugintypeid><plugintypeexportkey>…</plugintypeexportkey></plugintypeid> (create-custom-api-solution.md).
        var element = Child(root, "plugintypeid");
        if (element is null) return (null, null, null);
        var byId = Child(element, "plugintypeid");
        var byKey = Child(element, "plugintypeexportkey");
        if (byId is null && byKey is null)
        {
            if (!element.HasElements && !string.IsNullOrWhiteSpace(element.Value))
                problems.Add($"{where}: <plugintypeid> holds text; the plug-in type is named by a child <plugintypeid> or <plugintypeexportkey>.");
            return (null, null, null);
        }
        PluginTypeEntry? entry;
        Guid? id = null;
        string? key = null;
        if (byId is not null)
        {
            var text = byId.Value.Trim();
            if (!Guid.TryParse(text, out var parsed))
            {
                problems.Add($"{where}: the plug-in type id '{text}' is not a GUID.");
                return (null, null, null);
            }
            id = parsed;
            entry = metadata.FindById(parsed);
            if (entry is null)
            {
                problems.Add($"{where}: the plug-in type id {parsed:D} is not a PluginType of {metadata.Source} (its PluginTypeIds: {string.Join(", ", metadata.Types.Select(t => $"{t.Id:D} {t.TypeName}"))}).");
                return (id, null, null);
            }
        }
        else
        {
            key = byKey!.Value.Trim();
            entry = metadata.FindByExportKey(key);
            if (entry is null)
            {
                problems.Add($"{where}: no PluginType of {metadata.Source} has the export key '{key}' (the file carries no PluginTypeExportKey; name the type by <plugintypeid>).");
                return (null, key, null);
            }
            id = entry.Id;
        }

        if (!string.Equals(metadata.AssemblyName, pluginAssembly.GetName().Name, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"{where}: {metadata.Source} describes the assembly {metadata.AssemblyName}, not {pluginAssembly.GetName().Name}.");
            return (id, key, null);
        }
        Type? type;
        try { type = pluginAssembly.GetType(entry.TypeName, throwOnError: false, ignoreCase: false); }
        catch (ArgumentException) { type = null; } // a malformed name is not a type of the assembly either
        if (type is null)
        {
            problems.Add($"{where}: the plug-in type {entry.TypeName} ({entry.Id:D}) is not in assembly {pluginAssembly.GetName().Name}.");
            return (id, key, null);
        }
        // Dataverse runs only public plug-in classes (the step importer applies the same rule).
        if (!type.IsVisible || !type.IsClass || type.IsAbstract || !typeof(IPlugin).IsAssignableFrom(type))
        {
            problems.Add($"{where}: the plug-in type {entry.TypeName} is not a public concrete IPlugin class.");
            return (id, key, null);
        }
        return (id, key, type);
    }

    private CustomApiRequestParameter? ReadRequestParameter(string folder)
    {
        var file = Path.Combine(folder, "customapirequestparameter.xml");
        if (ReadCommon(folder, file, "customapirequestparameter") is not { } common) return null;
        var (root, where, uniqueName, type) = common;
        return new CustomApiRequestParameter
        {
            UniqueName = uniqueName,
            Name = Text(root, "name"),
            DisplayName = Label(root, "displayname"),
            Description = Label(root, "description"),
            Type = type,
            IsOptional = Flag(root, "isoptional", where),
            LogicalEntityName = Text(root, "logicalentityname"),
            IsCustomizable = Flag(root, "iscustomizable", where),
        };
    }

    private CustomApiResponseProperty? ReadResponseProperty(string folder)
    {
        var file = Path.Combine(folder, "customapiresponseproperty.xml");
        if (ReadCommon(folder, file, "customapiresponseproperty") is not { } common) return null;
        var (root, where, uniqueName, type) = common;
        // create-custom-api-solution.md: "isoptional is not valid for a response property and will cause an error when you try to import".
        if (Child(root, "isoptional") is not null)
        {
            problems.Add($"{where}: <isoptional> is not valid for a response property.");
            return null;
        }
        return new CustomApiResponseProperty
        {
            UniqueName = uniqueName,
            Name = Text(root, "name"),
            DisplayName = Label(root, "displayname"),
            Description = Label(root, "description"),
            Type = type,
            LogicalEntityName = Text(root, "logicalentityname"),
            IsCustomizable = Flag(root, "iscustomizable", where),
        };
    }

    private (XElement Root, string Where, string UniqueName, CustomApiParameterType Type)? ReadCommon(string folder, string file, string rootName)
    {
        var where = Display(file);
        if (!File.Exists(file))
        {
            problems.Add($"{Display(folder)}: the folder has no {rootName}.xml.");
            return null;
        }
        var root = Load(file);
        if (root is null) return null;
        if (root.Name.LocalName != rootName)
        {
            problems.Add($"{where}: the root element is <{root.Name.LocalName}>, not <{rootName}>.");
            return null;
        }
        var uniqueName = ((string?)root.Attribute("uniquename"))?.Trim();
        if (string.IsNullOrEmpty(uniqueName))
        {
            problems.Add($"{where}: <{rootName}> has no uniquename attribute.");
            return null;
        }
        var typeText = Text(root, "type");
        if (typeText is null || !int.TryParse(typeText, NumberStyles.None, CultureInfo.InvariantCulture, out var code) || !CustomApiTypeMap.IsDefined(code))
        {
            problems.Add($"{where}: {uniqueName} has the type '{typeText ?? "(missing)"}', not a type code (custom-api-tables.md: 0 Boolean, 1 DateTime, 2 Decimal, 3 Entity, 4 EntityCollection, 5 EntityReference, 6 Float, 7 Integer, 8 Money, 9 Picklist, 10 String, 11 StringArray, 12 Guid).");
            return null;
        }
        return (root, where, uniqueName, (CustomApiParameterType)code);
    }

    private T Choice<T>(XElement root, string name, string where, string accepted) where T : struct, Enum
    {
        // An absent choice column takes its first value (0), like an unset integer; the documented samples always write it.
        var text = Text(root, name);
        if (text is null) return default;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var code) && Enum.IsDefined(typeof(T), code)) return (T)(object)code;
        problems.Add($"{where}: <{name}> is '{text}', not one of {accepted}.");
        return default;
    }

    private bool Flag(XElement root, string name, string where)
    {
        // Yes/No columns are written 0/1 in solution files; an absent one is No.
        switch (Text(root, name))
        {
            case null or "0" or "false": return false;
            case "1" or "true": return true;
            case var other:
                problems.Add($"{where}: <{name}> is '{other}', not 0 or 1.");
                return false;
        }
    }

    private static CustomApiLabel Label(XElement root, string name)
    {
        var element = Child(root, name);
        if (element is null) return new CustomApiLabel();
        var labels = new Dictionary<int, string>();
        foreach (var label in element.Elements().Where(e => e.Name.LocalName == "label"))
        {
            if (int.TryParse((string?)label.Attribute("languagecode"), NumberStyles.None, CultureInfo.InvariantCulture, out var lcid))
                labels[lcid] = (string?)label.Attribute("description") ?? string.Empty;
        }
        return new CustomApiLabel { Default = (string?)element.Attribute("default"), Labels = labels };
    }

    private XElement? Load(string file)
    {
        try { return XDocument.Load(file).Root; }
        catch (XmlException e)
        {
            problems.Add($"{Display(file)}: not well-formed XML: {e.Message}");
            return null;
        }
    }

    private string Display(string path) => Path.Combine(displayRoot, Path.GetRelativePath(rootFolder, path)).Replace('\\', '/');

    private static IEnumerable<string> SubFolders(string folder) =>
        Directory.Exists(folder) ? Directory.GetDirectories(folder).OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal) : Enumerable.Empty<string>();

    private static XElement? Child(XElement parent, string localName) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == localName);

    /// <summary>The trimmed text of a child element; null when it is absent or empty (&lt;boundentitylogicalname /&gt;).</summary>
    private static string? Text(XElement parent, string localName) => Child(parent, localName)?.Value.Trim() is { Length: > 0 } text ? text : null;
}
