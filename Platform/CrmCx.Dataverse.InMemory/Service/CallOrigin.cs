using System;
using CrmCx.Dataverse.InMemory.Pipeline;

namespace CrmCx.Dataverse.InMemory.Service;

/// <summary>Who makes a request: the user, the caller name counted by CallCounter, and the plugin context when a plugin calls.</summary>
internal sealed record CallOrigin(Guid UserId, string Caller, PluginExecutionContext? Parent);
