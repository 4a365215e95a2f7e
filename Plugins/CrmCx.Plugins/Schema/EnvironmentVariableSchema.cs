namespace CrmCx.Schema;

/// <summary>
/// Schema names of Dataverse's environment variable tables (Microsoft's table reference pages for
/// environmentvariabledefinition and environmentvariablevalue).
/// </summary>
public static class EnvironmentVariableSchema
{
    /// <summary>The definition table.</summary>
    public const string Definition = "environmentvariabledefinition";
    /// <summary>Primary key of the definition.</summary>
    public const string DefinitionId = "environmentvariabledefinitionid";
    /// <summary>The definition's schema name (cx_Settings).</summary>
    public const string SchemaName = "schemaname";
    /// <summary>The default value shipped with the solution.</summary>
    public const string DefaultValue = "defaultvalue";
    /// <summary>The value table (the environment's own value, when an admin set one).</summary>
    public const string Value = "environmentvariablevalue";
    /// <summary>The value column of the value table.</summary>
    public const string ValueColumn = "value";
}
