using System;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Infrastructure
{
    /// <summary>
    /// Base of every CrmCx plugin: reads the services once, hands a <see cref="LocalPluginContext"/> to the plugin and
    /// turns unexpected failures into <see cref="InvalidPluginExecutionException"/> so the caller sees a readable message.
    /// Plugins stay stateless: configuration read in the constructor is immutable, everything else lives in the context.
    /// </summary>
    public abstract class PluginBase : IPlugin
    {
        /// <summary>Creates the plugin with the step's configuration, as Dataverse's (string, string) constructor does.</summary>
        protected PluginBase(string? unsecureConfiguration, string? secureConfiguration)
        {
            UnsecureConfiguration = unsecureConfiguration;
            SecureConfiguration = secureConfiguration;
        }

        /// <summary>The step's unsecure configuration.</summary>
        protected string? UnsecureConfiguration { get; }

        /// <summary>The step's secure configuration.</summary>
        protected string? SecureConfiguration { get; }

        /// <summary>Entry point called by Dataverse.</summary>
        public void Execute(IServiceProvider serviceProvider)
        {
            if (serviceProvider == null) throw new InvalidPluginExecutionException(GetType().Name + ": no service provider was given.");
            var context = new LocalPluginContext(serviceProvider);
            try
            {
                ExecuteCrmPlugin(context);
            }
            catch (InvalidPluginExecutionException)
            {
                throw;
            }
            catch (FaultException<OrganizationServiceFault> ex)
            {
                context.Trace("{0}: organization service fault {1}: {2}", GetType().Name, ex.Detail?.ErrorCode ?? 0, ex.Detail?.Message ?? ex.Message);
                throw new InvalidPluginExecutionException(GetType().Name + ": " + (ex.Detail?.Message ?? ex.Message), ex);
            }
            catch (Exception ex) when (!(ex is OutOfMemoryException))
            {
                context.Trace("{0}: unexpected {1}", GetType().Name, ex);
                throw new InvalidPluginExecutionException(GetType().Name + " failed: " + ex.Message, ex);
            }
        }

        /// <summary>The plugin's work, given the context of this execution.</summary>
        protected abstract void ExecuteCrmPlugin(LocalPluginContext context);
    }
}
