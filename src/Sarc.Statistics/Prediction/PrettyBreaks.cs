namespace Sarc.Statistics.Prediction;

/// <summary>
/// "Pretty" axis breaks exactly as R's <c>pretty(x, n)</c> (base R 4.2, <c>R_pretty</c> with its defaults
/// <c>min.n = n %/% 3</c>, <c>shrink.sml = 0.75</c>, <c>high.u.bias = 1.5</c>, <c>u5.bias = 2.75</c>): about
/// <c>n + 1</c> equally spaced round values (1, 2 or 5 times a power of 10) that cover the range. The nomogram takes
/// its axes from here, as <c>rms::nomogram</c> does, so that they carry the same tick values as R's.
/// </summary>
public static class PrettyBreaks
{
    private const double RoundingEpsilon = 1e-10;
    private const double MachineEpsilon = 2.220446049250313e-16;
    private const double HighBias = 1.5;
    private const double FiveBias = 0.5 + 1.5 * HighBias;
    private const double ShrinkSmall = 0.75;

    /// <summary>The breaks covering [<paramref name="low"/>, <paramref name="high"/>], ascending.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A bound that is not finite, <paramref name="low"/> &gt; <paramref name="high"/>, or <paramref name="intervals"/> &lt; 1.</exception>
    public static double[] Of(double low, double high, int intervals = 5)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high) || low > high)
        {
            throw new ArgumentOutOfRangeException(nameof(low), $"pretty() needs finite low <= high, found [{low}, {high}].");
        }
        if (intervals < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(intervals), intervals, "intervals must be >= 1.");
        }
        var minIntervals = intervals / 3;
        var dx = high - low;
        double cell;
        bool small;
        if (dx == 0 && high == 0)
        {
            cell = 1;
            small = true;
        }
        else
        {
            cell = Math.Max(Math.Abs(low), Math.Abs(high));
            var u = 1 + (FiveBias >= 1.5 * HighBias + 0.5 ? 1 / (1 + HighBias) : 1.5 / (1 + FiveBias));
            u *= Math.Max(1, intervals) * MachineEpsilon;
            small = dx < cell * u * 3;
        }
        if (small)
        {
            if (cell > 10)
            {
                cell = 9 + cell / 10;
            }
            cell *= ShrinkSmall;
            if (minIntervals > 1)
            {
                cell /= minIntervals;
            }
        }
        else
        {
            cell = dx;
            if (intervals > 1)
            {
                cell /= intervals;
            }
        }
        var subSmall = Math.Pow(2, -20) * 2.2250738585072014e-308;
        if (cell < subSmall)
        {
            cell = subSmall;
        }
        var unitBase = Math.Pow(10.0, Math.Floor(Math.Log10(cell)));
        var unit = unitBase;
        if (2 * unitBase - cell < HighBias * (cell - unit))
        {
            unit = 2 * unitBase;
            if (5 * unitBase - cell < FiveBias * (cell - unit))
            {
                unit = 5 * unitBase;
                if (10 * unitBase - cell < HighBias * (cell - unit))
                {
                    unit = 10 * unitBase;
                }
            }
        }
        var ns = Math.Floor(low / unit + RoundingEpsilon);
        var nu = Math.Ceiling(high / unit - RoundingEpsilon);
        while (ns * unit > low + RoundingEpsilon * unit)
        {
            ns--;
        }
        while (nu * unit < high - RoundingEpsilon * unit)
        {
            nu++;
        }
        var k = (int)(0.5 + nu - ns);
        if (k < minIntervals)
        {
            k = minIntervals - k;
            if (ns >= 0)
            {
                nu += k / 2;
                ns -= k / 2 + k % 2;
            }
            else
            {
                ns -= k / 2;
                nu += k / 2 + k % 2;
            }
            k = minIntervals;
        }
        // pretty.default: seq.int(l, u, length.out = k + 1) from the bounds, widened to cover the range.
        var from = Math.Min(ns * unit, low);
        var to = Math.Max(nu * unit, high);
        var breaks = Sequence(from, to, k + 1);
        if (k > 0)
        {
            var delta = (to - from) / k;
            for (var i = 0; i < breaks.Length; i++)
            {
                if (Math.Abs(breaks[i]) < 1e-14 * delta)
                {
                    breaks[i] = 0;
                }
            }
        }
        return breaks;
    }

    /// <summary>R's <c>seq.int(from, to, length.out = count)</c>: both ends exact, the inside from the nearer end.</summary>
    internal static double[] Sequence(double from, double to, int count)
    {
        var values = new double[count];
        if (count > 0)
        {
            values[0] = from;
        }
        if (count > 1)
        {
            values[count - 1] = to;
        }
        if (count > 2)
        {
            var by = (to - from) / (count - 1);
            for (var i = 1; i < count - 1; i++)
            {
                values[i] = i < count / 2 ? from + i * by : to - (count - 1 - i) * by;
            }
        }
        return values;
    }
}
