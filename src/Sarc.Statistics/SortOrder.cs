namespace Sarc.Statistics;

/// <summary>The permutation that sorts a sample, for kernels that walk the rows in value order and write back by row.</summary>
internal static class SortOrder
{
    /// <summary>
    /// The row indices in ascending order of <paramref name="values"/> (Array.Sort: the order among equal values is
    /// unspecified), with the sorted copy of the values in <paramref name="sorted"/>: <c>sorted[r] = values[order[r]]</c>.
    /// </summary>
    public static int[] Ascending(ReadOnlySpan<double> values, out double[] sorted)
    {
        var order = new int[values.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        sorted = values.ToArray();
        Array.Sort(sorted, order);
        return order;
    }
}
