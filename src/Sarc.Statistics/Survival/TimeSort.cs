namespace Sarc.Statistics.Survival;

/// <summary>
/// Sorts survival rows by time, carrying each row's status and group along. Large inputs use an LSD radix sort on
/// the IEEE bits of the (non-negative) times; small ones the comparison sort that also serves as its test oracle.
/// The order among rows with equal times is unspecified: every estimator aggregates tied rows.
/// </summary>
internal static class TimeSort
{
    /// <summary>Below this many rows the comparison sort is as fast and allocates less.</summary>
    internal const int RadixThreshold = 4096;

    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;
    private const int Digits = (64 + DigitBits - 1) / DigitBits;

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
    /// Radix kernel. Keys: the bits of each time as an unsigned integer, which orders non-negative doubles correctly
    /// (-0.0 is mapped to +0.0 first); payload: group &lt;&lt; 1 | status. One pass builds the histograms of all
    /// 11-bit digits, then one stable scatter per digit, skipping digits that are equal in every row (the exponent
    /// bits of times within one binade, for instance). O(n) with two buffers.
    /// </summary>
    internal static (double[] Time, bool[] Status, int[] Group) Radix(ReadOnlySpan<double> time, ReadOnlySpan<bool> status, ReadOnlySpan<int> group)
    {
        var n = time.Length;
        var keys = new ulong[n];
        var payload = new uint[n];
        var histogram = new int[Digits * Buckets];
        for (var i = 0; i < n; i++)
        {
            var t = time[i];
            var key = t == 0 ? 0UL : BitConverter.DoubleToUInt64Bits(t);
            keys[i] = key;
            payload[i] = ((uint)(group.IsEmpty ? 0 : group[i]) << 1) | (status[i] ? 1u : 0u);
            for (var d = 0; d < Digits; d++)
            {
                histogram[d * Buckets + (int)((key >> (d * DigitBits)) & (Buckets - 1))]++;
            }
        }

        var keysOut = new ulong[n];
        var payloadOut = new uint[n];
        var offsets = new int[Buckets];
        for (var d = 0; d < Digits; d++)
        {
            var counts = histogram.AsSpan(d * Buckets, Buckets);
            if (IsSingleBucket(counts, n))
            {
                continue;
            }
            var running = 0;
            for (var b = 0; b < Buckets; b++)
            {
                offsets[b] = running;
                running += counts[b];
            }
            var shift = d * DigitBits;
            for (var i = 0; i < n; i++)
            {
                var key = keys[i];
                var position = offsets[(int)((key >> shift) & (Buckets - 1))]++;
                keysOut[position] = key;
                payloadOut[position] = payload[i];
            }
            (keys, keysOut) = (keysOut, keys);
            (payload, payloadOut) = (payloadOut, payload);
        }

        var sortedTime = new double[n];
        var sortedStatus = new bool[n];
        var sortedGroup = new int[n];
        for (var i = 0; i < n; i++)
        {
            sortedTime[i] = BitConverter.UInt64BitsToDouble(keys[i]);
            sortedStatus[i] = (payload[i] & 1) != 0;
            sortedGroup[i] = (int)(payload[i] >> 1);
        }
        return (sortedTime, sortedStatus, sortedGroup);
    }

    private static bool IsSingleBucket(ReadOnlySpan<int> counts, int n)
    {
        foreach (var count in counts)
        {
            if (count != 0)
            {
                return count == n;
            }
        }
        return true;
    }
}
