using Sarc.Statistics.Distributions;

namespace Sarc.Statistics.Hypothesis;

/// <summary>
/// Correlation tests as R <c>cor.test(x, y, method, exact = FALSE)</c> on pairwise complete cases, two-sided.
/// </summary>
public static class CorrelationTest
{
    /// <summary>Runs <paramref name="method"/> on the pairs where neither x nor y is NaN.</summary>
    /// <exception cref="ArgumentException">x and y of different lengths, or fewer than 3 complete pairs (R stops there too).</exception>
    public static CorrelationResult Test(ReadOnlySpan<double> x, ReadOnlySpan<double> y, CorrelationMethod method, double confidenceLevel = 0.95) =>
        method == CorrelationMethod.Pearson ? Pearson(x, y, confidenceLevel) : Spearman(x, y);

    /// <summary>
    /// Pearson's r with t = √(n - 2) r / √(1 - r²) on n - 2 df and the interval tanh(atanh r ± z / √(n - 3));
    /// as R <c>cor.test(x, y)</c>.
    /// </summary>
    public static CorrelationResult Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double confidenceLevel = 0.95)
    {
        Preconditions.InOpenRange(confidenceLevel, 0, 1, nameof(confidenceLevel));
        var (xs, ys, excluded) = CompletePairs(x, y);
        var n = xs.Length;
        var r = Correlation(xs, ys);
        double df = n - 2;
        var t = Math.Sqrt(df) * r / Math.Sqrt(1 - r * r);
        var p = TwoSided(t, df);
        double lower = double.NaN, upper = double.NaN;
        if (n > 3)
        {
            var z = Math.Atanh(r);
            var sigma = 1 / Math.Sqrt(n - 3);
            var quantile = Probability.NormalQuantile((1 + confidenceLevel) / 2);
            lower = Math.Tanh(z - sigma * quantile);
            upper = Math.Tanh(z + sigma * quantile);
        }
        return new CorrelationResult(CorrelationMethod.Pearson, n, excluded, r, t, df, p, lower, upper, Warnings(r));
    }

    /// <summary>
    /// Spearman's rho (Pearson's r of average ranks) with R's t approximation: S = (n³ - n)(1 - rho) / 6,
    /// r' = 1 - 6 S / (n (n² - 1)), t = r' / √((1 - r'²) / (n - 2)) on n - 2 df; as R
    /// <c>cor.test(x, y, method = "spearman", exact = FALSE)</c>.
    /// </summary>
    public static CorrelationResult Spearman(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var (xs, ys, excluded) = CompletePairs(x, y);
        var n = xs.Length;
        var rho = Correlation(Ranks.Average(xs, out _), Ranks.Average(ys, out _));
        double nd = n;
        var s = (nd * nd * nd - nd) * (1 - rho) / 6;
        var denominator = nd * (nd * nd - 1) / 6;
        var r = 1 - s / denominator;
        var t = r / Math.Sqrt((1 - r * r) / (nd - 2));
        var p = TwoSided(t, nd - 2);
        return new CorrelationResult(CorrelationMethod.Spearman, n, excluded, rho, s, double.NaN, p, double.NaN, double.NaN, Warnings(rho));
    }

    private static double TwoSided(double t, double df) =>
        double.IsNaN(t) ? double.NaN : Math.Min(1, 2 * Probability.StudentTUpper(Math.Abs(t), df));

    private static IReadOnlyList<string> Warnings(double r) => double.IsNaN(r)
        ? ["A variable is constant over the complete pairs: the correlation is undefined."]
        : [];

    private static (double[] X, double[] Y, int Excluded) CompletePairs(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"x has {x.Length} values and y {y.Length}; pairs need equal lengths.");
        }
        var complete = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (!double.IsNaN(x[i]) && !double.IsNaN(y[i]))
            {
                complete++;
            }
        }
        if (complete < 3)
        {
            throw new ArgumentException($"Only {complete} complete pairs; a correlation test needs at least 3.");
        }
        var xs = new double[complete];
        var ys = new double[complete];
        var k = 0;
        for (var i = 0; i < x.Length; i++)
        {
            if (!double.IsNaN(x[i]) && !double.IsNaN(y[i]))
            {
                xs[k] = x[i];
                ys[k] = y[i];
                k++;
            }
        }
        return (xs, ys, x.Length - complete);
    }

    // Two-pass centred sums, as R's cor(): products of deviations from the means, not raw moments.
    private static double Correlation(double[] x, double[] y)
    {
        var n = x.Length;
        double meanX = 0, meanY = 0;
        for (var i = 0; i < n; i++)
        {
            meanX += x[i];
            meanY += y[i];
        }
        meanX /= n;
        meanY /= n;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            var dx = x[i] - meanX;
            var dy = y[i] - meanY;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        var r = sxy / Math.Sqrt(sxx * syy);
        return Math.Max(-1, Math.Min(1, r));
    }
}
