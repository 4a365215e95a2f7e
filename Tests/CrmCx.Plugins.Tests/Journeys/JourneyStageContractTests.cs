using System.Linq;
using CrmCx.Domain.Choices;
using CrmCx.Model.Choices;
using Xunit;

namespace CrmCx.Plugins.Tests.Journeys;

public sealed class JourneyStageContractTests
{
    [Fact]
    public void The_domains_journey_stages_are_the_models_values_and_english_labels()
    {
        // The domain keeps its own stage table (it has no model reference: it ships in the plug-in assembly), so the
        // two are held equal here: a stage renamed or added in the model fails until the domain follows.
        var model = GlobalChoices.JourneyStage.Options.Select(o => (o.Value, o.Label.English)).OrderBy(o => o.Value);
        var domain = JourneyStages.All.Select(s => (s.Value, s.Label)).OrderBy(s => s.Value);

        Assert.Equal(model, domain);
    }

    [Fact]
    public void Each_stage_value_encodes_its_journey_type_and_order()
    {
        foreach (var stage in JourneyStages.All)
            Assert.Equal(964000000 + 100 * ((int)stage.Type % 10) + stage.Order, stage.Value);
    }
}
