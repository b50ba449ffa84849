using System.Numerics;
using System.Runtime.CompilerServices;

namespace Sarc.Statistics.Survival;

/// <summary>
/// Right-censored data tabulated instead of sorted: the distinct times ascending (near-equal times merged when
/// asked) and, per time and group, the numbers of events and of censorings. Everything a Kaplan-Meier report
/// computes depends on the rows only through these counts, so when there are far fewer distinct times than rows
/// (times in whole days or to 0.01 month) this replaces the sort of every row by one hashing pass.
/// </summary>
/// <remarks>
/// Built by <see cref="TryCreate"/>: one pass over the rows puts each time into an open-addressing hash table keyed
/// by its bits (-0.0 as +0.0) and counts (time, group, status); only the distinct times are then sorted, merged as
/// <see cref="TimeFix.MergeSorted"/> merges them (it looks at distinct values only, so the result is the same) and
/// their counts added up. Gives up (null) when the distinct times exceed a quarter of the rows: then the radix sort
/// of <see cref="SortedSurvivalData"/> is the better tool, and the table stays small whenever it is used.
/// The kernels on the table (<see cref="KaplanMeier"/>, <see cref="LogRankTest"/>) perform the arithmetic of their
/// row-sorted versions in the same order, so the results are the same doubles; the tests hold them to that.
/// </remarks>
internal sealed class SurvivalTable
{
    private SurvivalTable(double[] time, int[] events, int[] censored, int groupCount, int[] groupSize, int mergedTimes)
    {
        Time = time;
        Events = events;
        Censored = censored;
        GroupCount = groupCount;
        GroupSize = groupSize;
        MergedTimes = mergedTimes;
    }

    /// <summary>More groups than this are left to the sort: the counts would outgrow the rows.</summary>
    private const int MaxGroupCount = 256;

    /// <summary>Distinct times, ascending.</summary>
    public double[] Time { get; }

    /// <summary>Events at time k in group g at [k * GroupCount + g].</summary>
    public int[] Events { get; }

    /// <summary>Censorings, same layout as <see cref="Events"/>.</summary>
    public int[] Censored { get; }

    public int GroupCount { get; }

    /// <summary>Rows in each group.</summary>
    public int[] GroupSize { get; }

    /// <summary>Rows in all.</summary>
    public int RowCount => Time.Length == 0 ? 0 : GroupSize.Sum();

    /// <summary>Distinct times merged into a smaller one by the time fix.</summary>
    public int MergedTimes { get; }

    /// <summary>From this many rows the two halves are counted at the same time (on two cores), then added up.</summary>
    private const int ParallelRows = 1 << 17;

    /// <summary>
    /// Tabulates the rows, or returns null when they have more than a quarter as many distinct times as rows.
    /// Preconditions (checked by the caller, as for <see cref="SortedSurvivalData.Create"/>): times finite and
    /// non-negative, group codes in [0, groupCount) or <paramref name="group"/> empty for one group. From
    /// <see cref="ParallelRows"/> rows each half of the rows is counted on its own thread and the counts added: they
    /// are integers, so the table is the same whichever way the rows are split.
    /// </summary>
    public static SurvivalTable? TryCreate(double[] time, bool[] status, int[] group, int groupCount, bool mergeNearEqualTimes)
    {
        var n = time.Length;
        var limit = n / 4;
        if (limit == 0 || groupCount > MaxGroupCount)
        {
            return null;
        }
        Tally? tally;
        if (n >= ParallelRows && Environment.ProcessorCount > 1)
        {
            var half = n / 2;
            var second = Task.Run(() => Tally.Count(time, status, group, groupCount, limit, half, n));
            tally = Tally.Count(time, status, group, groupCount, limit, 0, half);
            var other = second.GetAwaiter().GetResult();
            if (tally is null || other is null || !tally.TryAdd(other))
            {
                return null;
            }
        }
        else
        {
            tally = Tally.Count(time, status, group, groupCount, limit, 0, n);
        }
        return tally is null ? null : tally.Table(mergeNearEqualTimes);
    }

    /// <summary>Counts of (distinct time, group, status) over some rows, in an open-addressing table keyed by the time's bits.</summary>
    private sealed class Tally
    {
        private readonly int groupCount;
        private readonly int limit;
        private ulong[] keys = new ulong[1024];
        private int[] slotOf = new int[1024];
        private int capacity = 1024;
        private int distinct;
        // counts[(slot * groupCount + g) * 2 + status]
        private int[] counts;

        private Tally(int groupCount, int limit)
        {
            this.groupCount = groupCount;
            this.limit = limit;
            counts = new int[Math.Min(limit, 512) * groupCount * 2];
            GroupSize = new int[groupCount];
        }

        public int[] GroupSize { get; }

        /// <summary>The counts of rows [from, to), or null when they have more than <paramref name="limit"/> distinct times.</summary>
        public static Tally? Count(double[] time, bool[] status, int[] group, int groupCount, int limit, int from, int to)
        {
            var tally = new Tally(groupCount, limit);
            var grouped = group.Length > 0;
            var groupSize = tally.GroupSize;
            for (var i = from; i < to; i++)
            {
                var slot = tally.SlotOf(time[i]);
                if (slot < 0)
                {
                    return null;
                }
                var g = grouped ? group[i] : 0;
                groupSize[g]++;
                tally.counts[(slot * groupCount + g) * 2 + (status[i] ? 1 : 0)]++;
            }
            return tally;
        }

        /// <summary>Adds the counts of <paramref name="other"/>; false when the distinct times together exceed the limit.</summary>
        public bool TryAdd(Tally other)
        {
            var width = groupCount * 2;
            for (var h = 0; h < other.capacity; h++)
            {
                if (other.keys[h] == 0)
                {
                    continue;
                }
                var slot = SlotOf(BitConverter.UInt64BitsToDouble(other.keys[h] - 1));
                if (slot < 0)
                {
                    return false;
                }
                var from = other.slotOf[h] * width;
                for (var c = 0; c < width; c++)
                {
                    counts[slot * width + c] += other.counts[from + c];
                }
            }
            for (var g = 0; g < groupCount; g++)
            {
                GroupSize[g] += other.GroupSize[g];
            }
            return true;
        }

        /// <summary>The table: distinct times sorted (and merged as the time fix merges them), their counts added up.</summary>
        public SurvivalTable Table(bool mergeNearEqualTimes)
        {
            var values = new double[distinct];
            var slots = new int[distinct];
            for (var h = 0; h < capacity; h++)
            {
                if (keys[h] != 0)
                {
                    values[slotOf[h]] = BitConverter.UInt64BitsToDouble(keys[h] - 1);
                    slots[slotOf[h]] = slotOf[h];
                }
            }
            Array.Sort(values, slots);
            var merged = mergeNearEqualTimes ? TimeFix.MergeSorted(values) : 0;
            var rows = distinct - merged;
            var times = new double[rows];
            var events = new int[rows * groupCount];
            var censored = new int[rows * groupCount];
            for (int k = 0, r = -1; k < distinct; k++)
            {
                if (k == 0 || values[k] != values[k - 1])
                {
                    r++;
                    times[r] = values[k];
                }
                var from = slots[k] * groupCount * 2;
                for (var g = 0; g < groupCount; g++)
                {
                    censored[r * groupCount + g] += counts[from + g * 2];
                    events[r * groupCount + g] += counts[from + g * 2 + 1];
                }
            }
            return new SurvivalTable(times, events, censored, groupCount, GroupSize, merged);
        }

        // The slot of time t (a new one if it is new), or -1 when a new one would pass the limit.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private int SlotOf(double t)
        {
            unchecked
            {
                var key = t == 0 ? 0UL : BitConverter.DoubleToUInt64Bits(t);
                // Empty table entries hold slot 0 with key 0, so the key is stored as key + 1 (keys are below 2^63).
                var stored = key + 1;
                var mask = capacity - 1;
                var h = Slot(key, capacity);
                while (keys[h] != stored && keys[h] != 0)
                {
                    h = (h + 1) & mask;
                }
                return keys[h] != 0 ? slotOf[h] : Insert(h, stored);
            }
        }

        private int Insert(int h, ulong stored)
        {
            unchecked
            {
                if (distinct == limit)
                {
                    return -1;
                }
                var slot = distinct++;
                keys[h] = stored;
                slotOf[h] = slot;
                if ((slot + 1) * groupCount * 2 > counts.Length)
                {
                    Array.Resize(ref counts, Math.Min(counts.Length * 2, limit * groupCount * 2));
                }
                if (distinct * 2 > capacity)
                {
                    (keys, slotOf, capacity) = Grow(keys, slotOf, capacity);
                }
                return slot;
            }
        }
    }

    private static (ulong[] Keys, int[] Slots, int Capacity) Grow(ulong[] keys, int[] slotOf, int capacity)
    {
        var larger = capacity * 2;
        var mask = larger - 1;
        var newKeys = new ulong[larger];
        var newSlots = new int[larger];
        for (var h = 0; h < capacity; h++)
        {
            if (keys[h] != 0)
            {
                var at = Slot(keys[h] - 1, larger);
                while (newKeys[at] != 0)
                {
                    at = (at + 1) & mask;
                }
                newKeys[at] = keys[h];
                newSlots[at] = slotOf[h];
            }
        }
        return (newKeys, newSlots, larger);
    }

    // Fibonacci hashing: the top bits of key × 2^64/φ depend on every bit of the key (a double's low bits are
    // often all zero, and its exponent sits at the top).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Slot(ulong key, int capacity) =>
        unchecked((int)((key * 0x9E3779B97F4A7C15UL) >> (64 - BitOperations.Log2((uint)capacity))));
}
