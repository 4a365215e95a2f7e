using System;
using System.Collections.Generic;
using System.Linq;
using CrmCx.Domain.Choices;
using CrmCx.Domain.Configuration;
using CrmCx.Domain.Journeys;
using CrmCx.Domain.Risk;
using CrmCx.Domain.Text;
using Xunit;

namespace CrmCx.Domain.Tests.Risk;

public class ReasonDataTests
{
    private static readonly DateTime Now = new DateTime(2026, 6, 1, 12, 0, 0, DateTimeKind.Utc);
    private const int Welcome = 964000102, Installation = 964000103;

    private static RiskAssessment Declining()
    {
        var f = JourneyScoring.Compute(new[]
        {
            new ResponseGroup(Welcome, 9, 1, 85m, 1, Now.AddDays(-20)),
            new ResponseGroup(Installation, 3, 2, 102m, 2, Now.AddDays(-1)),
        }, Array.Empty<TouchpointGroup>(), 14);
        return new JourneyRiskEngine().Assess(new JourneyRiskInput(JourneyType.Onboarding, f, Now.AddDays(-104), true, null), Now);
    }

    [Fact]
    public void Each_reason_carries_its_contract_code_and_values_as_JSON_numbers()
    {
        var json = Declining().ReasonJson;
        var array = Assert.IsType<List<object?>>(JsonText.Parse(json));
        var codes = array.Cast<JsonObject>().Select(o => (string)o["code"]!).ToList();
        Assert.Equal(new[] { ReasonCodes.SatisfactionFell, ReasonCodes.Detractors, ReasonCodes.LatestDetractor, ReasonCodes.Overdue }, codes);
        Assert.StartsWith("[{\"code\":\"satisfaction-fell\",\"from\":85,\"to\":51,\"fromStage\":964000102,\"toStage\":964000103,\"percent\":-40}", json);
        Assert.Contains("{\"code\":\"detractors\",\"count\":2}", json);
        Assert.Contains("{\"code\":\"latest-detractor\",\"score\":3,\"stage\":964000103}", json);
        Assert.Contains("{\"code\":\"overdue\",\"days\":104,\"expected\":90}", json);
    }

    [Fact]
    public void The_plain_text_reasons_are_the_same_reasons_in_the_language_asked()
    {
        var risk = Declining();
        Assert.Equal("Satisfaction fell from 85 at Welcome to 51 at Installation (\u221240 %)", risk.ReasonText.Split('\n')[0]);
        Assert.Equal("La satisfaction est passée de 85 à l'étape Bienvenue à 51 à l'étape Installation (\u221240\u202F%)", risk.ReasonTextIn(TextCatalog.French).Split('\n')[0]);
        Assert.Equal(risk.Reasons.Count, risk.ReasonTextIn(TextCatalog.French).Split('\n').Length);
    }

    [Fact]
    public void No_reason_is_an_empty_array()
    {
        Assert.Equal("[]", ReasonData.ToJson(Array.Empty<ReasonData>()));
    }

    [Fact]
    public void An_optional_value_left_empty_is_left_out_and_a_value_of_another_type_is_refused()
    {
        Assert.Equal("{\"code\":\"latest-detractor\",\"score\":4}", new ReasonData(ReasonCodes.LatestDetractor, ReasonData.Value("score", 4), ReasonData.Value("stage", null)).ToJson());
        var e = Assert.Throws<ArgumentException>(() => new ReasonData(ReasonCodes.Silent, ReasonData.Value("days", 1.5)));
        Assert.Contains("days", e.Message);
    }
}
