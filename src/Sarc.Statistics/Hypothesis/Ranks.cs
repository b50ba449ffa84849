namespace Sarc.Statistics.Hypothesis;

/// <summary>
/// Kernel: average ranks, as R <c>rank(x)</c> with ties.method = "average". Input: finite values in any order.
/// Output: ranks 1..n (ties share the mean of their positions) and Σ (t³ - t) over tie groups of size t, the
/// quantity R's rank tests subtract for ties. Sorts an index array once.
/// </summary>
internal static class Ranks
{
    public static double[] Average(ReadOnlySpan<double> values, out double tieSum)
    {
        var n = values.Length;
        var order = SortOrder.Ascending(values, out var keys);
        var ranks = new double[n];
        tieSum = 0;
        var start = 0;
        while (start < n)
        {
            var end = start + 1;
            while (end < n && keys[end] == keys[start])
            {
                end++;
            }
            var rank = (start + 1 + end) / 2.0;
            for (var i = start; i < end; i++)
            {
                ranks[order[i]] = rank;
            }
            double t = end - start;
            tieSum += t * t * t - t;
            start = end;
        }
        return ranks;
    }
}
