using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Reflection;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CrmCx.Dataverse.InMemory;
using CrmCx.Schema;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Cli.Serving;

/// <summary>
/// Serves the built web resources (WebResources/dist) on 127.0.0.1 with a host page per account, contact, journey and
/// case that plays the model-driven form (fake Xrm, the real form library and its OnLoad handler, the panel in its web
/// resource frame), the CX overview dashboard's drivers page (/drivers), and a JSON endpoint answering the fake
/// Xrm.WebApi from the in-memory org.
/// </summary>
public sealed class PanelServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly InMemoryOrganization org;

    private PanelServer(WebApplication app, InMemoryOrganization org, string baseUrl, string? webResources)
    {
        this.app = app;
        this.org = org;
        BaseUrl = baseUrl;
        WebResourcesRoot = webResources;
    }

    /// <summary>Where the server listens, e.g. http://127.0.0.1:5057.</summary>
    public string BaseUrl { get; }

    /// <summary>The dist folder served under /webresources, or null when the web resources are not built.</summary>
    public string? WebResourcesRoot { get; }

    /// <summary>Starts serving the org on 127.0.0.1 (port 0 picks a free port).</summary>
    public static async Task<PanelServer> StartAsync(InMemoryOrganization org, int port, CancellationToken cancel)
    {
        ArgumentNullException.ThrowIfNull(org);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        // The host's console lifetime would take SIGINT and SIGTERM for itself and stop only the web host, leaving
        // crmcx waiting; crmcx's own signal handling (Program.cs) cancels the session and disposes the server instead.
        builder.Services.AddSingleton<Microsoft.Extensions.Hosting.IHostLifetime, CommandLifetime>();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var reader = new WebApiReader(org);
        var dist = FindWebResources();
        var user = org.AdminUserId;

        // Any other failure still answers as the Web API would: JSON with a message the panel can show.
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context).ConfigureAwait(false);
            }
            catch (Exception e) when (!context.Response.HasStarted)
            {
                context.Response.StatusCode = 500;
                await context.Response.WriteAsJsonAsync(new { errorCode = unchecked((int)0x80040216), message = e.Message }).ConfigureAwait(false);
            }
        });

        if (dist is not null)
        {
            app.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = new PhysicalFileProvider(dist),
                RequestPath = "/webresources",
                ServeUnknownFileTypes = true,
            });
        }

        app.MapGet("/", () => Results.Content(IndexPage(org, dist), "text/html; charset=utf-8"));
        app.MapGet("/fake-xrm.js", () => Results.Content(Asset("fake-xrm.js"), "text/javascript; charset=utf-8"));
        // The CX overview dashboard's drivers page (cx_/drivers/cxdrivers.html), with the fake Xrm on the dashboard's window.
        app.MapGet("/drivers", () => Results.Content(
            Asset("dashboard.html").Replace("{{USER}}", "{" + user.ToString().ToUpperInvariant() + "}", StringComparison.Ordinal), "text/html; charset=utf-8"));
        app.MapGet("/{page}/{id:guid}", (string page, Guid id) =>
        {
            if (!FormPages.TryGetValue(page, out var form)) return Results.NotFound();
            var row = org.Peek(form.Table, id);
            if (row is null) return Results.NotFound();
            var name = row.GetAttributeValue<string>(form.NameColumn) ?? id.ToString();
            var html = Asset("form.html").Replace("{{NAME}}", WebUtility.HtmlEncode(name), StringComparison.Ordinal)
                .Replace("{{TABLE}}", form.Table, StringComparison.Ordinal)
                .Replace("{{KIND}}", WebUtility.HtmlEncode(form.Label), StringComparison.Ordinal)
                .Replace("{{ID}}", "{" + id.ToString().ToUpperInvariant() + "}", StringComparison.Ordinal)
                .Replace("{{USER}}", "{" + user.ToString().ToUpperInvariant() + "}", StringComparison.Ordinal)
                .Replace("{{CUSTOMER}}", CaseCustomer(org, row), StringComparison.Ordinal);
            return Results.Content(html, "text/html; charset=utf-8");
        });
        app.MapGet("/xrm/retrieveRecord", (string table, string id, string? options) =>
            Answer(() => reader.RetrieveRecord(table, id, options)));
        app.MapGet("/xrm/execute", (string operation, string? dimension, string? account, int? journeyType) =>
            Answer(() => reader.ExecuteDrivers(operation, dimension, account, journeyType)));
        app.MapGet("/xrm/retrieveMultipleRecords", (string table, string? options) =>
            Answer(() => reader.RetrieveMultiple(table, options)));

        await app.StartAsync(cancel).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? $"http://127.0.0.1:{port}";
        return new PanelServer(app, org, address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/'), dist);
    }

    /// <summary>The form pages the server plays: path segment to table, the column naming the record, and a label.</summary>
    private static readonly IReadOnlyDictionary<string, (string Table, string NameColumn, string Label)> FormPages =
        new Dictionary<string, (string, string, string)>(StringComparer.Ordinal)
        {
            ["account"] = (CustomerSchema.Account, CustomerSchema.AccountName, "account"),
            ["contact"] = (CustomerSchema.Contact, CustomerSchema.ContactFullName, "contact"),
            ["journey"] = (JourneySchema.EntityName, JourneySchema.Name, "customer journey"),
            ["case"] = ("incident", "title", "case"),
        };

    /// <summary>
    /// A case's customer as the lookup attribute's value (JSON; "null" for other tables). System.Text.Json escapes
    /// &lt;, &gt; and &amp;, so a name cannot end the page's script element.
    /// </summary>
    private static string CaseCustomer(InMemoryOrganization org, Entity row)
    {
        if (row.LogicalName != "incident" || row.GetAttributeValue<EntityReference>("customerid") is not { } customer) return "null";
        var table = org.Metadata.Find(customer.LogicalName);
        var name = customer.Name ?? (table is null ? null : org.Peek(customer.LogicalName, customer.Id)?.GetAttributeValue<string>(table.PrimaryNameAttribute));
        return System.Text.Json.JsonSerializer.Serialize(new[] { new { id = "{" + customer.Id.ToString().ToUpperInvariant() + "}", entityType = customer.LogicalName, name } });
    }

    /// <summary>Links to the host pages of the riskiest accounts, to print with the URL.</summary>
    public IEnumerable<(string Name, string Url)> SampleAccountUrls(int count) =>
        org.Snapshot(CustomerSchema.Account)
            .OrderByDescending(a => a.GetAttributeValue<OptionSetValue>(CustomerSchema.RiskLevel)?.Value ?? 0)
            .ThenByDescending(a => a.GetAttributeValue<int?>(CustomerSchema.AtRiskJourneys) ?? 0)
            .ThenBy(a => a.GetAttributeValue<string>(CustomerSchema.AccountName), StringComparer.Ordinal)
            .Take(count)
            .Select(a => (a.GetAttributeValue<string>(CustomerSchema.AccountName) ?? "", $"{BaseUrl}/account/{a.Id}"));

    /// <summary>Stops the server.</summary>
    public async ValueTask DisposeAsync()
    {
        await app.StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private static IResult Answer(Func<IDictionary<string, object?>> read)
    {
        try
        {
            return Results.Json(read());
        }
        catch (KeyNotFoundException e)
        {
            return Results.Json(new { errorCode = unchecked((int)0x80040217), message = e.Message }, statusCode: 404);
        }
        catch (FormatException e)
        {
            return Results.Json(new { errorCode = unchecked((int)0x80060888), message = e.Message }, statusCode: 400);
        }
        catch (System.ServiceModel.FaultException<OrganizationServiceFault> e)
        {
            return Results.Json(new { errorCode = e.Detail?.ErrorCode ?? 0, message = e.Detail?.Message ?? e.Message }, statusCode: 400);
        }
    }

    /// <summary>WebResources/dist found from the tool's folder or the working folder upwards (CRMCX_WEBRESOURCES overrides).</summary>
    internal static string? FindWebResources()
    {
        var configured = Environment.GetEnvironmentVariable("CRMCX_WEBRESOURCES");
        if (!string.IsNullOrEmpty(configured)) return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "WebResources", "dist");
                if (File.Exists(Path.Combine(candidate, ComponentSchema.PanelPage))) return candidate;
            }
        }
        return null;
    }

    private static string Asset(string name)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Serving.Assets." + name)
            ?? throw new InvalidOperationException($"Embedded asset {name} is missing from crmcx.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static string IndexPage(InMemoryOrganization org, string? dist)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>CrmCx demo</title>")
            .Append("<style>body{font-family:system-ui,sans-serif;margin:24px}td,th{padding:4px 12px;text-align:left}</style></head><body>")
            .Append("<h1>CrmCx demo org</h1>");
        if (dist is null) html.Append("<p><strong>The web resources are not built:</strong> run <code>npm ci &amp;&amp; npm run build</code> in WebResources.</p>");
        html.Append("<p><a href=\"/drivers\">CX drivers</a>: the CX overview dashboard's drivers page (stage, channel, owners, business units).</p>");
        html.Append("<table><tr><th>Account</th><th>NPS</th><th>Risk</th><th>At-risk journeys</th></tr>");
        var ids = org.Snapshot(CustomerSchema.Account).GroupBy(a => a.GetAttributeValue<string>(CustomerSchema.AccountName) ?? "")
            .ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        foreach (var row in Output.Scorecard.Rows(org))
        {
            html.Append("<tr><td><a href=\"/account/").Append(ids.GetValueOrDefault(row.Account)).Append("\">").Append(WebUtility.HtmlEncode(row.Account)).Append("</a></td><td>")
                .Append(row.Nps?.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) ?? "-").Append("</td><td>")
                .Append(Output.Scorecard.RiskLabel(row.RiskLevel)).Append("</td><td>").Append(row.AtRiskJourneys).Append("</td></tr>");
        }
        html.Append("</table><h2>Open journeys at risk</h2><table><tr><th>Journey</th><th>Risk</th><th>A case of the journey</th></tr>");
        var cases = org.Snapshot("incident").Where(c => c.GetAttributeValue<EntityReference>(TouchpointSchema.Journey) is not null)
            .GroupBy(c => c.GetAttributeValue<EntityReference>(TouchpointSchema.Journey)!.Id).ToDictionary(g => g.Key, g => g.First());
        var atRisk = org.Snapshot(JourneySchema.EntityName)
            .Where(j => j.GetAttributeValue<OptionSetValue>(JourneySchema.StateCode)?.Value == 0 && (j.GetAttributeValue<OptionSetValue>(JourneySchema.RiskLevel)?.Value ?? 0) >= 964000002)
            .OrderByDescending(j => j.GetAttributeValue<OptionSetValue>(JourneySchema.RiskLevel)?.Value ?? 0)
            .ThenBy(j => j.GetAttributeValue<string>(JourneySchema.Name), StringComparer.Ordinal);
        foreach (var journey in atRisk)
        {
            html.Append("<tr><td><a href=\"/journey/").Append(journey.Id).Append("\">").Append(WebUtility.HtmlEncode(journey.GetAttributeValue<string>(JourneySchema.Name) ?? "")).Append("</a></td><td>")
                .Append(Output.Scorecard.RiskLabel(journey.GetAttributeValue<OptionSetValue>(JourneySchema.RiskLevel)?.Value ?? 0)).Append("</td><td>");
            if (cases.TryGetValue(journey.Id, out var incident))
                html.Append("<a href=\"/case/").Append(incident.Id).Append("\">").Append(WebUtility.HtmlEncode(incident.GetAttributeValue<string>("title") ?? incident.Id.ToString())).Append("</a>");
            html.Append("</td></tr>");
        }
        return html.Append("</table></body></html>").ToString();
    }
}

/// <summary>A host lifetime that leaves signals to the command line: starting and stopping are the command's calls.</summary>
internal sealed class CommandLifetime : Microsoft.Extensions.Hosting.IHostLifetime
{
    /// <inheritdoc />
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
