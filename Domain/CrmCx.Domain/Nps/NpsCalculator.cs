using System;
using System.Collections.Generic;

namespace CrmCx.Domain.Nps;

/// <summary>
/// Computes a customer's NPS figures from whole-day counts and partial days (<see cref="NpsDayPlan"/>, the rollup's
/// way), or from raw responses for callers that hold them in memory (benchmarks, tests, data migration checks).
/// Pure and deterministic: "now" is part of the periods.
/// </summary>
public static class NpsCalculator
{
    /// <summary>
    /// The figures from whole-day counts and the three partial days of <see cref="NpsDayPlan"/>:
    /// <paramref name="wholeDays"/> are the customer's days from <see cref="NpsDayPlan.FirstDay"/> to yesterday (days
    /// absent have no responses); <paramref name="today"/> counts [start of today, now]; <paramref name="currentEdge"/>
    /// the part of <see cref="NpsDayPlan.CurrentEdgeDay"/> after now − w; <paramref name="previousEdge"/> the part of
    /// <see cref="NpsDayPlan.PreviousEdgeDay"/> after now − 2w. Equal to <see cref="FromResponses"/> over the same
    /// responses (the tests hold it to that).
    /// </summary>
    public static NpsFigures FromDays(
        NpsDayPlan plan,
        IEnumerable<KeyValuePair<UtcDay, NpsCounts>> wholeDays,
        NpsCounts today,
        NpsCounts currentEdge,
        NpsCounts previousEdge,
        DateTime? newestResponse = null)
    {
        if (plan == null) throw new ArgumentNullException(nameof(plan));
        if (wholeDays == null) throw new ArgumentNullException(nameof(wholeDays));
        if (today == null) throw new ArgumentNullException(nameof(today));
        if (currentEdge == null) throw new ArgumentNullException(nameof(currentEdge));
        if (previousEdge == null) throw new ArgumentNullException(nameof(previousEdge));

        var accumulator = new Accumulator(plan.Periods);
        accumulator.AddWindow(accumulator.Current, today);
        accumulator.AddMonth(plan.Today.Month, today);
        foreach (var pair in wholeDays)
        {
            var day = pair.Key;
            var counts = pair.Value;
            if (day < plan.FirstDay || day > plan.LastWholeDay || counts == null) continue;
            // Every response of a past day is in its calendar month, whatever the windows.
            accumulator.AddMonth(day.Month, counts);
            if (day > plan.CurrentEdgeDay)
            {
                accumulator.AddWindow(accumulator.Current, counts);
            }
            else if (day == plan.CurrentEdgeDay)
            {
                accumulator.AddWindow(accumulator.Current, currentEdge);
                accumulator.AddWindow(accumulator.Previous, counts.Minus(currentEdge));
            }
            else if (day > plan.PreviousEdgeDay)
            {
                accumulator.AddWindow(accumulator.Previous, counts);
            }
            else if (day == plan.PreviousEdgeDay)
            {
                accumulator.AddWindow(accumulator.Previous, previousEdge);
            }
        }
        accumulator.Consider(newestResponse);
        return accumulator.ToFigures();
    }

    /// <summary>
    /// The figures from raw responses (each counted in the span its date falls in; later than now or older than every
    /// span only counts for the last response date when not in the future). Linear time, constant memory.
    /// </summary>
    public static NpsFigures FromResponses(NpsPeriods periods, IEnumerable<ScoredResponse> responses)
    {
        if (periods == null) throw new ArgumentNullException(nameof(periods));
        if (responses == null) throw new ArgumentNullException(nameof(responses));
        var accumulator = new Accumulator(periods);
        foreach (var response in responses)
        {
            var t = response.RespondedOn;
            if (t > periods.Now) continue;
            accumulator.Consider(t);
            int[]? window = null;
            if (periods.InCurrent(t)) window = accumulator.Current;
            else if (periods.InPrevious(t)) window = accumulator.Previous;
            else if (!periods.InHistoryTail(t)) continue;
            accumulator.Add(response.Score, YearMonth.Of(t), 1, window);
        }
        return accumulator.ToFigures();
    }

    private sealed class Accumulator
    {
        private readonly NpsPeriods periods;
        private readonly YearMonth firstMonth;
        // Per history month: counts of promoters, passives, detractors.
        private readonly int[,] months = new int[NpsPeriods.HistoryMonthCount, 3];
        private DateTime? newest;

        public Accumulator(NpsPeriods periods)
        {
            this.periods = periods;
            firstMonth = periods.HistoryMonths[0];
        }

        // Counts of promoters, passives, detractors in each window.
        public int[] Current { get; } = new int[3];
        public int[] Previous { get; } = new int[3];

        public void Consider(DateTime? respondedOn)
        {
            if (respondedOn.HasValue && (!newest.HasValue || respondedOn.Value > newest.Value)) newest = respondedOn;
        }

        public void AddWindow(int[] window, NpsCounts counts)
        {
            Consider(counts.Newest);
            window[0] += counts.Promoters;
            window[1] += counts.Passives;
            window[2] += counts.Detractors;
        }

        public void AddMonth(YearMonth month, NpsCounts counts)
        {
            Consider(counts.Newest);
            var index = (month.Year - firstMonth.Year) * 12 + (month.Month - firstMonth.Month);
            if (index < 0 || index >= NpsPeriods.HistoryMonthCount) return;
            months[index, 0] += counts.Promoters;
            months[index, 1] += counts.Passives;
            months[index, 2] += counts.Detractors;
        }

        public void Add(int score, YearMonth month, int count, int[]? window)
        {
            if (!NpsCategories.IsValidScore(score) || count == 0) return;
            var category = score >= 9 ? 0 : score >= 7 ? 1 : 2;
            if (window != null) window[category] += count;
            var index = (month.Year - firstMonth.Year) * 12 + (month.Month - firstMonth.Month);
            if (index >= 0 && index < NpsPeriods.HistoryMonthCount) months[index, category] += count;
        }

        public NpsFigures ToFigures()
        {
            var history = new List<NpsMonth>(NpsPeriods.HistoryMonthCount);
            for (var i = 0; i < NpsPeriods.HistoryMonthCount; i++)
            {
                var n = months[i, 0] + months[i, 1] + months[i, 2];
                history.Add(new NpsMonth(periods.HistoryMonths[i], NpsMath.Score(months[i, 0], months[i, 2], n), n));
            }
            return new NpsFigures(
                periods.Now,
                new NpsTally(Current[0], Current[1], Current[2]),
                new NpsTally(Previous[0], Previous[1], Previous[2]),
                history,
                newest);
        }
    }
}
