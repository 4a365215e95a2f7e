using System;
using CrmCx.Domain.Nps;
using Xunit;

namespace CrmCx.Domain.Tests.Nps;

public class FollowUpPolicyTests
{
    [Theory]
    [InlineData(true, null, 6, true)]    // a new detractor
    [InlineData(true, null, 0, true)]
    [InlineData(true, null, 7, false)]   // a passive
    [InlineData(true, 9, 3, true)]       // an update that turns a promoter into a detractor
    [InlineData(true, 4, 3, false)]      // already a detractor: a retried delivery asks nothing new
    [InlineData(false, null, 2, false)]  // switched off
    [InlineData(true, 2, null, false)]
    public void Only_a_response_that_becomes_a_detractor_calls_for_a_follow_up(bool enabled, int? before, int? after, bool calls)
    {
        Assert.Equal(calls, FollowUpPolicy.Calls(enabled, before, after));
    }

    [Fact]
    public void The_task_is_due_after_the_configured_days()
    {
        var now = new DateTime(2026, 11, 22, 15, 0, 0, DateTimeKind.Utc);
        Assert.Equal(now.AddDays(2), FollowUpPolicy.DueOn(now, NpsOptions.Default));
        Assert.Equal(now.AddDays(7), FollowUpPolicy.DueOn(now, new NpsOptions(followUpDueDays: 7)));
    }
}
