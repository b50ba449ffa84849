namespace Sarc.Statistics.Survival;

/// <summary>
/// Merges near-equal survival times exactly as R's <c>aeqSurv</c> (applied by survfit, survdiff and coxph under
/// <c>timefix = TRUE</c>), so that times which are equal in intent but not in floating point (0.1 + 0.2 vs 0.3,
/// days / 30.4375 computed two ways) form one tied risk set.
/// </summary>
/// <remarks>
/// Let y be the sorted distinct times. Neighbours are tied when their gap is ≤ √ε (≈ 1.49e-8) or ≤ √ε · mean(|y|);
/// each run of tied neighbours collapses onto its smallest member (chains are transitive). The tolerance is over
/// all rows at once, so a grouped analysis must merge before splitting by group, as R does.
/// </remarks>
public static class TimeFix
{
    /// <summary>R's default tolerance, <c>sqrt(.Machine$double.eps)</c>.</summary>
    public const double Tolerance = 1.4901161193847656e-08;

    /// <summary>
    /// Returns a copy of <paramref name="time"/> with near-equal times replaced by the smallest time of their run;
    /// as R <c>aeqSurv(Surv(time, status))[, 1]</c>. Times must be finite.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A NaN or infinite time.</exception>
    public static double[] Merge(ReadOnlySpan<double> time)
    {
        var sorted = time.ToArray();
        var order = new int[sorted.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        foreach (var t in sorted)
        {
            RequireFinite(t, nameof(time));
        }
        Array.Sort(sorted, order);
        MergeSorted(sorted);
        var merged = new double[sorted.Length];
        for (var i = 0; i < sorted.Length; i++)
        {
            merged[order[i]] = sorted[i];
        }
        return merged;
    }

    /// <summary>
    /// The time fix of a Cox fit (R's coxph applies <c>aeqSurv</c> to the whole response): stop times and optional
    /// start times merged together. Output: new arrays with each time replaced by the first of its run, or the same
    /// arrays when nothing is merged; the inputs are not changed. Non-finite times are left as they are.
    /// </summary>
    /// <param name="start">Interval starts, or null.</param>
    /// <param name="stop">Stop times.</param>
    /// <param name="descendingStopOrder">For right-censored data, the rows by stop descending if already known (saves a sort).</param>
    /// <param name="collapsed">When given, the rows whose interval has length 0 after merging are added to it; otherwise such a row throws.</param>
    /// <exception cref="ArgumentException">An interval of length 0 after merging, without <paramref name="collapsed"/> (R's aeqSurv stops there).</exception>
    internal static (double[]? Start, double[] Stop) Apply(double[]? start, double[] stop, int[]? descendingStopOrder = null, List<int>? collapsed = null)
    {
        var n = stop.Length;
        var all = stop;
        int[] order;
        var ascending = true;
        if (start is null && descendingStopOrder is not null)
        {
            // Read backwards below: no reversed copy of a million indices.
            order = descendingStopOrder;
            ascending = false;
        }
        else
        {
            all = new double[n + (start?.Length ?? 0)];
            stop.CopyTo(all, 0);
            start?.CopyTo(all, n);
            order = CoxSort.ByKey(all, descending: false);
        }
        var sorted = new double[order.Length];
        for (var r = 0; r < sorted.Length; r++)
        {
            sorted[r] = all[order[ascending ? r : order.Length - 1 - r]];
        }
        // Infinite times sort to the ends and take no part in the merge.
        var first = 0;
        var end = sorted.Length;
        while (first < end && !double.IsFinite(sorted[first]))
        {
            first++;
        }
        while (end > first && !double.IsFinite(sorted[end - 1]))
        {
            end--;
        }
        if (MergeSorted(sorted.AsSpan(first, end - first)) == 0)
        {
            return (start, stop);
        }
        var merged = new double[all.Length];
        for (var r = 0; r < sorted.Length; r++)
        {
            merged[order[ascending ? r : order.Length - 1 - r]] = sorted[r];
        }
        var newStop = merged.Length == n ? merged : merged[..n];
        if (start is null)
        {
            return (null, newStop);
        }
        var newStart = merged[n..];
        for (var i = 0; i < n; i++)
        {
            if (newStart[i] == newStop[i] && start[i] != stop[i])
            {
                if (collapsed is null)
                {
                    throw new ArgumentException(
                        $"Row {i}: the interval ({start[i]}, {stop[i]}] has effective length 0 after merging near-equal times (R: aeqSurv exception).");
                }
                collapsed.Add(i);
            }
        }
        return (newStart, newStop);
    }

    /// <summary>
    /// aeqSurv kernel. Input: finite times sorted ascending (ties adjacent), rewritten in place so that every time
    /// takes the value of the first distinct time of its tied run. Output: the number of distinct times that were
    /// merged into a smaller one (0 = nothing changed). O(n), two passes: the mean of the distinct times, then the cuts.
    /// </summary>
    internal static int MergeSorted(Span<double> sorted)
    {
        if (sorted.Length < 2)
        {
            return 0;
        }
        var mean = MeanAbsoluteOfDistinct(sorted);
        var merged = 0;
        var cut = sorted[0];
        var previousDistinct = sorted[0];
        for (var i = 1; i < sorted.Length; i++)
        {
            var value = sorted[i];
            if (value != previousDistinct)
            {
                var gap = value - previousDistinct;
                previousDistinct = value;
                // R: tied <- (dy <= tol) | (dy / mean(abs(y)) <= tol); the gap is to the previous distinct time,
                // not to the cut, which is what makes runs chain.
                if (gap <= Tolerance || gap / mean <= Tolerance)
                {
                    merged++;
                }
                else
                {
                    cut = value;
                }
            }
            sorted[i] = cut;
        }
        return merged;
    }

    /// <summary>mean(abs(y)) over the distinct values, with R's second refinement pass (mean.default on doubles).</summary>
    private static double MeanAbsoluteOfDistinct(ReadOnlySpan<double> sorted)
    {
        double sum = 0;
        var count = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i == 0 || sorted[i] != sorted[i - 1])
            {
                sum += Math.Abs(sorted[i]);
                count++;
            }
        }
        var mean = sum / count;
        if (!double.IsFinite(mean))
        {
            return mean;
        }
        double correction = 0;
        for (var i = 0; i < sorted.Length; i++)
        {
            if (i == 0 || sorted[i] != sorted[i - 1])
            {
                correction += Math.Abs(sorted[i]) - mean;
            }
        }
        return mean + correction / count;
    }

    internal static void RequireFinite(double value, string name)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite.");
        }
    }
}
