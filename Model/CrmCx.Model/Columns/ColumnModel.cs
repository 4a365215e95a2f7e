using System;
using System.Collections.Generic;
using CrmCx.Model.Choices;
using CrmCx.Model.Labels;

namespace CrmCx.Model.Columns;

/// <summary>Column kinds CrmCx uses, in maker-portal terms.</summary>
public enum ColumnKind
{
    /// <summary>Single line of text.</summary>
    Text,
    /// <summary>Multiple lines of text.</summary>
    Memo,
    /// <summary>Whole number (Int32).</summary>
    WholeNumber,
    /// <summary>Decimal number.</summary>
    Decimal,
    /// <summary>Date and time (user local display, stored in UTC).</summary>
    DateTime,
    /// <summary>Lookup to one table.</summary>
    Lookup,
    /// <summary>Choice bound to a global choice.</summary>
    Choice,
}

/// <summary>Dataverse's required levels (AttributeRequiredLevel).</summary>
public enum RequiredLevel
{
    /// <summary>Optional.</summary>
    None,
    /// <summary>Required on forms and in the maker's sense ("Business required").</summary>
    ApplicationRequired,
    /// <summary>Business recommended.</summary>
    Recommended,
}

/// <summary>One column CrmCx defines, on its own table or added to a standard table.</summary>
public sealed record ColumnModel
{
    /// <summary>Schema name (the logical name is its lower-case form).</summary>
    public required string SchemaName { get; init; }
    /// <summary>Logical name.</summary>
    public string LogicalName => SchemaName.ToLowerInvariant();
    /// <summary>Kind.</summary>
    public required ColumnKind Kind { get; init; }
    /// <summary>Display name.</summary>
    public required Label DisplayName { get; init; }
    /// <summary>Description shown as the column's tooltip.</summary>
    public required Label Description { get; init; }
    /// <summary>Required level.</summary>
    public RequiredLevel RequiredLevel { get; init; } = RequiredLevel.None;
    /// <summary>Maximum length of text and memo columns.</summary>
    public int? MaxLength { get; init; }
    /// <summary>Smallest value of number columns.</summary>
    public decimal? MinValue { get; init; }
    /// <summary>Largest value of number columns.</summary>
    public decimal? MaxValue { get; init; }
    /// <summary>Decimal places of decimal columns.</summary>
    public int? Precision { get; init; }
    /// <summary>Target table of a lookup.</summary>
    public string? Target { get; init; }
    /// <summary>Global choice of a choice column.</summary>
    public ChoiceModel? Choice { get; init; }
    /// <summary>The table's primary name column.</summary>
    public bool IsPrimaryName { get; init; }
    /// <summary>Computed by CrmCx's plugins: shown read-only on forms, never typed in by users.</summary>
    public bool IsComputed { get; init; }

    /// <summary>
    /// The constant's name in the generated C# schema classes (Domain/CrmCx.Domain/Schema/*.g.cs); by default the schema
    /// name without the "cx_" prefix (and, for a lookup, without its "Id" suffix). Code names are for code only: they never
    /// reach the solution XML.
    /// </summary>
    public string? CodeName { get; init; }
    /// <summary>The key in the generated WebResources/src/schema.g.ts; by default the code name in camelCase.</summary>
    public string? ScriptName { get; init; }
    /// <summary>The code name in effect.</summary>
    public string Code => CodeName ?? CodeNames.Default(SchemaName, Kind == ColumnKind.Lookup);
    /// <summary>The script name in effect.</summary>
    public string Script => ScriptName ?? CodeNames.Camel(Code);

    /// <summary>Lookup targets as a list (empty for other kinds).</summary>
    public IReadOnlyList<string> Targets => Target is null ? Array.Empty<string>() : new[] { Target };
}
