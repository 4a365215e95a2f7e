using System;
using System.Linq;
using CrmCx.Dataverse.InMemory.Metadata;
using CrmCx.Dataverse.InMemory.Pipeline;
using CrmCx.Dataverse.InMemory.Tests.Fixtures;
using CrmCx.Dataverse.InMemory.Tests.Support;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.Transactions;

/// <summary>
/// "After an exception the store is exactly as it was before the request", proven on the whole store: every table,
/// row, column, row version and alternate key index entry (InMemoryOrganization.StoreImage), and by behaviour.
/// </summary>
public sealed class WholeStoreRollbackTests
{
    private const string AccountKey = "account_number_key";
    private const string ContactKey = "contact_email_key";
    private const string RelationshipName = "crmcx_account_contact";

    private readonly InMemoryOrganization org = new();
    private readonly Guid contoso;
    private readonly Guid fabrikam;
    private readonly Guid ann;
    private readonly Guid bob;

    public WholeStoreRollbackTests()
    {
        org.Metadata.Find("account")!.AddKey(new AlternateKeyDefinition(AccountKey, new[] { "accountnumber" }));
        org.Metadata.Find("contact")!.AddKey(new AlternateKeyDefinition(ContactKey, new[] { "emailaddress1" }));
        org.Metadata.DefineRelationship(RelationshipDefinition.ManyToMany(RelationshipName, "account", "contact", RelationshipName));
        contoso = Service.Create(new Entity("account") { ["name"] = "Contoso", ["accountnumber"] = "A-1", ["numberofemployees"] = 5 });
        fabrikam = Service.Create(new Entity("account") { ["name"] = "Fabrikam", ["accountnumber"] = "A-2" });
        ann = Service.Create(new Entity("contact") { ["firstname"] = "Ann", ["lastname"] = "Lee", ["emailaddress1"] = "ann@test", ["parentcustomerid"] = new EntityReference("account", contoso) });
        bob = Service.Create(new Entity("contact") { ["firstname"] = "Bob", ["lastname"] = "Ray", ["emailaddress1"] = "bob@test" });
        Service.Create(new Entity("task") { ["subject"] = "Old task", ["regardingobjectid"] = new EntityReference("contact", ann) });
        Service.Associate("account", contoso, new Relationship(RelationshipName), new EntityReferenceCollection { new EntityReference("contact", ann) });
        // A write leaking through the rollback would carry a later modifiedon.
        org.Clock.Advance(TimeSpan.FromHours(1));
    }

    private IOrganizationService Service => org.GetService();

    private OrganizationRequest Request(string message) => message switch
    {
        "Create" => new CreateRequest { Target = new Entity("account") { ["name"] = "Northwind", ["accountnumber"] = "A-3" } },
        "Update" => new UpdateRequest { Target = new Entity("account", contoso) { ["name"] = "Contoso Ltd", ["accountnumber"] = "A-9", ["numberofemployees"] = null } },
        "Delete" => new DeleteRequest { Target = new EntityReference("account", fabrikam) },
        "Upsert" => new UpsertRequest { Target = new Entity("account", "accountnumber", "A-2") { ["name"] = "Fabrikam Inc" } },
        "CreateMultiple" => new CreateMultipleRequest
        {
            Targets = new EntityCollection { EntityName = "account", Entities = { new Entity("account") { ["name"] = "N1", ["accountnumber"] = "A-4" }, new Entity("account") { ["name"] = "N2", ["accountnumber"] = "A-5" } } },
        },
        "UpdateMultiple" => new UpdateMultipleRequest
        {
            Targets = new EntityCollection { EntityName = "account", Entities = { new Entity("account", contoso) { ["accountnumber"] = "A-6" }, new Entity("account", fabrikam) { ["name"] = "F2" } } },
        },
        "Associate" => new AssociateRequest
        {
            Target = new EntityReference("account", fabrikam), Relationship = new Relationship(RelationshipName),
            RelatedEntities = new EntityReferenceCollection { new EntityReference("contact", bob) },
        },
        "Disassociate" => new DisassociateRequest
        {
            Target = new EntityReference("account", contoso), Relationship = new Relationship(RelationshipName),
            RelatedEntities = new EntityReferenceCollection { new EntityReference("contact", ann) },
        },
        _ => throw new ArgumentOutOfRangeException(nameof(message)),
    };

    [Theory]
    [InlineData("Create")]
    [InlineData("Update")]
    [InlineData("Delete")]
    [InlineData("Upsert")]
    [InlineData("CreateMultiple")]
    [InlineData("UpdateMultiple")]
    [InlineData("Associate")]
    [InlineData("Disassociate")]
    public void A_request_whose_PostOperation_plugin_writes_everywhere_and_then_fails_leaves_the_whole_store_as_it_was(string message)
    {
        org.Pipeline.Register(new PluginStep(typeof(WritesEverywhereThenFailsPlugin), message, "account", PipelineStage.PostOperation));
        // An asynchronous step the nested writes trigger is discarded with the transaction.
        org.Pipeline.Register(new PluginStep(typeof(SingleCreateTracePlugin), "Create", "task", PipelineStage.PostOperation, StepMode.Asynchronous));
        var before = org.StoreImage();

        var fault = FaultAssert.Throws(ErrorCodes.IsvAborted, () => Service.Execute(Request(message)));

        Assert.Equal("Wrote everywhere, then failed.", fault.Message);
        Assert.Equal(before, org.StoreImage());
        Assert.Equal(0, org.PendingAsyncJobs);
    }

    [Theory]
    [InlineData("Create")]
    [InlineData("Update")]
    [InlineData("Delete")]
    [InlineData("Upsert")]
    [InlineData("CreateMultiple")]
    [InlineData("UpdateMultiple")]
    [InlineData("Associate")]
    [InlineData("Disassociate")]
    public void The_same_request_without_the_failing_plugin_succeeds_after_the_rollback(string message)
    {
        // The rolled-back state is a usable one: the request the plugin failed goes through once the plugin is gone.
        var step = new PluginStep(typeof(WritesEverywhereThenFailsPlugin), message, "account", PipelineStage.PostOperation);
        org.Pipeline.Register(step);
        FaultAssert.Throws(ErrorCodes.IsvAborted, () => Service.Execute(Request(message)));
        org.Pipeline.Clear();
        var before = org.StoreImage();

        Service.Execute(Request(message));

        Assert.NotEqual(before, org.StoreImage());
    }

    [Fact]
    public void After_a_rolled_back_create_the_same_alternate_key_value_can_be_used_again()
    {
        var step = new PluginStep(typeof(TransactionTests.FailingPlugin), "Create", "account", PipelineStage.PostOperation);
        org.Pipeline.Register(step);
        FaultAssert.Throws(ErrorCodes.IsvAborted, () => Service.Create(new Entity("account") { ["name"] = "Northwind", ["accountnumber"] = "A-3" }));
        org.Pipeline.Clear();

        FaultAssert.Throws(ErrorCodes.ObjectDoesNotExist, () => RetrieveByKey("account", "accountnumber", "A-3"));
        var id = Service.Create(new Entity("account") { ["name"] = "Northwind again", ["accountnumber"] = "A-3" });

        Assert.Equal(id, RetrieveByKey("account", "accountnumber", "A-3").Id);
    }

    [Fact]
    public void After_a_rolled_back_delete_the_row_is_back_with_the_same_version_and_still_holds_its_key()
    {
        var before = org.Peek("account", fabrikam)!;
        org.Pipeline.Register(new PluginStep(typeof(TransactionTests.FailingPlugin), "Delete", "account", PipelineStage.PostOperation));

        FaultAssert.Throws(ErrorCodes.IsvAborted, () => Service.Delete("account", fabrikam));

        var after = org.Peek("account", fabrikam)!;
        Assert.Equal(before.RowVersion, after.RowVersion);
        Assert.Equal(before.GetAttributeValue<long>("versionnumber"), after.GetAttributeValue<long>("versionnumber"));
        Assert.Equal(fabrikam, RetrieveByKey("account", "accountnumber", "A-2").Id);
        FaultAssert.Throws(ErrorCodes.DuplicateRecordEntityKey, () => Service.Create(new Entity("account") { ["name"] = "Copy", ["accountnumber"] = "A-2" }));
        // And the version still matches for an IfRowVersionMatches write.
        Service.Execute(new UpdateRequest
        {
            Target = new Entity("account", fabrikam) { ["name"] = "Fabrikam 2", RowVersion = before.RowVersion },
            ConcurrencyBehavior = ConcurrencyBehavior.IfRowVersionMatches,
        });
    }

    [Fact]
    public void After_a_rolled_back_key_change_the_old_value_finds_the_row_and_the_new_value_is_free()
    {
        org.Pipeline.Register(new PluginStep(typeof(TransactionTests.FailingPlugin), "Update", "contact", PipelineStage.PostOperation));

        FaultAssert.Throws(ErrorCodes.IsvAborted, () => Service.Update(new Entity("contact", ann) { ["emailaddress1"] = "ann.lee@test" }));
        org.Pipeline.Clear();

        Assert.Equal(ann, RetrieveByKey("contact", "emailaddress1", "ann@test").Id);
        FaultAssert.Throws(ErrorCodes.ObjectDoesNotExist, () => RetrieveByKey("contact", "emailaddress1", "ann.lee@test"));
        Service.Create(new Entity("contact") { ["lastname"] = "Takes the new value", ["emailaddress1"] = "ann.lee@test" });
        FaultAssert.Throws(ErrorCodes.DuplicateRecordEntityKey, () => Service.Create(new Entity("contact") { ["lastname"] = "Takes the old value", ["emailaddress1"] = "ann@test" }));
    }

    [Fact]
    public void After_a_rolled_back_disassociate_the_intersect_row_is_back_and_a_second_associate_is_still_a_duplicate()
    {
        org.Pipeline.Register(new PluginStep(typeof(TransactionTests.FailingPlugin), "Disassociate", "account", PipelineStage.PostOperation));
        var link = new EntityReferenceCollection { new EntityReference("contact", ann) };

        FaultAssert.Throws(ErrorCodes.IsvAborted, () => Service.Disassociate("account", contoso, new Relationship(RelationshipName), link));
        org.Pipeline.Clear();

        Assert.Single(org.Snapshot(RelationshipName));
        FaultAssert.Throws(ErrorCodes.DuplicateRecord, () => Service.Associate("account", contoso, new Relationship(RelationshipName), link));
    }

    [Fact]
    public void The_store_image_sees_a_changed_column_a_new_row_version_and_a_moved_key()
    {
        var start = org.StoreImage();
        Assert.Contains($"index {AccountKey} ", start, StringComparison.Ordinal);
        Assert.Contains("emailaddress1 = string \"ann@test\"", start, StringComparison.Ordinal);

        Service.Update(new Entity("contact", ann) { ["emailaddress1"] = "ann.lee@test" });

        var after = org.StoreImage();
        Assert.NotEqual(start, after);
        Assert.DoesNotContain("ANN@TEST", after, StringComparison.Ordinal);
        Assert.Contains("ANN.LEE@TEST", after, StringComparison.Ordinal);
        Assert.NotEqual(start.Split('\n')[0], after.Split('\n')[0]); // the row-version counter moved
    }

    private Entity RetrieveByKey(string table, string column, object value) =>
        ((RetrieveResponse)Service.Execute(new RetrieveRequest { Target = new EntityReference(table, column, value), ColumnSet = new ColumnSet(true) })).Entity;

    /// <summary>Writes to several tables as SYSTEM (create, update with a key change, delete, associate), then fails.</summary>
    public sealed class WritesEverywhereThenFailsPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider)
        {
            var service = serviceProvider.Service(null);
            Guid Find(string table, string column, string value) =>
                service.RetrieveMultiple(new QueryByAttribute(table) { Attributes = { column }, Values = { value }, ColumnSet = new ColumnSet(false) }).Entities.Single().Id;

            var annId = Find("contact", "emailaddress1", "ann@test");
            var bobId = Find("contact", "emailaddress1", "bob@test");
            service.Create(new Entity("task") { ["subject"] = "New task", ["regardingobjectid"] = new EntityReference("contact", annId) });
            service.Update(new Entity("contact", annId) { ["emailaddress1"] = "ann.new@test", ["lastname"] = "Changed" });
            service.Delete("task", Find("task", "subject", "Old task"));
            service.Create(new Entity("contact") { ["lastname"] = "Added", ["emailaddress1"] = "added@test" });
            service.Update(new Entity("contact", bobId) { ["parentcustomerid"] = new EntityReference("account", AnyAccount(service)) });
            throw new InvalidPluginExecutionException("Wrote everywhere, then failed.");
        }

        // Whichever account the request left (it may have renamed, re-keyed or deleted one).
        private static Guid AnyAccount(IOrganizationService service) =>
            service.RetrieveMultiple(new QueryExpression("account") { ColumnSet = new ColumnSet(false), TopCount = 1 }).Entities.Single().Id;
    }
}
