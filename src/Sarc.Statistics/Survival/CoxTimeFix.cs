namespace Sarc.Statistics.Survival;

/// <summary>
/// R's <c>aeqSurv</c>: times that differ by no more than sqrt(machine epsilon), absolutely or relative to the mean
/// absolute time, are one time. Input: stop times and optional start times (any order). Output: new arrays in which
/// each time is replaced by the first (smallest) value of its run of near-equal times; the inputs are not changed.
/// </summary>
internal static class CoxTimeFix
{
    private static readonly double Tolerance = Math.Sqrt(2.220446049250313e-16);

    public static (double[]? Start, double[] Stop) Apply(double[]? start, double[] stop)
    {
        var all = new double[stop.Length + (start?.Length ?? 0)];
        stop.CopyTo(all, 0);
        start?.CopyTo(all, stop.Length);
        Array.Sort(all);
        var count = 0;
        var sumAbs = 0.0;
        for (var i = 0; i < all.Length; i++)
        {
            if (double.IsFinite(all[i]) && (count == 0 || all[i] != all[count - 1]))
            {
                all[count++] = all[i];
                sumAbs += Math.Abs(all[i]);
            }
        }
        if (count < 2)
        {
            return (start, stop);
        }
        var meanAbs = sumAbs / count;
        var cuts = new double[count];
        var cutCount = 0;
        cuts[cutCount++] = all[0];
        var anyTied = false;
        for (var i = 1; i < count; i++)
        {
            var dy = all[i] - all[i - 1];
            if (dy <= Tolerance || dy / meanAbs <= Tolerance)
            {
                anyTied = true;
            }
            else
            {
                cuts[cutCount++] = all[i];
            }
        }
        if (!anyTied)
        {
            return (start, stop);
        }
        double Map(double x)
        {
            if (!double.IsFinite(x))
            {
                return x;
            }
            // findInterval: the last cut <= x.
            var index = Array.BinarySearch(cuts, 0, cutCount, x);
            if (index < 0)
            {
                index = ~index - 1;
            }
            return cuts[index];
        }
        var newStop = stop.Select(Map).ToArray();
        double[]? newStart = null;
        if (start is not null)
        {
            newStart = start.Select(Map).ToArray();
            for (var i = 0; i < newStart.Length; i++)
            {
                if (newStart[i] == newStop[i] && start[i] != stop[i])
                {
                    throw new ArgumentException(
                        $"Row {i}: the interval ({start[i]}, {stop[i]}] has effective length 0 after merging near-equal times (R: aeqSurv exception).");
                }
            }
        }
        return (newStart, newStop);
    }
}
