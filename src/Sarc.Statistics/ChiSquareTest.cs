using Sarc.Statistics.Distributions;

namespace Sarc.Statistics;

/// <summary>
/// A test whose statistic is referred to the chi-square distribution: the statistic, its degrees of freedom and the
/// upper-tail p-value. The one shape of every such test (Cox's likelihood-ratio, Wald and score tests, cox.zph, the
/// log-rank test, Gray's test, Pearson's chi-square, Kruskal-Wallis); tests that carry more derive from it.
/// </summary>
/// <param name="ChiSquare">The statistic; NaN when it does not exist (a singular variance).</param>
/// <param name="DegreesOfFreedom">Its degrees of freedom.</param>
/// <param name="P">P(χ²_df &gt; statistic); NaN when the statistic is NaN (each test states its own edge cases).</param>
public record ChiSquareTest(double ChiSquare, int DegreesOfFreedom, double P)
{
    /// <summary>The test of <paramref name="chiSquare"/> on <paramref name="df"/> degrees of freedom; P is NaN when df ≤ 0 or the statistic is NaN, and a negative statistic (rounding) counts as 0.</summary>
    public static ChiSquareTest Of(double chiSquare, int df) =>
        new(chiSquare, df, df > 0 && !double.IsNaN(chiSquare) ? Probability.ChiSquareUpper(Math.Max(chiSquare, 0), df) : double.NaN);
}
