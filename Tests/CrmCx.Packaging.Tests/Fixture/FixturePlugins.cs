using System;
using Fixture.Registration;
using Microsoft.Xrm.Sdk;

namespace Fixture.Plugins
{
    [CrmPluginRegistration("Update", "account", StageEnum.PostOperation, ExecutionModeEnum.Asynchronous, "name, AccountNumber", "Fixture: account updated", 3, IsolationModeEnum.Sandbox,
        Id = "11111111-2222-3333-4444-555555555555", Description = "Recomputes things", UnSecureConfiguration = "{\"windowDays\":90}", DeleteAsyncOperation = true,
        Image1Name = "pre", Image1Type = ImageTypeEnum.PreImage, Image1Attributes = "name",
        Image2Name = "post", Image2Type = ImageTypeEnum.PostImage, Image2Attributes = "name,accountnumber")]
    [CrmPluginRegistration("Create", "account", StageEnum.PreValidation, ExecutionModeEnum.Synchronous, null, "Fixture: account created", 1, IsolationModeEnum.Sandbox,
        Id = "66666666-7777-8888-9999-000000000000")]
    public sealed class AccountPlugin : BasePlugin
    {
    }

    [CrmPluginRegistration("Delete", "contact", StageEnum.PreOperation, ExecutionModeEnum.Synchronous, null, "Fixture: contact deleted without id", 1, IsolationModeEnum.Sandbox)]
    public sealed class StepWithoutId : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider) { }
    }

    [CrmPluginRegistration("LinkSomething", "Link something", "Links something.", "Fixture group", IsolationModeEnum.Sandbox)]
    public sealed class FixtureActivity
    {
    }

    public abstract class BasePlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider) { }
    }

    // Not a class Dataverse can instantiate: never listed as a plug-in class.
    internal sealed class HiddenPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider) { }
    }
}

namespace CrmCx.Recalculation
{
    // The class the custom API catalog names (cx_Recalculate), with no registration attribute like the real one: the
    // packer lists it for the API, and a repository built on this fixture can still generate.
    public sealed class RecalculatePlugin : Fixture.Plugins.BasePlugin
    {
    }
}

namespace CrmCx.Drivers
{
    // The class the custom API catalog names for cx_GetDrivers, for the same reason.
    public sealed class GetDriversPlugin : Fixture.Plugins.BasePlugin
    {
    }
}

namespace Fixture.Registration
{
    // A copy in another namespace: spkl and the generator match the attribute by type name alone.
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
    public sealed class CrmPluginRegistrationAttribute : Attribute
    {
        public CrmPluginRegistrationAttribute(string message, string entityLogicalName, StageEnum stage, ExecutionModeEnum executionMode, string? filteringAttributes, string stepName, int executionOrder, IsolationModeEnum isolationModel) { }
        public CrmPluginRegistrationAttribute(string name, string friendlyName, string description, string groupName, IsolationModeEnum isolationModel) { }
        public string? Id { get; set; }
        public string? Description { get; set; }
        public string? UnSecureConfiguration { get; set; }
        public bool DeleteAsyncOperation { get; set; }
        public string? Image1Name { get; set; }
        public string? Image1Attributes { get; set; }
        public ImageTypeEnum Image1Type { get; set; }
        public string? Image2Name { get; set; }
        public string? Image2Attributes { get; set; }
        public ImageTypeEnum Image2Type { get; set; }
    }

    public enum ExecutionModeEnum { Asynchronous, Synchronous }
    public enum ImageTypeEnum { PreImage = 0, PostImage = 1, Both = 2 }
    public enum IsolationModeEnum { None = 0, Sandbox = 1 }
    public enum StageEnum { PreValidation = 10, PreOperation = 20, PostOperation = 40 }
}
