using Sarc.Statistics.Distributions;

namespace Sarc.Statistics.Hypothesis;

/// <summary>The classic analysis of a 2 x 2 table (exposure x outcome), as <c>sarc table2x2</c> prints it.</summary>
public static class TwoByTwoTest
{
    /// <summary>
    /// Fisher p and mid-p, Pearson chi-square with and without Yates' correction, the sample odds ratio with Woolf's
    /// interval and the conditional MLE odds ratio with its exact interval, all at <paramref name="confidenceLevel"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> not in (0, 1).</exception>
    public static TwoByTwoResult Test(TwoByTwoTable table, double confidenceLevel = 0.95)
    {
        Preconditions.InOpenRange(confidenceLevel, 0, 1, nameof(confidenceLevel));
        var chiSquare = ContingencyChiSquare.Pearson(table);
        var warnings = new List<string>(chiSquare.Warnings);
        if (table.A == 0 || table.B == 0 || table.C == 0 || table.D == 0)
        {
            warnings.Add("A cell is zero: the sample odds ratio is 0, infinite or undefined and Woolf's interval is unbounded; report the conditional odds ratio and its exact interval.");
        }
        return new TwoByTwoResult(
            table,
            FisherExactTest.PValue(table),
            FisherExactTest.MidPValue(table),
            chiSquare,
            ContingencyChiSquare.Yates(table),
            WoolfOddsRatio(table, confidenceLevel),
            FisherExactTest.ConditionalOddsRatio(table, confidenceLevel),
            warnings);
    }

    /// <summary>
    /// The sample odds ratio ad / bc and Woolf's logit interval exp(log OR ± z SE), SE = √(1/a + 1/b + 1/c + 1/d),
    /// z = the normal quantile at (1 + level) / 2. Computed in IEEE arithmetic as R would: a zero cell gives 0 or +∞
    /// and a NaN limit (log 0 - ∞ and the like), never a 0.5 correction.
    /// </summary>
    public static IntervalEstimate WoolfOddsRatio(TwoByTwoTable table, double confidenceLevel = 0.95)
    {
        Preconditions.InOpenRange(confidenceLevel, 0, 1, nameof(confidenceLevel));
        double a = table.A, b = table.B, c = table.C, d = table.D;
        var oddsRatio = a * d / (b * c);
        var standardError = Math.Sqrt(1 / a + 1 / b + 1 / c + 1 / d);
        var z = Probability.NormalQuantile((1 + confidenceLevel) / 2);
        var logOddsRatio = Math.Log(oddsRatio);
        return new IntervalEstimate(
            oddsRatio,
            Math.Exp(logOddsRatio - z * standardError),
            Math.Exp(logOddsRatio + z * standardError),
            confidenceLevel);
    }
}
