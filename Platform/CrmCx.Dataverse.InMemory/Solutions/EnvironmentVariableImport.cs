using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Solutions;

/// <summary>
/// Imports a solution's environment variable definitions (environmentvariabledefinitions/&lt;schema&gt;/environmentvariabledefinition.xml,
/// the layout of Dataverse's exports) as environmentvariabledefinition rows, as a solution import creates them.
/// </summary>
public static class EnvironmentVariableImport
{
    /// <summary>Imports every definition under <paramref name="folder"/> (the solution's environmentvariabledefinitions folder); returns their ids by schema name.</summary>
    public static IReadOnlyDictionary<string, Guid> ImportFolder(InMemoryOrganization org, string folder)
    {
        ArgumentNullException.ThrowIfNull(org);
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"No environment variable definitions at {folder}.");
        var result = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in Directory.EnumerateFiles(folder, "environmentvariabledefinition.xml", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            var definition = XDocument.Load(file).Root ?? throw new InvalidDataException($"{file} is empty.");
            var (schema, id) = Import(org, definition, file);
            result[schema] = id;
        }
        return result;
    }

    /// <summary>Imports one &lt;environmentvariabledefinition&gt; element; returns its schema name and row id.</summary>
    public static (string SchemaName, Guid Id) Import(InMemoryOrganization org, XElement definition, string source = "environmentvariabledefinition.xml")
    {
        ArgumentNullException.ThrowIfNull(org);
        ArgumentNullException.ThrowIfNull(definition);
        if (definition.Name.LocalName != "environmentvariabledefinition")
            throw new InvalidDataException($"{source}: expected <environmentvariabledefinition>, got <{definition.Name.LocalName}>.");
        var schema = (string?)definition.Attribute("schemaname");
        if (string.IsNullOrWhiteSpace(schema)) throw new InvalidDataException($"{source}: <environmentvariabledefinition> has no schemaname.");
        if (!int.TryParse((string?)definition.Element("type"), out var type)) throw new InvalidDataException($"{source}: {schema} has no <type>.");
        var row = new Entity("environmentvariabledefinition")
        {
            ["schemaname"] = schema,
            ["displayname"] = (string?)definition.Element("displayname")?.Attribute("default") ?? schema,
            ["defaultvalue"] = (string?)definition.Element("defaultvalue"),
            ["description"] = (string?)definition.Element("description")?.Attribute("default"),
            ["type"] = new OptionSetValue(type),
        };
        return (schema, org.Seed(row));
    }

    /// <summary>Sets the environment's own value of a definition (an environmentvariablevalue row), as an admin does after import.</summary>
    public static Guid SetValue(InMemoryOrganization org, Guid definitionId, string schemaName, string value)
    {
        ArgumentNullException.ThrowIfNull(org);
        return org.Seed(new Entity("environmentvariablevalue")
        {
            ["schemaname"] = schemaName,
            ["value"] = value,
            ["environmentvariabledefinitionid"] = new EntityReference("environmentvariabledefinition", definitionId),
        });
    }
}
