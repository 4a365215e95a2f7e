using System;
using CrmCx.Nps;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCx.Plugins.Tests.Nps;

public class NpsRequestMemoTests
{
    private static readonly DateTime At = new(2026, 5, 1, 9, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Request = Guid.NewGuid();
    private readonly EntityReference account = new(CustomerSchema.Account, Guid.NewGuid());

    private CustomerNps Outcome(bool? openTask = null) =>
        new(account, "Contoso", new EntityReference("systemuser", Guid.NewGuid()), null, true, 1, openTask, 1036);

    [Fact]
    public void A_customer_computed_for_the_request_at_or_after_the_rows_time_needs_no_read()
    {
        var memo = new NpsRequestMemo();
        memo.Remember(Request, Outcome(), At);

        var known = memo.Counted(Request, account, At, needsFollowUp: false);
        Assert.NotNull(known);
        Assert.Equal("Contoso", known!.Name);
        Assert.Equal(1036, known.OwnerLanguage);
        Assert.Null(known.Figures);
        Assert.NotNull(memo.Counted(Request, account, At.AddSeconds(-1), needsFollowUp: false));
    }

    [Fact]
    public void Figures_computed_before_the_rows_time_or_for_another_request_do_not_count_the_row()
    {
        var memo = new NpsRequestMemo();
        memo.Remember(Request, Outcome(), At);

        Assert.Null(memo.Counted(Request, account, At.AddTicks(1), needsFollowUp: false));
        Assert.Null(memo.Counted(Guid.NewGuid(), account, At, needsFollowUp: false));
        Assert.Null(memo.Counted(Request, new EntityReference(CustomerSchema.Contact, account.Id), At, needsFollowUp: false));
    }

    [Fact]
    public void A_detractors_job_reads_unless_the_open_task_state_is_known()
    {
        var memo = new NpsRequestMemo();
        memo.Remember(Request, Outcome(openTask: null), At);
        Assert.Null(memo.Counted(Request, account, At, needsFollowUp: true));

        memo.FollowUpOpen(Request, account);
        Assert.True(memo.Counted(Request, account, At, needsFollowUp: true)!.HasOpenFollowUp);

        // A later read that did not ask about tasks keeps what is known of them, and the later instant.
        memo.Remember(Request, Outcome(openTask: null), At.AddMinutes(1));
        var known = memo.Counted(Request, account, At.AddMinutes(1), needsFollowUp: true);
        Assert.True(known!.HasOpenFollowUp);
    }

    [Fact]
    public void An_earlier_instant_never_replaces_a_later_one()
    {
        var memo = new NpsRequestMemo();
        memo.Remember(Request, Outcome(), At.AddMinutes(5));
        memo.Remember(Request, Outcome(), At);
        Assert.NotNull(memo.Counted(Request, account, At.AddMinutes(5), needsFollowUp: false));
    }

    [Fact]
    public void A_full_memo_starts_again_empty_rather_than_growing()
    {
        var memo = new NpsRequestMemo();
        for (var i = 0; i < NpsRequestMemo.MaxEntries; i++)
            memo.Remember(Request, new CustomerNps(new EntityReference(CustomerSchema.Contact, Guid.NewGuid()), null, null, null, true, 1), At);
        Assert.Equal(NpsRequestMemo.MaxEntries, memo.Count);

        memo.Remember(Request, Outcome(), At);
        Assert.Equal(1, memo.Count);
        Assert.NotNull(memo.Counted(Request, account, At, needsFollowUp: false));
    }
}
