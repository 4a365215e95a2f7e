using System;
using System.Collections.Generic;

namespace CrmCx.Domain.Drivers;

/// <summary>What cx_GetDrivers splits the responses by.</summary>
public enum DriverDimension
{
    /// <summary>The response's journey stage (responses on a journey stage only).</summary>
    Stage,
    /// <summary>The response's channel (responses with a channel only).</summary>
    Channel,
    /// <summary>The owner of the latest touchpoint of the same journey and stage at or before the response.</summary>
    Owner,
    /// <summary>That owner's business unit.</summary>
    BusinessUnit,
    /// <summary>Touchpoints of the response's journey at or before it: 0, 1, 2–3, 4+ (issue 15 item 3).</summary>
    Contacts,
    /// <summary>cx_effort 1–3 ("low") against 5–7 ("high"); 4 and no effort are left out (issue 15 item 3).</summary>
    Effort,
}

/// <summary>The request names of the dimensions and their parsing.</summary>
public static class DriverDimensions
{
    /// <summary>Every dimension, in the order the summaries are written.</summary>
    public static IReadOnlyList<DriverDimension> All { get; } = new[]
    {
        DriverDimension.Stage, DriverDimension.Channel, DriverDimension.Owner, DriverDimension.BusinessUnit, DriverDimension.Contacts, DriverDimension.Effort,
    };

    /// <summary>The name a request passes (stage, channel, owner, businessunit, contacts, effort).</summary>
    public static string Name(DriverDimension dimension)
    {
        switch (dimension)
        {
            case DriverDimension.Stage: return "stage";
            case DriverDimension.Channel: return "channel";
            case DriverDimension.Owner: return "owner";
            case DriverDimension.BusinessUnit: return "businessunit";
            case DriverDimension.Contacts: return "contacts";
            default: return "effort";
        }
    }

    /// <summary>The dimension a request names; anything else is refused naming the parameter and the accepted values.</summary>
    public static DriverDimension Parse(string? value)
    {
        var text = (value ?? string.Empty).Trim().ToLowerInvariant();
        foreach (var dimension in All)
            if (Name(dimension) == text) return dimension;
        throw new ArgumentException("Dimension must be one of stage, channel, owner, businessunit, contacts, effort; got " +
            (value == null ? "nothing" : "\"" + value + "\"") + ".", nameof(value));
    }
}
