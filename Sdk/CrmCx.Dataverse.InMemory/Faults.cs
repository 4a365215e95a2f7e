using System;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory;

/// <summary>The faults Dataverse's organization service raises, with its error codes and messages.</summary>
internal static class Faults
{
    /// <summary>Creates a fault with an error code and message, the way the organization service reports errors.</summary>
    public static FaultException<OrganizationServiceFault> Create(int errorCode, string message)
    {
        var fault = new OrganizationServiceFault { ErrorCode = errorCode, Message = message, Timestamp = DateTime.UtcNow };
        return new FaultException<OrganizationServiceFault>(fault, message);
    }

    /// <summary>A table that the metadata does not define.</summary>
    public static FaultException<OrganizationServiceFault> UnknownTable(string logicalName) =>
        Create(ErrorCodes.QueryBuilderNoEntity, $"The entity with a name = '{logicalName}' with namemapping = 'Logical' was not found in the MetadataCache.");

    /// <summary>A column that the table does not have.</summary>
    public static FaultException<OrganizationServiceFault> UnknownColumn(string table, string column) =>
        Create(ErrorCodes.QueryBuilderNoAttribute, $"'{table}' entity doesn't contain attribute with Name = '{column}' and NameMapping = 'Logical'.");

    /// <summary>An invalid argument in a request.</summary>
    public static FaultException<OrganizationServiceFault> InvalidArgument(string message) =>
        Create(ErrorCodes.InvalidArgument, message);
}
