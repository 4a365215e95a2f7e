using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace CrmCx.Domain.Nps;

/// <summary>
/// A customer's "day base" (cx_npsdaybase): a compact checkpoint of its whole-day counts through a day, made so that a
/// later rollup needs from the responses only the days after it, the two window edges' days and the days a change
/// touched (<see cref="Roll"/>). Pure and deterministic; encoded as a short invariant text (<see cref="Encode"/>).
/// </summary>
/// <remarks>
/// <para>Two DETAIL zones hold single days: [current edge day, + <see cref="DetailDays"/>] and [previous edge day,
/// + <see cref="DetailDays"/>] of the plan the base was made for; their upper ends stay fixed while the edges move up
/// into them, so the base lasts about a month (then <see cref="Roll"/> says null: exhausted). Every other day is
/// merged into a BUCKET per (region, calendar month), the regions being the history tail [first day, previous edge),
/// the previous window (previous zone, current edge) and the current window (current zone, through]. All days of a
/// bucket are in the same window and month for every plan the base is valid for, so a bucket counts as one virtual day
/// keyed by its first day in <see cref="NpsCalculator.FromDays"/>: the figures are exact; the first day is a lower
/// bound of its oldest response, so <see cref="NpsNextChange.FromDays"/> stays never later than the true change.</para>
/// <para>Only promoters, passives and detractors are kept per entry (what every figure counts), with the newest
/// response instant through the base once (for cx_lastresponseon).</para>
/// </remarks>
public sealed class NpsDayBase
{
    /// <summary>Days each detail zone reaches above the edge it was made at: how long a base lasts.</summary>
    public const int DetailDays = 31;

    private const string Version = "1";
    private const int Tail = 1, Previous = 2, Current = 3;

    private readonly List<NpsDayBaseEntry> entries;

    private NpsDayBase(int windowDays, UtcDay firstDay, UtcDay through, UtcDay currentZoneEnd, UtcDay previousZoneEnd, DateTime? newest, List<NpsDayBaseEntry> entries)
    {
        WindowDays = windowDays;
        FirstDay = firstDay;
        Through = through;
        CurrentZoneEnd = currentZoneEnd;
        PreviousZoneEnd = previousZoneEnd;
        Newest = newest;
        this.entries = entries;
    }

    /// <summary>The window length (days) the base was made for; another one makes it invalid.</summary>
    public int WindowDays { get; }
    /// <summary>The oldest day it covers (a plan needing older days cannot use it).</summary>
    public UtcDay FirstDay { get; }
    /// <summary>The last whole day it counts.</summary>
    public UtcDay Through { get; }
    /// <summary>Its end instant (cx_npsdaybaseend): the start of the day after <see cref="Through"/>.</summary>
    public DateTime End => Through.End;
    /// <summary>The fixed upper end (inclusive) of the current edge's detail zone.</summary>
    public UtcDay CurrentZoneEnd { get; }
    /// <summary>The fixed upper end (inclusive) of the previous edge's detail zone.</summary>
    public UtcDay PreviousZoneEnd { get; }
    /// <summary>The newest response instant through <see cref="End"/>, when known.</summary>
    public DateTime? Newest { get; }
    /// <summary>Its entries (single days and buckets), oldest first.</summary>
    public IReadOnlyList<NpsDayBaseEntry> Entries => entries;

    /// <summary>
    /// The base for a plan from the customer's complete whole-day map (days <see cref="NpsDayPlan.FirstDay"/> to
    /// <see cref="NpsDayPlan.LastWholeDay"/>; absent days have no responses), as the day path holds it.
    /// </summary>
    public static NpsDayBase Create(NpsDayPlan plan, IEnumerable<KeyValuePair<UtcDay, NpsCounts>> wholeDays, DateTime? newest = null)
    {
        if (plan == null) throw new ArgumentNullException(nameof(plan));
        if (wholeDays == null) throw new ArgumentNullException(nameof(wholeDays));
        var days = new SortedDictionary<UtcDay, NpsCounts>();
        foreach (var pair in wholeDays)
        {
            if (pair.Value == null || pair.Key < plan.FirstDay || pair.Key > plan.LastWholeDay) continue;
            newest = Later(newest, pair.Value.Newest);
            NpsCounts? known;
            days[pair.Key] = days.TryGetValue(pair.Key, out known) ? known.Plus(pair.Value) : pair.Value;
        }
        var cze = plan.CurrentEdgeDay.AddDays(DetailDays);
        var pze = plan.PreviousEdgeDay.AddDays(DetailDays);
        return new NpsDayBase(plan.Periods.WindowDays, plan.FirstDay, plan.LastWholeDay, cze, pze, newest, Zone(plan, cze, pze, new List<NpsDayBaseEntry>(), days));
    }

    /// <summary>
    /// The days a read for this plan must bring whole for a customer with a base (besides every response from the
    /// base's end on): the two edge days and the touched days the figures need.
    /// </summary>
    public static SortedSet<UtcDay> ReadDays(NpsDayPlan plan, IEnumerable<DateTime>? touched)
    {
        if (plan == null) throw new ArgumentNullException(nameof(plan));
        var days = new SortedSet<UtcDay> { plan.CurrentEdgeDay, plan.PreviousEdgeDay };
        if (touched != null)
            foreach (var t in touched)
            {
                var day = UtcDay.Of(t);
                if (day >= plan.FirstDay && day <= plan.LastWholeDay) days.Add(day);
            }
        return days;
    }

    /// <summary>
    /// The figures for a later plan from the base plus the customer's responses a read brought (every response from
    /// <see cref="End"/> on, and every response of <see cref="ReadDays"/>; others, brought for another customer, are
    /// ignored except for the last response date), with the next change and the base rolled forward. Null when the
    /// base cannot serve the plan: another window length, a plan not after the base, an edge past its detail zone
    /// (exhausted), a plan needing older days, or a touched day inside a bucket or on the newest response's day.
    /// </summary>
    public NpsDayBaseRoll? Roll(NpsDayPlan plan, IEnumerable<ScoredResponse> responses, IEnumerable<DateTime>? touched = null)
    {
        if (plan == null) throw new ArgumentNullException(nameof(plan));
        if (responses == null) throw new ArgumentNullException(nameof(responses));
        if (plan.Periods.WindowDays != WindowDays || plan.Today <= Through || plan.FirstDay < FirstDay
            || plan.CurrentEdgeDay > CurrentZoneEnd || plan.PreviousEdgeDay > PreviousZoneEnd) return null;
        var again = new HashSet<UtcDay>();
        foreach (var day in ReadDays(plan, touched))
        {
            if (day > Through) continue;
            // A touched day of the base: read again whole, unless merged into a bucket, or the day of the newest
            // response (the change may have removed it, and the next newest is not kept).
            var edge = day == plan.CurrentEdgeDay || day == plan.PreviousEdgeDay;
            if (!edge || Touches(touched, day))
            {
                if (InBucket(day) || (Newest.HasValue && UtcDay.Of(Newest.Value) == day)) return null;
            }
            again.Add(day);
        }
        var kept = new List<NpsDayBaseEntry>();
        foreach (var e in entries)
        {
            if (e.Last < plan.FirstDay || (!e.IsBucket && again.Contains(e.First))) continue;
            if (e.IsBucket && !FitsOneRegion(plan, e)) return null;
            kept.Add(e);
        }

        // The responses: whole days read again or after the base, today, and the edges' parts after the edges.
        var fresh = new SortedDictionary<UtcDay, NpsCounts>();
        NpsCounts today = NpsCounts.None, currentPart = NpsCounts.None, previousPart = NpsCounts.None;
        DateTime? currentOldest = null, previousOldest = null, newest = Newest, baseNewest = Newest;
        var periods = plan.Periods;
        foreach (var r in responses)
        {
            var t = DateTime.SpecifyKind(r.RespondedOn, DateTimeKind.Utc);
            if (t > periods.Now) continue;
            newest = Later(newest, t);
            var day = UtcDay.Of(t);
            if (day < plan.Today) baseNewest = Later(baseNewest, t);
            if (t < End && !again.Contains(day)) continue;
            if (day == plan.Today)
            {
                today = today.Plus(r.Score, 1, t);
                continue;
            }
            NpsCounts? counts;
            fresh[day] = (fresh.TryGetValue(day, out counts) ? counts : NpsCounts.None).Plus(r.Score, 1, null);
            if (!NpsCategories.IsValidScore(r.Score)) continue;
            if (day == plan.CurrentEdgeDay && t > periods.CurrentStart)
            {
                currentPart = currentPart.Plus(r.Score, 1, null);
                currentOldest = Earlier(currentOldest, t);
            }
            if (day == plan.PreviousEdgeDay && t > periods.PreviousStart)
            {
                previousPart = previousPart.Plus(r.Score, 1, null);
                previousOldest = Earlier(previousOldest, t);
            }
        }

        var whole = new Dictionary<UtcDay, NpsCounts>();
        foreach (var e in kept) Add(whole, e.First, e.Counts);
        foreach (var pair in fresh) Add(whole, pair.Key, pair.Value);
        var figures = NpsCalculator.FromDays(plan, whole, today, currentPart, previousPart, newest);
        var next = NpsNextChange.FromDays(plan, whole, today, currentPart, currentOldest, previousPart, previousOldest);
        var rolled = new NpsDayBase(WindowDays, plan.FirstDay, plan.LastWholeDay, CurrentZoneEnd, PreviousZoneEnd, baseNewest,
            Zone(plan, CurrentZoneEnd, PreviousZoneEnd, kept, fresh));
        return new NpsDayBaseRoll(figures, next, rolled);
    }

    /// <summary>"1;w;through;first;current zone end;previous zone end;newest ticks;entries…", days as offsets before through.</summary>
    public string Encode()
    {
        var text = new StringBuilder(32 + entries.Count * 16);
        var inv = CultureInfo.InvariantCulture;
        text.Append(Version).Append(';').Append(WindowDays.ToString(inv)).Append(';').Append(Through.Number.ToString(inv))
            .Append(';').Append(Offset(FirstDay).ToString(inv)).Append(';').Append(Offset(CurrentZoneEnd).ToString(inv))
            .Append(';').Append(Offset(PreviousZoneEnd).ToString(inv)).Append(';');
        if (Newest.HasValue) text.Append(Newest.Value.Ticks.ToString(inv));
        foreach (var e in entries)
        {
            text.Append(';').Append(Offset(e.First).ToString(inv));
            if (e.IsBucket) text.Append('-').Append(Offset(e.Last).ToString(inv));
            text.Append(':').Append(e.Counts.Promoters.ToString(inv)).Append(',').Append(e.Counts.Passives.ToString(inv))
                .Append(',').Append(e.Counts.Detractors.ToString(inv));
        }
        return text.ToString();
    }

    /// <summary>The base a text encodes; null for none, an unknown version or anything malformed (never throws).</summary>
    public static NpsDayBase? Parse(string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        try
        {
            var parts = text!.Split(';');
            if (parts.Length < 7 || parts[0] != Version) return null;
            var windowDays = Int(parts[1]);
            if (windowDays < 1) return null;
            var through = UtcDay.FromNumber(Int(parts[2]));
            var first = through.AddDays(-Int(parts[3]));
            var cze = through.AddDays(-Int(parts[4]));
            var pze = through.AddDays(-Int(parts[5]));
            DateTime? newest = parts[6].Length == 0 ? (DateTime?)null : new DateTime(long.Parse(parts[6], NumberStyles.None, CultureInfo.InvariantCulture), DateTimeKind.Utc);
            if (first > through || (newest.HasValue && newest.Value >= through.End)) return null;
            var list = new List<NpsDayBaseEntry>(parts.Length - 7);
            for (var i = 7; i < parts.Length; i++)
            {
                var colon = parts[i].IndexOf(':');
                if (colon < 0) return null;
                var span = parts[i].Substring(0, colon);
                var dash = span.IndexOf('-', 1);
                var day = through.AddDays(-Int(dash < 0 ? span : span.Substring(0, dash)));
                var last = dash < 0 ? day : through.AddDays(-Int(span.Substring(dash + 1)));
                var counts = parts[i].Substring(colon + 1).Split(',');
                if (counts.Length != 3 || day < first || last > through || last < day) return null;
                if (list.Count > 0 && list[list.Count - 1].Last >= day) return null;
                list.Add(new NpsDayBaseEntry(day, last, dash >= 0, new NpsCounts(Int(counts[0]), Int(counts[1]), Int(counts[2]), null)));
            }
            return new NpsDayBase(windowDays, first, through, cze, pze, newest, list);
        }
        catch (Exception e) when (e is FormatException || e is OverflowException || e is ArgumentException)
        {
            return null;
        }
    }

    private static bool Touches(IEnumerable<DateTime>? touched, UtcDay day)
    {
        if (touched == null) return false;
        foreach (var t in touched)
            if (UtcDay.Of(t) == day) return true;
        return false;
    }

    private bool InBucket(UtcDay day)
    {
        foreach (var e in entries)
            if (e.IsBucket && day >= e.First && day <= e.Last) return true;
        return false;
    }

    // Whether all days of a bucket are in one region under the plan, outside both detail zones.
    private bool FitsOneRegion(NpsDayPlan plan, NpsDayBaseEntry e)
    {
        var region = Region(plan, CurrentZoneEnd, PreviousZoneEnd, e.First);
        return region != 0 && region == Region(plan, CurrentZoneEnd, PreviousZoneEnd, e.Last) && e.First.Month == e.Last.Month
            && !(e.First <= CurrentZoneEnd && e.Last >= plan.CurrentEdgeDay) && !(e.First <= PreviousZoneEnd && e.Last >= plan.PreviousEdgeDay);
    }

    // 0 for a day of a detail zone (a single day), else its region.
    private static int Region(NpsDayPlan plan, UtcDay cze, UtcDay pze, UtcDay day)
    {
        if ((day >= plan.CurrentEdgeDay && day <= cze) || (day >= plan.PreviousEdgeDay && day <= pze)) return 0;
        if (day < plan.PreviousEdgeDay) return Tail;
        return day < plan.CurrentEdgeDay ? Previous : Current;
    }

    /// <summary>The entries for a plan: the kept buckets, and the days (single in a zone, else merged into their bucket).</summary>
    private static List<NpsDayBaseEntry> Zone(NpsDayPlan plan, UtcDay cze, UtcDay pze, List<NpsDayBaseEntry> kept, IEnumerable<KeyValuePair<UtcDay, NpsCounts>> days)
    {
        var result = new List<NpsDayBaseEntry>();
        var buckets = new Dictionary<int, NpsDayBaseEntry>();
        foreach (var e in kept)
        {
            if (e.Last < plan.FirstDay) continue;
            if (!e.IsBucket) Place(plan, cze, pze, e.First, e.Counts, result, buckets);
            else Merge(buckets, Region(plan, cze, pze, e.First), e.First, e.Last, e.Counts);
        }
        foreach (var pair in days)
        {
            if (pair.Key < plan.FirstDay || pair.Key > plan.LastWholeDay || pair.Value.IsEmpty) continue;
            Place(plan, cze, pze, pair.Key, pair.Value, result, buckets);
        }
        result.AddRange(buckets.Values);
        result.Sort((a, b) => a.First.CompareTo(b.First));
        return result;
    }

    private static void Place(NpsDayPlan plan, UtcDay cze, UtcDay pze, UtcDay day, NpsCounts counts, List<NpsDayBaseEntry> singles, Dictionary<int, NpsDayBaseEntry> buckets)
    {
        var region = Region(plan, cze, pze, day);
        var plain = new NpsCounts(counts.Promoters, counts.Passives, counts.Detractors, null);
        if (region == 0) singles.Add(new NpsDayBaseEntry(day, day, false, plain));
        else Merge(buckets, region, day, day, plain);
    }

    private static void Merge(Dictionary<int, NpsDayBaseEntry> buckets, int region, UtcDay first, UtcDay last, NpsCounts counts)
    {
        var key = region * 1000000 + first.Start.Year * 100 + first.Start.Month;
        NpsDayBaseEntry? known;
        buckets[key] = buckets.TryGetValue(key, out known)
            ? new NpsDayBaseEntry(first < known.First ? first : known.First, last > known.Last ? last : known.Last, true, known.Counts.Plus(counts))
            : new NpsDayBaseEntry(first, last, true, new NpsCounts(counts.Promoters, counts.Passives, counts.Detractors, null));
    }

    private static void Add(Dictionary<UtcDay, NpsCounts> whole, UtcDay day, NpsCounts counts)
    {
        NpsCounts? known;
        whole[day] = whole.TryGetValue(day, out known) ? known.Plus(counts) : counts;
    }

    private int Offset(UtcDay day) => (int)(Through.Start - day.Start).TotalDays;

    private static int Int(string text) => int.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);

    private static DateTime? Later(DateTime? a, DateTime? b) => !a.HasValue ? b : !b.HasValue || a.Value >= b.Value ? a : b;

    private static DateTime? Earlier(DateTime? a, DateTime b) => !a.HasValue || b < a.Value ? b : a;
}

/// <summary>One entry of a <see cref="NpsDayBase"/>: a single day, or a bucket of days [First, Last] of one region and month.</summary>
public sealed class NpsDayBaseEntry
{
    /// <summary>Creates the entry.</summary>
    public NpsDayBaseEntry(UtcDay first, UtcDay last, bool isBucket, NpsCounts counts)
    {
        First = first;
        Last = last;
        IsBucket = isBucket;
        Counts = counts ?? throw new ArgumentNullException(nameof(counts));
    }

    /// <summary>Its first day (the key it counts under).</summary>
    public UtcDay First { get; }
    /// <summary>Its last day (the first, for a single day).</summary>
    public UtcDay Last { get; }
    /// <summary>Whether it merges several days.</summary>
    public bool IsBucket { get; }
    /// <summary>Its counts (no newest instant: the base keeps one).</summary>
    public NpsCounts Counts { get; }
}

/// <summary>What <see cref="NpsDayBase.Roll"/> gives: the figures, when time alone next changes them (never later than the truth), and the base for the plan.</summary>
public sealed class NpsDayBaseRoll
{
    /// <summary>Creates the result.</summary>
    public NpsDayBaseRoll(NpsFigures figures, DateTime? nextChange, NpsDayBase next)
    {
        Figures = figures;
        NextChange = nextChange;
        Next = next;
    }

    /// <summary>The figures at the plan's now.</summary>
    public NpsFigures Figures { get; }
    /// <summary>The next change by time alone (without the month start, which the caller adds).</summary>
    public DateTime? NextChange { get; }
    /// <summary>The base rolled forward to the plan (same detail zone ends).</summary>
    public NpsDayBase Next { get; }
}
