using System;
using CrmCx.Domain.Drivers;
using CrmCx.Infrastructure;
using CrmCx.Schema;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Drivers;

/// <summary>
/// The plug-in of the custom API cx_GetDrivers (unbound function): satisfaction and NPS per value of a dimension,
/// each against all other responses of the query. Linked to the API by customapis/cx_GetDrivers/customapi.xml
/// (plugintypeid), not by a step. Reads as SYSTEM once the platform has checked the caller's execute privilege
/// (prvReadcx_driverday: CX Manager). True as of the last daily run for closed days, and live for today.
/// </summary>
public sealed class GetDriversPlugin : PluginBase
{
    /// <summary>Unique name of the custom API.</summary>
    public const string MessageName = ComponentSchema.GetDrivers;
    /// <summary>Request parameter (String): stage, channel, owner, businessunit, contacts or effort.</summary>
    public const string Dimension = "Dimension";
    /// <summary>Request parameter (Integer, optional): a cx_journeytype value.</summary>
    public const string JourneyType = "JourneyType";
    /// <summary>Request parameter (EntityReference, optional): an account.</summary>
    public const string Account = "Account";
    /// <summary>Request parameter (DateTime, optional): the start; default the start of the window.</summary>
    public const string Since = "Since";
    /// <summary>Response property (String): the JSON array.</summary>
    public const string Drivers = "Drivers";

    /// <inheritdoc />
    protected override void ExecuteCrmPlugin(LocalPluginContext context)
    {
        var inputs = context.ExecutionContext.InputParameters;
        var account = inputs.Contains(Account) ? inputs[Account] as EntityReference : null;
        DriverRequest request;
        try
        {
            request = DriverRequest.Parse(
                inputs.Contains(Dimension) ? inputs[Dimension] as string : null,
                inputs.Contains(JourneyType) ? inputs[JourneyType] as int? : null,
                account?.LogicalName, account?.Id,
                inputs.Contains(Since) ? inputs[Since] as DateTime? : null,
                context.OperationTime, Settings(context).Nps.WindowDays);
        }
        catch (ArgumentException e)
        {
            // The messages name the parameter and the value.
            throw new InvalidPluginExecutionException(MessageName + ": " + e.Message.Split(new[] { " (Parameter" }, StringSplitOptions.None)[0]);
        }
        var rows = new DriverQueryService(context.SystemService).Read(request, context.OperationTime);
        context.ExecutionContext.OutputParameters[Drivers] = DriverStatistics.ToJson(rows);
        context.Trace("{0}: {1} values of {2}.", MessageName, rows.Count, DriverDimensions.Name(request.Dimension));
    }
}
