using System;
using System.Linq;
using CrmCx.Nps;
using CrmCx.Plugins.Tests.Fixtures;
using CrmCx.Registration;
using Xunit;

namespace CrmCx.Plugins.Tests.Nps;

public class RegistrationTests
{
    private static CrmPluginRegistrationAttribute[] Steps(Type type) =>
        type.GetCustomAttributes(typeof(CrmPluginRegistrationAttribute), false).Cast<CrmPluginRegistrationAttribute>().ToArray();

    [Fact]
    public void Every_nps_step_has_a_fixed_id_so_redeployments_update_the_same_step()
    {
        var steps = Steps(typeof(SurveyResponseValidation)).Concat(Steps(typeof(NpsRollup))).ToList();
        Assert.Equal(5, steps.Count);
        Assert.All(steps, s => Assert.True(Guid.TryParse(s.Id, out _), s.Name + " has no step id"));
        Assert.Equal(steps.Count, steps.Select(s => Guid.Parse(s.Id!)).Distinct().Count());
    }

    [Fact]
    public void Survey_response_logic_ships_on_create_update_and_delete_only_so_every_environment_resolves_it_and_it_never_runs_twice()
    {
        // The steps the solution ships, as the in-memory org imported them from Solution/SdkMessageProcessingSteps.
        var steps = CrmCxOrg.Create().Org.Pipeline.Steps;
        Assert.DoesNotContain(steps, s => s.MessageName.EndsWith("Multiple", StringComparison.Ordinal));
        var onResponses = steps.Where(s => s.EntityLogicalName == Schema.SurveyResponseSchema.EntityName).Select(s => s.MessageName).Distinct().OrderBy(m => m).ToList();
        Assert.Equal(new[] { "Create", "Delete", "Update" }, onResponses);
        Assert.All(steps, s => Assert.True(s.MessageId.HasValue, s.Name + " names no sdkmessageid"));
    }

    [Fact]
    public void Validation_is_synchronous_before_the_write_and_rollups_asynchronous_after_it()
    {
        Assert.All(Steps(typeof(SurveyResponseValidation)), s =>
        {
            Assert.Equal(StageEnum.PreOperation, s.Stage);
            Assert.Equal(ExecutionModeEnum.Synchronous, s.ExecutionMode);
        });
        Assert.All(Steps(typeof(NpsRollup)), s =>
        {
            Assert.Equal(StageEnum.PostOperation, s.Stage);
            Assert.Equal(ExecutionModeEnum.Asynchronous, s.ExecutionMode);
        });
        var update = Steps(typeof(NpsRollup)).Single(s => s.Message == "Update");
        Assert.Equal("cx_score,cx_accountid,cx_contactid,cx_respondedon", update.FilteringAttributes);
        Assert.Equal(ImageTypeEnum.PreImage, Steps(typeof(NpsRollup)).Single(s => s.Message == "Delete").Image1Type);
    }
}
