namespace Sarc.Statistics;

/// <summary>Search in ascending time arrays, as step functions need it.</summary>
internal static class SortedTimes
{
    /// <summary>
    /// How many entries of ascending <paramref name="times"/> are &lt;= <paramref name="value"/> (the upper bound):
    /// a right-continuous step function's value at <paramref name="value"/> is the one set at index count − 1.
    /// </summary>
    public static int CountAtOrBefore(ReadOnlySpan<double> times, double value)
    {
        int low = 0, high = times.Length;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (times[middle] <= value)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }

    /// <summary>
    /// A cumulative step function read at each of <paramref name="at"/>: the sum of the
    /// <paramref name="increments"/> whose <paramref name="times"/> (ascending, one increment each) are &lt;= the time,
    /// 0 before the first (a baseline cumulative hazard from its jumps).
    /// </summary>
    public static double[] CumulativeAt(ReadOnlySpan<double> times, ReadOnlySpan<double> increments, ReadOnlySpan<double> at)
    {
        var cumulative = new double[increments.Length];
        var total = 0.0;
        for (var k = 0; k < cumulative.Length; k++)
        {
            total += increments[k];
            cumulative[k] = total;
        }
        var result = new double[at.Length];
        for (var j = 0; j < at.Length; j++)
        {
            var k = CountAtOrBefore(times, at[j]);
            result[j] = k == 0 ? 0 : cumulative[k - 1];
        }
        return result;
    }
}
