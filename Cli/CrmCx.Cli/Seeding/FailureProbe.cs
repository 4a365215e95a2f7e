using System;
using System.Linq;
using System.ServiceModel;
using CrmCx.Cli.Output;
using CrmCx.Dataverse.InMemory;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Cli.Seeding;

/// <summary>
/// Turns a fault of the organization service into a <see cref="LoadFailure"/>, naming the plugin step from the trace log,
/// which is where an admin would look (the fault itself carries only the plugin's message).
/// </summary>
internal sealed class FailureProbe(InMemoryOrganization org)
{
    private int traceMark;

    /// <summary>Remembers where the trace log stands before a request.</summary>
    public void Mark() => traceMark = org.Traces.Count;

    /// <summary>The failure of the request since <see cref="Mark"/>.</summary>
    public LoadFailure Describe(string record, FaultException<OrganizationServiceFault> fault)
    {
        var traces = org.Traces;
        string step = "platform validation (no plugin)";
        for (var i = traces.Count - 1; i >= traceMark && i >= 0; i--)
        {
            var trace = traces[i];
            if (trace.ExceptionMessage is null) continue;
            step = $"{trace.StepName} ({trace.MessageName} of {trace.PrimaryEntityName}, {StageName(trace.Stage)}, {(trace.Mode == 0 ? "synchronous" : "asynchronous")})";
            break;
        }
        return new LoadFailure(record, step, FirstLine(fault.Detail?.Message ?? fault.Message));
    }

    /// <summary>Asynchronous failures: the system jobs that failed since the given position of the job log.</summary>
    public static LoadFailure FromJob(Dataverse.InMemory.Diagnostics.SystemJob job) =>
        new(job.PrimaryEntityId == Guid.Empty ? $"{job.PrimaryEntityName} batch ({job.MessageName})" : $"{job.PrimaryEntityName} {job.PrimaryEntityId}",
            $"{job.StepName} ({job.MessageName} of {job.PrimaryEntityName}, asynchronous)",
            FirstLine(job.ErrorMessage ?? "failed without a message"));

    private static string StageName(int stage) => stage switch
    {
        10 => "PreValidation",
        20 => "PreOperation",
        40 => "PostOperation",
        _ => "stage " + stage.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string FirstLine(string message)
    {
        var line = message.Split('\n').FirstOrDefault()?.Trim() ?? message;
        return line;
    }
}
