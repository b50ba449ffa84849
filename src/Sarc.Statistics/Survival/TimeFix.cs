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
