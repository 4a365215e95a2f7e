using System;
using System.Collections.Generic;
using System.Linq;

namespace CrmCx.Domain.Drivers;

/// <summary>A case or activity of a journey, as attribution needs it.</summary>
public sealed class DriverTouchpoint
{
    /// <summary>Creates the touchpoint.</summary>
    public DriverTouchpoint(Guid id, Guid journey, int? stage, DateTime? actualEnd, DateTime createdOn, Guid? owner)
    {
        Id = id;
        Journey = journey;
        Stage = stage;
        // Issue 15: a touchpoint's time is its actual end, else its creation.
        Time = actualEnd ?? createdOn;
        Owner = owner;
    }

    /// <summary>Row id (breaks ties between touchpoints of the same instant, so attribution is deterministic).</summary>
    public Guid Id { get; }
    /// <summary>The journey.</summary>
    public Guid Journey { get; }
    /// <summary>The stage it happened in, if any.</summary>
    public int? Stage { get; }
    /// <summary>Actual end, else creation (UTC).</summary>
    public DateTime Time { get; }
    /// <summary>The owning user (null when a team owns it or the owner is unknown).</summary>
    public Guid? Owner { get; }
}

/// <summary>Who and how many contacts a response on a journey is attributed to.</summary>
public sealed class DriverAttribution
{
    private DriverAttribution(Guid? owner, int contacts)
    {
        Owner = owner;
        Contacts = contacts;
    }

    /// <summary>The owner of the latest touchpoint of the same journey and stage at or before the response; null when there is none.</summary>
    public Guid? Owner { get; }
    /// <summary>Touchpoints of the journey (any stage) at or before the response.</summary>
    public int Contacts { get; }

    /// <summary>
    /// Attributes a response of <paramref name="journey"/> at <paramref name="stage"/> answered at
    /// <paramref name="respondedOn"/>, among <paramref name="touchpoints"/> (others' are ignored). Ties in time go
    /// to the greater row id, so the same rows always give the same owner.
    /// </summary>
    public static DriverAttribution Of(Guid journey, int? stage, DateTime respondedOn, IEnumerable<DriverTouchpoint> touchpoints)
    {
        if (touchpoints == null) throw new ArgumentNullException(nameof(touchpoints));
        var before = touchpoints.Where(t => t.Journey == journey && t.Time <= respondedOn).ToList();
        var latest = stage.HasValue
            ? before.Where(t => t.Stage == stage).OrderByDescending(t => t.Time).ThenByDescending(t => t.Id).FirstOrDefault()
            : null;
        return new DriverAttribution(latest?.Owner, before.Count);
    }

    /// <summary>The key of a contacts band: "0", "1", "2-3" or "4+".</summary>
    public static string ContactsBand(int contacts) =>
        contacts <= 0 ? "0" : contacts == 1 ? "1" : contacts <= 3 ? "2-3" : "4+";

    /// <summary>The key of an effort band: "low" for cx_effort 1–3, "high" for 5–7, null for 4 or none.</summary>
    public static string? EffortBand(int? effort) =>
        !effort.HasValue ? null : effort.Value <= 3 ? "low" : effort.Value >= 5 ? "high" : null;
}
