using System;
using System.Collections.Generic;
using CrmCx.Infrastructure;
using Xunit;

namespace CrmCx.Plugins.Tests.Infrastructure;

public sealed class OptimisticUpdateTests
{
    [Fact]
    public void A_conflict_retries_until_the_write_succeeds()
    {
        var made = new List<int>();
        var announced = new List<int>();

        var result = OptimisticUpdate.Retry(5, attempt =>
        {
            made.Add(attempt);
            return attempt < 3 ? UpdateAttempt.Conflict<string>() : UpdateAttempt.Done("written at " + attempt);
        }, announced.Add, () => new InvalidOperationException("gave up"));

        Assert.Equal("written at 3", result);
        Assert.Equal(new[] { 1, 2, 3 }, made);
        Assert.Equal(new[] { 2, 3 }, announced);
    }

    [Fact]
    public void Giving_up_after_the_last_attempt_raises_the_callers_error()
    {
        var made = new List<int>();
        var announced = new List<int>();
        var error = new InvalidOperationException("gave up");

        var thrown = Assert.Throws<InvalidOperationException>(() => OptimisticUpdate.Retry(3, attempt =>
        {
            made.Add(attempt);
            return UpdateAttempt.Written<string?>(null);
        }, announced.Add, () => error));

        Assert.Same(error, thrown);
        Assert.Equal(new[] { 1, 2, 3 }, made);
        Assert.Equal(new[] { 2, 3 }, announced);
    }

    [Fact]
    public void An_attempt_done_without_a_write_stops_the_retries()
    {
        var made = 0;

        var result = OptimisticUpdate.Retry(5, _ => { made++; return UpdateAttempt.Done<string?>(null); }, null, () => new InvalidOperationException("gave up"));

        Assert.Null(result);
        Assert.Equal(1, made);
    }
}
