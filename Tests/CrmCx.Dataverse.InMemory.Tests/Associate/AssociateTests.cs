using System;
using CrmCx.Dataverse.InMemory.Metadata;
using CrmCx.Dataverse.InMemory.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Associate;

public sealed class AssociateTests
{
    private readonly InMemoryOrganization org = new();
    private IOrganizationService Service => org.GetService();

    [Fact]
    public void Associate_on_a_one_to_many_relationship_sets_the_lookup_of_the_related_rows()
    {
        var account = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var a = Service.Create(new Entity("contact") { ["lastname"] = "A" });
        var b = Service.Create(new Entity("contact") { ["lastname"] = "B" });

        Service.Associate("account", account, new Relationship("contact_customer_accounts"),
            new EntityReferenceCollection { new EntityReference("contact", a), new EntityReference("contact", b) });

        Assert.Equal(account, org.Peek("contact", a)!.GetAttributeValue<EntityReference>("parentcustomerid").Id);
        Assert.Equal(account, org.Peek("contact", b)!.GetAttributeValue<EntityReference>("parentcustomerid").Id);
    }

    [Fact]
    public void Disassociate_on_a_one_to_many_relationship_clears_the_lookup()
    {
        var account = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var a = Service.Create(new Entity("contact") { ["lastname"] = "A", ["parentcustomerid"] = new EntityReference("account", account) });

        Service.Disassociate("account", account, new Relationship("contact_customer_accounts"), new EntityReferenceCollection { new EntityReference("contact", a) });

        Assert.Null(org.Peek("contact", a)!.GetAttributeValue<EntityReference>("parentcustomerid"));
    }

    [Fact]
    public void Associate_on_a_many_to_many_relationship_adds_an_intersect_row_once()
    {
        org.Metadata.DefineRelationship(RelationshipDefinition.ManyToMany("crmcx_account_contact", "account", "contact", "crmcx_account_contact"));
        var account = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var contact = Service.Create(new Entity("contact") { ["lastname"] = "A" });
        var related = new EntityReferenceCollection { new EntityReference("contact", contact) };

        Service.Associate("account", account, new Relationship("crmcx_account_contact"), related);

        var link = Assert.Single(org.Snapshot("crmcx_account_contact"));
        Assert.Equal(account, link["accountid"]);
        Assert.Equal(contact, link["contactid"]);
        FaultAssert.Throws(ErrorCodes.DuplicateRecord, () => Service.Associate("account", account, new Relationship("crmcx_account_contact"), related));

        Service.Disassociate("account", account, new Relationship("crmcx_account_contact"), related);
        Assert.Empty(org.Snapshot("crmcx_account_contact"));
    }

    [Fact]
    public void Deleting_a_row_removes_its_many_to_many_associations()
    {
        org.Metadata.DefineRelationship(RelationshipDefinition.ManyToMany("crmcx_account_contact", "account", "contact", "crmcx_account_contact"));
        var account = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var contact = Service.Create(new Entity("contact") { ["lastname"] = "A" });
        Service.Associate("account", account, new Relationship("crmcx_account_contact"), new EntityReferenceCollection { new EntityReference("contact", contact) });

        Service.Delete("contact", contact);

        Assert.Empty(org.Snapshot("crmcx_account_contact"));
    }

    [Fact]
    public void Associate_with_an_unknown_relationship_fails_naming_it()
    {
        var account = Service.Create(new Entity("account") { ["name"] = "Contoso" });

        var fault = FaultAssert.Throws(ErrorCodes.InvalidArgument,
            () => Service.Associate("account", account, new Relationship("new_nothing"), new EntityReferenceCollection { new EntityReference("contact", Guid.NewGuid()) }));

        Assert.Contains("new_nothing", fault.Message);
    }

    [Fact]
    public void Associate_with_a_missing_related_row_fails_and_changes_nothing()
    {
        var account = Service.Create(new Entity("account") { ["name"] = "Contoso" });
        var a = Service.Create(new Entity("contact") { ["lastname"] = "A" });

        FaultAssert.Throws(ErrorCodes.ObjectDoesNotExist, () => Service.Associate("account", account, new Relationship("contact_customer_accounts"),
            new EntityReferenceCollection { new EntityReference("contact", a), new EntityReference("contact", Guid.NewGuid()) }));

        Assert.Null(org.Peek("contact", a)!.GetAttributeValue<EntityReference>("parentcustomerid"));
    }
}
