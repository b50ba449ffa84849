using Sarc.Statistics.Distributions;

namespace Sarc.Statistics.Hypothesis;

/// <summary>The Wilcoxon rank-sum test as R <c>wilcox.test(x, y)</c> with its defaults (exact = NULL, correct = TRUE).</summary>
public static class WilcoxonRankSumTest
{
    /// <summary>Below this size in both samples, and without ties, R uses the exact distribution.</summary>
    public const int ExactLimit = 50;

    /// <summary>
    /// Two-sided test of x against y. Exact p = min(1, 2 P(W &lt;= w)) or min(1, 2 P(W &gt;= w)) on the side of w
    /// beyond nx ny / 2 (R pwilcox); otherwise z = (w - nx ny / 2 - ½ sign) / σ with the tie-corrected σ.
    /// </summary>
    /// <exception cref="ArgumentException">An empty sample or a NaN.</exception>
    public static RankSumResult Test(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length == 0 || y.Length == 0)
        {
            throw new ArgumentException("Both samples need at least one value.");
        }
        var all = new double[x.Length + y.Length];
        x.CopyTo(all);
        y.CopyTo(all.AsSpan(x.Length));
        foreach (var v in all)
        {
            if (double.IsNaN(v))
            {
                throw new ArgumentException("A sample contains NaN; remove missing values first.");
            }
        }
        var ranks = Ranks.Average(all, out var tieSum);
        double nx = x.Length, ny = y.Length;
        var rankSum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            rankSum += ranks[i];
        }
        var w = rankSum - nx * (nx + 1) / 2;
        var ties = tieSum > 0;
        var warnings = new List<string>();
        if (x.Length < ExactLimit && y.Length < ExactLimit && !ties)
        {
            var distribution = RankSumDistribution(x.Length, y.Length);
            var wInt = (int)Math.Round(w);
            var p = w > nx * ny / 2
                ? UpperTail(distribution, wInt)
                : LowerTail(distribution, wInt);
            return new RankSumResult(w, Math.Min(2 * p, 1), true, warnings);
        }
        if (x.Length < ExactLimit && y.Length < ExactLimit)
        {
            warnings.Add("Ties: the exact p-value cannot be computed; normal approximation with tie correction used, as R.");
        }
        var n = nx + ny;
        var z = w - nx * ny / 2;
        var sigma = Math.Sqrt(nx * ny / 12 * (n + 1 - tieSum / (n * (n - 1))));
        var correction = Math.Sign(z) * 0.5;
        z = (z - correction) / sigma;
        var pValue = 2 * Math.Min(Probability.NormalLower(z), Probability.NormalUpper(z));
        return new RankSumResult(w, pValue, false, warnings);
    }

    // Kernel: frequencies of the Mann-Whitney count U for sizes m, n (R cwilcox), by the recurrence on the largest
    // observation f(u; i, j) = f(u - j; i - 1, j) + f(u; i, j - 1). Counts only add, so doubles keep full relative
    // precision up to choose(98, 49). Output: probabilities P(U = u), u = 0..m n.
    private static double[] RankSumDistribution(int m, int n)
    {
        var size = m * n + 1;
        var f = new double[m + 1][];
        for (var i = 0; i <= m; i++)
        {
            f[i] = new double[size];
            f[i][0] = 1;
        }
        for (var j = 1; j <= n; j++)
        {
            // f[i] holds f(.; i, j - 1); update in increasing i so f[i - 1] already holds f(.; i - 1, j).
            for (var i = 1; i <= m; i++)
            {
                var current = f[i];
                var previous = f[i - 1];
                var top = i * j;
                for (var u = top; u >= j; u--)
                {
                    current[u] += previous[u - j];
                }
            }
        }
        var counts = f[m];
        var total = 0.0;
        foreach (var c in counts)
        {
            total += c;
        }
        var probabilities = new double[size];
        for (var u = 0; u < size; u++)
        {
            probabilities[u] = counts[u] / total;
        }
        return probabilities;
    }

    private static double LowerTail(double[] distribution, int w)
    {
        var p = 0.0;
        for (var u = 0; u <= w && u < distribution.Length; u++)
        {
            p += distribution[u];
        }
        return p;
    }

    private static double UpperTail(double[] distribution, int w)
    {
        var p = 0.0;
        for (var u = Math.Max(w, 0); u < distribution.Length; u++)
        {
            p += distribution[u];
        }
        return p;
    }
}
