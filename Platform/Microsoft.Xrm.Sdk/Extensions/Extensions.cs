using System;

namespace Microsoft.Xrm.Sdk.Extensions;

/// <summary>Typed access to the plugin service provider.</summary>
public static class ServiceProviderExtensions
{
    /// <summary>The service of type <typeparamref name="T"/>, or default when absent.</summary>
    public static T Get<T>(this IServiceProvider serviceProvider)
    {
        if (serviceProvider == null) throw new ArgumentNullException(nameof(serviceProvider));
        var service = serviceProvider.GetService(typeof(T));
        return service == null ? default(T) : (T)service;
    }

    /// <summary>An organization service acting as the given user.</summary>
    public static IOrganizationService GetOrganizationService(this IServiceProvider serviceProvider, Guid userId)
    {
        var factory = serviceProvider.Get<IOrganizationServiceFactory>();
        if (factory == null) throw new InvalidOperationException("The service provider has no IOrganizationServiceFactory.");
        return factory.CreateOrganizationService(userId);
    }
}

/// <summary>Helpers on the plugin execution context.</summary>
public static class ContextExtensions
{
    /// <summary>The input parameter as <typeparamref name="T"/>, or default when absent or of another type.</summary>
    public static T InputParameterOrDefault<T>(this IPluginExecutionContext context, string key)
    {
        if (context == null) throw new ArgumentNullException(nameof(context));
        return context.InputParameters != null && context.InputParameters.TryGetValue(key, out T value) ? value : default(T);
    }
}
