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
}
