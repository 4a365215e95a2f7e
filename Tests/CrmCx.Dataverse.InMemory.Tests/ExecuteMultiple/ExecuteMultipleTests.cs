using System;
using System.Linq;
using CrmCx.Dataverse.InMemory.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.ExecuteMultiple;

public sealed class ExecuteMultipleTests
{
    private readonly InMemoryOrganization org = new();
    private IOrganizationService Service => org.GetService();

    private static ExecuteMultipleRequest Batch(bool continueOnError, bool returnResponses, params OrganizationRequest[] requests)
    {
        var collection = new OrganizationRequestCollection();
        foreach (var r in requests) collection.Add(r);
        return new ExecuteMultipleRequest { Settings = new ExecuteMultipleSettings { ContinueOnError = continueOnError, ReturnResponses = returnResponses }, Requests = collection };
    }

    private static CreateRequest Good(string name) => new() { Target = new Entity("account") { ["name"] = name } };

    private static CreateRequest Bad() => new() { Target = new Entity("account") { ["name"] = "Bad", ["nosuchcolumn"] = 1 } };

    [Fact]
    public void ExecuteMultiple_stops_at_the_first_fault_without_ContinueOnError_and_keeps_what_ran_before()
    {
        // execute-multiple-requests.md: each request runs in its own transaction.
        var response = (ExecuteMultipleResponse)Service.Execute(Batch(false, true, Good("One"), Bad(), Good("Three")));

        Assert.True(response.IsFaulted);
        Assert.Equal(2, response.Responses.Count);
        Assert.NotNull(response.Responses[0].Response);
        Assert.Equal(1, response.Responses[1].RequestIndex);
        Assert.Equal(ErrorCodes.QueryBuilderNoAttribute, response.Responses[1].Fault.ErrorCode);
        Assert.Equal(new[] { "One" }, org.Snapshot("account").Select(a => (string)a["name"]));
    }

    [Fact]
    public void ExecuteMultiple_with_ContinueOnError_runs_every_request()
    {
        var response = (ExecuteMultipleResponse)Service.Execute(Batch(true, true, Good("One"), Bad(), Good("Three")));

        Assert.Equal(new[] { 0, 1, 2 }, response.Responses.Select(r => r.RequestIndex));
        Assert.Equal(2, org.Snapshot("account").Count);
        var created = (CreateResponse)response.Responses[2].Response;
        Assert.Equal("Three", org.Peek("account", created.id)!["name"]);
    }

    [Fact]
    public void ExecuteMultiple_without_ReturnResponses_returns_only_the_faults()
    {
        var response = (ExecuteMultipleResponse)Service.Execute(Batch(true, false, Good("One"), Bad(), Good("Three")));

        var item = Assert.Single(response.Responses);
        Assert.Equal(1, item.RequestIndex);
        Assert.NotNull(item.Fault);
    }

    [Fact]
    public void ExecuteMultiple_cannot_contain_ExecuteMultiple()
    {
        FaultAssert.Throws(ErrorCodes.InvalidArgument, () => Service.Execute(Batch(true, true, Batch(true, true, Good("Inner")))));

        Assert.Empty(org.Snapshot("account"));
    }

    [Fact]
    public void ExecuteMultiple_counts_itself_and_each_request()
    {
        Service.Execute(Batch(true, true, Good("One"), Good("Two")));

        Assert.Equal(1, org.Calls.Count("ExecuteMultiple"));
        Assert.Equal(2, org.Calls.Count("Create"));
    }
}
