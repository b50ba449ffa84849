namespace Sarc.Statistics.Survival;

/// <summary>
/// Sorts survival rows by time, carrying each row's status and group along. Large inputs use <see cref="RadixSort"/>;
/// small ones the comparison sort that also serves as its test oracle.
/// The order among rows with equal times is unspecified: every estimator aggregates tied rows.
/// </summary>
internal static class TimeSort
{
    /// <summary>Below this many rows the comparison sort is as fast and allocates less.</summary>
    internal const int RadixThreshold = 4096;

    /// <summary>
    /// Sorted copies of the rows. Preconditions: times non-negative and finite (checked by the caller);
    /// <paramref name="group"/> empty (all 0) or one code ≥ 0 per row.
    /// </summary>
    public static (double[] Time, bool[] Status, int[] Group) Sort(ReadOnlySpan<double> time, ReadOnlySpan<bool> status, ReadOnlySpan<int> group) =>
        time.Length < RadixThreshold ? Comparison(time, status, group) : Radix(time, status, group);

    /// <summary>The obvious version: Array.Sort of the times with row indices, then a gather.</summary>
    internal static (double[] Time, bool[] Status, int[] Group) Comparison(ReadOnlySpan<double> time, ReadOnlySpan<bool> status, ReadOnlySpan<int> group)
    {
        var n = time.Length;
        var keys = time.ToArray();
        var order = new int[n];
        for (var i = 0; i < n; i++)
        {
            order[i] = i;
        }
        Array.Sort(keys, order);
        var sortedStatus = new bool[n];
        var sortedGroup = new int[n];
        for (var i = 0; i < n; i++)
        {
            sortedStatus[i] = status[order[i]];
            sortedGroup[i] = group.IsEmpty ? 0 : group[order[i]];
        }
        return (keys, sortedStatus, sortedGroup);
    }

    /// <summary>
    /// Through <see cref="RadixSort"/>: keys are the times' order-preserving bits, the payload group &lt;&lt; 1 | status,
    /// so no row index has to be gathered afterwards.
    /// </summary>
    internal static (double[] Time, bool[] Status, int[] Group) Radix(ReadOnlySpan<double> time, ReadOnlySpan<bool> status, ReadOnlySpan<int> group)
    {
        var n = time.Length;
        var keys = new ulong[n];
        var payload = new uint[n];
        for (var i = 0; i < n; i++)
        {
            keys[i] = RadixSort.Key(time[i]);
            payload[i] = ((uint)(group.IsEmpty ? 0 : group[i]) << 1) | (status[i] ? 1u : 0u);
        }
        RadixSort.Sort(keys, payload, n);
        var sortedTime = new double[n];
        var sortedStatus = new bool[n];
        var sortedGroup = new int[n];
        for (var i = 0; i < n; i++)
        {
            sortedTime[i] = RadixSort.Value(keys[i]);
            sortedStatus[i] = (payload[i] & 1) != 0;
            sortedGroup[i] = (int)(payload[i] >> 1);
        }
        return (sortedTime, sortedStatus, sortedGroup);
    }
}
