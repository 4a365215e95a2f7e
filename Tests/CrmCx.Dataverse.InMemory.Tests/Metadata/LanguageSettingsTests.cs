using System;
using System.Linq;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Metadata;

/// <summary>
/// organization.languagecode (the base language) and usersettings.uilanguageid (each user's UI language; usersettings'
/// primary key is systemuserid, the user's own id), as Microsoft's table reference pages describe them.
/// </summary>
public sealed class LanguageSettingsTests
{
    private readonly InMemoryOrganization org = new();

    [Fact]
    public void The_organization_starts_in_English_and_its_base_language_can_be_set()
    {
        var service = org.GetService();
        Assert.Equal(1033, service.Retrieve("organization", org.OrganizationId, new ColumnSet("languagecode")).GetAttributeValue<int>("languagecode"));
        org.SetBaseLanguage(1036);
        Assert.Equal(1036, service.Retrieve("organization", org.OrganizationId, new ColumnSet("languagecode")).GetAttributeValue<int>("languagecode"));
    }

    [Fact]
    public void Every_user_has_usersettings_keyed_by_the_users_id_with_the_base_language_as_ui_language()
    {
        var user = org.CreateUser("Camille Durand");
        var settings = org.GetService().Retrieve("usersettings", user, new ColumnSet("uilanguageid"));
        Assert.Equal(user, settings.Id);
        Assert.Equal(1033, settings.GetAttributeValue<int>("uilanguageid"));
        Assert.Equal(user, settings.GetAttributeValue<Guid>("systemuserid"));
    }

    [Fact]
    public void A_query_links_a_rows_owner_to_the_owners_usersettings()
    {
        var french = org.CreateUser("Camille Durand");
        var english = org.CreateUser("Pat Smith");
        org.SetUserLanguage(french, 1036);
        var service = org.GetService();
        service.Create(new Entity("account") { ["name"] = "Hôtels Rousseau", ["ownerid"] = new EntityReference("systemuser", french) });
        service.Create(new Entity("account") { ["name"] = "Contoso", ["ownerid"] = new EntityReference("systemuser", english) });

        var query = new QueryExpression("account") { ColumnSet = new ColumnSet("name") };
        var link = query.AddLink("usersettings", "ownerid", "systemuserid", JoinOperator.LeftOuter);
        link.EntityAlias = "lang";
        link.Columns = new ColumnSet("uilanguageid");
        var languages = service.RetrieveMultiple(query).Entities
            .ToDictionary(e => e.GetAttributeValue<string>("name"), e => (int)e.GetAttributeValue<AliasedValue>("lang.uilanguageid").Value);

        Assert.Equal(1036, languages["Hôtels Rousseau"]);
        Assert.Equal(1033, languages["Contoso"]);
    }
}
