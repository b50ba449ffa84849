namespace Sarc.Statistics.Hypothesis;

/// <summary>
/// A two-sample t-test of mean(x) - mean(y) = 0, two-sided, as R <c>t.test(x, y)</c> (Welch) or
/// <c>t.test(x, y, var.equal = TRUE)</c> (Student). <see cref="Lower"/>/<see cref="Upper"/> bound the difference
/// mean(x) - mean(y) at <see cref="ConfidenceLevel"/>.
/// </summary>
public sealed record TTestResult(
    bool EqualVariances,
    double MeanX,
    double MeanY,
    double StandardError,
    double T,
    double DegreesOfFreedom,
    double P,
    double Lower,
    double Upper,
    double ConfidenceLevel);
