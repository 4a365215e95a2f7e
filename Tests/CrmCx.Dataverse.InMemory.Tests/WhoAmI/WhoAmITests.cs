using CrmCx.Dataverse.InMemory.Tests.Support;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.WhoAmI;

public sealed class WhoAmITests
{
    private readonly InMemoryOrganization org = new();

    [Fact]
    public void WhoAmI_returns_the_calling_user_their_business_unit_and_the_organization()
    {
        var response = (WhoAmIResponse)org.GetService().Execute(new WhoAmIRequest());

        Assert.Equal(org.AdminUserId, response.UserId);
        Assert.Equal(org.BusinessUnitId, response.BusinessUnitId);
        Assert.Equal(org.OrganizationId, response.OrganizationId);
    }

    [Fact]
    public void WhoAmI_as_a_generic_request_answers_for_the_user_of_the_service()
    {
        var user = org.CreateUser("Barbara Liskov");

        var response = org.GetService(user).Execute(new OrganizationRequest("WhoAmI"));

        Assert.Equal(user, response.Results["UserId"]);
    }

    [Fact]
    public void A_service_for_a_user_that_does_not_exist_cannot_make_requests()
    {
        var ghost = System.Guid.NewGuid();

        var fault = FaultAssert.Throws(ErrorCodes.ObjectDoesNotExist, () => org.GetService(ghost).Execute(new WhoAmIRequest()));

        Assert.Contains(ghost.ToString(), fault.Message);
    }

    [Fact]
    public void A_request_the_org_does_not_implement_fails_naming_it()
    {
        var fault = FaultAssert.Throws(ErrorCodes.NotImplemented, () => org.GetService().Execute(new OrganizationRequest("crmcx_RecalculateEverything")));

        Assert.Contains("crmcx_RecalculateEverything", fault.Message);
        Assert.Equal(1, org.Calls.Count("crmcx_RecalculateEverything"));
    }
}
