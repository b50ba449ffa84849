namespace Sarc.Statistics.Hypothesis;

/// <summary>
/// A correlation test on the <see cref="N"/> complete pairs. Pearson: <see cref="Statistic"/> is t with
/// <see cref="DegreesOfFreedom"/> = n - 2 and [<see cref="Lower"/>, <see cref="Upper"/>] the Fisher-z interval (NaN
/// when n &lt;= 3). Spearman: <see cref="Statistic"/> is R's S = (n³ - n)(1 - rho) / 6, df and limits NaN.
/// <see cref="Excluded"/> counts pairs dropped because either value was missing (NaN).
/// </summary>
public sealed record CorrelationResult(
    CorrelationMethod Method,
    int N,
    int Excluded,
    double Estimate,
    double Statistic,
    double DegreesOfFreedom,
    double P,
    double Lower,
    double Upper,
    IReadOnlyList<string> Warnings);
