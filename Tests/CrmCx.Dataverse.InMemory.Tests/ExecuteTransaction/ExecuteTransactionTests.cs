using System.Linq;
using CrmCx.Dataverse.InMemory.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.ExecuteTransaction;

/// <summary>ExecuteTransaction as use-executetransaction.md documents it.</summary>
public sealed class ExecuteTransactionTests
{
    private readonly InMemoryOrganization org = new();
    private IOrganizationService Service => org.GetService();

    private static ExecuteTransactionRequest Transaction(bool? returnResponses, params OrganizationRequest[] requests)
    {
        var collection = new OrganizationRequestCollection();
        foreach (var r in requests) collection.Add(r);
        return new ExecuteTransactionRequest { Requests = collection, ReturnResponses = returnResponses };
    }

    private static CreateRequest Good(string name) => new() { Target = new Entity("account") { ["name"] = name } };

    private static CreateRequest Bad() => new() { Target = new Entity("account") { ["name"] = "Bad", ["nosuchcolumn"] = 1 } };

    [Fact]
    public void ExecuteTransaction_runs_every_request_in_order_and_returns_their_responses()
    {
        var response = (ExecuteTransactionResponse)Service.Execute(Transaction(true, Good("One"), Good("Two")));

        var ids = response.Responses.Cast<CreateResponse>().Select(r => r.id).ToList();
        Assert.Equal(new[] { "One", "Two" }, ids.Select(id => (string)org.Peek("account", id)!["name"]));
    }

    [Fact]
    public void ExecuteTransaction_without_ReturnResponses_returns_no_responses()
    {
        var response = (ExecuteTransactionResponse)Service.Execute(Transaction(null, Good("One")));

        Assert.Empty(response.Responses);
        Assert.Single(org.Snapshot("account"));
    }

    [Fact]
    public void A_failing_request_rolls_back_the_whole_transaction_and_the_fault_names_its_index()
    {
        var fault = FaultAssert.Throws(ErrorCodes.QueryBuilderNoAttribute, () => Service.Execute(Transaction(true, Good("One"), Bad(), Good("Three"))));

        Assert.Equal(1, Assert.IsType<ExecuteTransactionFault>(fault).FaultedRequestIndex);
        Assert.Equal(ErrorCodes.QueryBuilderNoAttribute, fault.InnerFault.ErrorCode);
        Assert.Empty(org.Snapshot("account"));
        Assert.Equal(2, org.Calls.Count("Create"));
    }

    [Theory]
    [InlineData("ExecuteMultiple")]
    [InlineData("ExecuteTransaction")]
    public void ExecuteTransaction_cannot_contain_ExecuteMultiple_or_ExecuteTransaction(string inner)
    {
        OrganizationRequest nested = inner == "ExecuteMultiple"
            ? new ExecuteMultipleRequest { Settings = new ExecuteMultipleSettings(), Requests = new OrganizationRequestCollection { Good("Inner") } }
            : Transaction(true, Good("Inner"));

        FaultAssert.Throws(ErrorCodes.InvalidArgument, () => Service.Execute(Transaction(true, Good("Outer"), nested)));

        Assert.Empty(org.Snapshot("account"));
    }

    [Fact]
    public void ExecuteMultiple_may_contain_ExecuteTransaction()
    {
        var batch = new ExecuteMultipleRequest
        {
            Settings = new ExecuteMultipleSettings { ContinueOnError = true, ReturnResponses = true },
            Requests = new OrganizationRequestCollection { Transaction(true, Good("One"), Bad()), Transaction(true, Good("Two")) },
        };

        var response = (ExecuteMultipleResponse)Service.Execute(batch);

        Assert.True(response.IsFaulted);
        Assert.Equal(new[] { "Two" }, org.Snapshot("account").Select(a => (string)a["name"]));
    }
}
