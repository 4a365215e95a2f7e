using System;
using BulkFixture.Registration;
using Microsoft.Xrm.Sdk;

namespace BulkFixture.Plugins
{
    // The Create step can ship; the CreateMultiple step cannot (no verified sdkmessageid for CreateMultiple).
    [CrmPluginRegistration("Create", "account", StageEnum.PostOperation, ExecutionModeEnum.Asynchronous, null, "Bulk fixture: account created", 1, IsolationModeEnum.Sandbox,
        Id = "b0b0b0b0-0000-4000-8000-000000000001", Image1Name = "post", Image1Type = ImageTypeEnum.PostImage, Image1Attributes = "name")]
    [CrmPluginRegistration("CreateMultiple", "account", StageEnum.PostOperation, ExecutionModeEnum.Asynchronous, null, "Bulk fixture: accounts created in bulk", 1, IsolationModeEnum.Sandbox,
        Id = "b0b0b0b0-0000-4000-8000-000000000002", Image1Name = "post", Image1Type = ImageTypeEnum.PostImage, Image1Attributes = "name")]
    public sealed class AccountCreatedPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider) { }
    }
}

namespace CrmCx.Recalculation
{
    // The class the custom API catalog names (cx_Recalculate), so that a repository built on this fixture can generate.
    public sealed class RecalculatePlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider) { }
    }
}

namespace CrmCx.Drivers
{
    // The class the custom API catalog names for cx_GetDrivers, for the same reason.
    public sealed class GetDriversPlugin : IPlugin
    {
        public void Execute(IServiceProvider serviceProvider) { }
    }
}

namespace BulkFixture.Registration
{
    // Matched by type name alone, as spkl and the generator match it.
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
    public sealed class CrmPluginRegistrationAttribute : Attribute
    {
        public CrmPluginRegistrationAttribute(string message, string entityLogicalName, StageEnum stage, ExecutionModeEnum executionMode, string? filteringAttributes, string stepName, int executionOrder, IsolationModeEnum isolationModel) { }
        public string? Id { get; set; }
        public string? Image1Name { get; set; }
        public string? Image1Attributes { get; set; }
        public ImageTypeEnum Image1Type { get; set; }
    }

    public enum ExecutionModeEnum { Asynchronous, Synchronous }
    public enum ImageTypeEnum { PreImage = 0, PostImage = 1, Both = 2 }
    public enum IsolationModeEnum { None = 0, Sandbox = 1 }
    public enum StageEnum { PreValidation = 10, PreOperation = 20, PostOperation = 40 }
}
