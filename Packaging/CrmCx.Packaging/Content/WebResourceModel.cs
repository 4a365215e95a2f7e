using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Packaging.Identity;
using CrmCx.Schema;

namespace CrmCx.Packaging.Content;

/// <summary>A web resource the solution ships; its content is the built file WebResources/dist/&lt;name&gt;.</summary>
public sealed record WebResourceModel(string Name, string DisplayName, int Type, int LanguageCode, string Description, IReadOnlyList<string> Dependencies)
{
    /// <summary>Stable id.</summary>
    public Guid Id => StableId.For("webresource:" + Name);

    /// <summary>The built file, relative to the repository root.</summary>
    public string BuiltPath => "WebResources/dist/" + Name;

    /// <summary>Where an export puts the content inside the zip: the name without "/" and ".", then the id.</summary>
    public string ZipPath => "WebResources/" + new string(Name.Where(c => c != '/' && c != '.').ToArray()) + Id.ToString("D").ToUpperInvariant();
}

/// <summary>The web resources of data-model.md's product: form library, CX panel, the dashboard's drivers page and string resources.</summary>
public static class WebResourceCatalog
{
    /// <summary>Web resource types (webresourcetype choice).</summary>
    public const int Html = 1, Css = 2, Script = 3, Resx = 12;

    /// <summary>The form library.</summary>
    public const string FormLibrary = ComponentSchema.FormLibrary;
    /// <summary>The CX panel page embedded in forms.</summary>
    public const string Panel = ComponentSchema.PanelPage;
    /// <summary>English strings.</summary>
    public const string StringsEnglish = ComponentSchema.StringsEnglish;
    /// <summary>French strings.</summary>
    public const string StringsFrench = ComponentSchema.StringsFrench;

    /// <summary>Every web resource, in solution order.</summary>
    public static IReadOnlyList<WebResourceModel> All { get; } = new[]
    {
        // Xrm.Utility.getResourceString only finds a RESX that is a dependency of the calling script.
        new WebResourceModel(FormLibrary, "CrmCx form library", Script, 0, "OnLoad handlers of the account, contact and case forms.", new[] { StringsEnglish, StringsFrench }),
        new WebResourceModel(Panel, "CrmCx customer experience panel", Html, 0, "NPS, trend and at-risk journeys of a customer, embedded in forms.",
            new[] { ComponentSchema.PanelScript, ComponentSchema.PanelStyles, StringsEnglish, StringsFrench }),
        new WebResourceModel(ComponentSchema.PanelScript, "CrmCx panel script", Script, 0, "Script of the customer experience panel.", new[] { StringsEnglish, StringsFrench }),
        new WebResourceModel(ComponentSchema.PanelStyles, "CrmCx panel styles", Css, 0, "Styles of the customer experience panel.", Array.Empty<string>()),
        // The CX overview dashboard shows this page once it is here (DashboardCatalog.DriversPage).
        new WebResourceModel(DashboardCatalog.DriversPage, "CrmCx drivers page", Html, 0, "Stages, channels, owners and business units against the rest (cx_GetDrivers), on the CX overview dashboard.",
            new[] { ComponentSchema.DriversScript, ComponentSchema.DriversStyles, StringsEnglish, StringsFrench }),
        new WebResourceModel(ComponentSchema.DriversScript, "CrmCx drivers page script", Script, 0, "Script of the drivers page.", new[] { StringsEnglish, StringsFrench }),
        new WebResourceModel(ComponentSchema.DriversStyles, "CrmCx drivers page styles", Css, 0, "Styles of the drivers page.", Array.Empty<string>()),
        new WebResourceModel(StringsEnglish, "CrmCx strings (English)", Resx, 1033, "English strings of the CrmCx web resources.", Array.Empty<string>()),
        new WebResourceModel(StringsFrench, "CrmCx strings (French)", Resx, 1036, "French strings of the CrmCx web resources.", Array.Empty<string>()),
    };

    /// <summary>The web resource with this name.</summary>
    public static WebResourceModel Get(string name) => All.Single(w => w.Name == name);
}
