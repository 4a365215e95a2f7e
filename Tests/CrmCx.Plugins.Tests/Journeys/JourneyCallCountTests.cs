using System;
using System.Linq;
using CrmCx.Journeys;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;
using Xunit;
using static CrmCx.Plugins.Tests.Journeys.JourneyOrg;

namespace CrmCx.Plugins.Tests.Journeys
{
    public class JourneyCallCountTests
    {
        // Builds a journey with n touchpoints (seeded: no plugins, no calls) spread over its stages and days, then links one
        // more call through the pipeline and counts what the recompute asked of the organization.
        private static (int Calls, int Touchpoints) LinkOneMoreOn(int existing)
        {
            var o = new JourneyOrg();
            var account = o.Account("Sized");
            var journey = o.Journey(account);
            var tables = TouchpointSchema.Tables;
            var stages = new[] { Order, Welcome, Installation, Activation, FirstInvoice, Adoption };
            for (var i = 0; i < existing; i++)
            {
                var table = tables[i % tables.Length];
                var row = new Entity(table)
                {
                    [TouchpointSchema.Journey] = new EntityReference(JourneySchema.EntityName, journey),
                    [TouchpointSchema.JourneyStage] = new OptionSetValue(stages[i * stages.Length / existing]),
                    ["overriddencreatedon"] = Start.AddHours(i * 4),
                };
                if (table == TouchpointSchema.Incident) row["customerid"] = new EntityReference(CustomerSchema.Account, account);
                else row["regardingobjectid"] = new EntityReference(CustomerSchema.Account, account);
                o.Org.Seed(row);
            }
            for (var i = 0; i < 3; i++) o.Response(account, journey, stages[i], 9 - i);
            o.Settle();
            o.Org.ResetDiagnostics();

            o.Touchpoint(TouchpointSchema.PhoneCall, account, journey, Adoption);
            o.Settle();
            return (o.Org.Calls.CountFrom(typeof(TouchpointJourneyPlugin)), o.JourneyRow(journey).GetAttributeValue<int>(JourneySchema.TouchpointCount));
        }

        [Fact]
        public void A_recompute_costs_the_same_calls_for_a_journey_of_5_and_of_500_touchpoints()
        {
            var small = LinkOneMoreOn(5);
            var large = LinkOneMoreOn(500);
            Assert.Equal(6, small.Touchpoints);
            Assert.Equal(501, large.Touchpoints);
            Assert.Equal(small.Calls, large.Calls);
            // one read of the journey with its stage rows, customers and owners' languages; the response aggregate; 5 touchpoint
            // aggregates; one upsert (the stage the call joined: the others did not change); the journey update under its
            // version. The level stayed, so the account is not rolled up. A fresh plug-in instance also reads the settings
            // (environment variable cx_Settings) and the base language (organization.languagecode) once.
            Assert.Equal(11, small.Calls);
        }
    }
}
