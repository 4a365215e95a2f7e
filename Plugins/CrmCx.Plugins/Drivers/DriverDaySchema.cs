namespace CrmCx.Drivers;

/// <summary>
/// Logical names of cx_driverday (Model/CrmCx.Model DriverDayTable): one row per UTC day, dimension value, journey
/// type and account scope, summing that day's survey responses; an addition to data-model.md for cx_GetDrivers.
/// </summary>
public static class DriverDaySchema
{
    /// <summary>Logical name of the table.</summary>
    public const string EntityName = "cx_driverday";
    /// <summary>Primary key column.</summary>
    public const string Id = "cx_driverdayid";
    /// <summary>Primary name.</summary>
    public const string Name = "cx_name";
    /// <summary>Text 200, the alternate key (DriverKey.RowKey).</summary>
    public const string Key = "cx_key";
    /// <summary>Whole number yyyyMMdd.</summary>
    public const string Day = "cx_day";
    /// <summary>Text: the dimension's request name; "watermark" on the watermark row.</summary>
    public const string Dimension = "cx_dimension";
    /// <summary>Text: the value's key.</summary>
    public const string Value = "cx_value";
    /// <summary>Whole number: cx_journeytype value, 0 for no journey.</summary>
    public const string JourneyType = "cx_journeytype";
    /// <summary>Lookup account; empty on the rows of all accounts.</summary>
    public const string Account = "cx_accountid";
    /// <summary>Whole number.</summary>
    public const string Responses = "cx_responses";
    /// <summary>Whole number.</summary>
    public const string Promoters = "cx_promoters";
    /// <summary>Whole number.</summary>
    public const string Detractors = "cx_detractors";
    /// <summary>Whole number.</summary>
    public const string SatisfactionCount = "cx_satisfactioncount";
    /// <summary>Decimal.</summary>
    public const string SatisfactionSum = "cx_satisfactionsum";
    /// <summary>Decimal.</summary>
    public const string SatisfactionSquares = "cx_satisfactionsquares";
    /// <summary>Date and time, on the watermark row only.</summary>
    public const string SummarizedThrough = "cx_summarizedthrough";
    /// <summary>Dimension and key of the one row that holds the watermark.</summary>
    public const string WatermarkKey = "watermark";
}
