using System;

namespace CrmCx.Domain.Risk;

/// <summary>
/// When a journey's risk next changes with no new data: the earliest instant strictly after now at which
/// <see cref="JourneyRiskEngine.Assess"/> gives another answer, or null when time alone never changes it.
/// </summary>
/// <remarks>
/// <para>Why: the risk rollup runs when a response or touchpoint changes, but an open journey also ages, and a quiet
/// journey is exactly the one nobody touches. A scheduler that reassesses it at this instant keeps its risk true.</para>
/// <para>The duration rule is the engine's only rule that reads now (the others read the figures, and the repeat
/// rule compares touchpoints with each other). It fires when <see cref="JourneyRiskEngine.OpenDays"/>, the whole
/// 24-hour days since the start (floored, never below 0), is greater than the type's expected days E, so AT
/// start + (E + 1) × 24 h, not at start + E days. A closed journey stops ageing (its end is its completion), and
/// one without a start never fires. Each instant is checked against <see cref="JourneyRiskEngine.OpenDays"/>
/// itself, so it matches the engine to the tick on every framework, whatever the rounding of TimeSpan.TotalDays.</para>
/// </remarks>
public static class JourneyNextChange
{
    // The floored double of TotalDays can put the day boundary a tick or so off the exact tick count; a few steps correct it.
    private const int MaxTickCorrection = 64;

    /// <summary>
    /// The earliest instant after now at which a rule that reads now starts firing (the score, the level and the rules
    /// can then change); null for a closed journey, one without a start, or one whose duration rule already fires.
    /// </summary>
    public static DateTime? NextRuleChange(JourneyRiskInput input, DateTime now, JourneyRiskOptions? options = null)
    {
        if (input == null) throw new ArgumentNullException(nameof(input));
        var expected = (options ?? JourneyRiskOptions.Default).ExpectedDaysFor(input.Type);
        var open = Ageing(input, now);
        // Once it fires it keeps firing: an open journey only gets older.
        if (!open.HasValue || open.Value > expected) return null;
        return FirstInstantOpen(input, expected + 1);
    }

    /// <summary>
    /// The earliest instant after now at which anything the assessment writes changes, including the day count of a
    /// duration reason that already fires ("Open 104 days" becomes "Open 105 days" every 24 hours); null for a closed
    /// journey or one without a start.
    /// </summary>
    public static DateTime? NextAssessmentChange(JourneyRiskInput input, DateTime now, JourneyRiskOptions? options = null)
    {
        if (input == null) throw new ArgumentNullException(nameof(input));
        var expected = (options ?? JourneyRiskOptions.Default).ExpectedDaysFor(input.Type);
        var open = Ageing(input, now);
        if (!open.HasValue) return null;
        // Until the rule fires its day count is not written: the next change is the firing; after, every new whole day.
        return FirstInstantOpen(input, Math.Max(open.Value, expected) + 1);
    }

    // Whole days open at now, for a journey that still ages; null when time changes nothing.
    private static int? Ageing(JourneyRiskInput input, DateTime now) =>
        input.IsOpen && input.StartedOn.HasValue ? JourneyRiskEngine.OpenDays(input, now) : null;

    // The first instant at which the engine counts at least that many whole days open; null past the last instant.
    private static DateTime? FirstInstantOpen(JourneyRiskInput input, int days)
    {
        var start = input.StartedOn!.Value.Ticks;
        var span = days * TimeSpan.TicksPerDay;
        if (start > DateTime.MaxValue.Ticks - span - MaxTickCorrection) return null;
        var ticks = start + span;
        // OpenDays grows with now, so step to the first tick at which it has reached the count.
        for (var i = 0; i < MaxTickCorrection && Open(input, ticks) < days; i++) ticks++;
        for (var i = 0; i < MaxTickCorrection && Open(input, ticks - 1) >= days; i++) ticks--;
        return new DateTime(ticks, DateTimeKind.Utc);
    }

    private static int Open(JourneyRiskInput input, long ticks) => JourneyRiskEngine.OpenDays(input, new DateTime(ticks, DateTimeKind.Utc)) ?? 0;
}
