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
    /// <summary>O(n log n): per stratum, a backward sweep over time with a Fenwick tree over lp ranks.</summary>
    public static double Compute(double[] start, double[] stop, double[] status, int[] strata, double[] lp, bool countingProcess, int[]? stopOrder = null)
    {
        var n = stop.Length;
        // Ranks of lp (equal values share a rank) from one sort of (lp, row).
        var rows = CoxSort.ByKey(lp, Enumerable.Range(0, n).ToArray(), descending: false);
        var rank = new int[n];
        var unique = 0;
        for (var r = 0; r < n; r++)
        {
            if (r > 0 && lp[rows[r]] != lp[rows[r - 1]])
            {
                unique++;
            }
            rank[rows[r]] = unique;
        }
        unique++;
        var all = Enumerable.Range(0, n).ToArray();
        var byStop = stopOrder ?? CoxPrepared.SortByStratumThenDescending(stop, strata, all);
        var byStart = countingProcess ? CoxPrepared.SortByStratumThenDescending(start, strata, all) : [];
        var tree = new long[unique + 1];
        double concordant = 0, discordant = 0, tied = 0;
        var lo = 0;
        while (lo < n)
        {
            var stratum = strata[byStop[lo]];
            var hi = lo;
            while (hi < n && strata[byStop[hi]] == stratum)
            {
                hi++;
            }
            var add = lo;
            var remove = lo;
            while (add < hi)
            {
                var t = stop[byStop[add]];
                var end = add;
                while (end < hi && stop[byStop[end]] == t)
                {
                    end++;
                }
                // Censored at t outlive the events at t: they enter first.
                for (var r = add; r < end; r++)
                {
                    var i = byStop[r];
                    if (status[i] == 0)
                    {
                        Update(tree, rank[i], +1);
                    }
                }
                if (countingProcess)
                {
                    for (; remove < hi && start[byStart[remove]] >= t; remove++)
                    {
                        // stop > start >= t, so the row entered the tree at its own stop time.
                        Update(tree, rank[byStart[remove]], -1);
                    }
                }
                var total = Sum(tree, unique - 1);
                for (var r = add; r < end; r++)
                {
                    var i = byStop[r];
                    if (status[i] == 0)
                    {
                        continue;
                    }
                    var below = rank[i] > 0 ? Sum(tree, rank[i] - 1) : 0;
                    var equal = Sum(tree, rank[i]) - below;
                    concordant += below;
                    tied += equal;
                    discordant += total - below - equal;
                }
                for (var r = add; r < end; r++)
                {
                    var i = byStop[r];
                    if (status[i] != 0)
                    {
                        Update(tree, rank[i], +1);
                    }
                }
                add = end;
            }
            Array.Clear(tree);
            lo = hi;
        }
        var pairs = concordant + discordant + tied;
        return (concordant + tied / 2) / pairs;
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

    private static void Update(long[] tree, int index, long delta)
    {
        for (var k = index + 1; k < tree.Length; k += k & -k)
        {
            tree[k] += delta;
        }
    }

    /// <summary>Count of entries with rank &lt;= index.</summary>
    private static long Sum(long[] tree, int index)
    {
        long sum = 0;
        for (var k = index + 1; k > 0; k -= k & -k)
        {
            sum += tree[k];
        }
        return sum;
    }
}
