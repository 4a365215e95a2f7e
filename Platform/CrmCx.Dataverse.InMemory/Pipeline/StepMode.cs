namespace CrmCx.Dataverse.InMemory.Pipeline;

/// <summary>Execution mode, with Dataverse's values (IExecutionContext.Mode).</summary>
public enum StepMode
{
    /// <summary>Runs inside the request.</summary>
    Synchronous = 0,
    /// <summary>Queued as a system job; runs when the test drains the queue.</summary>
    Asynchronous = 1,
}
