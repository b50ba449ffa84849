namespace Sarc.Statistics.Survival;

/// <summary>A chi-square test: statistic, degrees of freedom and upper-tail p-value.</summary>
public sealed record CoxTest(double ChiSquare, int DegreesOfFreedom, double P)
{
    internal static CoxTest Of(double chiSquare, int df) =>
        new(chiSquare, df, df > 0 && !double.IsNaN(chiSquare)
            ? Distributions.Probability.ChiSquareUpper(Math.Max(chiSquare, 0), df)
            : double.NaN);
}
