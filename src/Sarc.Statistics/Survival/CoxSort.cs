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
        var keysToSort = ArrayPool<ulong>.Shared.Rent(n);
        var rows = ArrayPool<uint>.Shared.Rent(n);
        try
        {
            for (var r = 0; r < n; r++)
            {
                var b = RadixSort.Key(key[items[r]]);
                keysToSort[r] = descending ? ~b : b;
                rows[r] = (uint)items[r];
            }
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
}
