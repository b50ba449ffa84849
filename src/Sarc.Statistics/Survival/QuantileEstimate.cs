namespace Sarc.Statistics.Survival;

/// <summary>
/// A quantile of the survival time (such as the median) with its confidence limits, in the time unit of the data.
/// Each of the three is NaN when the curve (or the respective confidence band) never reaches the probability; R
/// reports NA there.
/// </summary>
/// <param name="Estimate">The time at which the curve first reaches 1 - p (with R's midpoint rule on flat segments).</param>
/// <param name="Lower">Where the lower confidence band reaches it (the earlier time).</param>
/// <param name="Upper">Where the upper confidence band reaches it (the later time).</param>
public readonly record struct QuantileEstimate(double Estimate, double Lower, double Upper);
