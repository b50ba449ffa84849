using System.Buffers;
using System.Runtime.CompilerServices;
namespace Sarc.Statistics.Survival;

/// <summary>
/// Harrell's C of a Cox model as R's <c>concordancefit(y, lp, strata, reverse = TRUE, timewt = "n")</c>.
/// Inputs: start (-infinity for right-censored data), stop, status, stratum and linear predictor per row, any order.
/// A pair is comparable when row i has an event at t and row j, in the same stratum, is at risk at t
/// (start &lt; t) and outlives it: stop &gt; t, or censored at t. Tied event times are not comparable (tied.y).
/// Concordant: the earlier event has the larger lp; tied lp counts one half.
/// Output: (concordant + tied/2) / (concordant + discordant + tied).
/// </summary>
internal static class CoxConcordance
{
    /// <summary>Any row order: sorts, then <see cref="ComputeSorted"/>.</summary>
    public static double Compute(double[] start, double[] stop, double[] status, int[] strata, double[] lp, bool countingProcess, int[]? stopOrder = null)
    {
        var n = stop.Length;
        var all = Enumerable.Range(0, n).ToArray();
        var byStop = stopOrder ?? CoxPrepared.SortByStratumThenDescending(stop, strata, all);
        var position = new int[n];
        var sortedStop = new double[n];
        var dead = new bool[n];
        var sortedLp = new double[n];
        var ends = new List<int>();
        for (var r = 0; r < n; r++)
        {
            var i = byStop[r];
            position[i] = r;
            sortedStop[r] = stop[i];
            dead[r] = status[i] != 0;
            sortedLp[r] = lp[i];
            if (r > 0 && strata[i] != strata[byStop[r - 1]])
            {
                ends.Add(r);
            }
        }
        ends.Add(n);
        int[]? byStart = null;
        var startSorted = Array.Empty<double>();
        if (countingProcess)
        {
            byStart = CoxPrepared.SortByStratumThenDescending(start, strata, all);
            startSorted = byStart.Select(i => start[i]).ToArray();
            for (var q = 0; q < n; q++)
            {
                byStart[q] = position[byStart[q]];
            }
        }
        return ComputeSorted(sortedStop, dead, ends.ToArray(), sortedLp, byStart, startSorted);
    }

    /// <summary>
    /// O(n log n): per stratum, a backward sweep over time with a Fenwick tree of counts over lp ranks.
    /// Inputs, all in one order: rows by stratum, then stop descending (<paramref name="stratumEnd"/>: the end of each
    /// stratum's rows); for counting-process data <paramref name="byStart"/> lists the same rows by stratum, then
    /// start descending, with those starts in <paramref name="startSorted"/> (null for right-censored data).
    /// A large right-censored stratum is cut at an event-free time boundary into a later part A and an earlier part
    /// B, counted side by side: A on its own, B on its own plus, for each of B's deaths, every row of A (all of
    /// them outlive it) through a table of A's ranks. Counts are integers: the same result in any schedule. Strata
    /// (and lp arrays, sorted in two halves) of at least <c>parallelRows</c> rows are split; the tests lower it.
    /// </summary>
    public static double ComputeSorted(
        double[] stop, bool[] dead, int[] stratumEnd, double[] lp, int[]? byStart, double[] startSorted, int parallelRows = ParallelRows)
    {
        var rank = Ranks(lp, parallelRows, out var unique);
        // Fenwick trees and per-rank counts, cleared after each stratum; the second pair for a stratum cut in two.
        var trees = new Fenwick[2];
        Fenwick Tree(int k) => trees[k] ??= new Fenwick(unique);
        var total = new Counts();
        var lo = 0;
        foreach (var hi in stratumEnd)
        {
            var mid = byStart is null && hi - lo >= parallelRows ? Cut(stop, lo, hi) : hi;
            if (mid < hi)
            {
                var (first, second) = (Tree(0), Tree(1));
                Counts later = default, earlier = default;
                Parallel.Invoke(
                    () => later = Sweep(stop, dead, lo, mid, rank, first, null, []),
                    () => earlier = Sweep(stop, dead, mid, hi, rank, second, null, []) + Across(dead, lo, mid, hi, rank, unique));
                total += later + earlier;
            }
            else
            {
                total += Sweep(stop, dead, lo, hi, rank, Tree(0), byStart, startSorted);
            }
            lo = hi;
        }
        double pairs = total.Concordant + total.Discordant + total.Tied;
        return (total.Concordant + total.Tied / 2.0) / pairs;
    }

    /// <summary>Strata at least this large are counted in two parts side by side, lp arrays sorted in two halves.</summary>
    internal const int ParallelRows = 1 << 15;

    /// <summary>Comparable pairs by outcome.</summary>
    private readonly record struct Counts(long Concordant, long Discordant, long Tied)
    {
        public static Counts operator +(Counts a, Counts b) => new(a.Concordant + b.Concordant, a.Discordant + b.Discordant, a.Tied + b.Tied);
    }

    /// <summary>A Fenwick tree over the ranks and the count at each rank.</summary>
    private sealed class Fenwick(int unique)
    {
        public int[] Tree { get; } = new int[unique + 1];

        public int[] Count { get; } = new int[unique];

        /// <summary>Whether a stratum has filled it (to be cleared before the next).</summary>
        public bool Used { get; set; }
    }

    /// <summary>A position near the middle of [lo, hi) where the stop time changes (hi when there is none).</summary>
    private static int Cut(double[] stop, int lo, int hi)
    {
        var mid = lo + (hi - lo) / 2;
        while (mid < hi && stop[mid] == stop[mid - 1])
        {
            mid++;
        }
        return mid;
    }

    /// <summary>The pairs of one stratum's rows [lo, hi) among themselves (byStart: that stratum's removal order, or null).</summary>
    // Hot loop: jitted fully optimized at first call. ReadyToRun code cannot inline across assemblies (Span
    // helpers stay calls) and a method called a few times is never re-jitted, so the precompiled loop would stay slow.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Counts Sweep(double[] stop, bool[] dead, int lo, int hi, int[] rank, Fenwick fenwick, int[]? byStart, double[] startSorted)
    {
        if (fenwick.Used)
        {
            Array.Clear(fenwick.Tree);
            Array.Clear(fenwick.Count);
        }
        fenwick.Used = true;
        var tree = fenwick.Tree;
        var count = fenwick.Count;
        long concordant = 0, discordant = 0, tied = 0;
        var inTree = 0;
        var add = lo;
        var remove = lo;
        while (add < hi)
        {
            var t = stop[add];
            var end = add;
            while (end < hi && stop[end] == t)
            {
                end++;
            }
            // Censored at t outlive the events at t: they enter first.
            for (var r = add; r < end; r++)
            {
                if (!dead[r])
                {
                    Update(tree, rank[r], +1);
                    count[rank[r]]++;
                    inTree++;
                }
            }
            if (byStart is not null)
            {
                for (; remove < hi && startSorted[remove] >= t; remove++)
                {
                    // stop > start >= t, so the row entered the tree at its own stop time.
                    var r = byStart[remove];
                    Update(tree, rank[r], -1);
                    count[rank[r]]--;
                    inTree--;
                }
            }
            for (var r = add; r < end; r++)
            {
                if (dead[r])
                {
                    var below = Prefix(tree, rank[r]);
                    var equal = count[rank[r]];
                    concordant += below;
                    tied += equal;
                    discordant += inTree - below - equal;
                }
            }
            for (var r = add; r < end; r++)
            {
                if (dead[r])
                {
                    Update(tree, rank[r], +1);
                    count[rank[r]]++;
                    inTree++;
                }
            }
            add = end;
        }
        return new Counts(concordant, discordant, tied);
    }

    /// <summary>
    /// The pairs of each death in [mid, hi) with every row of [lo, mid) (right-censored, stops of [lo, mid) all
    /// later): counts of the earlier part's ranks, summed up to each rank.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static Counts Across(bool[] dead, int lo, int mid, int hi, int[] rank, int unique)
    {
        // upTo[k] = rows of [lo, mid) with rank below k.
        var upTo = new int[unique + 1];
        for (var r = lo; r < mid; r++)
        {
            upTo[rank[r] + 1]++;
        }
        for (var k = 1; k <= unique; k++)
        {
            upTo[k] += upTo[k - 1];
        }
        long concordant = 0, discordant = 0, tied = 0;
        var rows = mid - lo;
        for (var r = mid; r < hi; r++)
        {
            if (dead[r])
            {
                var below = upTo[rank[r]];
                var notAbove = upTo[rank[r] + 1];
                concordant += below;
                tied += notAbove - below;
                discordant += rows - notAbove;
            }
        }
        return new Counts(concordant, discordant, tied);
    }

    /// <summary>
    /// Dense ranks of <paramref name="lp"/> from 0 (equal values share a rank); <paramref name="unique"/> = number of
    /// ranks. A large array is sorted in two halves side by side, then merged.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int[] Ranks(double[] lp, int parallelRows, out int unique)
    {
        var n = lp.Length;
        var rank = new int[n];
        unique = 0;
        if (n < Math.Max(parallelRows, 2))
        {
            var rows = CoxSort.ByKey(lp, descending: false);
            for (var r = 0; r < n; r++)
            {
                if (r > 0 && lp[rows[r]] != lp[rows[r - 1]])
                {
                    unique++;
                }
                rank[rows[r]] = unique;
            }
            unique++;
            return rank;
        }
        var half = n / 2;
        var keys = ArrayPool<ulong>.Shared.Rent(n);
        var payload = ArrayPool<uint>.Shared.Rent(n);
        try
        {
            var bKeys = ArrayPool<ulong>.Shared.Rent(n - half);
            var bPayload = ArrayPool<uint>.Shared.Rent(n - half);
            try
            {
                Parallel.Invoke(
                    () => SortPart(lp, 0, half, keys, payload),
                    () => SortPart(lp, half, n, bKeys, bPayload));
                unique = MergeRanks(keys, payload, half, bKeys, bPayload, n - half, rank);
            }
            finally
            {
                ArrayPool<ulong>.Shared.Return(bKeys);
                ArrayPool<uint>.Shared.Return(bPayload);
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keys);
            ArrayPool<uint>.Shared.Return(payload);
        }
        return rank;
    }

    private static void SortPart(double[] lp, int from, int to, ulong[] keys, uint[] payload)
    {
        for (var r = from; r < to; r++)
        {
            keys[r - from] = RadixSort.Key(lp[r]);
            payload[r - from] = (uint)r;
        }
        RadixSort.Sort(keys, payload, to - from);
    }

    /// <summary>Merges two sorted key runs, giving each payload row its dense rank; returns the number of ranks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int MergeRanks(ulong[] aKeys, uint[] aRows, int aLength, ulong[] bKeys, uint[] bRows, int bLength, int[] rank)
    {
        var unique = -1;
        var previous = 0UL;
        int i = 0, j = 0;
        while (i < aLength || j < bLength)
        {
            ulong key;
            uint row;
            if (j == bLength || (i < aLength && aKeys[i] <= bKeys[j]))
            {
                key = aKeys[i];
                row = aRows[i++];
            }
            else
            {
                key = bKeys[j];
                row = bRows[j++];
            }
            if (unique < 0 || key != previous)
            {
                unique++;
                previous = key;
            }
            rank[row] = unique;
        }
        return unique + 1;
    }

    /// <summary>The test oracle: every pair, O(n²).</summary>
    public static double Reference(double[] start, double[] stop, double[] status, int[] strata, double[] lp)
    {
        double concordant = 0, discordant = 0, tied = 0;
        for (var i = 0; i < stop.Length; i++)
        {
            if (status[i] == 0)
            {
                continue;
            }
            var t = stop[i];
            for (var j = 0; j < stop.Length; j++)
            {
                if (j == i || strata[j] != strata[i] || !(start[j] < t))
                {
                    continue;
                }
                var outlives = stop[j] > t || (stop[j] == t && status[j] == 0);
                if (!outlives)
                {
                    continue;
                }
                if (lp[i] > lp[j])
                {
                    concordant++;
                }
                else if (lp[i] < lp[j])
                {
                    discordant++;
                }
                else
                {
                    tied++;
                }
            }
        }
        return (concordant + tied / 2) / (concordant + discordant + tied);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Update(int[] tree, int index, int delta)
    {
        unchecked
        {
            for (var k = index + 1; k < tree.Length; k += k & -k)
            {
                tree[k] += delta;
            }
        }
    }

    /// <summary>Count of entries with rank &lt; index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int Prefix(int[] tree, int index)
    {
        unchecked
        {
            var sum = 0;
            for (var k = index; k > 0; k -= k & -k)
            {
                sum += tree[k];
            }
            return sum;
        }
    }
}
