namespace CrmCx.Dataverse.InMemory.Pipeline;

/// <summary>Event pipeline stages, with Dataverse's values (IPluginExecutionContext.Stage).</summary>
public enum PipelineStage
{
    /// <summary>Before the main operation, outside the database transaction for top-level requests.</summary>
    PreValidation = 10,
    /// <summary>Before the main operation, inside the transaction.</summary>
    PreOperation = 20,
    /// <summary>The platform's own operation.</summary>
    MainOperation = 30,
    /// <summary>After the main operation, inside the transaction (synchronous) or after it (asynchronous).</summary>
    PostOperation = 40,
}
