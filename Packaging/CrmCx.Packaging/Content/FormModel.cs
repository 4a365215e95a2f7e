using System;
using System.Collections.Generic;
using CrmCx.Model.Labels;
using CrmCx.Packaging.Identity;

namespace CrmCx.Packaging.Content;

/// <summary>A cell of a form section.</summary>
public abstract record FormCell;

/// <summary>A column's control; computed columns are shown read-only.</summary>
public sealed record FieldCell(string Column, bool ReadOnly = false) : FormCell;

/// <summary>An HTML web resource embedded in the form (control id such as WebResource_cxpanel).</summary>
public sealed record WebResourceCell(string ControlId, string WebResource, Label Label, int RowSpan) : FormCell;

/// <summary>A grid of related rows.</summary>
public sealed record SubgridCell(string ControlId, Label Label, string TargetEntity, string Relationship, Guid ViewId) : FormCell;

/// <summary>A form section.</summary>
public sealed record SectionModel(string Name, Label Label, IReadOnlyList<FormCell> Cells);

/// <summary>A form tab.</summary>
public sealed record TabModel(string Name, Label Label, IReadOnlyList<SectionModel> Sections);

/// <summary>An event handler of the form (OnLoad with the execution context passed).</summary>
public sealed record FormHandler(string Event, string Function, string Library);

/// <summary>Form types as solution files name them.</summary>
public enum FormKind
{
    /// <summary>Main form (forms type "main").</summary>
    Main,
    /// <summary>Quick create form (forms type "quickCreate").</summary>
    QuickCreate,
}

/// <summary>
/// A form the solution ships. A form of a CrmCx table is the whole form; a form of a standard table (account,
/// contact, case) is a difference: only what CrmCx adds, marked solutionaction="Added", so Microsoft's form keeps
/// everything else.
/// </summary>
public sealed record FormModel(
    string EntityLogicalName, string EntitySchemaName, FormKind Kind, Guid Id, Label Name, Label Description, bool IsDifference,
    IReadOnlyList<TabModel> Tabs, IReadOnlyList<string> Libraries, IReadOnlyList<FormHandler> Handlers)
{
    /// <summary>The folder of the unpacked layout (FormXml/main, FormXml/quickCreate).</summary>
    public string Folder => Kind == FormKind.Main ? "main" : "quickCreate";

    /// <summary>The forms type attribute.</summary>
    public string TypeName => Kind == FormKind.Main ? "main" : "quickCreate";

    /// <summary>A stable id for an element of this form (tab, section, cell, library, handler).</summary>
    public Guid ElementId(string key) => StableId.For($"form:{Id:D}:{key}");
}
