namespace CrmCx.Schema;

/// <summary>The in-app notification table (dataverse-reference.md §6.1).</summary>
public static class AppNotificationSchema
{
    /// <summary>Logical name of the in-app notification table.</summary>
    public const string EntityName = "appnotification";
    /// <summary>Title shown in the notification.</summary>
    public const string Title = "title";
    /// <summary>Body text (markdown).</summary>
    public const string Body = "body";
    /// <summary>Recipient (one row per recipient).</summary>
    public const string Owner = "ownerid";
    /// <summary>Icon choice.</summary>
    public const string IconType = "icontype";
    /// <summary>Toast behaviour choice.</summary>
    public const string ToastType = "toasttype";
    /// <summary>Expiry in seconds.</summary>
    public const string TtlInSeconds = "ttlinseconds";
    /// <summary>JSON with the markdown body and actions (at most 5,000 characters).</summary>
    public const string Data = "data";
    /// <summary>IconType value Warning.</summary>
    public const int IconWarning = 100000003;
    /// <summary>ToastType value Timed (shown about four seconds).</summary>
    public const int ToastTimed = 200000000;
}
