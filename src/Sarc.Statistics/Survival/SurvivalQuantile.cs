namespace Sarc.Statistics.Survival;

/// <summary>
/// R survival's <c>findq</c> (used by <c>quantile.survfit</c>): the time at which a step function first reaches a
/// cumulative probability, with the midpoint rule on segments that are flat at it within a tolerance.
/// </summary>
internal static class SurvivalQuantile
{
    /// <summary>
    /// findq kernel. Inputs: <paramref name="time"/> = the curve's step times ascending (the point x = 0 is implied
    /// before them), <paramref name="curve"/> = S (or a confidence limit of S) at those times, NaN for R's NA, and
    /// <paramref name="p"/> in [0, 1]. It works on y = 1 - S with y = 0 at x = 0, as R does:
    /// duplicated y values are dropped (the first occurrence keeps its time), i1 is the point with the smallest
    /// y + tol ≥ p and i2 the one with the smallest y - tol ≥ p; the answer is (x[i1] + x[i2]) / 2, or
    /// (x[i1] + last time) / 2 when the last distinct y is within tol of p. Output: NaN when not reached.
    /// </summary>
    public static double Find(ReadOnlySpan<double> time, ReadOnlySpan<double> curve, double p)
    {
        var tolerance = TimeFix.Tolerance;
        var n = curve.Length + 1;
        var maxY = 0.0;
        for (var i = 0; i < curve.Length; i++)
        {
            var y = 1 - curve[i];
            if (y > maxY)
            {
                maxY = y;
            }
        }
        if (maxY < p)
        {
            return double.NaN;
        }
        if (p < tolerance)
        {
            // approx() returns NA below its smallest abscissa, which for y + tol is tol itself.
            return double.NaN;
        }

        var monotone = IsNonDecreasing(curve);
        HashSet<double>? seen = monotone ? null : new HashSet<double> { 0.0 };
        var seenNaN = false;
        var lastKept = 0.0; // y of the last value that is not a duplicate (NaN allowed)
        var previousKept = 0.0; // the last non-NaN kept y, for the monotone duplicate test
        int index1 = -1, index2 = -1;
        double key1 = double.PositiveInfinity, key2 = double.PositiveInfinity;
        // Index 0 is the implied point (x = 0, y = 0); it can only be chosen when p ≤ tol.
        Consider(0, 0.0, p, tolerance, ref index1, ref key1, ref index2, ref key2);
        for (var i = 1; i < n; i++)
        {
            var y = 1 - curve[i - 1];
            if (double.IsNaN(y))
            {
                if (seenNaN)
                {
                    continue;
                }
                seenNaN = true;
                lastKept = y;
                continue;
            }
            var duplicate = monotone ? y == previousKept : !seen!.Add(y);
            if (duplicate)
            {
                continue;
            }
            previousKept = y;
            lastKept = y;
            Consider(i, y, p, tolerance, ref index1, ref key1, ref index2, ref key2);
        }

        var x1 = index1 < 0 ? double.NaN : index1 == 0 ? 0 : time[index1 - 1];
        var x2 = index2 < 0 ? double.NaN : index2 == 0 ? 0 : time[index2 - 1];
        if (!double.IsNaN(lastKept) && Math.Abs(p - lastKept) < tolerance)
        {
            // The curve ends flat at 1 - p: the midpoint of where it got there and the last time.
            return (x1 + time[^1]) / 2;
        }
        return (x1 + x2) / 2;
    }

    // approx(y ± tol, 1:n, p, "constant", f = 1) returns the index of the smallest key ≥ p; strict < keeps the first.
    private static void Consider(int index, double y, double p, double tolerance,
        ref int index1, ref double key1, ref int index2, ref double key2)
    {
        var up = y + tolerance;
        if (up >= p && up < key1)
        {
            key1 = up;
            index1 = index;
        }
        var down = y - tolerance;
        if (down >= p && down < key2)
        {
            key2 = down;
            index2 = index;
        }
    }

    // y = 1 - S is non-decreasing when S is non-increasing (ignoring NaN); then "seen before" = "equal to the previous".
    private static bool IsNonDecreasing(ReadOnlySpan<double> curve)
    {
        var previous = 1.0;
        foreach (var value in curve)
        {
            if (double.IsNaN(value))
            {
                continue;
            }
            if (value > previous)
            {
                return false;
            }
            previous = value;
        }
        return true;
    }
}
