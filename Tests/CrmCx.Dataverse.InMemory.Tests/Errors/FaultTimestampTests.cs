using System;
using System.ServiceModel;
using CrmCx.Dataverse.InMemory.Pipeline;
using CrmCx.Dataverse.InMemory.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Errors;

/// <summary>OrganizationServiceFault.Timestamp comes from the org's clock, never the machine's, so output is deterministic.</summary>
public sealed class FaultTimestampTests
{
    private static readonly DateTime At = new(2031, 7, 4, 12, 30, 15, DateTimeKind.Utc);

    private readonly InMemoryOrganization org = new();

    public FaultTimestampTests() => org.Clock.Set(At);

    private IOrganizationService Service => org.GetService();

    [Fact]
    public void A_fault_from_a_request_carries_the_time_of_the_org_clock()
    {
        var fault = FaultAssert.Throws(ErrorCodes.ObjectDoesNotExist, () => Service.Retrieve("account", Guid.NewGuid(), new ColumnSet(true)));

        Assert.Equal(At, fault.Timestamp);
        Assert.Equal(DateTimeKind.Utc, fault.Timestamp.Kind);
    }

    [Fact]
    public void A_later_fault_carries_the_clock_time_it_was_raised_at()
    {
        FaultAssert.Throws(ErrorCodes.ObjectDoesNotExist, () => Service.Delete("account", Guid.NewGuid()));
        org.Clock.Advance(TimeSpan.FromMinutes(5));

        var fault = FaultAssert.Throws(ErrorCodes.ObjectDoesNotExist, () => Service.Delete("account", Guid.NewGuid()));

        Assert.Equal(At.AddMinutes(5), fault.Timestamp);
    }

    [Fact]
    public void The_same_failing_request_in_two_orgs_gives_identical_faults()
    {
        var other = new InMemoryOrganization();
        other.Clock.Set(At);
        var request = new Entity("account") { ["name"] = new string('x', 200) };

        var first = FaultAssert.Throws(ErrorCodes.StringLengthTooLong, () => Service.Create(request));
        var second = FaultAssert.Throws(ErrorCodes.StringLengthTooLong, () => other.GetService().Create(request));

        Assert.Equal((first.ErrorCode, first.Message, first.Timestamp), (second.ErrorCode, second.Message, second.Timestamp));
    }

    [Fact]
    public void A_fault_from_a_plugin_carries_the_time_of_the_org_clock()
    {
        org.Pipeline.Register(new PluginStep(typeof(Transactions.TransactionTests.FailingPlugin), "Create", "account", PipelineStage.PreOperation));

        var fault = FaultAssert.Throws(ErrorCodes.IsvAborted, () => Service.Create(new Entity("account") { ["name"] = "Contoso" }));

        Assert.Equal(At, fault.Timestamp);
    }

    [Fact]
    public void A_failing_target_of_CreateMultiple_stamps_the_fault_and_its_inner_fault()
    {
        var targets = new EntityCollection { EntityName = "account", Entities = { new Entity("account") { ["name"] = "Ok" }, new Entity("account") { ["name"] = new string('x', 200) } } };

        var fault = FaultAssert.Throws(ErrorCodes.StringLengthTooLong, () => Service.Execute(new CreateMultipleRequest { Targets = targets }));

        Assert.Equal(At, fault.Timestamp);
        Assert.NotNull(fault.InnerFault);
        Assert.Equal(At, fault.InnerFault.Timestamp);
    }

    [Fact]
    public void A_fault_collected_by_ExecuteMultiple_carries_the_time_of_the_org_clock()
    {
        var request = new ExecuteMultipleRequest
        {
            Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = false },
            Requests = new OrganizationRequestCollection { new DeleteRequest { Target = new EntityReference("account", Guid.NewGuid()) } },
        };

        var response = (ExecuteMultipleResponse)Service.Execute(request);

        Assert.Equal(At, Assert.Single(response.Responses).Fault.Timestamp);
    }

    [Fact]
    public void Faults_from_Seed_and_from_the_metadata_carry_the_time_of_the_org_clock()
    {
        var seed = Assert.Throws<FaultException<OrganizationServiceFault>>(() => org.Seed(new Entity("account") { ["name"] = new string('x', 200) }));
        var metadata = Assert.Throws<FaultException<OrganizationServiceFault>>(() => org.Metadata.Get("nosuch"));
        var peek = Assert.Throws<FaultException<OrganizationServiceFault>>(() => org.Peek("nosuch", Guid.NewGuid()));

        Assert.Equal(At, seed.Detail.Timestamp);
        Assert.Equal(At, metadata.Detail.Timestamp);
        Assert.Equal(At, peek.Detail.Timestamp);
    }

    [Fact]
    public void An_org_reading_a_clock_source_stamps_faults_with_that_source()
    {
        var source = new DateTime(2040, 2, 29, 23, 59, 0, DateTimeKind.Utc);
        var clocked = new InMemoryOrganization(() => source);

        var fault = FaultAssert.Throws(ErrorCodes.ObjectDoesNotExist, () => clocked.GetService().Retrieve("account", Guid.NewGuid(), new ColumnSet(true)));

        Assert.Equal(source, fault.Timestamp);
    }
}
