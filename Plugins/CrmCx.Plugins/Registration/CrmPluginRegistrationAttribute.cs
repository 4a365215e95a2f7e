using System;

namespace CrmCx.Registration;

/// <summary>
/// Registers a plugin step or a workflow activity, in spkl's shape: spkl matches this attribute by its type
/// name and reads constructor arguments by position, so the name, parameter order, property names and enum
/// values must stay as spkl has them. spkl's MessageNameEnum overload is left out on purpose: spkl maps that
/// enum by number, so any copy short of its full list would name the wrong message. The same attributes feed the solution's step XML and the in-memory pipeline.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class CrmPluginRegistrationAttribute : Attribute
{
    /// <summary>Registers a plugin step on a message given by name (for example "CreateMultiple").</summary>
    /// <param name="message">Message name.</param>
    /// <param name="entityLogicalName">Primary table, or "none" for a message-only step.</param>
    /// <param name="stage">Pipeline stage.</param>
    /// <param name="executionMode">Synchronous or asynchronous.</param>
    /// <param name="filteringAttributes">Comma separated list of attributes that will trigger this step. Leave null for all attributes.</param>
    /// <param name="stepName">Step name, unique within the assembly.</param>
    /// <param name="executionOrder">Execution order (rank) within the stage.</param>
    /// <param name="isolationModel">Isolation mode of the assembly.</param>
    public CrmPluginRegistrationAttribute(
        string message,
        string entityLogicalName,
        StageEnum stage,
        ExecutionModeEnum executionMode,
        string? filteringAttributes,
        string stepName,
        int executionOrder,
        IsolationModeEnum isolationModel)
    {
        Message = message;
        EntityLogicalName = entityLogicalName;
        Stage = stage;
        ExecutionMode = executionMode;
        FilteringAttributes = filteringAttributes;
        Name = stepName;
        ExecutionOrder = executionOrder;
        IsolationMode = isolationModel;
        Server = true;
    }

    /// <summary>Registers a custom workflow activity.</summary>
    /// <param name="name">Name of the workflow activity.</param>
    /// <param name="friendlyName">Friendly name shown in the process designer.</param>
    /// <param name="description">Description.</param>
    /// <param name="groupName">Submenu of the process designer that lists the activity.</param>
    /// <param name="isolationModel">Isolation mode of the assembly.</param>
    public CrmPluginRegistrationAttribute(
        string name,
        string friendlyName,
        string description,
        string groupName,
        IsolationModeEnum isolationModel)
    {
        Name = name;
        FriendlyName = friendlyName;
        Description = description;
        GroupName = groupName;
        IsolationMode = isolationModel;
        Message = string.Empty;
        EntityLogicalName = string.Empty;
    }

    /// <summary>Step id (a GUID), so that redeployments update the same step.</summary>
    public string? Id { get; set; }
    /// <summary>Friendly name (workflow activities).</summary>
    public string? FriendlyName { get; set; }
    /// <summary>Process designer group (workflow activities).</summary>
    public string? GroupName { get; set; }
    /// <summary>Alias of the first entity image.</summary>
    public string? Image1Name { get; set; }
    /// <summary>Comma separated columns of the first image.</summary>
    public string? Image1Attributes { get; set; }
    /// <summary>Alias of the second entity image.</summary>
    public string? Image2Name { get; set; }
    /// <summary>Comma separated columns of the second image.</summary>
    public string? Image2Attributes { get; set; }
    /// <summary>Step description.</summary>
    public string? Description { get; set; }
    /// <summary>Delete the system job of a successful asynchronous step.</summary>
    public bool DeleteAsyncOperation { get; set; }
    /// <summary>Unsecure configuration passed to the plugin's constructor.</summary>
    public string? UnSecureConfiguration { get; set; }
    /// <summary>Secure configuration passed to the plugin's constructor (never exported with a solution).</summary>
    public string? SecureConfiguration { get; set; }
    /// <summary>Runs in the offline client.</summary>
    public bool Offline { get; set; }
    /// <summary>Runs on the server.</summary>
    public bool Server { get; set; }
    /// <summary>Type of the first image.</summary>
    public ImageTypeEnum Image1Type { get; set; }
    /// <summary>Type of the second image.</summary>
    public ImageTypeEnum Image2Type { get; set; }
    /// <summary>What spkl does with a step no longer declared.</summary>
    public PluginStepOperationEnum? Action { get; set; }

    /// <summary>Isolation mode of the assembly.</summary>
    public IsolationModeEnum IsolationMode { get; private set; }
    /// <summary>Message name.</summary>
    public string Message { get; private set; }
    /// <summary>Primary table.</summary>
    public string EntityLogicalName { get; private set; }
    /// <summary>Comma separated filtering attributes; null for all.</summary>
    public string? FilteringAttributes { get; private set; }
    /// <summary>Step or workflow activity name.</summary>
    public string Name { get; private set; }
    /// <summary>Execution order within the stage.</summary>
    public int ExecutionOrder { get; private set; }
    /// <summary>Stage; null for a workflow activity.</summary>
    public StageEnum? Stage { get; private set; }
    /// <summary>Execution mode.</summary>
    public ExecutionModeEnum ExecutionMode { get; private set; }
}

/// <summary>Execution mode of a step.</summary>
public enum ExecutionModeEnum
{
    /// <summary>Runs after the transaction, as a system job.</summary>
    Asynchronous,
    /// <summary>Runs inside the transaction.</summary>
    Synchronous,
}

/// <summary>Type of an entity image.</summary>
public enum ImageTypeEnum
{
    /// <summary>The row before the operation.</summary>
    PreImage = 0,
    /// <summary>The row after the operation.</summary>
    PostImage = 1,
    /// <summary>Both.</summary>
    Both = 2,
}

/// <summary>Isolation mode of a plugin assembly.</summary>
public enum IsolationModeEnum
{
    /// <summary>Full trust (on-premises only).</summary>
    None = 0,
    /// <summary>Sandbox (the only mode online).</summary>
    Sandbox = 1,
}

/// <summary>What spkl does with a step that is no longer declared.</summary>
public enum PluginStepOperationEnum
{
    /// <summary>Delete it.</summary>
    Delete = 0,
    /// <summary>Deactivate it.</summary>
    Deactivate = 1,
}

/// <summary>Pipeline stage of a step.</summary>
public enum StageEnum
{
    /// <summary>Before the transaction and security checks.</summary>
    PreValidation = 10,
    /// <summary>Inside the transaction, before the write.</summary>
    PreOperation = 20,
    /// <summary>Inside the transaction, after the write (or after commit when asynchronous).</summary>
    PostOperation = 40,
}
