using System;

namespace CrmCx.Model.Columns;

/// <summary>How the generated schema constants name model items by default.</summary>
public static class CodeNames
{
    /// <summary>The schema name without the customization prefix and its underscore: cx_NpsHistory gives NpsHistory.</summary>
    public static string WithoutPrefix(string schemaName)
    {
        ArgumentNullException.ThrowIfNull(schemaName);
        var prefix = CrmCxModel.CustomizationPrefix + "_";
        return schemaName.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) ? schemaName[prefix.Length..] : schemaName;
    }

    /// <summary>The default code name of a column: without the prefix, and a lookup without its "Id" suffix (cx_AccountId gives Account).</summary>
    public static string Default(string schemaName, bool isLookup)
    {
        var name = WithoutPrefix(schemaName);
        return isLookup && name.Length > 2 && name.EndsWith("Id", StringComparison.Ordinal) ? name[..^2] : name;
    }

    /// <summary>A code name in camelCase, the style of the web resources: NpsHistory gives npsHistory.</summary>
    public static string Camel(string codeName)
    {
        ArgumentNullException.ThrowIfNull(codeName);
        return codeName.Length == 0 ? codeName : char.ToLowerInvariant(codeName[0]) + codeName[1..];
    }

    /// <summary>An English label as a code name: "Technical issue" gives TechnicalIssue, "Follow-up" gives FollowUp.</summary>
    public static string FromLabel(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var parts = label.Split(new[] { ' ', '-', '–' }, StringSplitOptions.RemoveEmptyEntries);
        return string.Concat(Array.ConvertAll(parts, p => char.ToUpperInvariant(p[0]) + p[1..]));
    }
}
