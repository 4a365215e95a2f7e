using System;
using System.Collections.Generic;
using CrmCx.Domain.Configuration;
using CrmCx.Domain.Risk;
using CrmCx.Infrastructure;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Journeys
{
    /// <summary>
    /// Base of the plugins that keep journeys true: reads the risk options from the step's unsecure configuration once
    /// (a bad configuration fails at load, naming the key), and recomputes the touched journeys as SYSTEM.
    /// </summary>
    public abstract class JourneyPluginBase : PluginBase
    {
        /// <summary>Image alias of the row before the operation.</summary>
        public const string PreImageAlias = "pre";
        /// <summary>Image alias of the row after the operation.</summary>
        public const string PostImageAlias = "post";

        /// <summary>Reads the configuration.</summary>
        protected JourneyPluginBase(string? unsecureConfiguration, string? secureConfiguration)
            : base(unsecureConfiguration, secureConfiguration)
        {
            try
            {
                Options = JourneyRiskOptions.Parse(unsecureConfiguration);
            }
            catch (ConfigurationException ex)
            {
                throw new InvalidPluginExecutionException(GetType().Name + ": " + ex.Message, ex);
            }
        }

        /// <summary>The risk thresholds and expectations of this step.</summary>
        protected JourneyRiskOptions Options { get; }

        /// <summary>Recomputes the journeys (each once) and their customers (each once) from the rows at rest.</summary>
        protected void Recompute(LocalPluginContext context, IEnumerable<Guid> journeyIds)
        {
            var service = new JourneyRecomputeService(context.SystemService, Options, m => context.Trace("{0}", m));
            service.RecomputeAndRollUp(journeyIds, context.OperationTime);
        }

        /// <summary>The journey a row points to, when the row carries the column.</summary>
        protected static Guid? JourneyOf(Entity? row, string column) =>
            row != null && row.Attributes.TryGetValue(column, out var value) && value is EntityReference r ? r.Id : (Guid?)null;
    }
}
