using CrmCx.Model.Choices;
using CrmCx.Model.Labels;

namespace CrmCx.Model.Columns;

/// <summary>Short constructors for the column kinds, so table definitions read like data-model.md.</summary>
public static class Column
{
    /// <summary>Single line of text.</summary>
    public static ColumnModel Text(string schemaName, Label name, Label description, int maxLength) =>
        new() { SchemaName = schemaName, Kind = ColumnKind.Text, DisplayName = name, Description = description, MaxLength = maxLength };

    /// <summary>Multiple lines of text.</summary>
    public static ColumnModel Memo(string schemaName, Label name, Label description, int maxLength) =>
        new() { SchemaName = schemaName, Kind = ColumnKind.Memo, DisplayName = name, Description = description, MaxLength = maxLength };

    /// <summary>Whole number between two bounds.</summary>
    public static ColumnModel WholeNumber(string schemaName, Label name, Label description, int min, int max) =>
        new() { SchemaName = schemaName, Kind = ColumnKind.WholeNumber, DisplayName = name, Description = description, MinValue = min, MaxValue = max };

    /// <summary>A count: whole number from 0 up to Int32's maximum.</summary>
    public static ColumnModel Count(string schemaName, Label name, Label description) =>
        WholeNumber(schemaName, name, description, 0, int.MaxValue);

    /// <summary>Decimal number between two bounds with a number of decimal places.</summary>
    public static ColumnModel Decimal(string schemaName, Label name, Label description, decimal min, decimal max, int precision) =>
        new() { SchemaName = schemaName, Kind = ColumnKind.Decimal, DisplayName = name, Description = description, MinValue = min, MaxValue = max, Precision = precision };

    /// <summary>Date and time.</summary>
    public static ColumnModel DateTime(string schemaName, Label name, Label description) =>
        new() { SchemaName = schemaName, Kind = ColumnKind.DateTime, DisplayName = name, Description = description };

    /// <summary>Lookup to one table.</summary>
    public static ColumnModel Lookup(string schemaName, Label name, Label description, string target) =>
        new() { SchemaName = schemaName, Kind = ColumnKind.Lookup, DisplayName = name, Description = description, Target = target };

    /// <summary>Choice bound to a global choice.</summary>
    public static ColumnModel Choice(string schemaName, Label name, Label description, ChoiceModel choice) =>
        new() { SchemaName = schemaName, Kind = ColumnKind.Choice, DisplayName = name, Description = description, Choice = choice };
}
