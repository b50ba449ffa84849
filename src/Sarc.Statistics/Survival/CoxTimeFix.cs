namespace Sarc.Statistics.Survival;

/// <summary>
/// R's <c>aeqSurv</c>: times that differ by no more than sqrt(machine epsilon), absolutely or relative to the mean
/// absolute time, are one time. Input: stop times and optional start times (any order). Output: new arrays in which
/// each time is replaced by the first (smallest) value of its run of near-equal times (the same arrays when nothing
/// is merged); the inputs are not changed. One radix sort of all times, then a linear pass.
/// </summary>
internal static class CoxTimeFix
{
    private static readonly double Tolerance = Math.Sqrt(2.220446049250313e-16);

    /// <param name="start">Interval starts, or null.</param>
    /// <param name="stop">Stop times.</param>
    /// <param name="descendingStopOrder">For right-censored data, the rows by stop descending if already known.</param>
    /// <param name="collapsed">When given, the rows whose interval has length 0 after merging are added to it; otherwise such a row throws.</param>
    /// <exception cref="ArgumentException">An interval of length 0 after merging, without <paramref name="collapsed"/>.</exception>
    public static (double[]? Start, double[] Stop) Apply(double[]? start, double[] stop, int[]? descendingStopOrder = null, List<int>? collapsed = null)
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

        // Distinct finite values in ascending order.
        var distinct = new List<double>();
        var sumAbs = 0.0;
        for (var r = 0; r < order.Length; r++)
        {
            var v = all[order[ascending ? r : order.Length - 1 - r]];
            if (double.IsFinite(v) && (distinct.Count == 0 || v != distinct[^1]))
            {
                distinct.Add(v);
                sumAbs += Math.Abs(v);
            }
        }
        if (distinct.Count < 2)
        {
            return (start, stop);
        }
        var meanAbs = sumAbs / distinct.Count;
        var mapped = new double[distinct.Count];
        mapped[0] = distinct[0];
        var anyTied = false;
        for (var u = 1; u < distinct.Count; u++)
        {
            var dy = distinct[u] - distinct[u - 1];
            if (dy <= Tolerance || dy / meanAbs <= Tolerance)
            {
                anyTied = true;
                mapped[u] = mapped[u - 1];
            }
            else
            {
                mapped[u] = distinct[u];
            }
        }
        if (!anyTied)
        {
            return (start, stop);
        }
        // Which distinct value each time is (only now: most data have nothing to merge).
        var which = new int[all.Length];
        for (int r = 0, u = 0; r < order.Length; r++)
        {
            var k = order[ascending ? r : order.Length - 1 - r];
            var v = all[k];
            if (!double.IsFinite(v))
            {
                which[k] = -1;
                continue;
            }
            while (distinct[u] != v)
            {
                u++;
            }
            which[k] = u;
        }
        var newStop = new double[n];
        for (var i = 0; i < n; i++)
        {
            newStop[i] = which[i] < 0 ? stop[i] : mapped[which[i]];
        }
        double[]? newStart = null;
        if (start is not null)
        {
            newStart = new double[n];
            for (var i = 0; i < n; i++)
            {
                newStart[i] = which[n + i] < 0 ? start[i] : mapped[which[n + i]];
                if (newStart[i] == newStop[i] && start[i] != stop[i])
                {
                    if (collapsed is not null)
                    {
                        collapsed.Add(i);
                        continue;
                    }
                    throw new ArgumentException(
                        $"Row {i}: the interval ({start[i]}, {stop[i]}] has effective length 0 after merging near-equal times (R: aeqSurv exception).");
                }
            }
        }
        return (newStart, newStop);
    }
}
