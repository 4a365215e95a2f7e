using System;
using System.Linq;
using CrmCx.Nps;
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
    public void Create_and_update_logic_is_registered_on_the_multiple_messages_only_so_it_never_runs_twice()
    {
        var messages = Steps(typeof(SurveyResponseValidation)).Concat(Steps(typeof(NpsRollup))).Select(s => s.Message).ToList();
        Assert.DoesNotContain("Create", messages);
        Assert.DoesNotContain("Update", messages);
        Assert.Contains("CreateMultiple", messages);
        Assert.Contains("UpdateMultiple", messages);
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
        var update = Steps(typeof(NpsRollup)).Single(s => s.Message == "UpdateMultiple");
        Assert.Equal("cx_score,cx_accountid,cx_contactid,cx_respondedon", update.FilteringAttributes);
        Assert.Equal(ImageTypeEnum.PreImage, Steps(typeof(NpsRollup)).Single(s => s.Message == "Delete").Image1Type);
    }
}
