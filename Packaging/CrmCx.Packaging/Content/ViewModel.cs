using System;
using System.Collections.Generic;
using System.Xml.Linq;
using CrmCx.Model.Labels;
using CrmCx.Packaging.Identity;
using CrmCx.Schema;

namespace CrmCx.Packaging.Content;

/// <summary>Saved query types (savedquery.querytype).</summary>
public static class QueryType
{
    /// <summary>Public view.</summary>
    public const int Public = 0;
    /// <summary>Advanced Find view.</summary>
    public const int AdvancedFind = 1;
    /// <summary>Associated view (sub-grids).</summary>
    public const int Associated = 2;
    /// <summary>Quick Find view.</summary>
    public const int QuickFind = 4;
    /// <summary>Lookup view.</summary>
    public const int Lookup = 64;
}

/// <summary>A view (saved query) of a CrmCx table, or one CrmCx adds to a standard table (whose primary name column is not cx_name).</summary>
public sealed record ViewModel(string Entity, string Key, Label Name, int QueryType, bool IsDefault, XElement Fetch, IReadOnlyList<(string Column, int Width)> Columns)
{
    /// <summary>The primary name column the grid opens the row from (layoutxml jump).</summary>
    public string PrimaryName { get; init; } = SurveyResponseSchema.Name; // cx_name, the primary name of every CrmCx table

    /// <summary>Stable id.</summary>
    public Guid Id => StableId.For($"view:{Entity}:{Key}");
}
