using System;
using CrmCx.Domain.Choices;
using CrmCx.Domain.Journeys;
using Xunit;

namespace CrmCx.Domain.Tests.Journeys;

public class JourneyLinkingTests
{
    private const int Onboarding = (int)JourneyType.Onboarding;
    private const int Welcome = 964000102, Installation = 964000103, Activation = 964000104, MoveRequest = 964000201;
    private static readonly Guid Account = Guid.NewGuid(), OtherAccount = Guid.NewGuid();

    private static JourneyLinkRequest Request(int? stage = null, bool create = true, JourneySnapshot? current = null, Guid? account = null) =>
        new JourneyLinkRequest("phonecall 1", new JourneyCustomer(account ?? Account, null), Onboarding, stage, create, current);

    private static JourneySnapshot Journey(int? stage = Welcome, bool open = true, Guid? account = null, int type = Onboarding) =>
        new JourneySnapshot(Guid.NewGuid(), type, account ?? Account, null, open, stage);

    [Fact]
    public void The_customers_open_journey_of_the_type_is_reused()
    {
        var journey = Journey();
        var d = JourneyLinking.Decide(Request(), new[] { journey });
        Assert.Equal(JourneyLinkOutcome.Linked, d.Outcome);
        Assert.Same(journey, d.Journey);
        Assert.Equal(Welcome, d.Stage);
        Assert.Null(d.AdvanceJourneyTo);
    }

    [Fact]
    public void Without_an_open_journey_a_new_one_starts_at_the_first_stage()
    {
        var d = JourneyLinking.Decide(Request(), Array.Empty<JourneySnapshot>());
        Assert.Equal(JourneyLinkOutcome.Created, d.Outcome);
        Assert.Equal(964000101, d.Stage);
    }

    [Fact]
    public void A_completed_journey_is_not_reopened()
    {
        var d = JourneyLinking.Decide(Request(), new[] { Journey(open: false) });
        Assert.Equal(JourneyLinkOutcome.Created, d.Outcome);
    }

    [Fact]
    public void Another_customers_journey_is_never_used()
    {
        var d = JourneyLinking.Decide(Request(), new[] { Journey(account: OtherAccount) });
        Assert.Equal(JourneyLinkOutcome.Created, d.Outcome);
    }

    [Fact]
    public void A_stage_of_another_journey_type_is_refused_naming_the_record_and_the_rule()
    {
        var d = JourneyLinking.Decide(Request(MoveRequest), new[] { Journey() });
        Assert.Equal(JourneyLinkOutcome.Refused, d.Outcome);
        Assert.Contains("phonecall 1", d.Message);
        Assert.Contains("Move request", d.Message);
        Assert.Contains("Relocation", d.Message);
    }

    [Fact]
    public void A_record_without_customer_is_refused()
    {
        var request = new JourneyLinkRequest("task 7", new JourneyCustomer(null, null), Onboarding, null, true);
        var d = JourneyLinking.Decide(request, Array.Empty<JourneySnapshot>());
        Assert.Equal(JourneyLinkOutcome.Refused, d.Outcome);
        Assert.Contains("task 7", d.Message);
        Assert.Contains("no customer", d.Message);
    }

    [Fact]
    public void The_current_stage_moves_forward_but_never_back()
    {
        var journey = Journey(Installation);
        var back = JourneyLinking.Decide(Request(Welcome), new[] { journey });
        Assert.Equal(Welcome, back.Stage);
        Assert.Null(back.AdvanceJourneyTo);
        var forward = JourneyLinking.Decide(Request(Activation), new[] { journey });
        Assert.Equal(Activation, forward.AdvanceJourneyTo);
    }

    [Fact]
    public void Without_create_if_missing_a_missing_journey_is_refused()
    {
        var d = JourneyLinking.Decide(Request(create: false), Array.Empty<JourneySnapshot>());
        Assert.Equal(JourneyLinkOutcome.Refused, d.Outcome);
        Assert.Contains("phonecall 1", d.Message);
        Assert.Contains("create-if-missing", d.Message);
        Assert.Null(d.Journey);
    }

    [Fact]
    public void A_record_already_on_the_journey_at_that_stage_changes_nothing()
    {
        var journey = Journey(Installation);
        var d = JourneyLinking.Decide(new JourneyLinkRequest("email 2", new JourneyCustomer(Account, null), Onboarding, null, true, journey, Installation), new[] { Journey(), journey });
        Assert.Same(journey, d.Journey);
        Assert.False(d.RecordChanges);
    }

    [Fact]
    public void A_contact_without_account_uses_the_contacts_own_journey()
    {
        var contact = Guid.NewGuid();
        var customer = new JourneyCustomer(null, contact);
        Assert.True(customer.Owns(new JourneySnapshot(Guid.NewGuid(), Onboarding, null, contact, true, null)));
        Assert.False(customer.Owns(new JourneySnapshot(Guid.NewGuid(), Onboarding, Account, contact, true, null)));
        Assert.False(new JourneyCustomer(Account, contact).Owns(new JourneySnapshot(Guid.NewGuid(), Onboarding, OtherAccount, contact, true, null)));
    }
}
