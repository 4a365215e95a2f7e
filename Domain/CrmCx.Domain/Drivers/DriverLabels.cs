using System.Globalization;
using CrmCx.Domain.Choices;

namespace CrmCx.Domain.Drivers;

/// <summary>English labels of the dimension values that are not rows of the organization (stages, channels, bands).</summary>
public static class DriverLabels
{
    /// <summary>The label of a stage, channel, contacts or effort key; null for owners and business units (their names are rows).</summary>
    public static string? Of(DriverDimension dimension, string key)
    {
        int value;
        switch (dimension)
        {
            case DriverDimension.Stage:
                return int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out value) ? JourneyStages.Find(value)?.Label ?? key : key;
            case DriverDimension.Channel:
                return int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out value) ? ChannelLabel((Channel)value) ?? key : key;
            case DriverDimension.Contacts:
                return key == "1" ? "1 contact" : key == "0" ? "no contact yet" : key + " contacts";
            case DriverDimension.Effort:
                return key == "low" ? "score 1–3 (hard)" : key == "high" ? "score 5–7 (easy)" : key;
            default:
                return null;
        }
    }

    private static string? ChannelLabel(Channel channel)
    {
        switch (channel)
        {
            case Channel.Phone: return "Phone";
            case Channel.Email: return "Email";
            case Channel.Web: return "Web";
            case Channel.FieldVisit: return "Field visit";
            case Channel.Chat: return "Chat";
            case Channel.Store: return "Store";
            case Channel.Social: return "Social";
            case Channel.Survey: return "Survey";
            case Channel.Other: return "Other";
            default: return null;
        }
    }
}
