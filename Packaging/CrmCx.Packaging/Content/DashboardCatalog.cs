using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Model.Labels;
using CrmCx.Model.Security;
using CrmCx.Model.Tables;
using CrmCx.Packaging.Identity;
using CrmCx.Schema;

namespace CrmCx.Packaging.Content;

/// <summary>A component of a dashboard: one cell of its single section.</summary>
public abstract record DashboardCell(string ControlId, Label Label);

/// <summary>A system chart shown over the rows of a shipped view.</summary>
public sealed record DashboardChartCell(string ControlId, Label Label, ChartModel Chart) : DashboardCell(ControlId, Label);

/// <summary>A grid of a shipped view.</summary>
public sealed record DashboardGridCell(string ControlId, Label Label, ViewModel View) : DashboardCell(ControlId, Label);

/// <summary>An HTML web resource of the solution.</summary>
public sealed record DashboardWebResourceCell(string ControlId, Label Label, string WebResource) : DashboardCell(ControlId, Label);

/// <summary>A system dashboard (a systemform of type 0, "dashboard"), shown to the roles it names.</summary>
public sealed record DashboardModel(string Key, Label Name, Label Description, IReadOnlyList<DashboardCell> Cells, IReadOnlyList<RoleModel> Roles)
{
    /// <summary>Stable id (the dashboard's form id).</summary>
    public Guid Id => StableId.For("dashboard:" + Key);

    /// <summary>A stable id for an element of the dashboard (tab, section, cell).</summary>
    public Guid ElementId(string key) => StableId.For($"dashboard:{Key}:{key}");
}

/// <summary>The dashboards the solution ships: the CX overview for CX managers.</summary>
public static class DashboardCatalog
{
    /// <summary>
    /// The drivers page the overview shows once the solution ships it (cx_GetDrivers behind an HTML page). Until a web
    /// resource of this name is in <see cref="WebResourceCatalog"/>, the dashboard leaves the cell out: it never names a
    /// web resource the solution does not carry.
    /// </summary>
    public const string DriversPage = ComponentSchema.DriversPage;

    /// <summary>The CX overview dashboard.</summary>
    public static DashboardModel Overview { get; } = new(
        ComponentSchema.OverviewDashboard,
        new Label("CX overview", "Vue d'ensemble CX"),
        new Label("At-risk journeys by type and stage, NPS by account owner and detractors awaiting follow-up.",
            "Parcours à risque par type et étape, NPS par propriétaire de compte et détracteurs en attente de suivi."),
        Cells(),
        new[] { CrmCxRoles.Manager });

    /// <summary>Every dashboard.</summary>
    public static IReadOnlyList<DashboardModel> All { get; } = new[] { Overview };

    private static List<DashboardCell> Cells()
    {
        var atRisk = ChartCatalog.Get(CustomerJourneyTable.LogicalName, ChartCatalog.AtRiskByTypeAndStage);
        var nps = ChartCatalog.Get("account", ChartCatalog.NpsByAccountOwner);
        var cells = new List<DashboardCell>
        {
            new DashboardChartCell(ComponentSchema.AtRiskJourneysChart, atRisk.Name, atRisk),
            new DashboardChartCell(ComponentSchema.NpsByOwnerChart, nps.Name, nps),
            new DashboardGridCell(ComponentSchema.DetractorsAwaitingGrid, new Label("Detractors awaiting follow-up", "Détracteurs en attente de suivi"),
                ViewCatalog.Get(SurveyResponseTable.LogicalName, ViewCatalog.DetractorsAwaitingFollowUp)),
        };
        if (WebResourceCatalog.All.Any(w => w.Name == DriversPage))
            cells.Add(new DashboardWebResourceCell("WebResource_cxdrivers", new Label("CX drivers", "Facteurs CX"), DriversPage));
        return cells;
    }
}
