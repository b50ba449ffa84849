using System.Runtime.CompilerServices;
using System.Buffers;

namespace Sarc.Statistics.Survival;

/// <summary>
/// Sorting for the Cox sweeps: row indices ordered by a double key through <see cref="RadixSort"/> (the row index is
/// the payload), stable, O(n). Inputs: keys (no NaN), row indices to order. Output: the index array (a new one unless
/// the rows were made here), ascending or descending by key; equal keys keep their input order. The scratch arrays
/// come from the shared pool: the several sorts of one fit then reuse the same memory.
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
        if (n >= ParallelRows && Environment.ProcessorCount > 1)
        {
            return SortInHalves(key, items, descending, sortInPlace ? items : new int[n]);
        }
        var keysToSort = ArrayPool<ulong>.Shared.Rent(n);
        var rows = ArrayPool<uint>.Shared.Rent(n);
        try
        {
            Fill(key, items, 0, n, descending, keysToSort, rows);
            RadixSort.Sort(keysToSort, rows, n);
            var result = sortInPlace ? items : new int[n];
            for (var r = 0; r < n; r++)
            {
                result[r] = (int)rows[r];
            }
            return result;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(keysToSort);
            ArrayPool<uint>.Shared.Return(rows);
        }
    }

    /// <summary>From this many rows on, the two halves are sorted side by side and merged.</summary>
    internal const int ParallelRows = 1 << 16;

    /// <summary>
    /// The same order as one stable sort: each half sorted on its own core, then merged taking the first half's row
    /// on equal keys (the first half's rows come first in the input).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int[] SortInHalves(double[] key, int[] items, bool descending, int[] result)
    {
        var n = items.Length;
        var half = n / 2;
        var (aKeys, aRows) = (ArrayPool<ulong>.Shared.Rent(half), ArrayPool<uint>.Shared.Rent(half));
        var (bKeys, bRows) = (ArrayPool<ulong>.Shared.Rent(n - half), ArrayPool<uint>.Shared.Rent(n - half));
        try
        {
            Parallel.Invoke(
                () =>
                {
                    Fill(key, items, 0, half, descending, aKeys, aRows);
                    RadixSort.Sort(aKeys, aRows, half);
                },
                () =>
                {
                    Fill(key, items, half, n, descending, bKeys, bRows);
                    RadixSort.Sort(bKeys, bRows, n - half);
                });
            int i = 0, j = 0;
            for (var r = 0; r < n; r++)
            {
                result[r] = j == n - half || (i < half && aKeys[i] <= bKeys[j]) ? (int)aRows[i++] : (int)bRows[j++];
            }
            return result;
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(aKeys);
            ArrayPool<uint>.Shared.Return(aRows);
            ArrayPool<ulong>.Shared.Return(bKeys);
            ArrayPool<uint>.Shared.Return(bRows);
        }
    }

    /// <summary>The radix keys (complemented for a descending order) and rows of items [from, to), from position 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Fill(double[] key, int[] items, int from, int to, bool descending, ulong[] keys, uint[] rows)
    {
        for (var r = from; r < to; r++)
        {
            var b = RadixSort.Key(key[items[r]]);
            keys[r - from] = descending ? ~b : b;
            rows[r - from] = (uint)items[r];
        }
    }
}
