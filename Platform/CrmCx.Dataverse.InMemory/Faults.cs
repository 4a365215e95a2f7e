using System;
using System.Collections.Generic;
using System.Linq;
using System.ServiceModel;
using Microsoft.Xrm.Sdk;

namespace CrmCx.Dataverse.InMemory;

/// <summary>The faults Dataverse's organization service raises, with its error codes and messages.</summary>
internal static class Faults
{
    /// <summary>
    /// Creates a fault with an error code and message, the way the organization service reports errors. Its Timestamp is
    /// left unset here (most faults come from parts that have no clock: the store, the query engine, the metadata); the
    /// organization stamps it with its own clock when the fault leaves it (<see cref="Stamp"/>), so output stays deterministic.
    /// </summary>
    public static FaultException<OrganizationServiceFault> Create(int errorCode, string message, OrganizationServiceFault? inner = null)
    {
        var fault = new OrganizationServiceFault { ErrorCode = errorCode, Message = message, InnerFault = inner };
        return new FaultException<OrganizationServiceFault>(fault, message);
    }

    /// <summary>
    /// Gives a fault, and the inner faults it carries, that has no Timestamp yet the time of the org's clock. Always returns
    /// false, so it serves as an exception filter (<c>catch (Exception e) when (Faults.Stamp(e, clock))</c>) that stamps the
    /// fault on its way out without catching it.
    /// </summary>
    public static bool Stamp(Exception exception, ManualClock clock)
    {
        if (exception is FaultException<OrganizationServiceFault> { Detail: { } detail })
        {
            DateTime? now = null;
            for (var fault = detail; fault is not null; fault = fault.InnerFault)
            {
                if (fault.Timestamp == default) fault.Timestamp = now ??= clock.UtcNow;
            }
        }
        return false;
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

    /// <summary>A row that does not exist.</summary>
    public static FaultException<OrganizationServiceFault> RowNotFound(string table, Guid id) =>
        Create(ErrorCodes.ObjectDoesNotExist, $"{table} With Id = {id:D} Does Not Exist");

    /// <summary>A row that no alternate key value matches.</summary>
    public static FaultException<OrganizationServiceFault> RowNotFoundByKey(string table, string keyDescription) =>
        Create(ErrorCodes.ObjectDoesNotExist, $"A record with the specified key values does not exist in {table} entity. Key values: {keyDescription}");

    /// <summary>A create with an id another row already has.</summary>
    public static FaultException<OrganizationServiceFault> DuplicateId(string table, Guid id) =>
        Create(ErrorCodes.DuplicateRecord, $"Cannot insert duplicate key. A record of {table} With Id = {id:D} already exists.");

    /// <summary>A write that would give two rows the same alternate key value.</summary>
    public static FaultException<OrganizationServiceFault> DuplicateKey(string table, string keyName, IEnumerable<string> columns) =>
        Create(ErrorCodes.DuplicateRecordEntityKey,
            $"A record that has the attribute values {string.Join(", ", columns)} already exists. The entity key {keyName} requires that this set of attributes contains unique values. Select unique values and try again. (table '{table}')");

    /// <summary>A value whose type does not match the column's.</summary>
    public static FaultException<OrganizationServiceFault> TypeMismatch(string table, string column, string expected, object value) =>
        Create(ErrorCodes.InvalidArgument,
            $"Incorrect type of attribute value {value.GetType().FullName}: the '{column}' attribute of the '{table}' entity expects {expected}.");

    /// <summary>Text longer than the column allows.</summary>
    public static FaultException<OrganizationServiceFault> TooLong(string table, string column, int maxLength) =>
        Create(ErrorCodes.StringLengthTooLong,
            $"A validation error occurred. The length of the '{column}' attribute of the '{table}' entity exceeded the maximum allowed length of '{maxLength}'.");

    /// <summary>A choice or number outside the column's valid range.</summary>
    public static FaultException<OrganizationServiceFault> OutOfRange(int code, string table, string column, object value, string accepted) =>
        Create(code, $"A validation error occurred. The value {value} of '{column}' on record of type '{table}' is outside the valid range. Accepted Values: {accepted}");

    /// <summary>A statuscode that does not belong to the statecode.</summary>
    public static FaultException<OrganizationServiceFault> InvalidStatus(string table, Guid id, int state, int status) =>
        Create(ErrorCodes.InvalidStateCodeStatusCode, $"{status} is not a valid status code for state code {state} on {table} with Id {id:D}.");

    /// <summary>IfRowVersionMatches with a row version that is not the stored one.</summary>
    public static FaultException<OrganizationServiceFault> VersionMismatch(string table, Guid id) =>
        Create(ErrorCodes.ConcurrencyVersionMismatch, $"The version of the existing record doesn't match the RowVersion property provided. ({table} With Id = {id:D})");

    /// <summary>IfRowVersionMatches without a row version.</summary>
    public static FaultException<OrganizationServiceFault> VersionNotProvided(string table) =>
        Create(ErrorCodes.ConcurrencyVersionNotProvided, $"The RowVersion property must be provided when the value of ConcurrencyBehavior is IfVersionMatches. ({table})");

    /// <summary>A request the in-memory org does not implement.</summary>
    public static FaultException<OrganizationServiceFault> UnsupportedRequest(string? requestName, string typeName) =>
        Create(ErrorCodes.NotImplemented, $"The in-memory organization does not implement the request '{requestName ?? "(no RequestName)"}' ({typeName}).");

    /// <summary>
    /// A bulk or batch request (CreateMultiple, UpdateMultiple, UpsertMultiple, ExecuteMultiple, ExecuteTransaction) sent from
    /// plug-in code. Microsoft documents these as not supported in plug-ins (bulk-operations.md "Not supported for use in
    /// plug-ins"; best-practices/business-logic/avoid-batch-requests-plugin.md) but publishes no error for it, and
    /// execute-multiple-requests.md says plug-ins "aren't blocked" from ExecuteMultipleRequest. The in-memory org refuses
    /// them anyway so plug-in tests catch the pattern, with the closest documented error: NotSupported 0x80040315,
    /// "This action is not supported." (powerapps-docs developer/data-platform/includes/data-service-error-codes.md,
    /// commit 0e120ff92a19aa6cd12f46bdc9b88e2c8c066392). The text after that sentence is the in-memory org's own.
    /// </summary>
    public static FaultException<OrganizationServiceFault> BatchRequestFromPlugin(string requestName, string caller) =>
        Create(ErrorCodes.NotSupported,
            $"This action is not supported. The in-memory organization refuses {requestName} from plug-in code ({caller}): bulk and batch requests are not supported in plug-ins (bulk-operations.md, avoid-batch-requests-plugin.md).");

    /// <summary>The fault of ExecuteTransaction when one of its requests fails: the failing request's code and message, with its index (use-executetransaction.md).</summary>
    public static FaultException<OrganizationServiceFault> TransactionRequestFailed(int index, OrganizationServiceFault failed)
    {
        var fault = new ExecuteTransactionFault
        {
            ErrorCode = failed.ErrorCode,
            Message = failed.Message,
            FaultedRequestIndex = index,
            InnerFault = failed,
        };
        return new FaultException<OrganizationServiceFault>(fault, failed.Message);
    }

    /// <summary>The outer request after a plugin swallowed the fault of a nested request: the database transaction is already aborted.</summary>
    public static FaultException<OrganizationServiceFault> NoActiveTransaction() =>
        Create(ErrorCodes.TransactionNotStarted,
            "There is no active transaction. This error is usually caused by custom plug-ins that ignore errors from service calls and continue processing.");

    /// <summary>
    /// A custom API request without one of its required parameters. RequiredFieldMissing 0x80040200 and its message
    /// "Required field missing." are the error list's (data-service-error-codes.md, commit 0e120ff92a19aa6cd12f46bdc9b88e2c8c066392);
    /// no public source gives the text Dataverse returns for a custom API, so the rest of the message is the org's own.
    /// </summary>
    public static FaultException<OrganizationServiceFault> CustomApiParameterMissing(string api, string parameter, string type) =>
        Create(ErrorCodes.RequiredFieldMissing, $"Required field missing. The custom API {api} requires the request parameter '{parameter}' ({type}).");

    /// <summary>
    /// A custom API request with a parameter the API does not define. InvalidArgument 0x80040203 "Invalid argument." is the
    /// error list's; no public source gives Dataverse's text for this case, so the rest of the message is the org's own.
    /// </summary>
    public static FaultException<OrganizationServiceFault> CustomApiUnknownParameter(string api, string parameter, IEnumerable<string> defined) =>
        Create(ErrorCodes.InvalidArgument,
            $"Invalid argument. '{parameter}' is not a request parameter of the custom API {api} (its request parameters: {(defined.Any() ? string.Join(", ", defined) : "none")}).");

    /// <summary>
    /// A custom API request parameter whose value is not of the parameter's type (or, for Entity and EntityReference, not
    /// of its table). InvalidArgument 0x80040203 "Invalid argument." is the error list's; the rest of the message is the org's own.
    /// </summary>
    public static FaultException<OrganizationServiceFault> CustomApiParameterType(string api, string parameter, string expected, string actual) =>
        Create(ErrorCodes.InvalidArgument, $"Invalid argument. The request parameter '{parameter}' of the custom API {api} expects {expected}, not {actual}.");

    /// <summary>
    /// A private custom API called from plug-in code. custom-api.md ("Private messages can't be used in plug-ins") and
    /// use-messages.md ("Calling private messages from plug-ins is not supported") give no error, so this is the closest
    /// documented one, NotSupported 0x80040315 "This action is not supported.", followed by the org's own text.
    /// </summary>
    public static FaultException<OrganizationServiceFault> PrivateMessageFromPlugin(string api, string caller) =>
        Create(ErrorCodes.NotSupported,
            $"This action is not supported. The custom API {api} is private, and private messages can't be used in plug-ins ({caller}; custom-api.md).");

    /// <summary>Depth beyond Dataverse's maximum.</summary>
    public static FaultException<OrganizationServiceFault> InfiniteLoop() =>
        Create(ErrorCodes.SdkCorrelationTokenDepthTooHigh,
            "This workflow job was canceled because the workflow that started it included an infinite loop. Correct the workflow logic and try again.");
}
