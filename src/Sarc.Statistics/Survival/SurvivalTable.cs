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

    /// <summary>
    /// Tabulates the rows, or returns null when they have more than a quarter as many distinct times as rows.
    /// Preconditions (checked by the caller, as for <see cref="SortedSurvivalData.Create"/>): times finite and
    /// non-negative, group codes in [0, groupCount) or <paramref name="group"/> empty for one group.
    /// </summary>
    // No AggressiveOptimization: that would keep the method out of the ReadyToRun image and jit it at every start.
    public static SurvivalTable? TryCreate(ReadOnlySpan<double> time, ReadOnlySpan<bool> status, ReadOnlySpan<int> group,
        int groupCount, bool mergeNearEqualTimes)
    {
        unchecked
        {
            var n = time.Length;
            var limit = n / 4;
            if (limit == 0 || groupCount > MaxGroupCount)
            {
                return null;
            }
            var grouped = !group.IsEmpty;
            // Slots: a power of two at least twice the distinct times allowed, at most 2^21; grown as times arrive.
            var capacity = 1024;
            var keys = new ulong[capacity];
            var slotOf = new int[capacity];
            var distinct = 0;
            // counts[(slot * groupCount + g) * 2 + status]
            var counts = new int[Math.Min(limit, 512) * groupCount * 2];
            var groupSize = new int[groupCount];
            for (var i = 0; i < n; i++)
            {
                var t = time[i];
                var key = t == 0 ? 0UL : BitConverter.DoubleToUInt64Bits(t);
                // Empty table entries hold slot 0 with key 0, so the key is stored as key + 1 (keys are below 2^63).
                var stored = key + 1;
                var mask = capacity - 1;
                var h = Slot(key, capacity);
                while (keys[h] != stored && keys[h] != 0)
                {
                    h = (h + 1) & mask;
                }
                int slot;
                if (keys[h] == 0)
                {
                    if (distinct == limit)
                    {
                        return null;
                    }
                    slot = distinct++;
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
                }
                else
                {
                    slot = slotOf[h];
                }
                var g = grouped ? group[i] : 0;
                groupSize[g]++;
                counts[(slot * groupCount + g) * 2 + (status[i] ? 1 : 0)]++;
            }

            // The distinct times in ascending order, and which slot each is.
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
            return new SurvivalTable(times, events, censored, groupCount, groupSize, merged);
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
