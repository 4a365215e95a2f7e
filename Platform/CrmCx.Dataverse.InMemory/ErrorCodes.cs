namespace CrmCx.Dataverse.InMemory;

/// <summary>Dataverse's error codes (OrganizationServiceFault.ErrorCode) that the in-memory org raises.</summary>
/// <remarks>Values from learn.microsoft.com/power-apps/developer/data-platform/reference/web-service-error-codes.</remarks>
public static class ErrorCodes
{
    /// <summary>0x80040200: "Required field missing." (also: a custom API called without a required request parameter).</summary>
    public const int RequiredFieldMissing = unchecked((int)0x80040200);
    /// <summary>0x80040203: an argument of the request is invalid (also used for a value of the wrong type).</summary>
    public const int InvalidArgument = unchecked((int)0x80040203);
    /// <summary>0x80040216: an unexpected error.</summary>
    public const int UnExpected = unchecked((int)0x80040216);
    /// <summary>0x80040217: "{table} With Id = {id} Does Not Exist".</summary>
    public const int ObjectDoesNotExist = unchecked((int)0x80040217);
    /// <summary>0x80040220: "The user does not hold the necessary privileges." (a custom API's execute privilege the caller lacks).</summary>
    public const int PrivilegeDenied = unchecked((int)0x80040220);
    /// <summary>0x80040251: the transaction was aborted by a failed nested request that a plugin ignored.</summary>
    public const int TransactionNotStarted = unchecked((int)0x80040251);
    /// <summary>0x80040219: the message is not implemented.</summary>
    public const int NotImplemented = unchecked((int)0x80040219);
    /// <summary>0x80040315: "This action is not supported." (also: a bulk or batch request sent from plug-in code, see README).</summary>
    public const int NotSupported = unchecked((int)0x80040315);
    /// <summary>0x80040224: an exception other than InvalidPluginExecutionException escaped a plugin.</summary>
    public const int IsvUnExpected = unchecked((int)0x80040224);
    /// <summary>0x80040237: a row with the same primary key already exists.</summary>
    public const int DuplicateRecord = unchecked((int)0x80040237);
    /// <summary>0x80040265: a plugin threw InvalidPluginExecutionException.</summary>
    public const int IsvAborted = unchecked((int)0x80040265);
    /// <summary>0x80041102: no table has that logical name.</summary>
    public const int QueryBuilderNoEntity = unchecked((int)0x80041102);
    /// <summary>0x80041103: the table has no column of that logical name.</summary>
    public const int QueryBuilderNoAttribute = unchecked((int)0x80041103);
    /// <summary>0x80044182: depth beyond the maximum (8), treated as an infinite loop.</summary>
    public const int SdkCorrelationTokenDepthTooHigh = unchecked((int)0x80044182);
    /// <summary>0x8004431A: a choice or number outside the valid range.</summary>
    public const int ValueOutOfRange = unchecked((int)0x8004431A);
    /// <summary>0x80044330: a decimal or currency value outside the valid range.</summary>
    public const int DecimalValueOutOfRange = unchecked((int)0x80044330);
    /// <summary>0x80044331: text longer than the column's maximum length.</summary>
    public const int StringLengthTooLong = unchecked((int)0x80044331);
    /// <summary>0x80048408: statuscode not valid for the statecode.</summary>
    public const int InvalidStateCodeStatusCode = unchecked((int)0x80048408);
    /// <summary>0x80060882: the row version given does not match the stored row's.</summary>
    public const int ConcurrencyVersionMismatch = unchecked((int)0x80060882);
    /// <summary>0x80060883: IfRowVersionMatches without a row version.</summary>
    public const int ConcurrencyVersionNotProvided = unchecked((int)0x80060883);
    /// <summary>0x80060892: an alternate key value that another row already has.</summary>
    public const int DuplicateRecordEntityKey = unchecked((int)0x80060892);
}
