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
    /// </summary>
    // Hot loop: jitted fully optimized at first call. ReadyToRun code cannot inline across assemblies (Span
    // helpers stay calls) and a method called a few times is never re-jitted, so the precompiled loop would stay slow.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static double ComputeSorted(double[] stop, bool[] dead, int[] stratumEnd, double[] lp, int[]? byStart, double[] startSorted)
    {
        var n = stop.Length;
        var rank = Ranks(lp, out var unique);
        var tree = new int[unique + 1];
        var count = new int[unique];
        long concordant = 0, discordant = 0, tied = 0;
        var lo = 0;
        foreach (var hi in stratumEnd)
        {
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
            if (hi < n)
            {
                Array.Clear(tree);
                Array.Clear(count);
            }
            lo = hi;
        }
        double pairs = concordant + discordant + tied;
        return (concordant + tied / 2.0) / pairs;
    }

    /// <summary>Dense ranks of <paramref name="lp"/> from 0 (equal values share a rank); <paramref name="unique"/> = number of ranks.</summary>
    private static int[] Ranks(double[] lp, out int unique)
    {
        var n = lp.Length;
        var rows = CoxSort.ByKey(lp, descending: false);
        var rank = new int[n];
        unique = 0;
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
