using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using System.Text.Json;
using CrmCx.Drivers;
using CrmCx.Plugins.Tests.Fixtures;
using CrmCx.Recalculation;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCx.Plugins.Tests.Drivers;

/// <summary>cx_GetDrivers as the solution ships it (customapis/cx_GetDrivers, imported by the in-memory org), with the daily run's summaries.</summary>
public class GetDriversApiTests
{
    private const int Onboarding = 964000001;
    private const int Installation = 964000103;
    private const int Activation = 964000104;
    private const int FieldVisit = 964000004;
    private const int Phone = 964000001;

    private readonly CrmCxOrg org = CrmCxOrg.Create(o => o.WithSettings("{\"followUpEnabled\": false}"));
    private readonly Guid manager;
    private readonly Guid installers;
    private readonly Guid ann;
    private readonly Guid bob;
    private readonly Guid account;
    private readonly Guid journey;

    public GetDriversApiTests()
    {
        manager = org.User("Camille Manager");
        org.Org.Security.AssignRole(manager, "CX Manager");
        installers = org.Org.Seed(new Entity("businessunit") { ["name"] = "Installers" });
        ann = org.Org.Seed(new Entity("systemuser") { ["fullname"] = "Ann Installer", ["businessunitid"] = new EntityReference("businessunit", installers) });
        bob = org.User("Bob Activator");
        account = org.Account("Contoso");
        journey = org.Journey(Onboarding, account);
    }

    // The day the tests' clock starts on (the clock moves with the story).
    private static readonly DateTime Today = CrmCxOrg.DefaultStart.Date;

    private void Touch(Guid owner, int stage, DateTime at, DateTime? actualEnd = null)
    {
        org.At(at);
        org.Org.Seed(new Entity("phonecall")
        {
            ["subject"] = "call",
            ["ownerid"] = new EntityReference("systemuser", owner),
            [TouchpointSchema.Journey] = new EntityReference(JourneySchema.EntityName, journey),
            [TouchpointSchema.JourneyStage] = new OptionSetValue(stage),
            ["actualend"] = actualEnd,
        });
    }

    private Guid Respond(int score, int stage, DateTime at, int channel = FieldVisit, int? effort = null, Guid? forAccount = null)
    {
        org.At(at);
        var response = CrmCxOrg.NewResponse(score, forAccount ?? account, respondedOn: at);
        if (forAccount == null)
        {
            response[SurveyResponseSchema.Journey] = new EntityReference(JourneySchema.EntityName, journey);
            response[SurveyResponseSchema.JourneyStage] = new OptionSetValue(stage);
        }
        response[SurveyResponseSchema.Channel] = new OptionSetValue(channel);
        if (effort.HasValue) response[SurveyResponseSchema.Effort] = effort.Value;
        var id = org.Service.Create(response);
        org.Settle();
        return id;
    }

    private void DailyRun(DateTime at)
    {
        org.At(at);
        var continuation = string.Empty;
        do
        {
            var request = new OrganizationRequest(RecalculatePlugin.MessageName) { [RecalculatePlugin.Scope] = "due", [RecalculatePlugin.Continuation] = continuation };
            continuation = (string)org.Org.GetService(manager).Execute(request).Results[RecalculatePlugin.Continuation];
        } while (continuation.Length > 0);
        org.Settle();
    }

    private static OrganizationRequest Request(string? dimension, int? journeyType = null, EntityReference? account = null, DateTime? since = null)
    {
        var request = new OrganizationRequest(GetDriversPlugin.MessageName);
        if (dimension != null) request[GetDriversPlugin.Dimension] = dimension;
        if (journeyType.HasValue) request[GetDriversPlugin.JourneyType] = journeyType.Value;
        if (account != null) request[GetDriversPlugin.Account] = account;
        if (since.HasValue) request[GetDriversPlugin.Since] = since.Value;
        return request;
    }

    private Dictionary<string, JsonElement> Drivers(OrganizationRequest request)
    {
        var json = (string)org.Org.GetService(manager).Execute(request).Results[GetDriversPlugin.Drivers];
        return JsonDocument.Parse(json).RootElement.EnumerateArray().ToDictionary(e => e.GetProperty("key").GetString()!, e => e.Clone());
    }

    /// <summary>Ann's installation call, then two detractors; Bob's activation call, then two promoters; all closed days.</summary>
    private void Story()
    {
        var day = Today.AddDays(-3);
        Touch(ann, Installation, day.AddHours(9), actualEnd: day.AddHours(10));
        Respond(2, Installation, day.AddHours(12));
        Respond(3, Installation, day.AddHours(13));
        Touch(bob, Activation, day.AddDays(1).AddHours(9));
        Respond(10, Activation, day.AddDays(1).AddHours(12), channel: Phone);
        Respond(10, Activation, day.AddDays(1).AddHours(13), channel: Phone);
    }

    [Fact]
    public void Owners_get_the_responses_of_their_stage_from_the_summaries_of_closed_days_and_the_rows_of_today()
    {
        var start = org.Now;
        Story();
        DailyRun(start.Date.AddHours(2));
        Respond(9, Installation, start.Date.AddHours(8));

        var drivers = Drivers(Request("owner"));

        Assert.Equal(2, drivers.Count);
        var annRow = drivers[ann.ToString("D")];
        Assert.Equal("Ann Installer", annRow.GetProperty("label").GetString());
        Assert.Equal(3, annRow.GetProperty("responses").GetInt32());
        // P = 1, D = 2 of 3: −33.3; against Bob's 2 promoters (+100): delta −133.3.
        Assert.Equal(-33.3m, annRow.GetProperty("nps").GetDecimal());
        Assert.Equal(-133.3m, annRow.GetProperty("delta").GetDecimal());
        Assert.True(annRow.GetProperty("lowConfidence").GetBoolean());
        Assert.Equal(2, drivers[bob.ToString("D")].GetProperty("responses").GetInt32());
    }

    [Fact]
    public void A_response_after_a_later_touchpoint_of_its_stage_goes_to_that_touchpoints_owner()
    {
        var start = org.Now;
        Story();
        // Bob takes over the installation: the next installation response is his, the earlier ones stay Ann's.
        Touch(bob, Installation, Today.AddDays(-1).AddHours(9));
        Respond(6, Installation, Today.AddDays(-1).AddHours(10));
        DailyRun(start.Date.AddHours(2));

        var drivers = Drivers(Request("owner"));

        Assert.Equal(2, drivers[ann.ToString("D")].GetProperty("responses").GetInt32());
        Assert.Equal(3, drivers[bob.ToString("D")].GetProperty("responses").GetInt32());
    }

    [Fact]
    public void Business_units_stages_channels_contacts_and_effort_split_the_same_responses()
    {
        var start = org.Now;
        Story();
        DailyRun(start.Date.AddHours(2));

        Assert.Equal(2, Drivers(Request("businessunit"))[installers.ToString("D")].GetProperty("responses").GetInt32());
        Assert.Equal("Installers", Drivers(Request("businessunit"))[installers.ToString("D")].GetProperty("label").GetString());
        var stages = Drivers(Request("stage", Onboarding));
        Assert.Equal("Installation", stages[Installation.ToString()].GetProperty("label").GetString());
        Assert.Equal(-100.0m, stages[Installation.ToString()].GetProperty("nps").GetDecimal());
        Assert.Equal(2, Drivers(Request("channel"))[Phone.ToString()].GetProperty("responses").GetInt32());
        // Ann's responses came after 1 contact of the journey, Bob's after 2.
        var contacts = Drivers(Request("contacts"));
        Assert.Equal(2, contacts["1"].GetProperty("responses").GetInt32());
        Assert.Equal(2, contacts["2-3"].GetProperty("responses").GetInt32());
        Assert.Empty(Drivers(Request("stage", 964000003)));
    }

    [Fact]
    public void An_account_sees_only_its_own_responses()
    {
        var start = org.Now;
        Story();
        var other = org.Account("Fabrikam");
        Respond(0, 0, Today.AddDays(-1).AddHours(10), channel: Phone, forAccount: other);
        DailyRun(start.Date.AddHours(2));

        Assert.Equal(3, Drivers(Request("channel"))[Phone.ToString()].GetProperty("responses").GetInt32());
        Assert.Equal(2, Drivers(Request("channel", account: new EntityReference("account", account)))[Phone.ToString()].GetProperty("responses").GetInt32());
        Assert.Equal(1, Drivers(Request("channel", account: new EntityReference("account", other)))[Phone.ToString()].GetProperty("responses").GetInt32());
    }

    [Fact]
    public void Since_leaves_out_earlier_responses()
    {
        var start = org.Now;
        Story();
        DailyRun(start.Date.AddHours(2));

        var drivers = Drivers(Request("owner", since: Today.AddDays(-2)));

        Assert.False(drivers.ContainsKey(ann.ToString("D")));
        Assert.Equal(2, drivers[bob.ToString("D")].GetProperty("responses").GetInt32());
    }

    [Fact]
    public void A_changed_response_of_a_closed_day_is_summarized_again_by_the_next_daily_run()
    {
        var start = org.Now;
        Story();
        DailyRun(start.Date.AddHours(2));
        var response = org.All(SurveyResponseSchema.EntityName).First(r => r.GetAttributeValue<int>(SurveyResponseSchema.Score) == 2);

        org.At(start.Date.AddHours(10));
        org.Service.Update(new Entity(SurveyResponseSchema.EntityName, response.Id) { [SurveyResponseSchema.Score] = 9 });
        org.Settle();
        DailyRun(start.Date.AddDays(1).AddHours(2));

        // P = 1, D = 1 of 2: 0.0.
        Assert.Equal(0.0m, Drivers(Request("owner"))[ann.ToString("D")].GetProperty("nps").GetDecimal());
    }

    [Fact]
    public void A_response_of_today_is_summarized_by_the_next_days_run_and_counted_once()
    {
        var start = org.Now;
        Story();
        DailyRun(start.Date.AddHours(2));
        // Today's response is modified after today's run: the watermark stays before today, so tomorrow's run finds it.
        Respond(9, Installation, start.Date.AddHours(8));
        DailyRun(start.Date.AddDays(1).AddHours(2));
        org.At(start.Date.AddDays(1).AddHours(9));

        var drivers = Drivers(Request("owner"));

        Assert.Equal(3, drivers[ann.ToString("D")].GetProperty("responses").GetInt32());
        Assert.Contains(org.All(DriverDaySchema.EntityName), r => r.GetAttributeValue<int>(DriverDaySchema.Day) == start.Year * 10000 + start.Month * 100 + start.Day);
    }

    [Fact]
    public void Survey_responses_write_no_summary_rows_themselves()
    {
        Story();

        Assert.Empty(org.All(DriverDaySchema.EntityName));
    }

    [Fact]
    public void A_cx_agent_is_refused_for_lack_of_the_execute_privilege()
    {
        var agent = org.User("Alex Agent");
        org.Org.Security.AssignRole(agent, "CX Agent");

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => org.Org.GetService(agent).Execute(Request("owner")));

        Assert.Contains("missing prvReadcx_driverday privilege", fault.Detail.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("team", null, null, 0, "cx_GetDrivers: Dimension must be one of stage, channel, owner, businessunit, contacts, effort; got \"team\".")]
    [InlineData(null, null, null, 0, "Required field missing. The custom API cx_GetDrivers requires the request parameter 'Dimension'")]
    [InlineData("", null, null, 0, "cx_GetDrivers: Dimension must be one of stage, channel, owner, businessunit, contacts, effort; got \"\".")]
    [InlineData("stage", 7, null, 0, "cx_GetDrivers: JourneyType must be a cx_journeytype value")]
    [InlineData("stage", null, "contact", 0, "cx_GetDrivers: Account must reference an account; got a contact.")]
    [InlineData("stage", null, null, 2, "cx_GetDrivers: Since must not be in the future")]
    public void Bad_parameters_are_refused_naming_the_parameter(string? dimension, int? journeyType, string? accountTable, int sinceDaysAhead, string message)
    {
        var request = Request(dimension, journeyType, accountTable == null ? null : new EntityReference(accountTable, Guid.NewGuid()),
            sinceDaysAhead == 0 ? null : org.Now.AddDays(sinceDaysAhead));

        var fault = Assert.Throws<FaultException<OrganizationServiceFault>>(() => org.Org.GetService(manager).Execute(request));

        Assert.StartsWith(message, fault.Detail.Message, StringComparison.Ordinal);
    }

    private void SeedSummaries(int days, int responsesPerDay, int fromDay = 1, IEnumerable<(Guid Owner, int Promoters)>? owners = null)
    {
        for (var d = fromDay; d < fromDay + days; d++)
        {
            var day = Today.AddDays(-d);
            var number = day.Year * 10000 + day.Month * 100 + day.Day;
            foreach (var (owner, promoters) in owners ?? new[] { (ann, responsesPerDay / 10), (bob, responsesPerDay / 2) })
            {
                org.Org.Seed(new Entity(DriverDaySchema.EntityName)
                {
                    [DriverDaySchema.Name] = "seeded",
                    [DriverDaySchema.Key] = number + ":owner:" + owner.ToString("D") + ":" + Onboarding + ":all",
                    [DriverDaySchema.Day] = number,
                    [DriverDaySchema.Dimension] = "owner",
                    [DriverDaySchema.Value] = owner.ToString("D"),
                    [DriverDaySchema.JourneyType] = Onboarding,
                    [DriverDaySchema.Responses] = responsesPerDay,
                    [DriverDaySchema.Promoters] = promoters,
                    [DriverDaySchema.Detractors] = responsesPerDay / 5,
                    [DriverDaySchema.SatisfactionCount] = 0,
                    [DriverDaySchema.SatisfactionSum] = 0m,
                    [DriverDaySchema.SatisfactionSquares] = 0m,
                });
            }
        }
    }

    [Fact]
    public void More_than_50000_responses_of_summaries_are_read_from_730_rows()
    {
        // 365 closed days × 2 owners × 100 responses = 73,000 responses in 730 summary rows; Dataverse refuses only
        // aggregates over 50,000 rows, and the in-memory org does too.
        SeedSummaries(365, 100);
        org.Org.Calls.Reset();

        var drivers = Drivers(Request("owner", since: Today.AddDays(-365)));

        Assert.Equal(36_500, drivers[ann.ToString("D")].GetProperty("responses").GetInt32());
        Assert.Equal(36_500, drivers[bob.ToString("D")].GetProperty("responses").GetInt32());
        // Ann: 10 % promoters, 20 % detractors: −10.0; Bob: 50 % and 20 %: +30.0; a 40-point gap on 36,500 each is far beyond noise.
        Assert.Equal(-10.0m, drivers[ann.ToString("D")].GetProperty("nps").GetDecimal());
        Assert.True(drivers[ann.ToString("D")].GetProperty("significant").GetBoolean());
        Assert.Equal(730, org.All(DriverDaySchema.EntityName).Count);
    }

    [Fact]
    public void A_request_costs_the_same_calls_whatever_the_history()
    {
        Story();
        Respond(9, Installation, org.Now.AddMinutes(5));
        SeedSummaries(10, 10);
        // The first call reads the settings (then kept five minutes): not part of a request's cost.
        Drivers(Request("owner"));
        org.Org.Calls.Reset();
        Drivers(Request("owner"));
        var small = org.Org.Calls.CountFrom(typeof(GetDriversPlugin));

        SeedSummaries(290, 10, fromDay: 11);
        org.Org.Calls.Reset();
        Drivers(Request("owner"));
        var large = org.Org.Calls.CountFrom(typeof(GetDriversPlugin));

        Assert.Equal(small, large);
        // 12 aggregates over 31-day parts of the 364 closed days after Since's day, 8 reads of today's responses and their attribution, 1 of the owners' names.
        Assert.Equal(21, small);
    }

    [Fact]
    public void Summaries_beyond_50000_rows_are_read_in_parts_of_31_days_that_Dataverse_accepts()
    {
        // 365 days × 140 owners = 51,100 rows: one aggregate over them all would be refused (AggregateQueryRecordLimit), as
        // in Dataverse; parts of 31 days hold at most 4,340 rows each, and every response counts.
        var owners = Enumerable.Range(0, 140).Select(i => (new Guid(i + 1, 7, 7, new byte[8]), 1)).ToList();
        SeedSummaries(365, 4, owners: owners);

        var drivers = Drivers(Request("owner", since: Today.AddDays(-365)));

        Assert.Equal(140, drivers.Count);
        Assert.All(drivers.Values, d => Assert.Equal(365 * 4, d.GetProperty("responses").GetInt32()));
        Assert.All(drivers.Values, d => Assert.False(d.GetProperty("significant").GetBoolean()));
    }
}
