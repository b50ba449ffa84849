using Sarc.Statistics.Distributions;

namespace Sarc.Statistics.Hypothesis;

/// <summary>The Kruskal-Wallis test as R <c>kruskal.test(x, g)</c>: tie-corrected H, df = groups - 1, p = P(χ²_df &gt; H).</summary>
public static class KruskalWallisTest
{
    /// <summary>
    /// H = (12 / (N (N + 1)) Σ R_g² / n_g - 3 (N + 1)) / (1 - Σ (t³ - t) / (N³ - N)), with R_g the rank sum of group g
    /// under average ranks of all values together.
    /// </summary>
    /// <param name="samples">One array per group; every group needs a value.</param>
    /// <exception cref="ArgumentException">Fewer than 2 groups, an empty group, a NaN, or all values equal.</exception>
    public static ChiSquareTest Test(IReadOnlyList<double[]> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Count < 2)
        {
            throw new ArgumentException("The Kruskal-Wallis test needs at least 2 groups.", nameof(samples));
        }
        var total = 0;
        foreach (var sample in samples)
        {
            if (sample.Length == 0)
            {
                throw new ArgumentException("Every group needs at least one value.", nameof(samples));
            }
            total += sample.Length;
        }
        var all = new double[total];
        var offset = 0;
        foreach (var sample in samples)
        {
            foreach (var v in sample)
            {
                if (double.IsNaN(v))
                {
                    throw new ArgumentException("A sample contains NaN; remove missing values first.", nameof(samples));
                }
                all[offset++] = v;
            }
        }
        var ranks = Ranks.Average(all, out var tieSum);
        double n = total;
        var sum = 0.0;
        offset = 0;
        foreach (var sample in samples)
        {
            var rankSum = 0.0;
            for (var i = 0; i < sample.Length; i++)
            {
                rankSum += ranks[offset + i];
            }
            offset += sample.Length;
            sum += rankSum * rankSum / sample.Length;
        }
        var tieCorrection = 1 - tieSum / (n * n * n - n);
        if (!(tieCorrection > 0))
        {
            throw new ArgumentException("All values are equal: the Kruskal-Wallis statistic is undefined.", nameof(samples));
        }
        var statistic = (12 * sum / (n * (n + 1)) - 3 * (n + 1)) / tieCorrection;
        var df = samples.Count - 1;
        return new ChiSquareTest(statistic, df, Probability.ChiSquareUpper(statistic, df));
    }
}
