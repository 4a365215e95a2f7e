using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Model.Labels;

namespace CrmCx.Model.Security;

/// <summary>How far a privilege reaches, in the words a role file uses.</summary>
public enum PrivilegeDepth
{
    /// <summary>The user's own rows.</summary>
    Basic,
    /// <summary>The user's business unit.</summary>
    Local,
    /// <summary>The business unit and its children.</summary>
    Deep,
    /// <summary>The whole organization.</summary>
    Global,
}

/// <summary>One privilege of a role, for example prvReadcx_surveyresponse at Global depth.</summary>
public sealed record PrivilegeModel(string Name, PrivilegeDepth Depth);

/// <summary>A security role shipped in the solution.</summary>
public sealed record RoleModel(Guid Id, string Name, Label Description, IReadOnlyList<PrivilegeModel> Privileges);

/// <summary>The three CrmCx roles of data-model.md.</summary>
public static class CrmCxRoles
{
    private static readonly string[] CxTables = { "cx_surveyresponse", "cx_customerjourney", "cx_journeystagescore" };
    // The NPS rollup's daily counts (an addition to data-model.md): written only by the plugins, as the system user.
    private const string NpsDay = "cx_npsday";
    // cx_GetDrivers' daily summaries (an addition too): CX Manager only. Its execute privilege is prvReadcx_driverday, so
    // CX Agents, who hold no privilege on the table, are refused: the drivers compare owners and business units across
    // the whole organization, which business-unit read access must not reveal.
    private const string DriverDay = "cx_driverday";
    private static readonly string[] AllRights = { "Create", "Read", "Write", "Delete", "Append", "AppendTo", "Assign", "Share" };

    // Activities share one set of privileges (prvReadActivity ...) whatever the activity type.
    private static readonly string[] StandardReadTables = { "Account", "Contact", "Incident", "Activity" };

    /// <summary>CX Manager: full access to the cx tables (NPS and driver days included); read on account, contact, cases and activities.</summary>
    public static RoleModel Manager { get; } = new(
        new Guid("6d6f1c2e-3c1a-4c7e-9a51-0c8e7d1a9001"),
        "CX Manager",
        new Label("CX leads and administrators: full access to CrmCx data.", "Responsables CX et administrateurs : accès complet aux données CrmCx."),
        CxTables.Append(NpsDay).Append(DriverDay).SelectMany(t => AllRights.Select(r => P(r, t, PrivilegeDepth.Global)))
            .Concat(StandardReadTables.Select(t => P("Read", t, PrivilegeDepth.Global)))
            .Concat(new[] { "Account", "Contact", "Incident", "Activity" }.Select(t => P("AppendTo", t, PrivilegeDepth.Global)))
            .ToArray());

    /// <summary>
    /// CX Agent: reads cx tables in the business unit (NPS days in the whole organization: the system user owns them),
    /// creates and updates journeys, links cases and activities to them.
    /// </summary>
    public static RoleModel Agent { get; } = new(
        new Guid("6d6f1c2e-3c1a-4c7e-9a51-0c8e7d1a9002"),
        "CX Agent",
        new Label("Service agents and account teams: see customer experience, run journeys, link cases and activities.",
            "Agents du service client et équipes de compte : voir l'expérience client, suivre les parcours, lier incidents et activités."),
        CxTables.Select(t => P("Read", t, PrivilegeDepth.Local))
            .Concat(new[]
            {
                P("Read", NpsDay, PrivilegeDepth.Global),
                P("Create", "cx_customerjourney", PrivilegeDepth.Local),
                P("Write", "cx_customerjourney", PrivilegeDepth.Local),
                P("Append", "cx_customerjourney", PrivilegeDepth.Local),
                P("AppendTo", "cx_customerjourney", PrivilegeDepth.Local),
                P("AppendTo", "cx_surveyresponse", PrivilegeDepth.Local),
                P("Read", "Account", PrivilegeDepth.Local),
                P("AppendTo", "Account", PrivilegeDepth.Local),
                P("Read", "Contact", PrivilegeDepth.Local),
                P("AppendTo", "Contact", PrivilegeDepth.Local),
                // Linking a case or an activity to a journey writes its cx_customerjourneyid.
                P("Read", "Incident", PrivilegeDepth.Local),
                P("Write", "Incident", PrivilegeDepth.Local),
                P("Append", "Incident", PrivilegeDepth.Local),
                P("Read", "Activity", PrivilegeDepth.Local),
                P("Write", "Activity", PrivilegeDepth.Local),
                P("Append", "Activity", PrivilegeDepth.Local),
            })
            .ToArray());

    /// <summary>CX Survey Integration: the survey tool's application user writes responses and reads customers.</summary>
    public static RoleModel SurveyIntegration { get; } = new(
        new Guid("6d6f1c2e-3c1a-4c7e-9a51-0c8e7d1a9003"),
        "CX Survey Integration",
        new Label("The survey tool's application user: writes survey responses with Upsert.",
            "L'utilisateur d'application de l'outil d'enquête : écrit les réponses avec Upsert."),
        new[]
        {
            P("Create", "cx_surveyresponse", PrivilegeDepth.Global),
            P("Read", "cx_surveyresponse", PrivilegeDepth.Global),
            P("Write", "cx_surveyresponse", PrivilegeDepth.Global),
            // Setting a lookup needs Append on the row and AppendTo on the row it points to.
            P("Append", "cx_surveyresponse", PrivilegeDepth.Global),
            P("Read", "Account", PrivilegeDepth.Global),
            P("AppendTo", "Account", PrivilegeDepth.Global),
            P("Read", "Contact", PrivilegeDepth.Global),
            P("AppendTo", "Contact", PrivilegeDepth.Global),
            P("Read", "cx_customerjourney", PrivilegeDepth.Global),
            P("AppendTo", "cx_customerjourney", PrivilegeDepth.Global),
        });

    /// <summary>Every role, in solution order.</summary>
    public static IReadOnlyList<RoleModel> All { get; } = new[] { Manager, Agent, SurveyIntegration };

    private static PrivilegeModel P(string right, string table, PrivilegeDepth depth) => new("prv" + right + table, depth);
}
