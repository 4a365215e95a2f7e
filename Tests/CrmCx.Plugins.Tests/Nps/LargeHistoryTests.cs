using System;
using System.Linq;
using CrmCx.Nps;
using CrmCx.Plugins.Tests.Fixtures;
using CrmCx.Schema;
using Xunit;

namespace CrmCx.Plugins.Tests.Nps;

public class LargeHistoryTests
{
    [Fact]
    public void A_customer_with_more_responses_than_an_aggregate_may_count_still_gets_exact_figures()
    {
        // Dataverse refuses aggregates over 50,000 rows; the rollup then splits the span in halves of time.
        var org = CrmCxOrg.Create(o =>
        {
            o.StepFilter = s => s.PluginType == typeof(NpsRollup) || s.PluginType == typeof(SurveyResponseValidation);
            o.WithSettings("{\"followUpEnabled\": false}");
        });
        var account = org.Account("Contoso");
        for (var i = 0; i < 60_000; i++) org.SeedResponse(i % 11, org.Now.AddMinutes(-(i * 7 % (360 * 24 * 60)) - 1), account);
        org.Org.ResetDiagnostics();
        org.Respond(10, account: account);
        org.Settle();

        Assert.Equal(60_001, NpsAssert.Responses(org, CustomerSchema.Account, account));
        NpsAssert.IsFresh(org, CustomerSchema.Account, account, org.Now);
        Assert.Contains(org.Org.Traces, t => t.Text.Contains("splitting", StringComparison.Ordinal));

        // From then on the whole days come from the day summaries: no aggregate is too large, whatever the history.
        org.Advance(TimeSpan.FromHours(1));
        org.Org.ResetDiagnostics();
        org.Respond(0, account: account);
        org.Settle();
        Assert.Equal(60_002, NpsAssert.Responses(org, CustomerSchema.Account, account));
        NpsAssert.IsFresh(org, CustomerSchema.Account, account, org.Now);
        Assert.DoesNotContain(org.Org.Traces, t => t.Text.Contains("splitting", StringComparison.Ordinal));
        Assert.True(org.Org.Calls.Records.Count(r => r.Caller != "client") <= 8);
    }
}
