using System.Buffers;
using System.Runtime.CompilerServices;

namespace Sarc.Statistics;

/// <summary>
/// The one radix sort of the statistics (Kaplan-Meier's time sort, the Cox sweeps' row orders): a stable LSD sort of
/// 64-bit keys carrying a 32-bit payload. One pass builds the histograms of all 11-bit digits, then one stable scatter
/// per digit, skipping digits on which every key agrees (the sign and exponent bits of times within one binade, for
/// instance). O(n), scratch from the shared pool.
/// </summary>
internal static class RadixSort
{
    private const int DigitBits = 11;
    private const int Buckets = 1 << DigitBits;
    private const int Digits = (64 + DigitBits - 1) / DigitBits;
    private const ulong SignBit = 0x8000_0000_0000_0000UL;

    /// <summary>An unsigned key whose order is the numeric order of <paramref name="value"/> (not NaN; -0 = +0).</summary>
    public static ulong Key(double value)
    {
        var bits = BitConverter.DoubleToUInt64Bits(value + 0.0);
        // Negative numbers: flip all bits; others: set the sign bit. Then unsigned order = numeric order.
        return (bits & SignBit) != 0 ? ~bits : bits | SignBit;
    }

    /// <summary>The value whose <see cref="Key"/> is <paramref name="key"/>.</summary>
    public static double Value(ulong key) =>
        BitConverter.UInt64BitsToDouble((key & SignBit) != 0 ? key & ~SignBit : ~key);

    /// <summary>Sorts the first <paramref name="n"/> keys ascending in place, moving each payload with its key; equal keys keep their order.</summary>
    // Hot loop: jitted fully optimized at first call (a method called a few times is never re-jitted).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Sort(ulong[] keys, uint[] payload, int n)
    {
        var histogram = new int[Digits * Buckets];
        for (var i = 0; i < n; i++)
        {
            var key = keys[i];
            for (var d = 0; d < Digits; d++)
            {
                histogram[d * Buckets + (int)((key >> (d * DigitBits)) & (Buckets - 1))]++;
            }
        }
        var keyScratch = ArrayPool<ulong>.Shared.Rent(n);
        var payloadScratch = ArrayPool<uint>.Shared.Rent(n);
        try
        {
            var (keysIn, keysOut, payloadIn, payloadOut) = (keys, keyScratch, payload, payloadScratch);
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
                    var key = keysIn[i];
                    var position = offsets[(int)((key >> shift) & (Buckets - 1))]++;
                    keysOut[position] = key;
                    payloadOut[position] = payloadIn[i];
                }
                (keysIn, keysOut) = (keysOut, keysIn);
                (payloadIn, payloadOut) = (payloadOut, payloadIn);
            }
            if (!ReferenceEquals(keysIn, keys))
            {
                Array.Copy(keysIn, keys, n);
                Array.Copy(payloadIn, payload, n);
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keyScratch);
            ArrayPool<uint>.Shared.Return(payloadScratch);
        }
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
