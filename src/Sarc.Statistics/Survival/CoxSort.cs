using System.Runtime.CompilerServices;
using System.Buffers;

namespace Sarc.Statistics.Survival;

/// <summary>
/// Sorting for the Cox sweeps: an LSD radix sort of row indices by a double key (4 passes of 16 bits over the key's
/// order-preserving bit pattern), stable, O(n). Inputs: keys (no NaN), row indices to order. Output: a new index
/// array, ascending or descending by key; equal keys keep their input order. The scratch arrays come from the
/// shared pool: the several sorts of one fit then reuse the same memory.
/// </summary>
internal static class CoxSort
{
    /// <summary>All rows 0 … key.Length - 1, by key.</summary>
    public static int[] ByKey(double[] key, bool descending)
    {
        var items = new int[key.Length];
        for (var r = 0; r < items.Length; r++)
        {
            items[r] = r;
        }
        return Sort(key, items, descending, sortInPlace: true);
    }

    public static int[] ByKey(double[] key, int[] items, bool descending) => Sort(key, items, descending, sortInPlace: false);

    // Hot loop: jitted fully optimized at first call. ReadyToRun code cannot inline across assemblies (Span
    // helpers stay calls) and a method called a few times is never re-jitted, so the precompiled loop would stay slow.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int[] Sort(double[] key, int[] items, bool descending, bool sortInPlace)
    {
        var n = items.Length;
        if (n < 4096)
        {
            var keys = new double[n];
            for (var r = 0; r < n; r++)
            {
                keys[r] = descending ? -key[items[r]] : key[items[r]];
            }
            var small = (int[])items.Clone();
            // Stable for equal keys: break ties by position.
            var position = new int[n];
            for (var r = 0; r < n; r++)
            {
                position[r] = r;
            }
            Array.Sort(position, (a, b) =>
            {
                var c = keys[a].CompareTo(keys[b]);
                return c != 0 ? c : a.CompareTo(b);
            });
            for (var r = 0; r < n; r++)
            {
                small[r] = items[position[r]];
            }
            return small;
        }
        var pool = ArrayPool<ulong>.Shared;
        var bits = pool.Rent(n);
        var otherBits = pool.Rent(n);
        var scratch = ArrayPool<int>.Shared.Rent(n);
        try
        {
            for (var r = 0; r < n; r++)
            {
                var b = BitConverter.DoubleToUInt64Bits(key[items[r]] + 0.0);
                // Negative numbers: flip all bits; positive: flip the sign bit. Then unsigned order = numeric order.
                b = (b & 0x8000_0000_0000_0000UL) != 0 ? ~b : b | 0x8000_0000_0000_0000UL;
                bits[r] = descending ? ~b : b;
            }
            var result = sortInPlace ? items : (int[])items.Clone();
            var source = result;
            var target = scratch;
            var sourceBits = bits;
            var targetBits = otherBits;
            var counts = new int[65536];
            for (var shift = 0; shift < 64; shift += 16)
            {
                Array.Clear(counts);
                for (var r = 0; r < n; r++)
                {
                    counts[(int)((sourceBits[r] >> shift) & 0xFFFF)]++;
                }
                if (counts[(int)((sourceBits[0] >> shift) & 0xFFFF)] == n)
                {
                    continue; // every key has the same digit here
                }
                var sum = 0;
                for (var d = 0; d < counts.Length; d++)
                {
                    var c = counts[d];
                    counts[d] = sum;
                    sum += c;
                }
                for (var r = 0; r < n; r++)
                {
                    var digit = (int)((sourceBits[r] >> shift) & 0xFFFF);
                    var at = counts[digit]++;
                    target[at] = source[r];
                    targetBits[at] = sourceBits[r];
                }
                (source, target) = (target, source);
                (sourceBits, targetBits) = (targetBits, sourceBits);
            }
            if (!ReferenceEquals(source, result))
            {
                Array.Copy(source, result, n);
            }
            return result;
        }
        finally
        {
            pool.Return(bits);
            pool.Return(otherBits);
            ArrayPool<int>.Shared.Return(scratch);
        }
    }
}
