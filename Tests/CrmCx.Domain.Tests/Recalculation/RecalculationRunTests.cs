using System;
using CrmCx.Domain.Recalculation;
using Xunit;

namespace CrmCx.Domain.Tests.Recalculation;

public class RecalculationRunTests
{
    [Theory]
    [InlineData(null, RecalculationScope.Due)]
    [InlineData("", RecalculationScope.Due)]
    [InlineData("due", RecalculationScope.Due)]
    [InlineData(" ALL ", RecalculationScope.All)]
    public void Scope_defaults_to_due_and_reads_due_or_all(string? text, RecalculationScope expected)
    {
        Assert.Equal(expected, RecalculationRun.ParseScope(text));
    }

    [Fact]
    public void An_unknown_scope_is_refused_naming_the_parameter()
    {
        var e = Assert.Throws<ArgumentException>(() => RecalculationRun.ParseScope("everything"));
        Assert.StartsWith("Scope must be \"due\" or \"all\"; got \"everything\".", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_due_run_walks_responses_accounts_contacts_then_journeys()
    {
        var run = RecalculationRun.Start(RecalculationScope.Due);
        Assert.Equal(RecalculationPhase.Responses, run.Phase);
        Assert.Equal(RecalculationPhase.Accounts, run.NextPhase()!.Phase);
        Assert.Equal(RecalculationPhase.Journeys, run.NextPhase()!.NextPhase()!.NextPhase()!.Phase);
        Assert.Null(run.NextPhase()!.NextPhase()!.NextPhase()!.NextPhase());
    }

    [Fact]
    public void A_rebuild_of_everything_also_starts_by_classifying_imported_responses()
    {
        Assert.Equal(RecalculationPhase.Responses, RecalculationRun.Start(RecalculationScope.All).Phase);
    }

    [Fact]
    public void A_continuation_resumes_the_run_where_it_stopped()
    {
        var id = Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff");
        var text = RecalculationRun.Start(RecalculationScope.All).NextPhase()!.NextPhase()!.AfterRow(id).Format();

        var resumed = RecalculationRun.Resume(RecalculationScope.All, text);

        Assert.Equal("cx1|all|3|6f9619ff-8b86-d011-b42d-00c04fc964ff", text);
        Assert.Equal(RecalculationPhase.Contacts, resumed.Phase);
        Assert.Equal(id, resumed.After);
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("cx1|due|9|6f9619ff-8b86-d011-b42d-00c04fc964ff")]
    [InlineData("cx1|due|2|not-a-guid")]
    [InlineData("cx0|due|2|6f9619ff-8b86-d011-b42d-00c04fc964ff")]
    public void A_malformed_continuation_is_refused_naming_the_parameter(string text)
    {
        var e = Assert.Throws<ArgumentException>(() => RecalculationRun.Resume(RecalculationScope.Due, text));
        Assert.StartsWith("Continuation is not one cx_Recalculate returned", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_continuation_of_another_scope_is_refused()
    {
        var text = RecalculationRun.Start(RecalculationScope.Due).Format();
        var e = Assert.Throws<ArgumentException>(() => RecalculationRun.Resume(RecalculationScope.All, text));
        Assert.Contains("send the same Scope on every call of a run", e.Message, StringComparison.Ordinal);
    }
}
