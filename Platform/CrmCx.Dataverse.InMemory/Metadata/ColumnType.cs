namespace CrmCx.Dataverse.InMemory.Metadata;

/// <summary>Column types, as Dataverse's AttributeTypeCode names them.</summary>
public enum ColumnType
{
    /// <summary>The primary key or another Guid column.</summary>
    Uniqueidentifier,
    /// <summary>Single line of text.</summary>
    String,
    /// <summary>Multiple lines of text.</summary>
    Memo,
    /// <summary>Whole number (Int32).</summary>
    Integer,
    /// <summary>Big integer (Int64), for example versionnumber.</summary>
    BigInt,
    /// <summary>Decimal number.</summary>
    Decimal,
    /// <summary>Floating point number.</summary>
    Double,
    /// <summary>Currency.</summary>
    Money,
    /// <summary>Yes/No.</summary>
    Boolean,
    /// <summary>Date and time (stored in UTC).</summary>
    DateTime,
    /// <summary>Lookup to one or more tables.</summary>
    Lookup,
    /// <summary>Customer lookup (account or contact).</summary>
    Customer,
    /// <summary>Owner lookup (systemuser or team).</summary>
    Owner,
    /// <summary>Choice.</summary>
    Picklist,
    /// <summary>Status (statecode).</summary>
    State,
    /// <summary>Status reason (statuscode).</summary>
    Status,
    /// <summary>Name of a table (for example objecttypecode).</summary>
    EntityName,
}
