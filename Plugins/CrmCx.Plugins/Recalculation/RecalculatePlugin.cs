using CrmCx.Infrastructure;

namespace CrmCx.Recalculation
{
    /// <summary>
    /// The plug-in of the custom API cx_Recalculate (unbound action): recomputes the figures that time alone changes.
    /// Linked to the API by the solution's customapis/cx_Recalculate/customapi.xml (plugintypeid), not by a step.
    /// </summary>
    public sealed class RecalculatePlugin : PluginBase
    {
        /// <summary>Unique name of the custom API.</summary>
        public const string MessageName = "cx_Recalculate";

        /// <inheritdoc />
        protected override void ExecuteCrmPlugin(LocalPluginContext context)
        {
            throw new Microsoft.Xrm.Sdk.InvalidPluginExecutionException(MessageName + " is not implemented yet.");
        }
    }
}
