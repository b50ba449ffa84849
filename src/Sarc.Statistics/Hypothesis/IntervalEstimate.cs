namespace Sarc.Statistics.Hypothesis;

/// <summary>
/// A point estimate with a two-sided confidence interval [<see cref="Lower"/>, <see cref="Upper"/>] at
/// <see cref="ConfidenceLevel"/> (0.95 = 95 %). Limits may be 0 or +∞ (an odds ratio with a zero cell) and NaN where
/// R's arithmetic gives NaN.
/// </summary>
public sealed record IntervalEstimate(double Estimate, double Lower, double Upper, double ConfidenceLevel);
