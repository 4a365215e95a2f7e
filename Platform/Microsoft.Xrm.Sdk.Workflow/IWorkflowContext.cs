namespace Microsoft.Xrm.Sdk.Workflow;

/// <summary>The context of a workflow (custom workflow activity) execution.</summary>
public interface IWorkflowContext : IExecutionContext
{
    /// <summary>The stage name.</summary>
    string StageName { get; }

    /// <summary>The workflow category (0 workflow, 3 action...).</summary>
    int WorkflowCategory { get; }

    /// <summary>The workflow mode (0 background, 1 real-time).</summary>
    int WorkflowMode { get; }

    /// <summary>The parent workflow context.</summary>
    IWorkflowContext ParentContext { get; }
}

/// <summary>The context of a custom activity, with its arguments.</summary>
public interface ICustomActivityExecutionContext : IExecutionContext
{
    /// <summary>The activity's arguments.</summary>
    ArgumentsCollection Arguments { get; set; }
}

/// <summary>The arguments of a custom activity, by name.</summary>
public sealed class ArgumentsCollection : DataCollection<string, object>
{
    /// <summary>Creates an empty collection.</summary>
    public ArgumentsCollection() { }
}

/// <summary>The direction of a workflow argument.</summary>
public enum ArgumentDirection
{
    Input = 0,
    Output = 1,
}

/// <summary>The type of a workflow property.</summary>
public enum WorkflowPropertyType
{
    Boolean = 0,
    DateTime = 1,
    Decimal = 2,
    Float = 3,
    Integer = 4,
    EntityReference = 5,
    Money = 6,
    PartyList = 7,
    OptionSetValue = 8,
    Guid = 9,
    String = 10,
}

/// <summary>Status values of a workflow step.</summary>
public static class WorkflowStepActivityStatus
{
    public const int InProgress = 1;
    public const int SuccessfullyCompleted = 2;
    public const int Failed = 3;
    public const int Canceled = 4;
    public const int Waiting = 5;
}

/// <summary>Workflow dependency types.</summary>
public static class WorkflowDependencyType
{
    public const int SdkAssociation = 1;
    public const int LocalParameter = 2;
    public const int PrimaryEntityImage = 3;
    public const int PrimaryEntityPreImage = 4;
    public const int PrimaryEntityPostImage = 5;
    public const int RelatedEntityImage = 6;
    public const int CustomEntityDefinition = 7;
    public const int AttributeDefinition = 8;
    public const int ArgumentEntityImage = 9;
}
