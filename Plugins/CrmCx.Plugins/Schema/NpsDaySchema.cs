namespace CrmCx.Schema;

/// <summary>
/// Logical names of cx_npsday: one row per customer (account or contact) and UTC day that sums that day's survey
/// responses by NPS category. An addition to data-model.md: Dataverse refuses aggregates over more than 50,000 rows,
/// so the NPS rollup reads whole past days from these rows and only the window edges and today from the responses.
/// </summary>
public static class NpsDaySchema
{
    /// <summary>Logical name of the table.</summary>
    public const string EntityName = "cx_npsday";
    /// <summary>Primary key column.</summary>
    public const string Id = "cx_npsdayid";
    /// <summary>Text 100, primary name: the customer's table and the day, e.g. "account 2026-11-22".</summary>
    public const string Name = "cx_name";
    /// <summary>Text 100, the alternate key: "account:{id}:yyyyMMdd" or "contact:{id}:yyyyMMdd"; keeps one row per customer and day.</summary>
    public const string Key = "cx_key";
    /// <summary>Name of the alternate key on <see cref="Key"/>.</summary>
    public const string KeyName = "cx_npsday_key";
    /// <summary>Lookup account: set when the row counts an account's responses (exactly one of account and contact is set).</summary>
    public const string Account = "cx_accountid";
    /// <summary>Lookup contact: set when the row counts a contact's responses.</summary>
    public const string Contact = "cx_contactid";
    /// <summary>Whole number yyyyMMdd: the UTC day of cx_respondedon.</summary>
    public const string Day = "cx_day";
    /// <summary>Whole number: responses of the day scored 9–10.</summary>
    public const string Promoters = "cx_promoters";
    /// <summary>Whole number: responses of the day scored 7–8.</summary>
    public const string Passives = "cx_passives";
    /// <summary>Whole number: responses of the day scored 0–6.</summary>
    public const string Detractors = "cx_detractors";
    /// <summary>Date and time: the newest cx_respondedon of the day.</summary>
    public const string LastResponseOn = "cx_lastresponseon";
}
