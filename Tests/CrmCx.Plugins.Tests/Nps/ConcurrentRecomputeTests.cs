using System;
using System.Linq;
using CrmCx.Domain.Nps;
using CrmCx.Nps;
using CrmCx.Plugins.Tests.Fixtures;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCx.Plugins.Tests.Nps;

public class ConcurrentRecomputeTests
{
    private readonly CrmCxOrg org = CrmCxOrg.Create(o => o.WithSettings("{\"followUpEnabled\": false}"));

    private IOrganizationService System => org.Org.ServiceFactory.CreateOrganizationService(null);

    [Fact]
    public void A_recompute_whose_read_is_overtaken_by_a_newer_write_retries_and_ends_with_fresh_figures()
    {
        var account = org.Account("Contoso");
        for (var i = 0; i < 3; i++) org.SeedResponse(10, org.Now.AddDays(-i - 1), account);
        var customer = new EntityReference(CustomerSchema.Account, account);
        NpsRecomputeResult? second = null;

        // R1 has read 3 promoters; before it writes, a detractor arrives and R2 recomputes and writes (4 responses).
        var first = new NpsRecomputeService(new UpdateInterceptingService(System, _ =>
        {
            org.Respond(0, account: account);
            second = new NpsRecomputeService(System, NpsOptions.Default).Recompute(new[] { customer }, org.Now);
            return false;
        }), NpsOptions.Default).Recompute(new[] { customer }, org.Now);

        Assert.Equal(1, first.Retries);
        Assert.Equal(0, second!.Retries);
        Assert.Equal(4, NpsAssert.Responses(org, CustomerSchema.Account, account));
        Assert.Equal(50.0m, NpsAssert.Nps(org, CustomerSchema.Account, account));
        NpsAssert.IsFresh(org, CustomerSchema.Account, account, org.Now);
    }

    [Fact]
    public void A_stale_write_that_lands_between_a_newer_read_and_its_write_is_overwritten_by_the_retry()
    {
        var account = org.Account("Contoso");
        for (var i = 0; i < 3; i++) org.SeedResponse(10, org.Now.AddDays(-i - 1), account);
        var customer = new EntityReference(CustomerSchema.Account, account);
        var system = System;
        NpsRecomputeResult? second = null;

        // R1 reads (3 promoters). A detractor arrives. R2 reads (4 responses). R1's stale write lands. R2's write
        // finds the version changed, re-reads and writes the fresh figures.
        var first = new NpsRecomputeService(new UpdateInterceptingService(system, r1Write =>
        {
            org.Respond(0, account: account);
            second = new NpsRecomputeService(new UpdateInterceptingService(system, _ =>
            {
                system.Execute(r1Write);
                return false;
            }), NpsOptions.Default).Recompute(new[] { customer }, org.Now);
            return true; // R1's write was executed above
        }), NpsOptions.Default).Recompute(new[] { customer }, org.Now);

        Assert.Equal(0, first.Retries);
        Assert.Equal(1, second!.Retries);
        Assert.Equal(50.0m, NpsAssert.Nps(org, CustomerSchema.Account, account));
        NpsAssert.IsFresh(org, CustomerSchema.Account, account, org.Now);
    }

    [Fact]
    public void A_retry_overtaken_by_a_later_recompute_ends_with_the_figures_of_the_later_time_and_its_response()
    {
        var account = org.Account("Contoso");
        for (var i = 0; i < 3; i++) org.SeedResponse(10, org.Now.AddDays(-i - 1), account);
        var customer = new EntityReference(CustomerSchema.Account, account);
        var t1 = org.Now;
        NpsRecomputeResult? second = null;

        // Job A (triggered at t1) has read 3 promoters. An hour later a detractor arrives; job B (t2) reads 4 responses
        // and writes. A's write then fails on the row version and A recomputes: it must not go back to t1, where the
        // detractor (answered at t2) is not counted yet, and write that over B's figures.
        var first = new NpsRecomputeService(new UpdateInterceptingService(System, _ =>
        {
            org.Advance(TimeSpan.FromHours(1));
            org.Respond(0, account: account);
            second = new NpsRecomputeService(System, NpsOptions.Default).Recompute(new[] { customer }, org.Now);
            return false;
        }), NpsOptions.Default).Recompute(new[] { customer }, t1);

        var t2 = org.Now;
        Assert.Equal(1, first.Retries);
        Assert.True(second!.For(customer)!.Written);
        Assert.Equal(4, NpsAssert.Responses(org, CustomerSchema.Account, account));
        Assert.Equal(50.0m, NpsAssert.Nps(org, CustomerSchema.Account, account));
        Assert.Equal(t2, org.AccountRow(account).GetAttributeValue<DateTime?>(CustomerSchema.LastResponseOn));
        Assert.Equal(t2, org.AccountRow(account).GetAttributeValue<DateTime?>(CustomerSchema.NpsUpdatedOn));
        NpsAssert.IsFresh(org, CustomerSchema.Account, account, t2);
    }

    [Fact]
    public void A_job_that_runs_after_a_later_one_leaves_the_later_figures_in_place()
    {
        // Asynchronous jobs may run out of order: the job of a response answered at t1 runs after the job of one at t2.
        var account = org.Account("Contoso");
        for (var i = 0; i < 3; i++) org.SeedResponse(10, org.Now.AddDays(-i - 1), account);
        var customer = new EntityReference(CustomerSchema.Account, account);
        var t1 = org.Now;
        org.Respond(9, account: account);
        org.Advance(TimeSpan.FromHours(1));
        org.Respond(0, account: account);
        var t2 = org.Now;

        new NpsRecomputeService(System, NpsOptions.Default).Recompute(new[] { customer }, t2);
        var earlier = new NpsRecomputeService(System, NpsOptions.Default).Recompute(new[] { customer }, t1);

        // The late job computes for the later instant stored on the row, not for its own.
        Assert.Equal(t2, earlier.For(customer)!.Figures!.ComputedOn);
        Assert.Equal(t2, org.AccountRow(account).GetAttributeValue<DateTime?>(CustomerSchema.NpsUpdatedOn));
        // 4 promoters and 1 detractor of 5: 60; the t1 figures would have left the detractor out (100).
        Assert.Equal(5, NpsAssert.Responses(org, CustomerSchema.Account, account));
        Assert.Equal(60.0m, NpsAssert.Nps(org, CustomerSchema.Account, account));
        NpsAssert.IsFresh(org, CustomerSchema.Account, account, t2);
    }

    [Fact]
    public void A_recompute_that_finds_the_figures_unchanged_still_writes_so_an_older_concurrent_one_cannot_win()
    {
        var account = org.Account("Contoso");
        for (var i = 0; i < 3; i++) org.SeedResponse(10, org.Now.AddDays(-i - 1), account);
        var customer = new EntityReference(CustomerSchema.Account, account);
        var system = System;
        new NpsRecomputeService(system, NpsOptions.Default).Recompute(new[] { customer }, org.Now);
        var stored = NpsAssert.Nps(org, CustomerSchema.Account, account);

        // R1 reads a new detractor. Before R1 writes, the detractor is deleted again and R2 recomputes: its figures are
        // the stored ones. R2 must still write (moving the version), or R1's write would put the deleted detractor back.
        var detractor = org.SeedResponse(0, org.Now.AddHours(-1), account);
        var first = new NpsRecomputeService(new UpdateInterceptingService(system, _ =>
        {
            system.Delete(SurveyResponseSchema.EntityName, detractor);
            new NpsRecomputeService(system, NpsOptions.Default).Recompute(new[] { customer }, org.Now);
            return false;
        }, u => u.Target.LogicalName == CustomerSchema.Account), NpsOptions.Default).Recompute(new[] { customer }, org.Now);

        Assert.Equal(1, first.Retries);
        Assert.Equal(stored, NpsAssert.Nps(org, CustomerSchema.Account, account));
        NpsAssert.IsFresh(org, CustomerSchema.Account, account, org.Now);
    }

    [Fact]
    public void A_customer_that_keeps_changing_makes_the_recompute_give_up_after_a_bounded_number_of_attempts()
    {
        var account = org.Account("Contoso");
        org.SeedResponse(10, org.Now.AddDays(-1), account);
        var customer = new EntityReference(CustomerSchema.Account, account);
        var system = System;
        var score = 0;
        var service = new UpdateInterceptingService(system, _ =>
        {
            // Someone else writes the account before every one of our writes.
            org.SeedResponse(score++ % 11, org.Now.AddDays(-1), account);
            system.Update(new Entity(CustomerSchema.Account, account) { [CustomerSchema.AccountName] = "Contoso " + score });
            return false;
        }, u => u.Target.LogicalName == CustomerSchema.Account, everyTime: true);

        var ex = Assert.Throws<InvalidPluginExecutionException>(() => new NpsRecomputeService(service, NpsOptions.Default).Recompute(new[] { customer }, org.Now));
        Assert.Contains("changed " + NpsRecomputeService.MaxAttempts + " times", ex.Message);
        Assert.Equal(NpsRecomputeService.MaxAttempts, service.Updates);
    }
}
