using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory.Pipeline;

/// <summary>Collects what one plugin execution traces.</summary>
internal sealed class TracingService : ITracingService
{
    public List<string> Lines { get; } = new();

    public void Trace(string format, params object[] args) =>
        Lines.Add(args is null || args.Length == 0 ? format : string.Format(CultureInfo.InvariantCulture, format, args));
}
