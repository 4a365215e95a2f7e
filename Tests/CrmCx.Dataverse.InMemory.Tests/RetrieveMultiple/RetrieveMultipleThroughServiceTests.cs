using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.RetrieveMultiple;

/// <summary>RetrieveMultiple through the organization service: what the query engine gets from the request.</summary>
public sealed class RetrieveMultipleThroughServiceTests
{
    private readonly InMemoryOrganization org = new();
    private IOrganizationService Service => org.GetService();

    [Fact]
    public void Query_results_carry_the_row_version_so_callers_can_update_with_optimistic_concurrency()
    {
        var id = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        Service.Update(new Entity("account", id) { ["name"] = "Contoso Ltd" });

        var row = Service.RetrieveMultiple(new QueryExpression("account") { ColumnSet = new ColumnSet("name") }).Entities.Single();

        Assert.Equal(Service.Retrieve("account", id, new ColumnSet("name")).RowVersion, row.RowVersion);
        Service.Execute(new UpdateRequest { Target = new Entity("account", id) { ["name"] = "Contoso Group", RowVersion = row.RowVersion }, ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches });
        Assert.Equal("Contoso Group", org.Peek("account", id)!["name"]);
    }

    [Fact]
    public void Relative_date_conditions_use_the_organization_clock()
    {
        Service.Create(new Entity("account") { ["name"] = "Old" });
        org.Clock.Advance(TimeSpan.FromDays(30));
        Service.Create(new Entity("account") { ["name"] = "Recent" });

        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.Criteria.AddCondition("createdon", ConditionOperator.LastXDays, 7);

        Assert.Equal(new[] { "Recent" }, Service.RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<string>("name")));
    }

    [Fact]
    public void Equal_user_id_matches_the_rows_owned_by_the_calling_user()
    {
        var other = org.CreateUser("Other User");
        Service.Create(new Entity("account") { ["name"] = "Mine" });
        org.GetService(other).Create(new Entity("account") { ["name"] = "Theirs" });

        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        query.Criteria.AddCondition("ownerid", ConditionOperator.EqualUserId);

        Assert.Equal(new[] { "Theirs" }, org.GetService(other).RetrieveMultiple(query).Entities.Select(e => e.GetAttributeValue<string>("name")));
    }
}
