using System;
using System.Linq;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Query.Links;

public sealed class ExistsJoinTests
{
    private readonly TestRowSource source = new();

    public ExistsJoinTests()
    {
        var answered = source.Add("account", ("name", "Answered"));
        source.Add("account", ("name", "Quiet"));
        source.Add("cx_response", ("cx_accountid", answered.ToEntityReference()), ("cx_score", 8));
        source.Add("cx_response", ("cx_accountid", answered.ToEntityReference()), ("cx_score", 9));
    }

    private string[] Names(JoinOperator join)
    {
        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.AddLink("cx_response", "accountid", "cx_accountid", join);
        return source.Engine().RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<string>("name")).ToArray();
    }

    [Fact]
    public void Exists_keeps_each_row_with_related_rows_once()
    {
        Assert.Equal(new[] { "Answered" }, Names(JoinOperator.Exists));
        Assert.Equal(new[] { "Answered" }, Names(JoinOperator.Any));
    }

    [Fact]
    public void Not_any_keeps_rows_without_related_rows()
    {
        Assert.Equal(new[] { "Quiet" }, Names(JoinOperator.NotAny));
    }

    [Fact]
    public void Join_operators_the_engine_does_not_implement_fail_naming_them()
    {
        FaultAssert.Throws(() => Names(JoinOperator.All), "All");
    }

    [Fact]
    public void More_than_fifteen_links_fail_as_dataverse_limits_them()
    {
        var query = new QueryExpression("account");
        for (var i = 0; i < 16; i++) query.AddLink("contact", "primarycontactid", "contactid", JoinOperator.LeftOuter);
        FaultAssert.Throws(() => source.Engine().RetrieveMultiple(query), "link entities");
    }
}
