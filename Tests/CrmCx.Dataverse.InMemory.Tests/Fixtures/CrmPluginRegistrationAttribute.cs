using System;

// A local copy of CrmCx.Plugins' registration attribute (spkl's shape): the pipeline matches the attribute by its type
// name, so fixtures need no reference to the plugin assembly (which other work may have mid-change).
namespace CrmCx.Dataverse.InMemory.Tests.Fixtures.Registration;

[AttributeUsage(AttributeTargets.Class, Inherited = false, AllowMultiple = true)]
public sealed class CrmPluginRegistrationAttribute : Attribute
{
    public CrmPluginRegistrationAttribute(string message, string entityLogicalName, StageEnum stage, ExecutionModeEnum executionMode,
        string? filteringAttributes, string stepName, int executionOrder, IsolationModeEnum isolationModel)
    {
        Message = message;
        EntityLogicalName = entityLogicalName;
        Stage = stage;
        ExecutionMode = executionMode;
        FilteringAttributes = filteringAttributes;
        Name = stepName;
        ExecutionOrder = executionOrder;
        IsolationMode = isolationModel;
    }

    public string Message { get; }
    public string EntityLogicalName { get; }
    public StageEnum Stage { get; }
    public ExecutionModeEnum ExecutionMode { get; }
    public string? FilteringAttributes { get; }
    public string Name { get; }
    public int ExecutionOrder { get; }
    public IsolationModeEnum IsolationMode { get; }
    public string? Id { get; set; }
    public string? Image1Name { get; set; }
    public string? Image1Attributes { get; set; }
    public ImageTypeEnum Image1Type { get; set; }
    public string? Image2Name { get; set; }
    public string? Image2Attributes { get; set; }
    public ImageTypeEnum Image2Type { get; set; }
    public string? UnSecureConfiguration { get; set; }
    public string? SecureConfiguration { get; set; }
}

public enum StageEnum { PreValidation = 10, PreOperation = 20, PostOperation = 40 }

public enum ExecutionModeEnum { Asynchronous, Synchronous }

public enum ImageTypeEnum { PreImage = 0, PostImage = 1, Both = 2 }

public enum IsolationModeEnum { None = 0, Sandbox = 1 }
