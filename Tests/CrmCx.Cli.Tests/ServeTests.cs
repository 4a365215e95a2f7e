using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using CrmCx.Cli.Commands;
using CrmCx.Cli.Serving;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCx.Cli.Tests;

/// <summary>The panel's Web API requests, exactly as WebResources/src/data/cxData.ts builds them.</summary>
internal static class PanelQueries
{
    public static string Customer =>
        "?$select=cx_nps,cx_npsprevious,cx_npsmargin,cx_npsprevmargin,cx_npsresponses,cx_promoters,cx_passives,cx_detractors,cx_npshistory,cx_lastresponseon,cx_risklevel,cx_atriskjourneys,cx_riskreasons,cx_riskreasonsjson" +
        "&$expand=cx_account_cx_surveyresponse($select=_cx_contactid_value,cx_comment,cx_score,cx_respondedon,cx_channel;$filter=cx_comment ne null;$orderby=cx_respondedon desc;$top=20)";

    private const string JourneySelect = "?$select=cx_name,cx_journeytype,cx_currentstage,cx_score,cx_scoretrend,cx_risklevel,cx_riskreasons,cx_riskreasonsjson";

    /// <summary>The journey form's one request (cxData.ts journeyQuery).</summary>
    public static string Journey =>
        JourneySelect + "&$expand=cx_customerjourney_cx_journeystagescore($select=cx_journeystage,cx_score,cx_touchpointcount,cx_responsecount)";

    /// <summary>The case form's first request (cxData.ts caseQuery); the second is <see cref="Journey"/>.</summary>
    public static string Case => "?$select=_cx_customerjourneyid_value,cx_journeystage";

    public static string OpenJourneys(Guid account) =>
        JourneySelect +
        $"&$filter=_cx_accountid_value eq {account} and statecode eq 0" +
        "&$orderby=cx_risklevel desc,cx_scoretrend asc" +
        "&$expand=cx_customerjourney_cx_journeystagescore($select=cx_journeystage,cx_score)";

    /// <summary>The cx_Settings environment variable: its definition with the environment's value expanded (src/data/settings.ts).</summary>
    public static string Settings =>
        "?$select=defaultvalue,schemaname&$filter=schemaname eq 'cx_Settings'" +
        "&$expand=environmentvariabledefinition_environmentvariablevalue($select=value)";

    public static string AtRisk(Guid account) =>
        "?$select=cx_name,cx_risklevel,cx_riskreasons,cx_riskreasonsjson" +
        $"&$filter=_cx_accountid_value eq {account} and statecode eq 0 and (cx_risklevel eq 964000002 or cx_risklevel eq 964000003)" +
        "&$orderby=cx_risklevel desc,cx_riskscore desc";
}

public sealed class ServeTests(ServeFixture serve) : IClassFixture<ServeFixture>
{
    private async Task<JsonElement> Get(string path)
    {
        using var response = await serve.Http.GetAsync(serve.Server.BaseUrl + path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public void The_server_listens_on_the_loopback_address_with_the_port_it_was_given()
    {
        Assert.Matches(@"^http://127\.0\.0\.1:\d+$", serve.Server.BaseUrl);
        Assert.NotEqual("http://127.0.0.1:0", serve.Server.BaseUrl);
    }

    [Fact]
    public async Task RetrieveRecord_answers_the_panels_customer_query_with_the_figures_the_plugins_computed_and_the_latest_verbatims()
    {
        var row = await Get($"/xrm/retrieveRecord?table=account&id={{{serve.StoryAccount}}}&options={Uri.EscapeDataString(PanelQueries.Customer)}");
        var stored = serve.Load.Org.Peek("account", serve.StoryAccount)!;

        Assert.Equal(stored.GetAttributeValue<decimal>(CustomerSchema.Nps), row.GetProperty("cx_nps").GetDecimal());
        Assert.Equal(stored.GetAttributeValue<int>(CustomerSchema.NpsResponses), row.GetProperty("cx_npsresponses").GetInt32());
        Assert.Equal(stored.GetAttributeValue<OptionSetValue>(CustomerSchema.RiskLevel).Value, row.GetProperty("cx_risklevel").GetInt32());
        Assert.StartsWith("[{\"month\":", row.GetProperty("cx_npshistory").GetString());
        Assert.False(row.TryGetProperty("name", out _), "Only the selected columns come back.");

        var verbatims = row.GetProperty("cx_account_cx_surveyresponse").EnumerateArray().ToList();
        Assert.InRange(verbatims.Count, 6, 20);
        // Each verbatim can be opened (its id) and names its respondent (the contact lookup's formatted value).
        Assert.All(verbatims, v => Assert.True(Guid.TryParse(v.GetProperty("cx_surveyresponseid").GetString(), out _)));
        var named = verbatims.First(v => v.TryGetProperty("_cx_contactid_value", out _));
        var contact = serve.Load.Org.Peek("contact", Guid.Parse(named.GetProperty("_cx_contactid_value").GetString()!))!;
        Assert.Equal(contact.GetAttributeValue<string>("fullname"), named.GetProperty("_cx_contactid_value@OData.Community.Display.V1.FormattedValue").GetString());
        Assert.All(verbatims, v => Assert.False(string.IsNullOrEmpty(v.GetProperty("cx_comment").GetString())));
        var dates = verbatims.Select(v => DateTime.Parse(v.GetProperty("cx_respondedon").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);
        var newestWithComment = serve.Load.Org.Snapshot(SurveyResponseSchema.EntityName)
            .Where(r => r.GetAttributeValue<EntityReference>(SurveyResponseSchema.Account)?.Id == serve.StoryAccount && r.GetAttributeValue<string>(SurveyResponseSchema.Comment) is not null)
            .Max(r => r.GetAttributeValue<DateTime>(SurveyResponseSchema.RespondedOn));
        Assert.Equal(newestWithComment, dates[0].ToUniversalTime());
    }

    [Fact]
    public async Task RetrieveMultipleRecords_answers_the_open_journeys_query_with_stage_scores_expanded()
    {
        var result = await Get($"/xrm/retrieveMultipleRecords?table=cx_customerjourney&options={Uri.EscapeDataString(PanelQueries.OpenJourneys(serve.StoryAccount))}");
        var entities = result.GetProperty("entities").EnumerateArray().ToList();
        var open = serve.Load.Org.Snapshot(JourneySchema.EntityName)
            .Where(j => j.GetAttributeValue<EntityReference>(JourneySchema.Account)?.Id == serve.StoryAccount && j.GetAttributeValue<OptionSetValue>(JourneySchema.StateCode).Value == 0)
            .ToList();

        Assert.Equal(open.Count, entities.Count);
        var story = entities.Single(e => e.GetProperty("cx_name").GetString() == "Onboarding – Harbor Point Logistics");
        Assert.Equal(964000003, story.GetProperty("cx_risklevel").GetInt32());
        Assert.Contains("Satisfaction fell from", story.GetProperty("cx_riskreasons").GetString());
        Assert.Equal(6, story.GetProperty("cx_customerjourney_cx_journeystagescore").GetArrayLength());
        var levels = entities.Select(e => e.TryGetProperty("cx_risklevel", out var l) ? l.GetInt32() : 0).ToList();
        Assert.Equal(levels.OrderByDescending(l => l), levels);
    }

    [Fact]
    public async Task RetrieveRecord_answers_the_journey_forms_query_with_each_stages_touchpoint_and_response_counts()
    {
        var story = StoryJourney();
        var row = await Get($"/xrm/retrieveRecord?table=cx_customerjourney&id={story.Id}&options={Uri.EscapeDataString(PanelQueries.Journey)}");
        var stages = row.GetProperty("cx_customerjourney_cx_journeystagescore").EnumerateArray().ToList();
        var stored = serve.Load.Org.Snapshot(StageScoreSchema.EntityName)
            .Where(s => s.GetAttributeValue<EntityReference>(StageScoreSchema.Journey)?.Id == story.Id).ToList();

        Assert.Equal("Onboarding – Harbor Point Logistics", row.GetProperty("cx_name").GetString());
        Assert.Equal(stored.Count, stages.Count);
        Assert.Equal(stored.Sum(s => s.GetAttributeValue<int?>("cx_touchpointcount") ?? 0), stages.Sum(s => s.TryGetProperty("cx_touchpointcount", out var c) ? c.GetInt32() : 0));
        Assert.True(stages.Sum(s => s.TryGetProperty("cx_touchpointcount", out var c) ? c.GetInt32() : 0) > 0, "the story journey has touchpoints");
    }

    [Fact]
    public async Task RetrieveRecord_answers_the_case_forms_query_with_the_cases_journey_and_stage()
    {
        var incident = serve.Load.Org.Snapshot("incident").First(c => c.GetAttributeValue<EntityReference>("cx_customerjourneyid") is not null);
        var row = await Get($"/xrm/retrieveRecord?table=incident&id={incident.Id}&options={Uri.EscapeDataString(PanelQueries.Case)}");

        Assert.Equal(incident.GetAttributeValue<EntityReference>("cx_customerjourneyid").Id.ToString(), row.GetProperty("_cx_customerjourneyid_value").GetString());
        Assert.Equal("cx_customerjourney", row.GetProperty("_cx_customerjourneyid_value@Microsoft.Dynamics.CRM.lookuplogicalname").GetString());
        Assert.Equal(incident.GetAttributeValue<OptionSetValue>("cx_journeystage").Value, row.GetProperty("cx_journeystage").GetInt32());
    }

    [Theory]
    [InlineData("journey", "journeyOnLoad")]
    [InlineData("case", "caseOnLoad")]
    [InlineData("contact", "contactOnLoad")]
    public async Task The_journey_case_and_contact_pages_play_their_form_with_the_panel(string page, string handler)
    {
        var id = page switch
        {
            "journey" => StoryJourney().Id,
            "case" => serve.Load.Org.Snapshot("incident").First(c => c.GetAttributeValue<EntityReference>("cx_customerjourneyid") is not null).Id,
            _ => serve.Load.Org.Snapshot("contact").First().Id,
        };
        var html = await serve.Http.GetStringAsync($"{serve.Server.BaseUrl}/{page}/{id}");

        Assert.Contains("<iframe id=\"WebResource_cxpanel\"", html);
        Assert.Contains(handler, html);
        using var missing = await serve.Http.GetAsync($"{serve.Server.BaseUrl}/{page}/{Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private Entity StoryJourney() =>
        serve.Load.Org.Snapshot(JourneySchema.EntityName).Single(j => j.GetAttributeValue<string>(JourneySchema.Name) == "Onboarding – Harbor Point Logistics");

    [Fact]
    public async Task RetrieveMultipleRecords_answers_the_form_notification_query_with_medium_and_high_journeys_only()
    {
        var result = await Get($"/xrm/retrieveMultipleRecords?table=cx_customerjourney&options={Uri.EscapeDataString(PanelQueries.AtRisk(serve.StoryAccount))}");
        var levels = result.GetProperty("entities").EnumerateArray().Select(e => e.GetProperty("cx_risklevel").GetInt32()).ToList();

        Assert.NotEmpty(levels);
        Assert.All(levels, l => Assert.True(l is 964000002 or 964000003));
    }

    [Fact]
    public void RetrieveMultipleRecords_answers_the_settings_query_with_the_default_value_and_the_environments_value_expanded()
    {
        var org = new Dataverse.InMemory.InMemoryOrganization();
        var service = org.GetService();
        var settings = service.Create(new Entity("environmentvariabledefinition")
        {
            ["schemaname"] = "cx_Settings", ["displayname"] = "CrmCx settings", ["defaultvalue"] = "{\"windowDays\":365}",
            ["type"] = new OptionSetValue(100000003),
        });
        service.Create(new Entity("environmentvariablevalue")
        {
            ["schemaname"] = "cx_Settings", ["value"] = "{\"windowDays\":90}",
            ["environmentvariabledefinitionid"] = new EntityReference("environmentvariabledefinition", settings),
        });
        service.Create(new Entity("environmentvariabledefinition") { ["schemaname"] = "cx_Other", ["defaultvalue"] = "x", ["type"] = new OptionSetValue(100000000) });

        var json = JsonSerializer.SerializeToElement(new WebApiReader(org).RetrieveMultiple("environmentvariabledefinition", PanelQueries.Settings));

        var definition = Assert.Single(json.GetProperty("entities").EnumerateArray().ToList());
        Assert.Equal("cx_Settings", definition.GetProperty("schemaname").GetString());
        Assert.Equal("{\"windowDays\":365}", definition.GetProperty("defaultvalue").GetString());
        Assert.False(definition.TryGetProperty("displayname", out _), "Only the selected columns come back.");
        var value = Assert.Single(definition.GetProperty("environmentvariabledefinition_environmentvariablevalue").EnumerateArray().ToList());
        Assert.Equal("{\"windowDays\":90}", value.GetProperty("value").GetString());
    }

    [Fact]
    public async Task The_demo_server_answers_the_panels_settings_query_from_the_demo_org()
    {
        var result = await Get($"/xrm/retrieveMultipleRecords?table=environmentvariabledefinition&options={Uri.EscapeDataString(PanelQueries.Settings)}");

        // The demo org may or may not carry the definition yet; either way the panel gets an answer, never an error.
        Assert.All(result.GetProperty("entities").EnumerateArray(), e => Assert.Equal("cx_Settings", e.GetProperty("schemaname").GetString()));
    }

    [Fact]
    public async Task Execute_refuses_an_operation_other_than_cx_GetDrivers_with_a_message_naming_it()
    {
        using var response = await serve.Http.GetAsync($"{serve.Server.BaseUrl}/xrm/execute?operation=cx_DeleteEverything&dimension=stage");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cx_DeleteEverything", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Execute_runs_cx_GetDrivers_over_every_account_for_one_journey_type_and_passes_the_APIs_refusal_on()
    {
        var drivers = await serve.Http.GetStringAsync($"{serve.Server.BaseUrl}/xrm/execute?operation=cx_GetDrivers&dimension=businessunit&journeyType=964000001");
        var rows = JsonDocument.Parse(JsonDocument.Parse(drivers).RootElement.GetProperty("Drivers").GetString()!).RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, r => Assert.Equal("businessunit", r.GetProperty("dimension").GetString()));

        using var refused = await serve.Http.GetAsync($"{serve.Server.BaseUrl}/xrm/execute?operation=cx_GetDrivers&dimension=stage&journeyType=5");
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("JourneyType", JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_drivers_page_is_hosted_like_the_dashboard_with_the_fake_Xrm_on_the_frames_parent()
    {
        var page = await serve.Http.GetStringAsync($"{serve.Server.BaseUrl}/drivers");

        Assert.Contains("<script src=\"/fake-xrm.js\"></script>", page);
        Assert.Contains("frame.id = \"WebResource_cxdrivers\"", page);
        Assert.Contains("/webresources/cx_/drivers/cxdrivers.html", page);
        Assert.Contains("href=\"/drivers\"", await serve.Http.GetStringAsync(serve.Server.BaseUrl + "/"));
        var script = await serve.Http.GetStringAsync($"{serve.Server.BaseUrl}/fake-xrm.js");
        Assert.Contains("journeyType=", script);
    }

    [Fact]
    public async Task An_option_the_server_does_not_understand_is_refused_with_a_message_like_the_Web_API()
    {
        using var response = await serve.Http.GetAsync($"{serve.Server.BaseUrl}/xrm/retrieveMultipleRecords?table=cx_customerjourney&options={Uri.EscapeDataString("?$apply=groupby((cx_name))")}");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("$apply", body.GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_account_page_hosts_the_panel_in_its_web_resource_frame_with_the_fake_Xrm_and_the_form_library()
    {
        var page = await serve.Http.GetStringAsync($"{serve.Server.BaseUrl}/account/{serve.StoryAccount}");

        Assert.Contains("<iframe id=\"WebResource_cxpanel\"", page);
        Assert.Contains("/webresources/cx_/panel/cxpanel.html", page);
        Assert.Contains("<script src=\"/fake-xrm.js\"></script>", page);
        Assert.Contains("<script src=\"/webresources/cx_/scripts/cxform.js\"></script>", page);
        Assert.Contains("Harbor Point Logistics", page);
        var script = await serve.Http.GetStringAsync($"{serve.Server.BaseUrl}/fake-xrm.js");
        Assert.Contains("retrieveMultipleRecords", script);
    }

    [Fact]
    public async Task Demo_serve_prints_the_url_answers_requests_and_stops_on_cancel()
    {
        var stdout = new SharedWriter();
        using var cancel = new CancellationTokenSource();
        var run = CliApplication.RunAsync(new[] { "demo", "--accounts", "2", "--responses", "60", "--serve", "--port", "0" }, stdout, System.IO.TextWriter.Null, cancel.Token);

        string? url = null;
        for (var i = 0; i < 600 && url is null && !run.IsCompleted; i++)
        {
            url = Regex.Match(stdout.Text, @"Serving the CX panel on (http://127\.0\.0\.1:\d+)").Groups[1].Value is { Length: > 0 } u ? u : null;
            if (url is null) await Task.Delay(100);
        }
        Assert.NotNull(url);
        Assert.Matches(@"  Harbor Point Logistics: http://127\.0\.0\.1:\d+/account/[0-9a-f-]{36}", stdout.Text);
        var index = await serve.Http.GetStringAsync(url + "/");
        Assert.Contains("Harbor Point Logistics", index);

        cancel.Cancel();
        Assert.Equal(CliApplication.Ok, await run.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.EndsWith("Stopped." + Environment.NewLine, stdout.Text);
    }

    [Fact]
    public async Task Demo_serve_on_a_port_in_use_says_so_and_exits_non_zero()
    {
        var taken = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        try
        {
            var port = ((IPEndPoint)taken.LocalEndpoint).Port;
            var run = await CliRun.Of("demo", "--accounts", "1", "--responses", "10", "--serve", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture));

            Assert.Equal(CliApplication.Failed, run.ExitCode);
            Assert.Contains($"cannot listen on 127.0.0.1:{port}", run.Stderr);
            Assert.Contains("pass --port 0 for a free port", run.Stderr);
        }
        finally
        {
            taken.Stop();
        }
    }

    [Fact]
    public async Task Ctrl_C_during_the_load_stops_the_demo_with_exit_code_130()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var stderr = new System.IO.StringWriter();

        var code = await CliApplication.RunAsync(new[] { "demo", "--accounts", "2", "--responses", "50" }, System.IO.TextWriter.Null, stderr, cancel.Token);

        Assert.Equal(CliApplication.Cancelled, code);
        Assert.Contains("cancelled during the load", stderr.ToString());
    }
}
