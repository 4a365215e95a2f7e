using System;
using System.Linq;
using CrmCx.Dataverse.InMemory.CustomApis;
using CrmCx.Dataverse.InMemory.Diagnostics;
using CrmCx.Dataverse.InMemory.Pipeline;
using CrmCx.Dataverse.InMemory.Tests.Fixtures;
using CrmCx.Dataverse.InMemory.Tests.Support;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCx.Dataverse.InMemory.Tests.CustomApis;

/// <summary>Calling an imported custom API through Execute: parameters checked, plug-in run as the main operation, response properties returned.</summary>
public sealed class CustomApiExecutionTests : IDisposable
{
    private readonly InMemoryOrganization org = new();
    private readonly CustomApiFiles files = new();

    public CustomApiExecutionTests() => org.Clock.Set(new DateTime(2025, 3, 1, 8, 0, 0, DateTimeKind.Utc));

    public void Dispose() => files.Dispose();

    // cx_Recalculate as the solution defines it, without the privilege (SecurityRoleTests covers that).
    private void Recalculate(int steps = 0, bool isPrivate = false) => Recalculate(typeof(RecalculateTestPlugin), steps, isPrivate);

    private void Recalculate(Type? plugin, int steps = 0, bool isPrivate = false)
    {
        files.Api("cx_Recalculate", plugin, steps: steps, isPrivate: isPrivate)
            .Request("Target", CustomApiParameterType.EntityReference, optional: true)
            .Request("Scope", CustomApiParameterType.String, optional: true)
            .Request("Continuation", CustomApiParameterType.String, optional: true)
            .Response("Processed", CustomApiParameterType.Integer)
            .Response("Changed", CustomApiParameterType.Integer)
            .Response("Continuation", CustomApiParameterType.String);
        files.Import(org);
    }

    private OrganizationResponse Execute(OrganizationRequest request, Guid? user = null) => org.GetService(user).Execute(request);

    [Fact]
    public void Executing_the_custom_api_returns_the_response_properties_its_plugin_set_under_its_unique_name()
    {
        Recalculate();

        var response = Execute(new OrganizationRequest("cx_Recalculate") { ["Scope"] = "due" });

        Assert.Equal("cx_Recalculate", response.ResponseName);
        Assert.Equal(2, response.Results["Processed"]);
        Assert.Equal(1, response.Results["Changed"]);
        Assert.Equal("after-due", response.Results["Continuation"]);
        // Outputs that are not response properties of the API are not part of its response.
        Assert.False(response.Results.Contains("NotAProperty"));
        Assert.Equal("Recalculated due", Assert.Single(org.Snapshot("task")).GetAttributeValue<string>("subject"));
    }

    [Fact]
    public void The_plugin_runs_in_the_main_operation_inside_the_transaction_with_the_request_parameters_and_the_calling_user()
    {
        Recalculate();
        var user = org.CreateUser("Nina Agent");
        var account = org.Seed(new Entity("account") { ["name"] = "Contoso" });

        Execute(new OrganizationRequest("cx_Recalculate") { ["Scope"] = "due", ["Target"] = new EntityReference("account", account) }, user);

        var trace = Assert.Single(org.Traces);
        Assert.Equal((typeof(RecalculateTestPlugin).FullName, "cx_Recalculate", 30, 0, 1), (trace.PluginTypeName, trace.MessageName, trace.Stage, trace.Mode, trace.Depth));
        Assert.Equal($"message=cx_Recalculate stage=30 mode=0 depth=1 user={user} intransaction=True primary=none:{Guid.Empty} scope=due target=account:{account} inputs=2", trace.Text);
        Assert.Equal(user, Assert.Single(org.Snapshot("task")).GetAttributeValue<EntityReference>("createdby").Id);
    }

    [Fact]
    public void Response_properties_the_plugin_leaves_unset_keep_their_types_default_value()
    {
        Recalculate(typeof(ProcessedOnlyPlugin));

        var response = Execute(new OrganizationRequest("cx_Recalculate"));

        Assert.Equal(5, response.Results["Processed"]);
        Assert.Equal(0, response.Results["Changed"]);
        Assert.True(response.Results.Contains("Continuation"));
        Assert.Null(response.Results["Continuation"]);
    }

    [Fact]
    public void A_custom_api_without_a_plugin_answers_with_default_values_and_runs_nothing()
    {
        Recalculate(plugin: null);

        var response = Execute(new OrganizationRequest("cx_Recalculate") { ["Scope"] = "due" });

        Assert.Equal((0, 0, (string?)null), ((int)response.Results["Processed"], (int)response.Results["Changed"], (string?)response.Results["Continuation"]));
        Assert.Empty(org.Traces);
    }

    [Fact]
    public void A_parameter_the_api_does_not_define_is_refused_with_InvalidArgument()
    {
        Recalculate();

        var fault = FaultAssert.Throws(ErrorCodes.InvalidArgument, () => Execute(new OrganizationRequest("cx_Recalculate") { ["Scope"] = "due", ["Scopes"] = "due" }));

        Assert.Equal("Invalid argument. 'Scopes' is not a request parameter of the custom API cx_Recalculate (its request parameters: Continuation, Scope, Target).", fault.Message);
        Assert.Empty(org.Traces);
    }

    [Fact]
    public void Parameter_names_are_case_sensitive()
    {
        Recalculate();

        FaultAssert.Throws(ErrorCodes.InvalidArgument, () => Execute(new OrganizationRequest("cx_Recalculate") { ["scope"] = "due" }));
    }

    [Fact]
    public void Optional_parameters_every_request_accepts_are_not_unknown_parameters()
    {
        Recalculate();

        var response = Execute(new OrganizationRequest("cx_Recalculate") { ["tag"] = "nightly", ["SuppressDuplicateDetection"] = true });

        Assert.Equal(2, response.Results["Processed"]);
    }

    [Fact]
    public void A_missing_required_parameter_is_refused_with_RequiredFieldMissing_before_the_plugin_runs()
    {
        files.Api("cx_Required", typeof(RecalculateTestPlugin)).Request("Scope", CustomApiParameterType.String);
        files.Import(org);

        var fault = FaultAssert.Throws(ErrorCodes.RequiredFieldMissing, () => Execute(new OrganizationRequest("cx_Required")));

        Assert.Equal("Required field missing. The custom API cx_Required requires the request parameter 'Scope' (String (System.String)).", fault.Message);
        Assert.Empty(org.Traces);
        Assert.Empty(org.Snapshot("task"));
    }

    [Fact]
    public void A_null_value_for_a_required_parameter_counts_as_missing_while_an_optional_one_may_be_null()
    {
        files.Api("cx_Required", typeof(RecalculateTestPlugin)).Request("Scope", CustomApiParameterType.String).Request("Continuation", CustomApiParameterType.String, optional: true);
        files.Import(org);

        FaultAssert.Throws(ErrorCodes.RequiredFieldMissing, () => Execute(new OrganizationRequest("cx_Required") { ["Scope"] = null }));
        Execute(new OrganizationRequest("cx_Required") { ["Scope"] = "due", ["Continuation"] = null });
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_refused_with_InvalidArgument_naming_both_types()
    {
        Recalculate();

        var fault = FaultAssert.Throws(ErrorCodes.InvalidArgument, () => Execute(new OrganizationRequest("cx_Recalculate") { ["Scope"] = 42 }));

        Assert.Equal("Invalid argument. The request parameter 'Scope' of the custom API cx_Recalculate expects String (System.String), not a System.Int32.", fault.Message);
    }

    [Fact]
    public void Numbers_must_have_the_exact_sdk_type_of_their_parameter()
    {
        files.Api("cx_Numbers", typeof(ProcessedOnlyPlugin))
            .Request("Count", CustomApiParameterType.Integer, optional: true)
            .Request("Ratio", CustomApiParameterType.Float, optional: true)
            .Request("Amount", CustomApiParameterType.Decimal, optional: true)
            .Request("Names", CustomApiParameterType.StringArray, optional: true)
            .Request("Level", CustomApiParameterType.Picklist, optional: true);
        files.Import(org);

        FaultAssert.Throws(ErrorCodes.InvalidArgument, () => Execute(new OrganizationRequest("cx_Numbers") { ["Count"] = 3L }));
        FaultAssert.Throws(ErrorCodes.InvalidArgument, () => Execute(new OrganizationRequest("cx_Numbers") { ["Ratio"] = 0.5f }));
        FaultAssert.Throws(ErrorCodes.InvalidArgument, () => Execute(new OrganizationRequest("cx_Numbers") { ["Amount"] = 1.5 }));
        FaultAssert.Throws(ErrorCodes.InvalidArgument, () => Execute(new OrganizationRequest("cx_Numbers") { ["Level"] = 1 }));
        Execute(new OrganizationRequest("cx_Numbers")
        {
            ["Count"] = 3, ["Ratio"] = 0.5, ["Amount"] = 1.5m, ["Names"] = new[] { "a", "b" }, ["Level"] = new OptionSetValue(1),
        });
    }

    [Fact]
    public void A_reference_to_another_table_than_the_parameters_is_refused()
    {
        files.Api("cx_ForAccount", typeof(ProcessedOnlyPlugin)).Request("Customer", CustomApiParameterType.EntityReference, entity: "account");
        files.Import(org);

        var fault = FaultAssert.Throws(ErrorCodes.InvalidArgument, () => Execute(new OrganizationRequest("cx_ForAccount") { ["Customer"] = new EntityReference("contact", Guid.NewGuid()) }));

        Assert.Equal("Invalid argument. The request parameter 'Customer' of the custom API cx_ForAccount expects EntityReference (Microsoft.Xrm.Sdk.EntityReference of 'account'), not a 'contact' EntityReference.", fault.Message);
    }

    [Fact]
    public void An_entity_bound_api_runs_with_its_Target_row_as_the_primary_entity()
    {
        files.Api("cx_RecalculateAccount", typeof(RecalculateTestPlugin), binding: 1, boundEntity: "account");
        files.Import(org);
        var account = org.Seed(new Entity("account") { ["name"] = "Contoso" });

        FaultAssert.Throws(ErrorCodes.RequiredFieldMissing, () => Execute(new OrganizationRequest("cx_RecalculateAccount")));
        Execute(new OrganizationRequest("cx_RecalculateAccount") { ["Target"] = new EntityReference("account", account) });

        Assert.Contains($"primary=account:{account} ", Assert.Single(org.Traces).Text);
    }

    [Fact]
    public void A_faulting_plugin_rolls_back_its_writes_and_surfaces_as_the_usual_plugin_fault()
    {
        Recalculate(typeof(FailingRecalculatePlugin));
        var before = org.StoreImage();

        var fault = FaultAssert.Throws(ErrorCodes.IsvAborted, () => Execute(new OrganizationRequest("cx_Recalculate") { ["Scope"] = "due" }));

        Assert.Equal("The recalculation failed halfway.", fault.Message);
        Assert.Equal(before, org.StoreImage());
        Assert.Equal("The recalculation failed halfway.", Assert.Single(org.Traces).ExceptionMessage);
    }

    [Fact]
    public void A_call_from_a_client_is_counted_like_any_message()
    {
        Recalculate();

        Execute(new OrganizationRequest("cx_Recalculate") { ["Scope"] = "due" });
        Execute(new OrganizationRequest("cx_Recalculate"));

        Assert.Equal(2, org.Calls.Count("cx_Recalculate", CallCounter.Client));
        // The plug-in's own Create is counted as the plug-in's, at depth 2.
        Assert.Equal(2, org.Calls.Count("Create", typeof(RecalculateTestPlugin).FullName!));
        Assert.Equal(new[] { ("cx_Recalculate", 1), ("Create", 2), ("cx_Recalculate", 1), ("Create", 2) }, org.Calls.Records.Select(r => (r.MessageName, r.Depth)));
    }

    [Fact]
    public void A_plugin_calls_the_custom_api_as_a_nested_request_counted_as_its_own_and_sharing_the_transaction()
    {
        Recalculate();
        org.Pipeline.Register(new PluginStep(typeof(CallsRecalculatePlugin), "Create", "account", PipelineStage.PostOperation));

        org.GetService().Create(new Entity("account") { ["name"] = "Contoso" });

        Assert.Equal(1, org.Calls.Count("cx_Recalculate", typeof(CallsRecalculatePlugin).FullName!));
        var recalculation = org.Traces.Single(t => t.PluginTypeName == typeof(RecalculateTestPlugin).FullName);
        Assert.Equal(2, recalculation.Depth);
        Assert.Contains("scope=account", recalculation.Text);
        Assert.Equal("processed=2 continuation=after-account", org.Traces.Single(t => t.PluginTypeName == typeof(CallsRecalculatePlugin).FullName).Text);
    }

    [Fact]
    public void A_nested_custom_api_failure_rolls_back_the_calling_request_too()
    {
        Recalculate(typeof(FailingRecalculatePlugin));
        org.Pipeline.Register(new PluginStep(typeof(CallsRecalculatePlugin), "Create", "account", PipelineStage.PostOperation));
        var before = org.StoreImage();

        FaultAssert.Throws(ErrorCodes.IsvAborted, () => org.GetService().Create(new Entity("account") { ["name"] = "Contoso" }));

        Assert.Equal(before, org.StoreImage());
    }

    [Fact]
    public void A_private_custom_api_is_refused_from_plugin_code_but_served_to_clients()
    {
        Recalculate(isPrivate: true);
        org.Pipeline.Register(new PluginStep(typeof(CallsRecalculatePlugin), "Create", "account", PipelineStage.PostOperation));

        Assert.Equal(2, Execute(new OrganizationRequest("cx_Recalculate")).Results["Processed"]);
        var fault = FaultAssert.Throws(ErrorCodes.NotSupported, () => org.GetService().Create(new Entity("account") { ["name"] = "Contoso" }));

        Assert.StartsWith("This action is not supported. The custom API cx_Recalculate is private", fault.Message);
        Assert.Empty(org.Snapshot("account"));
    }

    [Fact]
    public void Steps_on_the_custom_api_message_run_only_as_its_allowed_processing_step_type_permits()
    {
        Recalculate(steps: 2);
        org.Pipeline.Register(new PluginStep(typeof(RecalculateObserverPlugin), "cx_Recalculate", null, PipelineStage.PostOperation));

        Execute(new OrganizationRequest("cx_Recalculate"));

        // The PostOperation step sees the outputs the main operation set.
        Assert.Equal(new[] { (30, ""), (40, "stage=40 processed=2") },
            org.Traces.Select(t => (t.Stage, t.PluginTypeName == typeof(RecalculateObserverPlugin).FullName ? t.Text : "")));
    }

    [Fact]
    public void No_step_runs_on_a_custom_api_that_allows_no_custom_processing_steps()
    {
        Recalculate(steps: 0);
        org.Pipeline.Register(new PluginStep(typeof(RecalculateObserverPlugin), "cx_Recalculate", null, PipelineStage.PostOperation));

        Execute(new OrganizationRequest("cx_Recalculate"));

        Assert.Equal(typeof(RecalculateTestPlugin).FullName, Assert.Single(org.Traces).PluginTypeName);
    }

    [Fact]
    public void A_string_array_parameter_reaches_the_plugin_as_a_copy_of_the_callers_array()
    {
        files.Api("cx_Names", typeof(ProcessedOnlyPlugin)).Request("Names", CustomApiParameterType.StringArray);
        files.Import(org);
        var names = new[] { "a", "b" };
        var request = new OrganizationRequest("cx_Names") { ["Names"] = names };

        Execute(request);

        Assert.Same(names, request["Names"]);
        Assert.Equal(new[] { "a", "b" }, names);
    }

    [Fact]
    public void A_request_name_no_message_and_no_custom_api_has_stays_not_implemented()
    {
        Recalculate();

        FaultAssert.Throws(ErrorCodes.NotImplemented, () => Execute(new OrganizationRequest("cx_Unknown")));
    }
}
