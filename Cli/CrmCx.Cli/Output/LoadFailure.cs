namespace CrmCx.Cli.Output;

/// <summary>A row the org refused during the load, as an integration sees it: the record, the plugin step and its message.</summary>
public sealed record LoadFailure(string Record, string Step, string Message);
