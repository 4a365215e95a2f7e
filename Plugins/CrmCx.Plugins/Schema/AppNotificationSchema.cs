namespace CrmCx.Schema
{
    /// <summary>The in-app notification table (dataverse-reference.md §6.1).</summary>
    public static class AppNotificationSchema
    {
        public const string EntityName = "appnotification";
        public const string Title = "title";
        public const string Body = "body";
        public const string Owner = "ownerid";
        public const string IconType = "icontype";
        public const string ToastType = "toasttype";
        public const string TtlInSeconds = "ttlinseconds";
        public const string Data = "data";
        public const int IconWarning = 100000003;
        public const int ToastTimed = 200000000;
    }
}
