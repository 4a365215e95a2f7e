using System.Collections.Generic;

namespace CrmCx.Model.Components;

/// <summary>The name of a solution component other than a table, column or choice, with the code name its constant gets.</summary>
/// <param name="CodeName">The constant's name in the generated ComponentSchema (C#) and Components (schema.g.ts, in camelCase).</param>
/// <param name="Name">The component's unique or schema name, as the solution and the platform know it.</param>
/// <param name="Summary">What it is, for the generated documentation comment.</param>
public sealed record ComponentName(string CodeName, string Name, string Summary)
{
    /// <summary>The web resources use it: it is in schema.g.ts too (the others stay out of the panel's size budget).</summary>
    public bool InScript { get; init; }
}

/// <summary>
/// The names of CrmCx's other solution components that code refers to: custom APIs, the settings environment variable,
/// the connection reference, web resources, the form elements the web resources look for, the dashboard and the
/// in-app notification id. The packer, the plug-ins and the web resources use them through the generated schema.
/// </summary>
public static class ComponentNames
{
    /// <summary>Every name, in the order the generated files list them.</summary>
    public static IReadOnlyList<ComponentName> All { get; } = new[]
    {
        new ComponentName("Recalculate", "cx_Recalculate", "Custom API: recalculates the figures that change with time alone (the daily flow calls it)."),
        new ComponentName("GetDrivers", "cx_GetDrivers", "Custom API: what moves satisfaction (drivers by dimension).") { InScript = true },
        new ComponentName("Settings", "cx_Settings", "Environment variable (JSON) with the CrmCx settings.") { InScript = true },
        new ComponentName("DataverseConnection", "cx_DataverseConnection", "Connection reference the shipped cloud flow uses."),
        new ComponentName("FormLibrary", "cx_/scripts/cxform.js", "Web resource: the form library (OnLoad handlers)."),
        new ComponentName("PanelPage", "cx_/panel/cxpanel.html", "Web resource: the CX panel page."),
        new ComponentName("PanelScript", "cx_/panel/cxpanel.js", "Web resource: the CX panel script."),
        new ComponentName("PanelStyles", "cx_/panel/cxpanel.css", "Web resource: the CX panel styles."),
        new ComponentName("Strings", "cx_/strings/cx", "Web resource family of the strings, without the LCID (getResourceString picks the user's language).") { InScript = true },
        new ComponentName("StringsEnglish", "cx_/strings/cx.1033.resx", "Web resource: the English strings."),
        new ComponentName("StringsFrench", "cx_/strings/cx.1036.resx", "Web resource: the French strings."),
        new ComponentName("DriversPage", "cx_/drivers/cxdrivers.html", "Web resource: the drivers page of the dashboard."),
        new ComponentName("DriversScript", "cx_/drivers/cxdrivers.js", "Web resource: the drivers page script."),
        new ComponentName("DriversStyles", "cx_/drivers/cxdrivers.css", "Web resource: the drivers page styles."),
        new ComponentName("PanelControl", "WebResource_cxpanel", "Form control: the panel's web resource control on the account, contact, journey and case forms.") { InScript = true },
        new ComponentName("ResponsesTab", "tab_cx_responses", "Form tab: the customer's survey responses on the account and contact forms.") { InScript = true },
        new ComponentName("ResponsesSection", "cx_responses_section", "Form section of the responses tab."),
        new ComponentName("ResponsesSubgrid", "cx_responses_subgrid", "Form control: the survey responses subgrid of the responses tab."),
        new ComponentName("CustomerExperienceTab", "cx_customerexperience", "Form tab: the CX panel and figures on the account and contact forms."),
        new ComponentName("CustomerExperiencePanelSection", "cx_customerexperience_panel", "Form section holding the panel."),
        new ComponentName("CustomerExperienceScoresSection", "cx_customerexperience_scores", "Form section with the NPS and risk columns."),
        new ComponentName("JourneyTab", "cx_journey", "Form tab: the case's journey on the case form."),
        new ComponentName("JourneyPanelSection", "cx_journey_panel", "Form section holding the panel on the case form."),
        new ComponentName("JourneySection", "cx_journey_section", "Form section with the journey link columns on the case form."),
        new ComponentName("OverviewDashboard", "cx_overview", "Dashboard: the CX overview."),
        new ComponentName("AtRiskJourneysChart", "cx_atriskjourneys_chart", "Dashboard cell: at-risk journeys chart."),
        new ComponentName("NpsByOwnerChart", "cx_npsbyowner_chart", "Dashboard cell: NPS by owner chart."),
        new ComponentName("DetractorsAwaitingGrid", "cx_detractorsawaiting_grid", "Dashboard cell: detractors awaiting follow-up."),
        new ComponentName("AtRiskNotification", "cx_atriskjourney", "Form notification id of the at-risk journey banner.") { InScript = true },
    };
}
