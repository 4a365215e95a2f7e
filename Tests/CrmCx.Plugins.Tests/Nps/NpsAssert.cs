using System;
using System.Linq;
using CrmCx.Domain.Nps;
using CrmCx.Plugins.Tests.Fixtures;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Xunit;

namespace CrmCx.Plugins.Tests.Nps;

/// <summary>Assertions on the NPS columns of a customer, against figures computed independently from every stored response.</summary>
internal static class NpsAssert
{
    /// <summary>The figures a fresh computation over all stored responses of the customer gives at that time.</summary>
    public static NpsFigures Fresh(CrmCxOrg org, string table, Guid id, DateTime now, int windowDays = 365)
    {
        var column = table == CustomerSchema.Account ? SurveyResponseSchema.Account : SurveyResponseSchema.Contact;
        var responses = org.All(SurveyResponseSchema.EntityName)
            .Where(r => r.GetAttributeValue<EntityReference>(column)?.Id == id)
            .Where(r => r.Contains(SurveyResponseSchema.Score) && r.Contains(SurveyResponseSchema.RespondedOn))
            .Select(r => new ScoredResponse(r.GetAttributeValue<int>(SurveyResponseSchema.Score), DateTime.SpecifyKind(r.GetAttributeValue<DateTime>(SurveyResponseSchema.RespondedOn), DateTimeKind.Utc)));
        return NpsCalculator.FromResponses(NpsPeriods.For(now, windowDays), responses);
    }

    /// <summary>The stored columns equal a fresh computation at that time.</summary>
    public static void IsFresh(CrmCxOrg org, string table, Guid id, DateTime now, int windowDays = 365)
    {
        var expected = Fresh(org, table, id, now, windowDays);
        var row = org.Row(table, id);
        Assert.Equal(expected.Nps, row.GetAttributeValue<decimal?>(CustomerSchema.Nps));
        Assert.Equal(expected.Margin, row.GetAttributeValue<decimal?>(CustomerSchema.NpsMargin));
        Assert.Equal(expected.PreviousNps, row.GetAttributeValue<decimal?>(CustomerSchema.NpsPrevious));
        Assert.Equal(expected.PreviousMargin, row.GetAttributeValue<decimal?>(CustomerSchema.NpsPreviousMargin));
        Assert.Equal(expected.Responses, row.GetAttributeValue<int?>(CustomerSchema.NpsResponses));
        Assert.Equal(expected.Promoters, row.GetAttributeValue<int?>(CustomerSchema.Promoters));
        Assert.Equal(expected.Passives, row.GetAttributeValue<int?>(CustomerSchema.Passives));
        Assert.Equal(expected.Detractors, row.GetAttributeValue<int?>(CustomerSchema.Detractors));
        Assert.Equal(expected.HistoryJson, row.GetAttributeValue<string>(CustomerSchema.NpsHistory));
        Assert.Equal(expected.LastResponseOn, row.GetAttributeValue<DateTime?>(CustomerSchema.LastResponseOn));
    }

    public static decimal? Nps(CrmCxOrg org, string table, Guid id) => org.Row(table, id).GetAttributeValue<decimal?>(CustomerSchema.Nps);

    public static int? Responses(CrmCxOrg org, string table, Guid id) => org.Row(table, id).GetAttributeValue<int?>(CustomerSchema.NpsResponses);
}
